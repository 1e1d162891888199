import { eq } from 'drizzle-orm';
import { addDays, type Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newBoardRow, newMeetingRow, newMemberRow, newMotionRow, newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';
import { notifier } from '../notifications';
import { sweepOverdueRecommendations, todayUtc } from './recommendations.service';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const person = async (role: Role) => {
  const u = await newUser(t.db, { org: await newOrg(t.db), role });
  return { user: u, headers: await signIn(t.app, u.email) };
};
const today = todayUtc();
const BASE = {
  title: 'Peer navigators at release',
  text: 'Every person leaving jail meets a peer navigator before release.',
  topic: 'Care coordination',
  addressedTo: 'Director, Reentry Health Program',
};

type Rec = {
  id: string;
  version: number;
  status: string;
  overdue: boolean;
  progress: number | null;
  responseDue: string;
  respondedAt: string | null;
  respondedBy: { id: string; name: string } | null;
  answeredOnTime: boolean;
  updates: { date: string; progress: number; text: string }[];
};
const url = (boardId: string, rest = '') => `/api/v1/boards/${boardId}/recommendations${rest}`;
const create = async (headers: Record<string, string>, boardId: string, over: Record<string, unknown> = {}) => {
  const res = await t.app.inject({ method: 'POST', url: url(boardId), headers, payload: { ...BASE, ...over } });
  expect(res.statusCode).toBe(201);
  return res.json() as Rec;
};
const patch = (headers: Record<string, string>, boardId: string, r: { id: string; version: number }, body: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: url(boardId, `/${r.id}`), headers, payload: { version: r.version, ...body } });
const addUpdate = (headers: Record<string, string>, boardId: string, id: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: url(boardId, `/${id}/updates`), headers, payload: body });
const stored = async (id: string) =>
  (await t.db.select().from(schema.boardRecommendations).where(eq(schema.boardRecommendations.id, id)))[0]!;

