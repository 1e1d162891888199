import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newApplicationRow, newBoardRow, newMeetingRow, newMemberRow, newOrg } from '@tandem/db/testing';
import { caller, member, signIn, testApp, type Call, type TestApp } from '../../testing/app';

let t: TestApp;
let admin: Call;
let adminHeaders: Record<string, string>;
beforeAll(async () => {
  t = await testApp();
  const a = await member(t, await newOrg(t.db), 'network_admin');
  admin = a.call;
  adminHeaders = await signIn(t.app, a.user.email);
});
afterAll(() => t.close());

const person = async (role: Role) => member(t, await newOrg(t.db), role);
/** A board with members (named), a policy of $150 a meeting and $100 extra, and its payments table empty. */
const board = async (names = ['Ana Ruiz', 'Ben Cole', 'Cy Park']) => {
  const b = await newBoardRow(t.db);
  const members = [];
  for (const name of names) {
    const app = await newApplicationRow(t.db, b.id, { status: 'selected', name, zip: '90033', stipendMethod: 'gift_card' });
    members.push(await newMemberRow(t.db, b.id, { name, applicationId: app.id, email: `${name.split(' ')[0]!.toLowerCase()}@example.org` }));
  }
  const res = await admin('PUT', `/api/v1/boards/${b.id}/stipends/policy`, { meetingRateCents: 15000, extraRateCents: 10000, version: 1 });
  expect(res.status).toBe(200);
  return { id: b.id, name: b.name, members };
};
/** A held meeting of the board that the members given attended (present). */
const meeting = async (boardId: string, members: { id: string }[]) => (await newMeetingRow(t.db, boardId, members.map((m) => [m.id, 'present']))).id;
const pay = (boardId: string, body: Record<string, unknown>) => admin('POST', `/api/v1/boards/${boardId}/stipends`, body);
const paymentsOf = async (boardId: string) => t.db.select().from(schema.stipendPayments).where(eq(schema.stipendPayments.boardId, boardId));

describe('stipend policy', () => {
  it('answers the defaults at version 1 until saved, then the saved values; the same values again write nothing', async () => {
    const b = await newBoardRow(t.db);
    const first = await admin('GET', `/api/v1/boards/${b.id}/stipends/policy`);
    expect([first.status, first.body.version, first.body.meetingRateCents, first.body.annualCapCents, first.body.methods.length]).toEqual([200, 1, 0, null, 5]);
    expect((await admin('PUT', `/api/v1/boards/${b.id}/stipends/policy`, { meetingRateCents: 15000 })).body.code).toBe('precondition_required');
    const saved = await admin('PUT', `/api/v1/boards/${b.id}/stipends/policy`, { meetingRateCents: 15000, methods: ['check', 'gift_card'], annualCapCents: 250000, version: 1 });
    expect([saved.status, saved.body.version, saved.body.methods]).toEqual([200, 2, ['check', 'gift_card']]);
    const again = await admin('PUT', `/api/v1/boards/${b.id}/stipends/policy`, { meetingRateCents: 15000, version: 2 });
    expect([again.status, again.body.version]).toEqual([200, 2]);
    const bad = await admin('PUT', `/api/v1/boards/${b.id}/stipends/policy`, { meetingRateCents: -1, methods: [], version: 2 });
    expect([bad.status, bad.headers['content-type'], bad.body.code]).toEqual([400, 'application/problem+json; charset=utf-8', 'validation_failed']);
  });
});

