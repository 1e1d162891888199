import { eq, sql } from 'drizzle-orm';
import type { Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

let ipN = 0;
const newIp = () => `10.9.${Math.floor(++ipN / 250)}.${ipN % 250}`;
const person = async (role: Role) => {
  const u = await newUser(t.db, { org: await newOrg(t.db), role });
  return { user: u, headers: await signIn(t.app, u.email) };
};
const CHARTER = { purpose: 'Advise', scope: 'Reentry', values: 'Respect', decisionRules: 'Consensus first', quorum: 'Half', terms: 'Two years', conflictOfInterest: 'Declare', stipendPolicy: '$1,500', meetingCommitments: 'Monthly' };

const newBoard = async (headers: Record<string, string>, over: Record<string, unknown> = {}) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/boards',
    headers,
    payload: {
      name: `Reentry board ${++ipN}`,
      program: 'Reentry',
      purpose: 'Advise the reentry program',
      seats: 11,
      termMonths: 24,
      meetingCadence: 'Monthly',
      status: 'recruiting',
      questions: [{ key: 'why', prompt: { en: 'Why do you want to join?', es: '¿Por qué quiere participar?' }, required: true }],
      criteria: [{ key: 'lived', label: 'Lived experience', maxScore: 5 }, { key: 'commitment', label: 'Commitment', maxScore: 5 }],
      ...over,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
};

/** Starts a form, backdates it past the minimum fill time, sends the application. */
const apply = async (boardId: string, over: Record<string, unknown> = {}, ip = newIp(), age = 60) => {
  const form = await t.app.inject({ method: 'POST', url: `/api/v1/public/boards/${boardId}/application-forms`, remoteAddress: ip });
  expect(form.statusCode).toBe(200);
  const { formToken } = form.json() as { formToken: string };
  await t.db.execute(sql`update board_application_forms set issued_at = now() - make_interval(secs => ${age}) where token = ${formToken}`);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/boards/${boardId}/applications`,
    remoteAddress: ip,
    payload: { formToken, name: 'Rosa Díaz', phone: '(323) 555-0100', locale: 'es', spa: 'spa6', populations: ['justice_involvement'], languages: ['es', 'en'], accessibilityNeeds: ['childcare'], stipendMethod: 'gift_card', answers: { why: 'Quiero ayudar' }, ...over },
  });
};
const applications = async (boardId: string) => t.db.select().from(schema.boardApplications).where(eq(schema.boardApplications.boardId, boardId));

describe('public application page', () => {
  it('shows a recruiting board without sign-in, and a draft one is a 404', async () => {
    const c = await person('board_coordinator');
    const b = await newBoard(c.headers);
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${b.id}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: b.id, seats: 11, minimumFillSeconds: 5 });
    expect(ok.body).not.toContain('criteria');
    const draft = await newBoard(c.headers, { status: 'draft' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${draft.id}` })).statusCode).toBe(404);
  });

  it('takes an application with a phone number only, and refuses one with neither phone nor email', async () => {
    const c = await person('board_coordinator');
    const b = await newBoard(c.headers);
    const res = await apply(b.id);
    expect(res.statusCode).toBe(202);
    expect(res.json().reference).toMatch(/^B-/);
    const none = await apply(b.id, { phone: null });
    expect(none.statusCode).toBe(400);
    expect((await applications(b.id)).length).toBe(1);
  });

  it('honeypot: a filled hidden field answers like success and stores nothing', async () => {
    const c = await person('board_coordinator');
    const b = await newBoard(c.headers);
    const res = await apply(b.id, { website: 'http://spam.example' });
    expect(res.statusCode).toBe(202);
    expect(res.json().reference).toMatch(/^B-/);
    expect(await applications(b.id)).toEqual([]);
  });

  it('minimum fill time: a form sent seconds after it was started is 422 form_too_fast, stores nothing, and may be sent again later', async () => {
    const c = await person('board_coordinator');
    const b = await newBoard(c.headers);
    const res = await apply(b.id, {}, newIp(), 1);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('form_too_fast');
    expect(await applications(b.id)).toEqual([]);
  });

  it('a form token is used once', async () => {
    const c = await person('board_coordinator');
    const b = await newBoard(c.headers);
    const ip = newIp();
    const first = await apply(b.id, {}, ip);
    expect(first.statusCode).toBe(202);
    const [row] = await t.db.select().from(schema.boardApplicationForms).where(sql`used_at is not null and board_id = ${b.id}::uuid`);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/public/boards/${b.id}/applications`, remoteAddress: ip, payload: { formToken: row!.token, name: 'X', email: 'x@example.org', languages: ['en'], answers: { why: 'x' } } });
    expect(again.statusCode).toBe(400);
    expect((await applications(b.id)).length).toBe(1);
  });

  it('rate limit: the sixth application in an hour from one address is 429; another address still applies', async () => {
    const c = await person('board_coordinator');
    const b = await newBoard(c.headers);
    const ip = newIp();
    for (let i = 0; i < 5; i++) expect((await apply(b.id, {}, ip)).statusCode).toBe(202);
    const sixth = await apply(b.id, {}, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('too_many_requests');
    expect((await apply(b.id, {}, newIp())).statusCode).toBe(202);
    expect((await applications(b.id)).length).toBe(6);
  });
});

describe('review, decision, members', () => {
  it('ranks by scores with diversity beside, decides in Spanish, seats the selected applicant as a member', async () => {
    const c = await person('board_coordinator');
    const admin = await person('network_admin');
    const b = await newBoard(c.headers);
    await apply(b.id);
    await apply(b.id, { name: 'Ana Lee', phone: null, email: 'ana@example.org', locale: 'en', spa: 'spa4', populations: ['homelessness'], languages: ['ko'] });
    const [rosa, ana] = (await applications(b.id)).sort((x, y) => x.name.localeCompare(y.name)).reverse();
    const review = (h: Record<string, string>, id: string, scores: Record<string, number>, conflict = false) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/boards/${b.id}/applications/${id}/reviews/me`, headers: h, payload: { scores, conflict, comment: 'ok' } });
    expect((await review(c.headers, rosa!.id, { lived: 5, commitment: 4 })).statusCode).toBe(200);
    expect((await review(admin.headers, rosa!.id, { lived: 3, commitment: 4 })).statusCode).toBe(200);
    expect((await review(c.headers, ana!.id, { lived: 2, commitment: 2 })).statusCode).toBe(200);
    expect((await review(admin.headers, ana!.id, { lived: 5, commitment: 5 }, true)).statusCode).toBe(200);
    const over = await review(c.headers, ana!.id, { lived: 6 });
    expect(over.statusCode).toBe(400);
    expect((await review(c.headers, ana!.id, { nope: 1 })).statusCode).toBe(400);

    const ranked = await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}/applications`, headers: c.headers });
    expect(ranked.statusCode).toBe(200);
    expect(ranked.headers['cache-control']).toContain('no-store');
    const body = ranked.json();
    expect(body.data.map((r: { name: string; averageScore: number; rank: number; conflictCount: number }) => [r.name, r.averageScore, r.rank, r.conflictCount])).toEqual([
      ['Rosa Díaz', 8, 1, 0],
      ['Ana Lee', 4, 2, 1],
    ]);
    expect(body.diversity).toEqual({ spa: { spa6: 1, spa4: 1 }, populations: { justice_involvement: 1, homelessness: 1 }, languages: { es: 1, en: 1, ko: 1 } });

    const decide = await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/applications/${rosa!.id}/decision`, headers: { ...c.headers, 'if-match': `"${rosa!.version}"` }, payload: { decision: 'selected' } });
    expect(decide.statusCode).toBe(200);
    expect(decide.json()).toMatchObject({ status: 'selected', decisionMessage: expect.stringContaining('fue seleccionado') });
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/applications/${rosa!.id}/decision`, headers: { ...c.headers, 'if-match': '*' }, payload: { decision: 'declined' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid_transition');

    const notSelected = await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/members`, headers: c.headers, payload: { applicationId: ana!.id, termStart: '2027-01-01' } });
    expect(notSelected.statusCode).toBe(409);
    const seat = await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/members`, headers: c.headers, payload: { applicationId: rosa!.id, termStart: '2027-01-01', role: 'chair', seat: 1 } });
    expect(seat.statusCode).toBe(201);
    expect(seat.json()).toMatchObject({ name: 'Rosa Díaz', phone: '(323) 555-0100', role: 'chair', termEnd: '2028-12-31', status: 'active' });
    const members = await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}/members`, headers: c.headers });
    expect(members.json().data.map((m: { name: string }) => m.name)).toEqual(['Rosa Díaz']);
    const reads = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, b.id));
    expect(reads.map((r) => r.action)).toEqual(expect.arrayContaining(['board_application.list', 'board_member.list']));
  });

  it('a decision notifies an applicant who applied signed in', async () => {
    const c = await person('board_coordinator');
    const applicant = await person('staff');
    const b = await newBoard(c.headers);
    const form = await t.app.inject({ method: 'POST', url: `/api/v1/public/boards/${b.id}/application-forms`, headers: applicant.headers, remoteAddress: newIp() });
    const { formToken } = form.json();
    await t.db.execute(sql`update board_application_forms set issued_at = now() - interval '1 minute' where token = ${formToken}`);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/public/boards/${b.id}/applications`, headers: applicant.headers, remoteAddress: newIp(), payload: { formToken, name: 'Sam', email: 'sam@example.org', languages: ['en'], answers: { why: 'Because' } } });
    expect(res.statusCode).toBe(202);
    const [a] = await applications(b.id);
    const d = await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/applications/${a!.id}/decision`, headers: c.headers, payload: { decision: 'waitlisted', version: a!.version } });
    expect(d.statusCode).toBe(200);
    const n = await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, applicant.user.id));
    expect(n).toMatchObject([{ kind: 'board.application_decided', entityType: 'board_application', entityId: a!.id }]);
    // The inbox words it from data: the board's name and the decision reach the client (not stripped by the contract).
    const inbox = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: applicant.headers });
    expect(inbox.json().data[0].data).toEqual({ decision: 'waitlisted', board: expect.stringMatching(/^Reentry board/), boardId: b.id });
  });
});

