import { eq } from 'drizzle-orm';
import type { Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';
import { laDateWindow } from './agreements.service';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const member = async (role: Role, org?: { id: string }) => {
  const o = org ?? (await newOrg(t.db));
  const u = await newUser(t.db, { org: o, role });
  return { org: o, user: u, headers: await signIn(t.app, u.email) };
};
const dayOffset = (days: number) => laDateWindow(days)[1];
const newAgreement = async (orgIds: string[], over: Partial<typeof schema.agreements.$inferInsert> = {}) => {
  const [row] = await t.db.insert(schema.agreements).values({ kind: 'mou', status: 'active', title: 'Referral MOU', ...over }).returning();
  await t.db.insert(schema.agreementParties).values(orgIds.map((organizationId) => ({ agreementId: row!.id, organizationId })));
  return row!;
};
const ids = (body: { data: { id: string }[] }) => body.data.map((a) => a.id);

describe('POST /api/v1/agreements', () => {
  it('lets a network admin record an agreement with its parties, audited once per party', async () => {
    const admin = await member('network_admin');
    const [a, b] = [await newOrg(t.db, { name: 'Alpha Clinic' }), await newOrg(t.db, { name: 'Beta Food Bank' })];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: admin.headers,
      payload: { kind: 'baa', status: 'active', title: 'BAA for referrals', startDate: '2026-01-01', endDate: '2026-12-31', documentUrl: 'https://docs.example/baa.pdf', partyOrganizationIds: [b.id, a.id] },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'baa', status: 'active', version: 1, createdByUserId: admin.user.id, parties: [{ id: a.id, name: 'Alpha Clinic' }, { id: b.id, name: 'Beta Food Bank' }] });
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, body.id));
    expect(audits.map((r) => r.organizationId).sort()).toEqual([a.id, b.id].sort());
    expect(audits[0]).toMatchObject({ action: 'agreement.create', entityType: 'agreement', actorUserId: admin.user.id });
    expect(audits[0]!.changes).toMatchObject({ title: { from: null, to: 'BAA for referrals' } });
  });

  it('is for network staff only: collaboration team yes, org admins 403, anonymous 401', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const payload = { kind: 'mou', title: 'Outreach MOU', partyOrganizationIds: [a.id, b.id] };
    const collab = await member('collaboration_team');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/agreements', headers: collab.headers, payload });
    expect([ok.statusCode, ok.json().status]).toEqual([201, 'draft']);
    const orgAdmin = await member('org_admin', a);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/agreements', headers: orgAdmin.headers, payload })).statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/agreements', payload });
    expect([anon.statusCode, anon.json().code]).toEqual([401, 'unauthenticated']);
  });

  it('refuses fewer than two parties, reversed dates (400) and unknown organizations (422)', async () => {
    const { headers } = await member('network_admin');
    const a = await newOrg(t.db);
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/agreements', headers, payload });
    const one = await post({ kind: 'mou', title: 'Solo', partyOrganizationIds: [a.id] });
    expect([one.statusCode, one.json().code]).toEqual([400, 'validation_failed']);
    const dates = await post({ kind: 'mou', title: 'Backwards', startDate: '2026-05-01', endDate: '2026-04-01', partyOrganizationIds: [a.id, (await newOrg(t.db)).id] });
    expect(dates.statusCode).toBe(400);
    const ghost = crypto.randomUUID();
    const unknown = await post({ kind: 'mou', title: 'Ghost', partyOrganizationIds: [a.id, ghost] });
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, 'reference_not_found']);
    expect(unknown.json().errors[0].path).toBe('body.partyOrganizationIds.1');
  });
});