describe('payments', () => {
  it('records, issues and returns a payment; a returned one keeps its row and leaves the totals', async () => {
    const b = await board();
    const m = b.members[0]!;
    const created = await pay(b.id, { memberId: m.id, method: 'check', purpose: 'extra_work', note: 'Budget workshop' });
    expect([created.status, created.body.amountCents, created.body.status, created.body.paidOn]).toEqual([201, 10000, 'planned', null]);
    expect(created.headers.location).toBe(`/api/v1/boards/${b.id}/stipends/${created.body.id}`);
    const url = `/api/v1/boards/${b.id}/stipends/${created.body.id}`;
    const noDate = await admin('PATCH', url, { status: 'issued', version: 1 });
    expect([noDate.status, noDate.body.code, noDate.body.errors[0].path]).toEqual([400, 'validation_failed', 'body.paidOn']);
    const issued = await admin('PATCH', url, { status: 'issued', paidOn: '2026-03-10', version: 1 });
    expect([issued.status, issued.body.status, issued.body.version]).toEqual([200, 'issued', 2]);
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2026`)).body.data).toEqual([expect.objectContaining({ memberId: m.id, totalCents: 10000, payments: 1, methods: ['check'] })]);
    const reprice = await admin('PATCH', url, { amountCents: 20000, version: 2 });
    expect([reprice.status, reprice.body.code]).toEqual([409, 'invalid_transition']);
    const returned = await admin('PATCH', url, { status: 'returned', version: 2 });
    expect([returned.status, returned.body.status]).toEqual([200, 'returned']);
    expect((await admin('PATCH', url, { status: 'issued', version: 3 })).body.code).toBe('invalid_transition');
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2026`)).body.data).toEqual([]);
    expect((await admin('GET', url)).body.status).toBe('returned');
    expect(await paymentsOf(b.id)).toHaveLength(1);
  });

  it('refuses bad input with problem+json and keeps nothing', async () => {
    const b = await board();
    const other = await board(['Dee Lane']);
    const m = b.members[0]!;
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ memberId: other.members[0]!.id, method: 'check', purpose: 'meeting' }, 422, 'reference_not_found', 'body.memberId'],
      [{ memberId: m.id, method: 'venmo', purpose: 'meeting' }, 400, 'validation_failed', 'body.method'],
      [{ memberId: m.id, method: 'check', purpose: 'period' }, 400, 'validation_failed', 'body.amountCents'],
      [{ memberId: m.id, method: 'check', purpose: 'meeting', amountCents: 1.5 }, 400, 'validation_failed', 'body.amountCents'],
      [{ memberId: m.id, method: 'check', purpose: 'meeting', status: 'issued' }, 400, 'validation_failed', 'body.paidOn'],
      [{ memberId: m.id, method: 'check', purpose: 'meeting', paidOn: '2026-02-30', status: 'issued' }, 400, 'validation_failed', 'body.paidOn'],
      // Outside the years the totals and thresholds cover (found by the round trips: such a payment could not be listed by its year).
      [{ memberId: m.id, method: 'check', purpose: 'meeting', paidOn: '1999-12-31', status: 'issued' }, 400, 'validation_failed', 'body.paidOn'],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await pay(b.id, body);
      expect([res.status, res.headers['content-type'], res.body.code, res.body.errors?.[0]?.path]).toEqual([status, 'application/problem+json; charset=utf-8', code, path]);
    }
    expect((await admin('PUT', `/api/v1/boards/${b.id}/stipends/policy`, { methods: ['check'], annualCapCents: 20000, version: 2 })).status).toBe(200);
    const notOffered = await pay(b.id, { memberId: m.id, method: 'cash', purpose: 'meeting' });
    expect([notOffered.status, notOffered.body.code, notOffered.body.errors[0].path]).toEqual([400, 'validation_failed', 'body.method']);
    expect((await pay(b.id, { memberId: m.id, method: 'check', purpose: 'meeting', paidOn: '2026-01-05', status: 'issued' })).status).toBe(201);
    const overCap = await pay(b.id, { memberId: m.id, method: 'check', purpose: 'meeting', paidOn: '2026-02-05', status: 'issued' });
    expect([overCap.status, overCap.body.code]).toEqual([409, 'stipend_cap_exceeded']);
    // The cap is per calendar year: the next year starts again.
    expect((await pay(b.id, { memberId: m.id, method: 'check', purpose: 'meeting', paidOn: '2027-01-05', status: 'issued' })).status).toBe(201);
    expect(await paymentsOf(b.id)).toHaveLength(2);
  });
});