describe('charter versions', () => {
  it('records acknowledgements per version; a new version asks every active member again', async () => {
    const c = await person('board_coordinator');
    const b = await newBoard(c.headers);
    await apply(b.id);
    const [a] = await applications(b.id);
    await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/applications/${a!.id}/decision`, headers: { ...c.headers, 'if-match': '*' }, payload: { decision: 'selected' } });
    const m = (await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/members`, headers: c.headers, payload: { applicationId: a!.id, termStart: '2027-01-01' } })).json();
    const v1 = (await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/charters`, headers: c.headers, payload: { sections: CHARTER } })).json();
    expect(v1).toMatchObject({ number: 1, pendingMemberIds: [m.id] });
    const ack = await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/charters/${v1.id}/acknowledgements`, headers: c.headers, payload: { memberId: m.id } });
    expect(ack.json()).toMatchObject({ pendingMemberIds: [], acknowledgements: [{ memberId: m.id }] });
    const v2 = (await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/charters`, headers: c.headers, payload: { sections: { ...CHARTER, quorum: 'Two thirds' } } })).json();
    expect(v2).toMatchObject({ number: 2, pendingMemberIds: [m.id] });
    const old = await t.app.inject({ method: 'POST', url: `/api/v1/boards/${b.id}/charters/${v1.id}/acknowledgements`, headers: c.headers, payload: { memberId: m.id } });
    expect(old.statusCode).toBe(409);
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}/members`, headers: c.headers })).json();
    expect(list.data[0].acknowledgedCurrentCharter).toBe(false);
  });
});

describe('who may', () => {
  it('coordinators and network admins; a user named on one board sees that one; others 404 (create: 403)', async () => {
    const c = await person('board_coordinator');
    const staff = await person('staff');
    const named = await person('staff');
    const b = await newBoard(c.headers, { coordinatorUserIds: [named.user.id] });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}`, headers: named.headers })).statusCode).toBe(200);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}`, headers: staff.headers });
    expect(other.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}/applications`, headers: staff.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/boards', headers: staff.headers })).json().data).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: staff.headers, payload: { name: 'Staff board', program: 'P', purpose: 'P', seats: 3, termMonths: 12, meetingCadence: 'Monthly' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/boards/${b.id}` })).statusCode).toBe(401);
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/boards/${b.id}`, headers: staff.headers, payload: { name: 'Hijacked', version: 1 } });
    expect(edit.statusCode).toBe(404);
    const [row] = await t.db.select().from(schema.boards).where(eq(schema.boards.id, b.id));
    expect(row!.version).toBe(1);
  });
});
