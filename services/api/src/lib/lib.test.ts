import { authChanged, changingAuth, createAuthCache } from './auth-cache';
import { z } from 'zod';
import { AppError } from './app-error';
import { assertVersion } from './concurrency';
import { csvCell, toCsv } from './csv';
import { decodeCursor, encodeCursor, toPage } from './pagination';
import { diffFields } from './audit';
import { createResponseSerializer, firstDifference, responseJsonSchema } from './serializer';

describe('cursor pagination', () => {
  const shape = z.tuple([z.string(), z.uuid()]);
  it('round-trips a sort key', () => {
    const key = ['food bank', '0190c8a0-0000-4000-8000-000000000000'] as const;
    expect(decodeCursor(encodeCursor(key), shape)).toEqual(key);
  });
  it.each(['garbage', encodeCursor([1, 2]), Buffer.from('{"a":1}').toString('base64url')])('rejects %s as invalid_cursor', (c) => {
    expect(() => decodeCursor(c, shape)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
  });
  it('toPage returns a cursor only when more rows exist', () => {
    expect(toPage([1, 2, 3], 2, (n) => [n])).toEqual({ data: [1, 2], nextCursor: encodeCursor([2]) });
    expect(toPage([1, 2], 2, (n) => [n])).toEqual({ data: [1, 2], nextCursor: null });
  });
});

describe('optimistic concurrency', () => {
  it('passes the current version and refuses a stale one with stale_version', () => {
    expect(() => assertVersion(3, 3)).not.toThrow();
    expect(() => assertVersion(4, 3)).toThrow(AppError);
    expect(() => assertVersion(4, 3)).toThrow(expect.objectContaining({ code: 'stale_version' }));
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and newlines (RFC 4180) and ends lines with CRLF', () => {
    const csv = toCsv([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines' }], [
      { header: 'A', value: (r) => r.a },
      { header: 'B', value: (r) => r.b },
      { header: 'C', value: (r) => r.c },
    ]);
    expect(csv).toBe('A,B,C\r\n"x,y","say ""hi""","two\nlines"\r\n');
  });
  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('diffFields', () => {
  it('lists only the fields that changed', () => {
    expect(diffFields({ a: 1, b: ['x'], c: 'same' }, { a: 2, b: ['x'], c: 'same' }, ['a', 'b', 'c'])).toEqual({ a: { from: 1, to: 2 } });
  });
});

describe('auth cache', () => {
  it('keeps an entry for its time to live, drops it after, and empties on authChanged', () => {
    const cache = createAuthCache<{ n: number }>(5_000);
    cache.set('a', { n: 1 }, 1_000);
    expect(cache.get('a', 5_999)).toEqual({ n: 1 });
    expect(cache.get('a', 6_000)).toBeUndefined();
    cache.set('b', { n: 2 }, 10_000);
    authChanged();
    expect(cache.get('b', 10_001)).toBeUndefined();
  });

  it('caches nothing with a zero time to live and forgets the oldest entry when full', () => {
    const off = createAuthCache<number>(0);
    off.set('a', 1, 0);
    expect(off.get('a', 0)).toBeUndefined();
    const small = createAuthCache<number>(60_000, 2);
    small.set('a', 1, 0);
    small.set('b', 2, 0);
    small.set('c', 3, 0);
    expect([small.get('a', 1), small.get('b', 1), small.get('c', 1)]).toEqual([undefined, 2, 3]);
  });

  it('does not keep what a lookup found when a change landed while it ran (it may have read the old row)', async () => {
    const cache = createAuthCache<string>(60_000);
    let reads = 0;
    const lookup = () => cache.through('k', async () => `read ${++reads}`);
    let finish = () => {};
    const running = cache.through('k', () => new Promise<string>((resolve) => (finish = () => resolve(`read ${++reads}`))));
    authChanged();
    finish();
    expect(await running).toBe('read 1');
    expect(await lookup()).toBe('read 2');
    expect(await lookup()).toBe('read 2');
  });

  it('changingAuth empties the caches once the write is over, committed or failed, and not before', async () => {
    const cache = createAuthCache<number>(60_000);
    cache.set('a', 1);
    const seen = await changingAuth(async () => cache.get('a'));
    expect(seen).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 2);
    await expect(changingAuth(() => Promise.reject(new Error('rolled back')))).rejects.toThrow('rolled back');
    expect(cache.get('b')).toBeUndefined();
  });
});

describe('response serializer', () => {
  const Item = z.object({
    email: z.string().toLowerCase(),
    note: z.string().nullable(),
    count: z.int(),
    tags: z.array(z.object({ code: z.enum(['a', 'b']) })),
    seenAt: z.iso.datetime().nullable().optional(),
  });
  const compile = (check: boolean) => createResponseSerializer({ check })({ schema: Item, method: 'GET', url: '/items', httpStatus: '200' });
  const item = { email: 'a@b.org', note: null, count: 2, tags: [{ code: 'a' }] };

  it('writes only the declared fields, at every depth', () => {
    const out = compile(false)({ ...item, passwordHash: 'x', tags: [{ code: 'a', internal: 1 }] });
    expect(JSON.parse(out)).toEqual(item);
  });
  it('turns zod nullable unions into type lists, so nothing is validated per call', () => {
    expect(responseJsonSchema(Item)).toMatchObject({ properties: { note: { type: ['string', 'null'] }, seenAt: { type: ['string', 'null'], format: 'date-time' } } });
  });
  it('with check, fails a response zod rejects', () => {
    expect(() => compile(true)({ ...item, count: '2' })).toThrow();
    expect(compile(false)({ ...item, count: '2' })).toContain('"count":2');
  });
  it('with check, fails a response the two write differently, naming the path and no value', () => {
    const run = () => compile(true)({ ...item, email: 'Client.Name@Example.org' });
    expect(run).toThrow('differs from zod\'s at $.email');
    expect(run).not.toThrow(/Client\.Name/);
    expect(compile(true)(item)).toBe(compile(false)(item));
  });
  // Found by app.roundtrips.property.test.ts: a referral's nullable `client` (a $ref, so left an
  // anyOf) is validated by fast-json-stringify, and the merged `{type: [string, null], enum}` refused a null.
  it('writes a null enum inside a nullable object', () => {
    const Outer = z.object({ client: z.object({ lang: z.enum(['en', 'es']).nullable() }).meta({ id: 'PropInner' }).nullable() });
    const write = createResponseSerializer({ check: false })({ schema: Outer, method: 'GET', url: '/o', httpStatus: '200' });
    expect(JSON.parse(write({ client: { lang: null } }))).toEqual({ client: { lang: null } });
    expect(JSON.parse(write({ client: null }))).toEqual({ client: null });
  });
  it('firstDifference walks arrays and objects', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('$.a[1].b');
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('$.a (length)');
    expect(firstDifference({ a: 1 }, { a: 1 })).toBeNull();
  });
});