describe('paying a meeting', () => {
  it("pays each member at the policy's rate in each one's preferred method, and refuses a second payment of the meeting for anyone, creating nothing", async () => {
    const b = await board();
    const [a, bb, c] = b.members;
    const meetingId = await meeting(b.id, [a!, bb!, c!]);
    const res = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, memberIds: [a!.id, bb!.id] });
    expect([res.status, res.body.data.map((p: { amountCents: number; method: string; status: string; purpose: string }) => [p.amountCents, p.method, p.status, p.purpose])]).toEqual([
      200,
      [
        [15000, 'gift_card', 'planned', 'meeting'],
        [15000, 'gift_card', 'planned', 'meeting'],
      ],
    ]);
    // c is new, bb was paid already: nothing at all is recorded.
    const again = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, memberIds: [c!.id, bb!.id], method: 'check', paidOn: '2026-04-01' });
    expect([again.status, again.headers['content-type'], again.body.code, again.body.errors]).toEqual([409, 'application/problem+json; charset=utf-8', 'already_paid', [expect.objectContaining({ path: 'body.memberIds.1' })]]);
    expect(await paymentsOf(b.id)).toHaveLength(2);
    // A single payment of the same meeting is refused too.
    expect((await pay(b.id, { memberId: a!.id, method: 'check', purpose: 'meeting', meetingId })).body.code).toBe('already_paid');
    // Once a's payment is returned, a may be paid for the meeting again.
    const aPayment = res.body.data[0];
    expect((await admin('PATCH', `/api/v1/boards/${b.id}/stipends/${aPayment.id}`, { status: 'returned', version: 1 })).status).toBe(200);
    expect((await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, memberIds: [a!.id, c!.id], method: 'check', paidOn: '2026-04-01' })).status).toBe(200);
    expect(await paymentsOf(b.id)).toHaveLength(4);
  });

  it('is all or nothing: one member over the cap, or not on the board, and no one is paid', async () => {
    const b = await board();
    const [a, bb] = b.members;
    expect((await admin('PUT', `/api/v1/boards/${b.id}/stipends/policy`, { annualCapCents: 20000, version: 2 })).status).toBe(200);
    expect((await pay(b.id, { memberId: bb!.id, method: 'check', purpose: 'extra_work', paidOn: '2026-01-10', status: 'issued' })).status).toBe(201);
    const before = await paymentsOf(b.id);
    const meetingId = await meeting(b.id, [a!, bb!]);
    // a (first) would be recorded before bb goes over the cap: the transaction undoes it.
    const over = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, memberIds: [a!.id, bb!.id], paidOn: '2026-02-10' });
    expect([over.status, over.body.code, over.body.errors[0].path]).toEqual([409, 'stipend_cap_exceeded', 'body.memberIds.1']);
    const stranger = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, memberIds: [a!.id, randomUUID()] });
    expect([stranger.status, stranger.body.code, stranger.body.errors[0].path]).toEqual([422, 'reference_not_found', 'body.memberIds.1']);
    const dup = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, memberIds: [a!.id, a!.id] });
    expect([dup.status, dup.body.code]).toEqual([400, 'validation_failed']);
    expect(await paymentsOf(b.id)).toEqual(before);
    const noRate = await newBoardRow(t.db);
    const m = await newMemberRow(t.db, noRate.id);
    const unset = await admin('POST', `/api/v1/boards/${noRate.id}/stipends/meeting-payments`, { meetingId: await meeting(noRate.id, [m]), memberIds: [m.id] });
    expect([unset.status, unset.body.code]).toEqual([409, 'conflict']);
  });
});

describe("paying a meeting's attendance", () => {
  it('pays those present or remote in its attendance (not the excused or absent), or only the attendees named; anyone else named is refused', async () => {
    const b = await board(['Ana Ruiz', 'Ben Cole', 'Cy Park', 'Di Lund']);
    const [a, bb, c, d] = b.members;
    const meetingId = (await newMeetingRow(t.db, b.id, [[a!.id, 'present'], [bb!.id, 'remote'], [c!.id, 'excused'], [d!.id, 'absent']])).id;
    const notThere = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, memberIds: [a!.id, c!.id] });
    expect([notThere.status, notThere.body.code, notThere.body.errors]).toEqual([422, 'reference_not_found', [expect.objectContaining({ path: 'body.memberIds.1' })]]);
    expect(await paymentsOf(b.id)).toEqual([]);
    const res = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId, paidOn: '2026-03-06' });
    expect([res.status, res.body.data.map((p: { memberId: string; meetingId: string; status: string }) => [p.memberId, p.meetingId, p.status]).sort()]).toEqual([
      200,
      [
        [a!.id, meetingId, 'issued'],
        [bb!.id, meetingId, 'issued'],
      ].sort(),
    ]);
    const again = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId });
    expect([again.status, again.body.code]).toEqual([409, 'already_paid']);
  });

  it('refuses a meeting with no one present or remote, one not held, one that does not exist, and one of another board, with a problem and nothing recorded', async () => {
    const b = await board();
    const [a, bb] = b.members;
    const nobody = await newMeetingRow(t.db, b.id, [[a!.id, 'absent'], [bb!.id, 'excused']]);
    const empty = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId: nobody.id });
    expect([empty.status, empty.headers['content-type'], empty.body.code]).toEqual([409, 'application/problem+json; charset=utf-8', 'conflict']);
    // Attendance recorded ahead of a meeting not yet held (or cancelled) pays nothing.
    for (const status of ['scheduled', 'cancelled'] as const) {
      const notHeld = await newMeetingRow(t.db, b.id, [[a!.id, 'present']], { status });
      const res = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId: notHeld.id });
      expect([res.status, res.body.code, res.body.errors[0].path]).toEqual([409, 'conflict', 'body.meetingId']);
    }
    const other = await board(['Eve Moss']);
    const theirs = await meeting(other.id, other.members);
    for (const meetingId of [randomUUID(), theirs]) {
      const res = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId });
      expect([res.status, res.headers['content-type'], res.body.code, res.body.errors[0].path]).toEqual([422, 'application/problem+json; charset=utf-8', 'reference_not_found', 'body.meetingId']);
      // A single payment naming it is refused the same way (not a 500 from the foreign key).
      const one = await pay(b.id, { memberId: a!.id, method: 'check', purpose: 'meeting', meetingId });
      expect([one.status, one.body.code, one.body.errors[0].path]).toEqual([422, 'reference_not_found', 'body.meetingId']);
    }
    expect(await paymentsOf(b.id)).toEqual([]);
    expect(await paymentsOf(other.id)).toEqual([]);
  });
});