describe('recommendations', () => {
  it('records one with the response due 90 days after submission, and Location', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    const res = await t.app.inject({ method: 'POST', url: url(b.id), headers: c.headers, payload: { ...BASE, submittedOn: '2026-01-15' } });
    expect(res.statusCode).toBe(201);
    const r = res.json() as Rec & { boardId: string; submittedOn: string };
    expect(res.headers.location).toBe(`/api/v1/boards/${b.id}/recommendations/${r.id}`);
    expect(r).toMatchObject({
      status: 'submitted',
      submittedOn: '2026-01-15',
      responseDue: '2026-04-15',
      respondedAt: null,
      progress: null,
      updates: [],
    });
    const todays = await create(c.headers, b.id);
    expect(todays.responseDue).toBe(addDays(today, 90));
  });

  it('refuses a response due before submission (400) and stores nothing', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    const res = await t.app.inject({
      method: 'POST',
      url: url(b.id),
      headers: c.headers,
      payload: { ...BASE, submittedOn: '2026-03-01', responseDue: '2026-02-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('validation_failed');
    expect(await t.db.select().from(schema.boardRecommendations).where(eq(schema.boardRecommendations.boardId, b.id))).toEqual([]);
  });

  it('moves submitted → under review → adopted → implemented; the server records who responded and when', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    let r = await create(c.headers, b.id);
    let res = await patch(c.headers, b.id, r, { status: 'under_review' });
    expect(res.statusCode).toBe(200);
    r = res.json();
    expect(r.respondedAt).toBeNull();
    // A decision needs its response.
    res = await patch(c.headers, b.id, r, { status: 'adopted' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.response', code: 'required' })]);
    res = await patch(c.headers, b.id, r, {
      status: 'adopted',
      response: 'Peer navigators will meet every person before release from July.',
      rationale: 'The board showed it works.',
    });
    expect(res.statusCode).toBe(200);
    r = res.json();
    expect(r.status).toBe('adopted');
    expect(r.respondedBy).toEqual({ id: c.user.id, name: c.user.name });
    expect(r.respondedAt).not.toBeNull();
    expect(r.answeredOnTime).toBe(true);
    const firstAt = r.respondedAt;
    res = await patch(c.headers, b.id, r, { status: 'implemented' });
    expect(res.statusCode).toBe(200);
    r = res.json();
    expect(r).toMatchObject({ status: 'implemented', respondedAt: firstAt });
    // Final: nothing goes back.
    res = await patch(c.headers, b.id, r, { status: 'under_review' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
  });

  it('needs a rationale for partially and not adopted (400, nothing kept), and not adopted never becomes implemented', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    for (const status of ['partially_adopted', 'not_adopted']) {
      const r = await create(c.headers, b.id);
      const res = await patch(c.headers, b.id, r, { status, response: 'We decided otherwise.', title: 'Changed title', rationale: '   ' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'body.rationale', code: 'required' })],
      });
      expect(await stored(r.id)).toMatchObject({ status: 'submitted', title: BASE.title, version: 1, respondedAt: null });
    }
    const r = await create(c.headers, b.id);
    let res = await patch(c.headers, b.id, r, {
      status: 'not_adopted',
      response: 'Not this year.',
      rationale: 'The budget for 2027 is committed.',
    });
    expect(res.statusCode).toBe(200);
    res = await patch(c.headers, b.id, res.json(), { status: 'implemented' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
    // Removing the rationale later is refused too.
    res = await patch(c.headers, b.id, (await t.app.inject({ method: 'GET', url: url(b.id, `/${r.id}`), headers: c.headers })).json(), {
      rationale: null,
    });
    expect(res.statusCode).toBe(400);
  });

  it('takes If-Match and refuses a stale version (409) or none (428)', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    const r = await create(c.headers, b.id);
    expect((await patch(c.headers, b.id, r, { topic: 'Housing' })).statusCode).toBe(200);
    const stale = await patch(c.headers, b.id, r, { topic: 'Jobs' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const none = await t.app.inject({ method: 'PATCH', url: url(b.id, `/${r.id}`), headers: c.headers, payload: { topic: 'Jobs' } });
    expect(none.statusCode).toBe(428);
  });

  it('keeps a dated timeline of implementation updates; progress 0..100 and may go down', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    const r = await create(c.headers, b.id, { submittedOn: '2026-01-10' });
    // Not adopted yet: no implementation to report.
    let res = await addUpdate(c.headers, b.id, r.id, { date: '2026-02-01', text: 'Started', progress: 10 });
    expect(res.statusCode).toBe(409);
    expect(
      (
        await patch(c.headers, b.id, r, {
          status: 'partially_adopted',
          response: 'Navigators at two of three jails.',
          rationale: 'The third has no space until 2027.',
        })
      ).statusCode,
    ).toBe(200);
    res = await addUpdate(c.headers, b.id, r.id, { date: '2026-02-01', text: 'Hired two navigators', progress: 101 });
    expect(res.statusCode).toBe(400);
    res = await addUpdate(c.headers, b.id, r.id, { date: addDays(today, 1), text: 'Tomorrow', progress: 20 });
    expect(res.statusCode).toBe(400);
    res = await addUpdate(c.headers, b.id, r.id, { date: '2025-12-31', text: 'Before it was made', progress: 20 });
    expect(res.statusCode).toBe(400);
    expect(
      await t.db.select().from(schema.boardRecommendationUpdates).where(eq(schema.boardRecommendationUpdates.recommendationId, r.id)),
    ).toEqual([]);
    res = await addUpdate(c.headers, b.id, r.id, { date: '2026-03-01', text: 'Both jails running', progress: 60 });
    expect(res.statusCode).toBe(201);
    res = await addUpdate(c.headers, b.id, r.id, { date: '2026-02-01', text: 'Hired two navigators', progress: 30 });
    expect(res.statusCode).toBe(201);
    res = await addUpdate(c.headers, b.id, r.id, { date: '2026-04-01', text: 'One navigator left; hiring', progress: 45 });
    const got = res.json() as Rec;
    expect(got.updates.map((u) => [u.date, u.progress])).toEqual([
      ['2026-02-01', 30],
      ['2026-03-01', 60],
      ['2026-04-01', 45],
    ]);
    expect(got.progress).toBe(45);
  });

  it('flags an unanswered recommendation past its due date as overdue, first in the list, and counts it', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    await create(c.headers, b.id, { title: 'Recent' });
    const late = await create(c.headers, b.id, { title: 'Late', submittedOn: '2025-01-10', responseDue: '2025-04-10' });
    const answeredLate = await create(c.headers, b.id, { title: 'Answered late', submittedOn: '2025-01-05' });
    expect((await patch(c.headers, b.id, answeredLate, { status: 'adopted', response: 'Yes' })).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: url(b.id), headers: c.headers });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { data: Rec[]; overdueCount: number };
    expect(body.overdueCount).toBe(1);
    expect(body.data[0]).toMatchObject({ id: late.id, overdue: true });
    expect(body.data.find((x) => x.id === answeredLate.id)).toMatchObject({ overdue: false, answeredOnTime: false });
    const filtered = await t.app.inject({ method: 'GET', url: `${url(b.id)}?status=adopted`, headers: c.headers });
    expect((filtered.json() as { data: Rec[] }).data.map((x) => x.id)).toEqual([answeredLate.id]);
    expect((await t.app.inject({ method: 'GET', url: `${url(b.id)}?sort=x`, headers: c.headers })).statusCode).toBe(400);
  });

  it('answers 404 to anyone who does not coordinate the board, and serves a coordinator named on it', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    const r = await create(c.headers, b.id);
    const named = await person('staff');
    await t.db.insert(schema.boardCoordinators).values({ boardId: b.id, userId: named.user.id });
    expect((await t.app.inject({ method: 'GET', url: url(b.id, `/${r.id}`), headers: named.headers })).statusCode).toBe(200);
    for (const role of ['staff', 'org_admin', 'collaboration_team'] as const) {
      const outsider = await person(role);
      const calls = [
        t.app.inject({ method: 'GET', url: url(b.id), headers: outsider.headers }),
        t.app.inject({ method: 'GET', url: url(b.id, `/${r.id}`), headers: outsider.headers }),
        t.app.inject({ method: 'POST', url: url(b.id), headers: outsider.headers, payload: BASE }),
        patch(outsider.headers, b.id, r, { status: 'under_review' }),
        addUpdate(outsider.headers, b.id, r.id, { text: 'x', progress: 5 }),
      ];
      for (const res of await Promise.all(calls)) expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
    }
    expect((await t.app.inject({ method: 'GET', url: url(b.id) })).statusCode).toBe(401);
    expect(await stored(r.id)).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('a recommendation of another board is a 404', async () => {
    const c = await person('board_coordinator');
    const b1 = await newBoardRow(t.db, { status: 'active' });
    const b2 = await newBoardRow(t.db, { status: 'active' });
    const r = await create(c.headers, b1.id);
    expect((await t.app.inject({ method: 'GET', url: url(b2.id, `/${r.id}`), headers: c.headers })).statusCode).toBe(404);
    expect((await addUpdate(c.headers, b2.id, r.id, { text: 'x', progress: 5 })).statusCode).toBe(404);
  });
});

describe('public "you said, we did"', () => {
  it('shows each recommendation, what was decided and why, what was done, and the figures, with no member’s personal data', async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    const members = [
      await newMemberRow(t.db, b.id, {
        name: 'Marisol Quintero',
        email: 'marisol.q@example.org',
        phone: '(213) 555-0171',
        status: 'active',
      }),
      await newMemberRow(t.db, b.id, {
        name: 'Dewayne Tillman',
        email: 'dtillman@example.org',
        phone: '(213) 555-0172',
        status: 'ended',
        exitReason: 'term_completed',
      }),
      await newMemberRow(t.db, b.id, {
        name: 'Keisha Abernathy',
        email: 'keisha.a@example.org',
        phone: '(213) 555-0173',
        status: 'ended',
        exitReason: 'resigned',
      }),
      await newMemberRow(t.db, b.id, { name: 'Tomás Villalobos', email: 'tomas.v@example.org', phone: null, status: 'on_leave' }),
    ];
    // Meetings, by hand: two held with attendance (present, remote, excused, absent: 2 of 4; present,
    // absent, absent: 1 of 3), one held with none recorded, one scheduled and one cancelled (neither
    // counts, nor the scheduled one's attendance): 3 held, (2 + 1) / (4 + 3) = 0.429 attendance.
    const [m0, m1, m2, m3] = members;
    await newMeetingRow(t.db, b.id, [[m0!.id, 'present'], [m1!.id, 'remote'], [m2!.id, 'excused'], [m3!.id, 'absent']]);
    await newMeetingRow(t.db, b.id, [[m0!.id, 'present'], [m1!.id, 'absent'], [m3!.id, 'absent']]);
    await newMeetingRow(t.db, b.id);
    await newMeetingRow(t.db, b.id, [[m0!.id, 'present']], { status: 'scheduled' });
    await newMeetingRow(t.db, b.id, [], { status: 'cancelled' });
    const adopted = await create(c.headers, b.id, { title: 'Peer navigators', submittedOn: '2026-01-10' });
    let res = await patch(c.headers, b.id, adopted, {
      status: 'adopted',
      response: 'Navigators start in March.',
      rationale: 'It is what members asked for.',
      followUps: [{ text: 'Hire', owner: 'Priya Raman', done: false }],
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await addUpdate(c.headers, b.id, adopted.id, { date: '2026-03-01', text: 'Two navigators hired', progress: 40 })).statusCode,
    ).toBe(201);
    const declined = await create(c.headers, b.id, { title: 'Free bus passes', submittedOn: '2026-01-09' });
    expect(
      (
        await patch(c.headers, b.id, declined, {
          status: 'not_adopted',
          response: 'Not this year.',
          rationale: 'Transit passes are the city’s budget, not ours.',
        })
      ).statusCode,
    ).toBe(200);
    await create(c.headers, b.id, { title: 'Late one', submittedOn: '2025-01-10', responseDue: '2025-04-10' });

    res = await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${b.id}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.acceptingApplications).toBe(false);
    expect(page.recommendations.map((r: { title: string }) => r.title)).toEqual(['Late one', 'Peer navigators', 'Free bus passes']);
    expect(page.recommendations[0]).toMatchObject({ overdue: true, response: null, respondedOn: null });
    expect(page.recommendations[1]).toMatchObject({
      status: 'adopted',
      response: 'Navigators start in March.',
      rationale: 'It is what members asked for.',
      progress: 40,
      respondedOn: today,
      answeredOnTime: today <= '2026-04-10',
      updates: [{ date: '2026-03-01', text: 'Two navigators hired', progress: 40 }],
    });
    expect(page.recommendations[2]).toMatchObject({ status: 'not_adopted', rationale: 'Transit passes are the city’s budget, not ours.' });
    expect(page.figures).toEqual({
      recommendationsMade: 3,
      answered: 2,
      answeredOnTime: today <= '2026-04-10' ? 2 : 0,
      overdue: 1,
      adopted: 1,
      notAdopted: 1,
      implemented: 0,
      membersSeated: 4,
      membersRetained: 3,
      memberRetention: 0.75,
      meetingsHeld: 3,
      attendanceRate: 0.429,
    });
    // No one's personal data: no member's name, email or phone, nor the responder's or an owner's name.
    for (const m of members) for (const v of [m.name, m.email, m.phone]) if (v) expect(res.body).not.toContain(v);
    for (const v of [c.user.name, c.user.email, 'Priya Raman', c.user.id]) expect(res.body).not.toContain(v);
    expect(res.body).not.toMatch(/respondedBy|followUps|email|phone/);
  });

  it('is a 404 for a draft or archived board, as for a random id; a recruiting board is open for applications', async () => {
    for (const status of ['draft', 'archived'] as const) {
      const b = await newBoardRow(t.db, { status });
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${b.id}` });
      expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
    }
    const random = await t.app.inject({ method: 'GET', url: '/api/v1/public/boards/6b1f9a52-3c1e-4f7a-9a4b-0d2e8c7f1a30' });
    expect(random.statusCode).toBe(404);
    const open = await newBoardRow(t.db, { status: 'recruiting' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${open.id}` });
    expect(res.json()).toMatchObject({
      acceptingApplications: true,
      recommendations: [],
      figures: { recommendationsMade: 0, memberRetention: null, meetingsHeld: 0, attendanceRate: null },
    });
  });
});

