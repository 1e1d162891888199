import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { testApp, type TestApp } from '../../testing/app';
import { world } from './testing';
import { newClient, newConsent } from '@tandem/db/testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);

describe('GET /api/v1/referrals (inbox)', () => {
  it('filters by status, need, overdue, assignee and client name, and counts per status', async () => {
    const w = await world(t);
    const food = await w.sent();
    const housing = await w.sent({ needs: ['housing-instability'] });
    const juan = await newClient(t.db, w.clinic, { givenName: 'Juan', familyName: 'Perez' });
    await newConsent(t.db, juan);
    const third = await w.sent({ clientId: juan.id, needs: ['transportation-insecurity'] });
    const draft = await w.draft({ needs: ['employment-status'] });

    // The CBO opens and accepts one, assigns another, and one goes overdue.
    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${food.id}`);
    await w.cboStaff.call('POST', `/api/v1/referrals/${food.id}/transitions`, { to: 'accepted', version: opened.body.version });
    await w.cboStaff.call('POST', `/api/v1/referrals/${housing.id}/assign`, { assigneeId: w.cboStaff.user.id });
    await t.db.update(schema.referrals).set({ acknowledgeDueAt: new Date(Date.now() - 3_600_000) }).where(eq(schema.referrals.id, third.id));

    const get = async (q: string) => (await w.cboStaff.call('GET', `/api/v1/referrals?box=received${q}`)).body;
    expect(ids(await get(''))).toEqual([third.id, housing.id, food.id]);
    expect(ids(await get('&status=accepted'))).toEqual([food.id]);
    expect(ids(await get('&need=housing-instability'))).toEqual([housing.id]);
    expect(ids(await get('&overdue=true'))).toEqual([third.id]);
    expect((await get('&overdue=true')).data[0].overdue).toEqual({ acknowledge: true, firstContact: false });
    expect(ids(await get('&assigneeId=me'))).toEqual([housing.id]);
    expect(ids(await get(`&assigneeId=${w.cboStaff.user.id}`))).toEqual([housing.id]);
    expect(ids(await get('&assigneeId=none'))).toEqual([third.id, food.id]);
    expect(ids(await get('&q=juan%20per'))).toEqual([third.id]);
    // The sender's box holds the draft too; the receiver never sees it.
    expect(ids((await w.chw.call('GET', '/api/v1/referrals?box=sent')).body)).toEqual([draft.id, third.id, housing.id, food.id]);

    const counts = (await w.cboStaff.call('GET', '/api/v1/referrals/counts?box=received')).body;
    expect(counts).toMatchObject({ box: 'received', open: 3, overdue: 1, byStatus: { draft: 0, sent: 2, accepted: 1, completed: 0 } });
    const sentCounts = (await w.chw.call('GET', '/api/v1/referrals/counts?box=sent')).body;
    expect(sentCounts).toMatchObject({ open: 3, byStatus: { draft: 1, sent: 2, accepted: 1 } });
  });

  it('pages with a cursor without gaps or repeats, and rejects a forged cursor', async () => {
    const w = await world(t);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.unshift((await w.draft({ needs: [] })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = (await w.chw.call('GET', `/api/v1/referrals?box=sent&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
    const bad = await w.chw.call('GET', '/api/v1/referrals?box=sent&cursor=not-a-cursor');
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_cursor']);
  });
});