describe('GET /api/v1/agreements', () => {
  it('shows network staff every agreement, and partners only those their organization is a party to', async () => {
    const [mine, other, third] = [await newOrg(t.db), await newOrg(t.db), await newOrg(t.db)];
    const shared = await newAgreement([mine.id, other.id], { endDate: '2030-01-01' });
    const notMine = await newAgreement([other.id, third.id], { endDate: '2030-01-02' });
    const staff = await member('staff', mine);
    const partner = (await t.app.inject({ method: 'GET', url: `/api/v1/agreements?organizationId=${other.id}`, headers: staff.headers })).json();
    expect(ids(partner)).toEqual([shared.id]);
    const unfiltered = (await t.app.inject({ method: 'GET', url: '/api/v1/agreements?limit=200', headers: staff.headers })).json();
    expect(ids(unfiltered)).toEqual([shared.id]);
    for (const role of ['network_admin', 'collaboration_team'] as const) {
      const { headers } = await member(role);
      const all = (await t.app.inject({ method: 'GET', url: `/api/v1/agreements?organizationId=${other.id}`, headers })).json();
      expect(ids(all)).toEqual([shared.id, notMine.id]);
    }
  });

  it('hides an agreement of other organizations behind 404, like a random id', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const ag = await newAgreement([a.id, b.id]);
    const outsider = await member('org_admin');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/agreements/${ag.id}`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/agreements/${crypto.randomUUID()}`, headers: outsider.headers })).statusCode).toBe(404);
    const party = await member('staff', b);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/agreements/${ag.id}`, headers: party.headers });
    expect([res.statusCode, res.json().id, res.headers.etag]).toEqual([200, ag.id, expect.stringMatching(/^"1-[0-9a-f]{16}"$/)]);
  });

  it('answers 401 to anonymous callers on every read', async () => {
    for (const url of ['/api/v1/agreements', `/api/v1/agreements/${crypto.randomUUID()}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([res.statusCode, res.json().code]).toEqual([401, 'unauthenticated']);
    }
  });

  it('filters by kind, status and expiringWithinDays (end date between today and today + N, inclusive)', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const parties = [a.id, b.id];
    const ended = await newAgreement(parties, { endDate: dayOffset(-1) });
    const today = await newAgreement(parties, { endDate: dayOffset(0) });
    const edge = await newAgreement(parties, { endDate: dayOffset(30), kind: 'baa' });
    const later = await newAgreement(parties, { endDate: dayOffset(31) });
    const open = await newAgreement(parties, { endDate: null, status: 'draft' });
    const { headers } = await member('network_admin');
    const get = async (qs: string) => ids((await t.app.inject({ method: 'GET', url: `/api/v1/agreements?organizationId=${a.id}&${qs}`, headers })).json());
    expect(await get('expiringWithinDays=30')).toEqual([today.id, edge.id]);
    expect(await get('expiringWithinDays=0')).toEqual([today.id]);
    expect(await get('kind=baa')).toEqual([edge.id]);
    expect(await get('status=draft')).toEqual([open.id]);
    // Sorted by end date, open-ended last.
    expect(await get('limit=200')).toEqual([ended.id, today.id, edge.id, later.id, open.id]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/agreements?expiringWithinDays=-1', headers });
    expect(bad.statusCode).toBe(400);
  });

  it('pages with a cursor without skipping or repeating, open-ended agreements included', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const made = [];
    for (const endDate of ['2027-01-01', '2027-01-01', '2028-01-01', null, null]) made.push((await newAgreement([a.id, b.id], { endDate })).id);
    const { headers } = await member('network_admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await t.app.inject({ method: 'GET', url: `/api/v1/agreements?organizationId=${a.id}&limit=2${qs}`, headers })).json();
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(made.sort());
  });
});