describe('advances', () => {
  it('draws an advance down with later meeting payments instead of paying twice, and shows the balance', async () => {
    const b = await board();
    const [a, bb] = b.members;
    expect((await pay(b.id, { memberId: a!.id, method: 'check', purpose: 'advance', amountCents: 20000, paidOn: '2026-01-05', status: 'issued' })).status).toBe(201);
    const m1 = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId: await meeting(b.id, [a!, bb!]), memberIds: [a!.id, bb!.id], method: 'check' });
    const [pa, pb] = m1.body.data;
    // a's meeting is settled against the advance (nothing to pay, done); bb's is planned, to be paid.
    expect([pa.coveredByAdvanceCents, pa.paidCents, pa.status]).toEqual([15000, 0, 'issued']);
    expect([pb.coveredByAdvanceCents, pb.paidCents, pb.status]).toEqual([0, 15000, 'planned']);
    // The second meeting: $50 of advance left, $100 to pay.
    const m2 = await admin('POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId: await meeting(b.id, [a!]), memberIds: [a!.id], method: 'check' });
    expect([m2.body.data[0].coveredByAdvanceCents, m2.body.data[0].paidCents, m2.body.data[0].status]).toEqual([5000, 10000, 'planned']);
    const list = await admin('GET', `/api/v1/boards/${b.id}/stipends`);
    expect(list.body.advances).toEqual([{ memberId: a!.id, memberName: 'Ana Ruiz', advancedCents: 20000, paidCents: 20000, earnedCents: 30000, owedCents: 10000, stillAdvancedCents: 0 }]);
    // Totals count money paid: the advance ($200), not the meetings it covered again.
    const totals = await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2026`);
    expect(totals.body.data).toEqual([expect.objectContaining({ memberId: a!.id, totalCents: 20000, payments: 1 })]);
  });
});

describe('reporting thresholds and the year-end export', () => {
  const issue = (boardId: string, memberId: string, amountCents: number, paidOn: string, method = 'check') => pay(boardId, { memberId, method, purpose: 'period', amountCents, paidOn, status: 'issued' });

  it('flags members at or over the threshold of the year paid, across the 2025/2026 change, by calendar date', async () => {
    const b = await board(['Ana Ruiz', 'Ben Cole', 'Cy Park', 'Dee Lane']);
    const [a, bb, c, d] = b.members;
    expect((await issue(b.id, a!.id, 70000, '2025-06-01')).status).toBe(201); // $700 in 2025: over $600
    expect((await issue(b.id, bb!.id, 150000, '2026-06-01')).status).toBe(201); // $1,500 in 2026: under $2,000
    expect((await issue(b.id, c!.id, 150000, '2026-02-01', 'gift_card')).status).toBe(201); // $2,000 in 2026 with gift cards
    expect((await issue(b.id, c!.id, 50000, '2026-09-01')).status).toBe(201);
    // Dec 31 2025 and Jan 1 2026: $600 falls in 2025 (flagged), $500 in 2026.
    expect((await issue(b.id, d!.id, 60000, '2025-12-31')).status).toBe(201);
    expect((await issue(b.id, d!.id, 50000, '2026-01-01')).status).toBe(201);
    // Planned and returned payments never count.
    expect((await pay(b.id, { memberId: bb!.id, method: 'check', purpose: 'period', amountCents: 100000 })).status).toBe(201);

    const y25 = await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2025`);
    expect([y25.body.thresholdCents, y25.body.data.map((r: { memberName: string; totalCents: number; reachesThreshold: boolean }) => [r.memberName, r.totalCents, r.reachesThreshold])]).toEqual([
      60000,
      [
        ['Ana Ruiz', 70000, true],
        ['Dee Lane', 60000, true],
      ],
    ]);
    const y26 = await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2026`);
    expect([y26.body.thresholdCents, y26.body.data.map((r: { memberName: string; totalCents: number; reachesThreshold: boolean; methods: string[] }) => [r.memberName, r.totalCents, r.reachesThreshold, r.methods])]).toEqual([
      200000,
      [
        ['Ben Cole', 150000, false, ['check']],
        ['Cy Park', 200000, true, ['check', 'gift_card']],
        ['Dee Lane', 50000, false, ['check']],
      ],
    ]);

    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}/stipends/export?year=2026`, headers: { ...adminHeaders, accept: 'text/csv' } });
    expect([csv.statusCode, csv.headers['content-type'], csv.headers['cache-control']]).toEqual([200, 'text/csv; charset=utf-8', expect.stringContaining('no-store')]);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('memberId,legalName,phone,email,zip,year,total,payments,methods,threshold,reachesThreshold');
    expect(lines.slice(1)).toEqual([
      `${bb!.id},Ben Cole,(323) 555-0100,ben@example.org,90033,2026,1500.00,1,check,2000.00,false`,
      `${c!.id},Cy Park,(323) 555-0100,cy@example.org,90033,2026,2000.00,2,check;gift_card,2000.00,true`,
      `${d!.id},Dee Lane,(323) 555-0100,dee@example.org,90033,2026,500.00,1,check,2000.00,false`,
    ]);
    const link = await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}/stipends/export?year=2026&format=csv`, headers: adminHeaders });
    expect([link.headers['content-type'], link.headers['content-disposition'], link.body]).toEqual(['text/csv; charset=utf-8', 'attachment; filename="stipends-2026.csv"', csv.body]);
    const json = await admin('GET', `/api/v1/boards/${b.id}/stipends/export?year=2025`);
    expect(json.body.rows.map((r: { memberName: string; reachesThreshold: boolean; thresholdCents: number }) => [r.memberName, r.reachesThreshold, r.thresholdCents])).toEqual([
      ['Ana Ruiz', true, 60000],
      ['Dee Lane', true, 60000],
    ]);
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'stipend_payment.export'));
    expect(audit.filter((x) => x.entityId === b.id)).toHaveLength(3);
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=26`)).body.code).toBe('validation_failed');
    const laYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric' }).format(new Date()));
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals`)).body.year).toBe(laYear);
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2026&x=1`)).body.code).toBe('validation_failed');
  });

  it('takes a later year from the nearest earlier year until a network admin sets it', async () => {
    const list = await admin('GET', '/api/v1/stipends/reporting-thresholds');
    expect(list.body.data.filter((r: { year: number }) => r.year <= 2026).map((r: { year: number; amountCents: number; editable: boolean }) => [r.year, r.amountCents, r.editable])).toEqual([
      [2025, 60000, false],
      [2026, 200000, false],
    ]);
    const b = await board(['Ana Ruiz']);
    expect((await pay(b.id, { memberId: b.members[0]!.id, method: 'check', purpose: 'period', amountCents: 204000, paidOn: '2031-03-01', status: 'issued' })).status).toBe(201);
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2031`)).body).toEqual(expect.objectContaining({ thresholdCents: 200000, data: [expect.objectContaining({ reachesThreshold: true })] }));
    const coordinator = await person('board_coordinator');
    expect((await coordinator.call('PUT', '/api/v1/stipends/reporting-thresholds/2031', { amountCents: 205000, version: 1 })).status).toBe(403);
    expect((await admin('PUT', '/api/v1/stipends/reporting-thresholds/2026', { amountCents: 205000, version: 1 })).body.code).toBe('validation_failed');
    const set = await admin('PUT', '/api/v1/stipends/reporting-thresholds/2031', { amountCents: 205000, version: 1 });
    expect([set.status, set.body.year, set.body.amountCents, set.body.version, set.body.editable]).toEqual([200, 2031, 205000, 2, true]);
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2031`)).body).toEqual(expect.objectContaining({ thresholdCents: 205000, data: [expect.objectContaining({ reachesThreshold: false })] }));
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2032`)).body.thresholdCents).toBe(205000);
    expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2030`)).body.thresholdCents).toBe(200000);
    await t.db.delete(schema.stipendReportingThresholds).where(eq(schema.stipendReportingThresholds.year, 2031));
  });

  it('keeps the statutory thresholds when the table has lost them (the demo reset truncates every table)', async () => {
    const saved = await t.db.select().from(schema.stipendReportingThresholds);
    await t.db.delete(schema.stipendReportingThresholds);
    try {
      const b = await board(['Ana Ruiz']);
      expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2025`)).body.thresholdCents).toBe(60000);
      expect((await admin('GET', `/api/v1/boards/${b.id}/stipends/totals?year=2028`)).body.thresholdCents).toBe(200000);
      const list = await admin('GET', '/api/v1/stipends/reporting-thresholds');
      expect(list.body.data.map((r: { year: number; amountCents: number; updatedAt: string | null }) => [r.year, r.amountCents, r.updatedAt])).toEqual([
        [2025, 60000, null],
        [2026, 200000, null],
      ]);
      // A later year set now starts from the $2,000 it inherits (version 1), not $600.
      const set = await admin('PUT', '/api/v1/stipends/reporting-thresholds/2029', { amountCents: 200000, version: 1 });
      expect([set.status, set.body.amountCents, set.body.version]).toEqual([200, 200000, 1]);
    } finally {
      await t.db.delete(schema.stipendReportingThresholds);
      await t.db.insert(schema.stipendReportingThresholds).values(saved);
    }
  });
});

describe('access', () => {
  it('shows payments and contact details only to the board coordinators and network admins: anyone else gets the 404 of a random id', async () => {
    const b = await board(['Ana Ruiz']);
    const p = await pay(b.id, { memberId: b.members[0]!.id, method: 'check', purpose: 'extra_work' });
    const named = await person('staff');
    await t.db.insert(schema.boardCoordinators).values({ boardId: b.id, userId: named.user.id });
    const boardCoordinator = await person('board_coordinator');
    const outsiders = [await person('staff'), await person('collaboration_team'), await person('org_admin')];
    const urls: [string, string, unknown?][] = [
      ['GET', `/api/v1/boards/${b.id}/stipends`],
      ['GET', `/api/v1/boards/${b.id}/stipends/${p.body.id}`],
      ['GET', `/api/v1/boards/${b.id}/stipends/policy`],
      ['GET', `/api/v1/boards/${b.id}/stipends/totals?year=2026`],
      ['GET', `/api/v1/boards/${b.id}/stipends/export?year=2026`],
      ['PUT', `/api/v1/boards/${b.id}/stipends/policy`, { meetingRateCents: 1, version: 2 }],
      ['POST', `/api/v1/boards/${b.id}/stipends`, { memberId: b.members[0]!.id, method: 'check', purpose: 'advance', amountCents: 100 }],
      ['POST', `/api/v1/boards/${b.id}/stipends/meeting-payments`, { meetingId: await meeting(b.id, [b.members[0]!]) }],
      ['PATCH', `/api/v1/boards/${b.id}/stipends/${p.body.id}`, { note: 'x', version: 1 }],
    ];
    for (const o of outsiders) {
      for (const [method, url, body] of urls) {
        const res = await o.call(method as 'GET', url, body);
        const random = await o.call(method as 'GET', url.replace(b.id, randomUUID()), body);
        expect([method, url, res.status, res.body]).toEqual([method, url, 404, { ...random.body, instance: res.body.instance, requestId: res.body.requestId }]);
      }
    }
    expect(await paymentsOf(b.id)).toHaveLength(1);
    for (const c of [named, boardCoordinator]) {
      for (const [method, url] of urls.filter(([m]) => m === 'GET')) expect([url, (await c.call(method as 'GET', url)).status]).toEqual([url, 200]);
    }
    const anonymous = caller(t.app, {});
    expect((await anonymous('GET', `/api/v1/boards/${b.id}/stipends`)).status).toBe(401);
  });
});
