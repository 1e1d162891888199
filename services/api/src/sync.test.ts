import { newOrg, newService } from '@tandem/db/testing';
import { testApp, type TestApp, apiKey, member, type Call } from './testing/app';
import { world } from './modules/referrals/testing';

// Sync by `updatedSince` (issue 23, docs/sync.md): a job takes T, later asks for what changed
// since T, and gets exactly those rows, oldest change first, across pages, even when a row
// changes again while it pages.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Page = { data: { id: string; updatedAt: string }[]; nextCursor: string | null };
/** A moment strictly after every write so far, and before every write after it. */
const mark = async () => {
  await new Promise((r) => setTimeout(r, 5));
  const at = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 5));
  return at;
};
const all = async (call: Call, url: string, limit = 2) => {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const res = await call('GET', `${url}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const page = res.body as Page;
    pages.push(page.data.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
};

describe('GET /api/v1/referrals?updatedSince=', () => {
  it('returns exactly the referrals changed since T, by updatedAt, across pages, with a row changed while paging at the end', async () => {
    const w = await world(t);
    const need = (n: string) => ({ needs: [n] });
    const [r1, r2, r3, r4] = [
      await w.sent(need('food-insecurity')),
      await w.sent(need('housing-instability')),
      await w.sent(need('transportation-insecurity')),
      await w.sent(need('employment-status')),
    ];
    const draft = await w.draft(need('utility-insecurity'));
    const key = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    const T = await mark();

    // A message, a status change, an assignment and a draft edit; r2 is left alone.
    expect((await w.chw.call('POST', `/api/v1/referrals/${r3.id}/messages`, { body: 'Any news?' })).status).toBe(201);
    expect((await key('POST', `/api/v1/referrals/${r1.id}/transitions`, { to: 'accepted', version: r1.version })).status).toBe(200);
    expect((await key('POST', `/api/v1/referrals/${r4.id}/assign`, { assigneeId: w.cboStaff.user.id })).status).toBe(200);
    expect((await w.chw.call('PATCH', `/api/v1/referrals/${draft.id}`, { reason: 'More detail', version: draft.version })).status).toBe(200);

    const first = await key('GET', `/api/v1/referrals?box=received&updatedSince=${T}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((r: { id: string }) => r.id)).toEqual([r3.id, r1.id]);
    // r3 changes again while the job pages: it moves behind r4 and is seen on the next page.
    expect((await w.chw.call('POST', `/api/v1/referrals/${r3.id}/messages`, { body: 'Still there?' })).status).toBe(201);
    const second = await key('GET', `/api/v1/referrals?box=received&updatedSince=${T}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.data.map((r: { id: string }) => r.id)).toEqual([r4.id, r3.id]);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.data, ...second.body.data].map((r: { id: string }) => r.id)).not.toContain(r2.id);

    // The sender's box: the same changes plus the draft edit, in the order they happened.
    const sent = await all(w.chw.call, `/api/v1/referrals?box=sent&updatedSince=${T}`);
    expect(sent.flat()).toEqual([r1.id, r4.id, draft.id, r3.id]);

    // Asking again from the last row's updatedAt is inclusive: that row comes again, nothing older.
    const last = second.body.data[1];
    const again = await key('GET', `/api/v1/referrals?box=received&updatedSince=${last.updatedAt}`);
    expect(again.body.data.map((r: { id: string }) => r.id)).toEqual([r3.id]);
    // Nothing changed after the last change: an empty page.
    const later = await mark();
    expect((await key('GET', `/api/v1/referrals?box=received&updatedSince=${later}`)).body).toEqual({ data: [], nextCursor: null });
  });

  it('refuses a cursor of the newest-first order in a sync, and a timestamp without a zone', async () => {
    const w = await world(t);
    await w.draft();
    await w.draft();
    const page = await w.chw.call('GET', '/api/v1/referrals?box=sent&limit=1');
    const res = await w.chw.call('GET', `/api/v1/referrals?box=sent&updatedSince=2020-01-01T00:00:00Z&cursor=${page.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_cursor');
    const bad = await w.chw.call('GET', '/api/v1/referrals?box=sent&updatedSince=2020-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.updatedSince');
  });
});

describe('GET /api/v1/referrals/{id}/messages?updatedSince=', () => {
  it('returns only the messages written since T, oldest first', async () => {
    const w = await world(t);
    const r = await w.sent();
    await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'One' });
    const T = await mark();
    const two = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Two' });
    const three = await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Three' });
    const pages = await all(w.chw.call, `/api/v1/referrals/${r.id}/messages?updatedSince=${T}`, 1);
    expect(pages.flat()).toEqual([two.body.id, three.body.id]);
  });
});

describe('GET /api/v1/organizations and /organizations/{id}/services ?updatedSince=', () => {
  it('returns the organizations and services changed since T, oldest change first', async () => {
    const [a, b, c] = [await newOrg(t.db), await newOrg(t.db), await newOrg(t.db)];
    const [s1, s2, s3] = [await newService(t.db, b.id), await newService(t.db, b.id), await newService(t.db, b.id)];
    const adminB = await member(t, b, 'org_admin');
    const adminC = await member(t, c, 'org_admin');
    const T = await mark();

    expect((await adminC.call('PATCH', `/api/v1/organizations/${c.id}`, { description: 'New hours', version: c.version })).status).toBe(200);
    expect((await adminB.call('POST', `/api/v1/services/${s3.id}/capacity`, { status: 'waitlist' })).status).toBe(200);
    expect((await adminB.call('PATCH', `/api/v1/organizations/${b.id}`, { description: 'Now with a pantry', version: b.version })).status).toBe(200);
    expect((await adminB.call('PUT', `/api/v1/services/${s1.id}/schedule`, { intervals: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }], exceptions: [] })).status).toBe(200);

    const orgs = await all(adminB.call, `/api/v1/organizations?updatedSince=${T}`, 1);
    expect(orgs.flat()).toEqual([c.id, b.id]);
    expect(orgs.flat()).not.toContain(a.id);
    const services = await all(adminB.call, `/api/v1/organizations/${b.id}/services?updatedSince=${T}`, 1);
    expect(services.flat()).toEqual([s3.id, s1.id]);
    expect(services.flat()).not.toContain(s2.id);
  });
});
