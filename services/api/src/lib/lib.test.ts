import { authChanged, changingAuth, createAuthCache } from './auth-cache';
import { z } from 'zod';
import { api } from '@tandem/contract';
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
  it('defuses every formula start (= + - @ tab CR) in text, header included, and leaves numbers, dates and booleans as they are', () => {
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx', 'a=1'].map(csvCell)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", `"'\rx"`, 'a=1']);
    const csv = toCsv([{ n: -1, d: new Date('2026-01-02T03:04:05Z'), b: true, x: null }], [
      { header: '=n', value: (r) => r.n },
      { header: 'd', value: (r) => r.d },
      { header: 'b', value: (r) => r.b },
      { header: 'x', value: (r) => r.x },
    ]);
    expect(csv).toBe("'=n,d,b,x\r\n-1,2026-01-02T03:04:05.000Z,true,\r\n");
  });
  it('quotes a lone line feed or carriage return, not only CRLF', () => {
    expect([csvCell('a\nb'), csvCell('a\rb'), csvCell('')]).toEqual(['"a\nb"', '"a\rb"', '']);
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
  it('writes null in a nullable enum, also inside a nullable object (validated per call there)', () => {
    const Lang = z.object({ id: z.string(), lang: z.enum(['en', 'es']).nullable(), fixed: z.literal('x').nullable() });
    const Outer = z.object({ client: Lang.nullable(), list: z.array(Lang) });
    expect(responseJsonSchema(Lang)).toMatchObject({ properties: { lang: { type: ['string', 'null'], enum: ['en', 'es', null] }, fixed: { enum: ['x', null] } } });
    const value = { client: { id: 'c', lang: null, fixed: null }, list: [{ id: 'd', lang: 'es', fixed: 'x' }] };
    const s = createResponseSerializer({ check: true })({ schema: Outer, method: 'GET', url: '/outer', httpStatus: '200' });
    expect(JSON.parse(s(value))).toEqual(value);
  });
  it('every response of the API: wherever a value may be null, the fast serializer admits null', () => {
    // The class of bug behind a 500 after commit: a type list with null beside an enum without it.
    const offending: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`));
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.type) && o.type.includes('null') && Array.isArray(o.enum) && !o.enum.includes(null)) offending.push(at);
      for (const [k, x] of Object.entries(o)) walk(x, `${at}.${k}`);
    };
    for (const [name, e] of Object.entries(api)) {
      for (const [status, schema] of Object.entries(e.responses)) if (schema) walk(responseJsonSchema(schema as z.ZodType), `${name} ${status}`);
    }
    expect(offending).toEqual([]);
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
  it('writes null for a nullable enum, at any depth (fuzz seed 20260022: a referral whose client has no preferred language was a 500)', () => {
    // A schema with an id is a $ref, so its nullable stays an anyOf that fast-json-stringify checks with ajv.
    const Client = z.object({ lang: z.enum(['en', 'es']).nullable() }).meta({ id: 'SerializerTestClient' });
    const S = z.object({ lang: z.enum(['en', 'es']).nullable(), client: Client.nullable() });
    const run = createResponseSerializer({ check: true })({ schema: S, method: 'GET', url: '/s', httpStatus: '200' });
    for (const v of [{ lang: null, client: { lang: null } }, { lang: 'es', client: null }, { lang: 'en', client: { lang: 'es' } }]) expect(JSON.parse(run(v))).toEqual(v);
  });
  it('firstDifference walks arrays and objects', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('$.a[1].b');
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('$.a (length)');
    expect(firstDifference({ a: 1 }, { a: 1 })).toBeNull();
  });
});