describe('the meeting and motion a recommendation came from', () => {
  it("takes this board's meeting and motion, and refuses with a 422 one that does not exist, one of another board, or a motion of another meeting, keeping nothing", async () => {
    const c = await person('board_coordinator');
    const b = await newBoardRow(t.db, { status: 'active' });
    const other = await newBoardRow(t.db, { status: 'active' });
    const meeting = await newMeetingRow(t.db, b.id);
    const motion = await newMotionRow(t.db, meeting);
    const laterMeeting = await newMeetingRow(t.db, b.id);
    const theirMeeting = await newMeetingRow(t.db, other.id);
    const theirMotion = await newMotionRow(t.db, theirMeeting);
    const ok = await create(c.headers, b.id, { meetingId: meeting.id, motionId: motion.id });
    expect([(await stored(ok.id)).meetingId, (await stored(ok.id)).motionId]).toEqual([meeting.id, motion.id]);
    const random = '6b1f9a52-3c1e-4f7a-9a4b-0d2e8c7f1a30';
    const cases: [Record<string, unknown>, string][] = [
      [{ meetingId: random }, 'body.meetingId'],
      [{ meetingId: theirMeeting.id }, 'body.meetingId'],
      [{ motionId: random }, 'body.motionId'],
      [{ motionId: theirMotion.id }, 'body.motionId'],
      [{ meetingId: laterMeeting.id, motionId: motion.id }, 'body.motionId'],
    ];
    const before = (await t.db.select().from(schema.boardRecommendations).where(eq(schema.boardRecommendations.boardId, b.id))).length;
    for (const [body, path] of cases) {
      const res = await t.app.inject({ method: 'POST', url: url(b.id), headers: c.headers, payload: { ...BASE, ...body } });
      expect([body, res.statusCode, res.headers['content-type'], res.json().code, res.json().errors[0].path]).toEqual([body, 422, 'application/problem+json; charset=utf-8', 'reference_not_found', path]);
      const edit = await patch(c.headers, b.id, ok, body);
      expect([body, edit.statusCode, edit.json().code]).toEqual([body, 422, 'reference_not_found']);
    }
    expect((await t.db.select().from(schema.boardRecommendations).where(eq(schema.boardRecommendations.boardId, b.id))).length).toBe(before);
    expect([(await stored(ok.id)).meetingId, (await stored(ok.id)).motionId, (await stored(ok.id)).version]).toEqual([meeting.id, motion.id, ok.version]);
    // Cleared, then moved to the later meeting: fine.
    const moved = await patch(c.headers, b.id, ok, { meetingId: laterMeeting.id, motionId: null });
    expect([moved.statusCode, moved.json().meetingId, moved.json().motionId]).toEqual([200, laterMeeting.id, null]);
  });
});