describe('PATCH /api/v1/agreements/:id', () => {
  it('updates with a version, replaces parties, bumps the version and audits the changes', async () => {
    const [a, b, c] = [await newOrg(t.db), await newOrg(t.db), await newOrg(t.db)];
    const ag = await newAgreement([a.id, b.id], { status: 'negotiating' });
    const { headers } = await member('collaboration_team');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${ag.id}`,
      headers: { ...headers, 'if-match': '"1"' },
      payload: { status: 'active', endDate: '2027-06-30', partyOrganizationIds: [a.id, c.id] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', endDate: '2027-06-30', version: 2 });
    expect(res.json().parties.map((p: { id: string }) => p.id).sort()).toEqual([a.id, c.id].sort());
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, ag.id));
    expect(audits.map((r) => r.organizationId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(audits[0]!.changes).toEqual({
      status: { from: 'negotiating', to: 'active' },
      endDate: { from: null, to: '2027-06-30' },
      partyOrganizationIds: { from: [a.id, b.id].sort(), to: [a.id, c.id].sort() },
    });
  });

  it('refuses a stale version (409), a missing one (428), partners (403) and anonymous callers (401), changing nothing', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const ag = await newAgreement([a.id, b.id], { title: 'Keep me' });
    const { headers } = await member('network_admin');
    const url = `/api/v1/agreements/${ag.id}`;
    const stale = await t.app.inject({ method: 'PATCH', url, headers, payload: { title: 'Nope', version: 4 } });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'stale_version']);
    const none = await t.app.inject({ method: 'PATCH', url, headers, payload: { title: 'Nope' } });
    expect([none.statusCode, none.json().code]).toEqual([428, 'precondition_required']);
    const partner = await member('org_admin', a);
    expect((await t.app.inject({ method: 'PATCH', url, headers: partner.headers, payload: { title: 'Nope', version: 1 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url, payload: { title: 'Nope', version: 1 } })).statusCode).toBe(401);
    const reversed = await t.app.inject({ method: 'PATCH', url, headers, payload: { startDate: '2026-02-01', endDate: '2026-01-01', version: 1 } });
    expect(reversed.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'PATCH', url: `/api/v1/agreements/${crypto.randomUUID()}`, headers, payload: { title: 'Nope', version: 1 } });
    expect(missing.statusCode).toBe(404);
    const [row] = await t.db.select().from(schema.agreements).where(eq(schema.agreements.id, ag.id));
    expect([row!.title, row!.version]).toEqual(['Keep me', 1]);
  });
});

describe('BAA approval (a BAA stands in for consent: it turns active only by approval)', () => {
  const post = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/agreements', headers, payload });
  const approve = (headers: Record<string, string>, id: string, version: number) =>
    t.app.inject({ method: 'POST', url: `/api/v1/agreements/${id}/approve`, headers: { ...headers, 'if-match': `"${version}"` } });
  const statusOf = async (id: string) => (await t.db.select().from(schema.agreements).where(eq(schema.agreements.id, id)))[0]?.status;

  it('refuses the collaboration team an active BAA, on create and on update, writing nothing', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const collab = await member('collaboration_team');
    const created = await post(collab.headers, { kind: 'baa', status: 'active', title: 'BAA straight to active', partyOrganizationIds: [a.id, b.id] });
    expect([created.statusCode, created.json().code]).toEqual([403, 'approval_required']);
    expect(await t.db.select().from(schema.agreements).where(eq(schema.agreements.title, 'BAA straight to active'))).toEqual([]);

    const draft = await newAgreement([a.id, b.id], { kind: 'baa', status: 'negotiating' });
    const toActive = await t.app.inject({ method: 'PATCH', url: `/api/v1/agreements/${draft.id}`, headers: collab.headers, payload: { status: 'active', version: 1 } });
    expect([toActive.statusCode, toActive.json().code]).toEqual([403, 'approval_required']);
    // Nor by turning an active MOU into a BAA, or by changing the parties of an active BAA.
    const mou = await newAgreement([a.id, b.id], { kind: 'mou', status: 'active' });
    const toBaa = await t.app.inject({ method: 'PATCH', url: `/api/v1/agreements/${mou.id}`, headers: collab.headers, payload: { kind: 'baa', version: 1 } });
    expect([toBaa.statusCode, toBaa.json().code]).toEqual([403, 'approval_required']);
    const live = await newAgreement([a.id, b.id], { kind: 'baa', status: 'active' });
    const c = await newOrg(t.db);
    const swap = await t.app.inject({ method: 'PATCH', url: `/api/v1/agreements/${live.id}`, headers: collab.headers, payload: { partyOrganizationIds: [a.id, c.id], version: 1 } });
    expect([swap.statusCode, swap.json().code]).toEqual([403, 'approval_required']);
    // Editing the notes of an approved BAA is fine.
    const notes = await t.app.inject({ method: 'PATCH', url: `/api/v1/agreements/${live.id}`, headers: collab.headers, payload: { notes: 'Renewal call booked', version: 1 } });
    expect([notes.statusCode, notes.json().status]).toEqual([200, 'active']);
    expect(await statusOf(draft.id)).toBe('negotiating');
    expect((await t.db.select().from(schema.agreements).where(eq(schema.agreements.id, mou.id)))[0]!.kind).toBe('mou');
  });

  it('turns active when an org admin of every party has approved it', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const collab = await member('collaboration_team');
    const created = await post(collab.headers, { kind: 'baa', status: 'negotiating', title: 'BAA for housing referrals', partyOrganizationIds: [a.id, b.id] });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const adminA = await member('org_admin', a);
    const adminB = await member('org_admin', b);
    const staffA = await member('staff', a);

    const byStaff = await approve(staffA.headers, id, 1);
    expect([byStaff.statusCode, byStaff.json().code]).toEqual([403, 'forbidden']);
    const outsider = await member('org_admin');
    expect((await approve(outsider.headers, id, 1)).statusCode).toBe(404);
    // Collaboration team members cannot approve on anyone's behalf either.
    expect((await approve(collab.headers, id, 1)).statusCode).toBe(403);

    const first = await approve(adminA.headers, id, 1);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'negotiating', version: 2, approvals: [{ organizationId: a.id, approvedByName: adminA.user.name }] });
    const stale = await approve(adminB.headers, id, 1);
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'stale_version']);
    const second = await approve(adminB.headers, id, 2);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'active', version: 3 });
    expect(second.json().approvals.map((x: { organizationId: string }) => x.organizationId).sort()).toEqual([a.id, b.id].sort());
    const again = await approve(adminA.headers, id, 3);
    expect([again.statusCode, again.json().code]).toEqual([409, 'invalid_transition']);
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, id));
    expect(audits.filter((r) => r.action === 'agreement.approve')).toHaveLength(4);
  });

  it('clears the approvals when the terms change before every party approved', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const ag = await newAgreement([a.id, b.id], { kind: 'baa', status: 'draft' });
    const adminA = await member('org_admin', a);
    expect((await approve(adminA.headers, ag.id, 1)).json().approvals).toHaveLength(1);
    const collab = await member('collaboration_team');
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/agreements/${ag.id}`, headers: collab.headers, payload: { documentUrl: 'https://docs.example/v2.pdf', version: 2 } });
    expect(edit.json()).toMatchObject({ approvals: [], version: 3 });
    const adminB = await member('org_admin', b);
    expect((await approve(adminB.headers, ag.id, 3)).json()).toMatchObject({ status: 'draft', approvals: [{ organizationId: b.id }] });
  });

  it('turns active at once when a network admin approves it; other kinds need no approval (409)', async () => {
    const [a, b] = [await newOrg(t.db), await newOrg(t.db)];
    const ag = await newAgreement([a.id, b.id], { kind: 'baa', status: 'draft' });
    const admin = await member('network_admin');
    const res = await approve(admin.headers, ag.id, 1);
    expect([res.statusCode, res.json().status, res.headers.etag]).toEqual([200, 'active', '"2"']);
    const mou = await newAgreement([a.id, b.id], { kind: 'mou', status: 'draft' });
    const notBaa = await approve(admin.headers, mou.id, 1);
    expect([notBaa.statusCode, notBaa.json().code]).toEqual([409, 'invalid_transition']);
    const noVersion = await t.app.inject({ method: 'POST', url: `/api/v1/agreements/${ag.id}/approve`, headers: admin.headers });
    expect([noVersion.statusCode, noVersion.json().code]).toEqual([428, 'precondition_required']);
  });
});