describe('overdue responses reach the coordinators (the worker sweep)', () => {
  const told = async (recommendationId: string) =>
    (await t.db.select().from(schema.notifications).where(eq(schema.notifications.entityId, recommendationId))).map((n) => ({
      userId: n.userId,
      kind: n.kind,
      entityType: n.entityType,
    }));

  it('tells the board’s named coordinators and every board coordinator once, and again only after the due date moves and passes', async () => {
    const role = await person('board_coordinator');
    const named = await person('staff');
    const admin = await person('network_admin');
    const outsider = await person('staff');
    const b = await newBoardRow(t.db, { status: 'active' });
    await t.db.insert(schema.boardCoordinators).values({ boardId: b.id, userId: named.user.id });
    const late = await create(role.headers, b.id, { submittedOn: '2025-01-10', responseDue: '2025-04-10' });
    const notYet = await create(role.headers, b.id);
    const dueToday = await create(role.headers, b.id, { submittedOn: today, responseDue: today });
    const answered = await create(role.headers, b.id, { submittedOn: '2025-01-10', responseDue: '2025-04-10' });
    expect((await patch(role.headers, b.id, answered, { status: 'adopted', response: 'Yes' })).statusCode).toBe(200);

    const first = await sweepOverdueRecommendations(t.db, notifier);
    expect(first.recommendations).toBeGreaterThanOrEqual(1);
    const got = await told(late.id);
    expect(got).toEqual(
      expect.arrayContaining([
        { userId: role.user.id, kind: 'board.recommendation_overdue', entityType: 'board_recommendation' },
        { userId: named.user.id, kind: 'board.recommendation_overdue', entityType: 'board_recommendation' },
      ]),
    );
    expect(got.map((n) => n.userId)).not.toContain(admin.user.id);
    expect(got.map((n) => n.userId)).not.toContain(outsider.user.id);
    expect(new Set(got.map((n) => n.userId)).size).toBe(got.length);
    for (const r of [notYet, dueToday, answered]) expect(await told(r.id)).toEqual([]);

    // Once: a second sweep tells no one again.
    await sweepOverdueRecommendations(t.db, notifier);
    expect((await told(late.id)).length).toBe(got.length);

    // A new due date, passed too: told again.
    const now = (await t.app.inject({ method: 'GET', url: url(b.id, `/${late.id}`), headers: role.headers })).json() as Rec;
    expect((await patch(role.headers, b.id, now, { responseDue: '2025-05-10' })).statusCode).toBe(200);
    await sweepOverdueRecommendations(t.db, notifier);
    expect((await told(late.id)).length).toBe(got.length * 2);
  });
});
