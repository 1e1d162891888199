import { eq, sql } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newBoardRow, newMemberRow, newOrg } from '@tandem/db/testing';
import { member, testApp, type Call, type TestApp } from '../../testing/app';

let t: TestApp;
let coord: Call;
let outsider: Call;
beforeAll(async () => {
  t = await testApp();
  const org = await newOrg(t.db);
  coord = (await member(t, org, 'board_coordinator')).call;
  outsider = (await member(t, org, 'staff')).call;
});
afterAll(() => t.close());

const CHARTER = { purpose: 'Advise', scope: 'Reentry', values: 'Respect', decisionRules: 'Consensus first', quorum: 'More than half of the seated members', terms: 'Two years', conflictOfInterest: 'Declare', stipendPolicy: '$75 a meeting', meetingCommitments: 'Monthly' };

/** A board with `n` active members and a charter (quorum: a majority of the seated members unless `rule`), back-dated so meetings fall under it. */
const boardWith = async (n: number, rule?: Record<string, unknown>) => {
  const b = await newBoardRow(t.db);
  const members = [];
  for (let i = 0; i < n; i++) members.push(await newMemberRow(t.db, b.id, { name: `Member ${i + 1}`, seat: i + 1 }));
  const c = await coord('POST', `/api/v1/boards/${b.id}/charters`, { sections: CHARTER, ...(rule ? { quorumRule: rule } : {}) });
  expect(c.status).toBe(201);
  await t.db.execute(sql`update board_charters set created_at = '2025-01-01' where id = ${c.body.id}::uuid`);
  return { id: b.id, members: members.map((m) => m.id) };
};
const newMeeting = async (boardId: string, over: Record<string, unknown> = {}) => {
  const res = await coord('POST', `/api/v1/boards/${boardId}/meetings`, { startsAt: '2026-03-10T18:00:00-07:00', place: 'Community room', agenda: 'Housing', materials: [{ title: 'Slides', url: 'https://example.org/s.pdf' }], ...over });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
};
/** Attendance from a string of p/r/e/a, one letter per member in order. */
const attend = (boardId: string, meetingId: string, members: string[], s: string) =>
  coord('PUT', `/api/v1/boards/${boardId}/meetings/${meetingId}/attendance`, { attendance: members.map((memberId, i) => ({ memberId, status: ({ p: 'present', r: 'remote', e: 'excused', a: 'absent' } as Record<string, string>)[s[i]!] })) });
const motion = async (boardId: string, meetingId: string, decision: 'consensus' | 'majority') => {
  const res = await coord('POST', `/api/v1/boards/${boardId}/meetings/${meetingId}/motions`, { title: 'Recommend evening clinic hours', decision });
  expect(res.status).toBe(201);
  return res.body as { id: string };
};
const vote = (boardId: string, meetingId: string, motionId: string, votes: [string, string][]) =>
  coord('PUT', `/api/v1/boards/${boardId}/meetings/${meetingId}/motions/${motionId}/votes`, { votes: votes.map(([memberId, choice]) => ({ memberId, choice })) });

describe('meetings and quorum', () => {
  it('computes quorum from the attendance and the charter in force: present and remote count, excused and absent do not', async () => {
    const b = await boardWith(5);
    const m = await newMeeting(b.id);
    expect((await coord('GET', `/api/v1/boards/${b.id}/meetings/${m.id}`)).body.quorum).toMatchObject({ met: false, seated: 0, charterNumber: 1, rule: null });
    const few = await attend(b.id, m.id, b.members, 'preea');
    expect(few.status).toBe(200);
    expect(few.body.quorum).toMatchObject({ met: false, present: 2, needed: 3, seated: 5 });
    const enough = await attend(b.id, m.id, b.members, 'prrea');
    expect(enough.body.quorum).toMatchObject({ met: true, present: 3, needed: 3 });
    expect(enough.body.attendance.map((a: { status: string }) => a.status)).toEqual(['present', 'remote', 'remote', 'excused', 'absent']);
  });

  it('uses the structured rule of the charter version in force at the meeting date', async () => {
    const b = await boardWith(5, { kind: 'count', value: 2 });
    const early = await newMeeting(b.id, { startsAt: '2026-01-10T18:00:00Z' });
    const c2 = await coord('POST', `/api/v1/boards/${b.id}/charters`, { sections: CHARTER, quorumRule: { kind: 'fraction', value: 0.8 } });
    expect(c2.body.quorumRule).toEqual({ kind: 'fraction', value: 0.8 });
    await t.db.execute(sql`update board_charters set created_at = '2026-02-01' where id = ${c2.body.id}::uuid`);
    const late = await newMeeting(b.id, { startsAt: '2026-03-10T18:00:00Z' });
    expect((await attend(b.id, early.id, b.members, 'ppaaa')).body.quorum).toMatchObject({ met: true, needed: 2, charterNumber: 1, rule: { kind: 'count', value: 2 } });
    expect((await attend(b.id, late.id, b.members, 'pppaa')).body.quorum).toMatchObject({ met: false, needed: 4, charterNumber: 2 });
  });

  it('lists meetings newest first and edits one with If-Match', async () => {
    const b = await boardWith(2);
    const m1 = await newMeeting(b.id, { startsAt: '2026-01-10T18:00:00Z' });
    const m2 = await newMeeting(b.id, { startsAt: '2026-02-10T18:00:00Z', place: null, virtualUrl: 'https://meet.example.org/cab' });
    expect((await coord('GET', `/api/v1/boards/${b.id}/meetings`)).body.data.map((m: { id: string }) => m.id)).toEqual([m2.id, m1.id]);
    const res = await coord('PATCH', `/api/v1/boards/${b.id}/meetings/${m1.id}`, { status: 'held', minutes: 'We talked about housing.', supports: [{ kind: 'interpretation', note: 'Spanish' }, { kind: 'childcare', memberId: b.members[0] }] }, { 'if-match': `"${m1.version}"` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'held', minutes: 'We talked about housing.', supports: [{ kind: 'interpretation', memberId: null, note: 'Spanish' }, { kind: 'childcare', memberId: b.members[0], note: null }], version: m1.version + 1 });
    expect((await coord('GET', `/api/v1/boards/${b.id}/meetings?status=held`)).body.data.map((m: { id: string }) => m.id)).toEqual([m1.id]);
  });

  it('refuses bad input with problem+json: http materials, no place, a support for a stranger', async () => {
    const b = await boardWith(1);
    const http = await coord('POST', `/api/v1/boards/${b.id}/meetings`, { startsAt: '2026-03-10T18:00:00Z', place: 'Room', materials: [{ title: 'x', url: 'http://example.org' }] });
    expect([http.status, http.headers['content-type'], http.body.code, http.body.errors[0].path]).toEqual([400, 'application/problem+json; charset=utf-8', 'validation_failed', 'body.materials.0.url']);
    expect((await coord('POST', `/api/v1/boards/${b.id}/meetings`, { startsAt: '2026-03-10T18:00:00Z' })).body.code).toBe('validation_failed');
    const stranger = await coord('POST', `/api/v1/boards/${b.id}/meetings`, { startsAt: '2026-03-10T18:00:00Z', place: 'Room', supports: [{ kind: 'meals', memberId: (await boardWith(1)).members[0] }] });
    expect([stranger.status, stranger.body.code]).toEqual([422, 'reference_not_found']);
    expect(await t.db.select().from(schema.boardMeetings).where(eq(schema.boardMeetings.boardId, b.id))).toEqual([]);
  });

  it('attendance is the whole list: a missing member or an unknown one is refused and nothing partial is kept', async () => {
    const b = await boardWith(3);
    const ended = await newMemberRow(t.db, b.id, { name: 'Left', status: 'ended', exitReason: 'resigned' });
    const m = await newMeeting(b.id);
    expect((await attend(b.id, m.id, b.members, 'ppp')).status).toBe(200);
    const before = await t.db.select().from(schema.boardMeetingAttendance).where(eq(schema.boardMeetingAttendance.meetingId, m.id));
    const missing = await attend(b.id, m.id, b.members.slice(0, 2), 'aa');
    expect([missing.status, missing.body.code]).toEqual([400, 'validation_failed']);
    const unknown = await coord('PUT', `/api/v1/boards/${b.id}/meetings/${m.id}/attendance`, { attendance: [...b.members.map((memberId) => ({ memberId, status: 'absent' })), { memberId: (await boardWith(1)).members[0], status: 'present' }] });
    expect([unknown.status, unknown.body.code, unknown.body.errors[0].path]).toEqual([422, 'reference_not_found', 'body.attendance.3.memberId']);
    const left = await coord('PUT', `/api/v1/boards/${b.id}/meetings/${m.id}/attendance`, { attendance: [...b.members.map((memberId) => ({ memberId, status: 'absent' })), { memberId: ended.id, status: 'present' }] });
    expect([left.status, left.body.code]).toEqual([400, 'validation_failed']);
    const dup = await coord('PUT', `/api/v1/boards/${b.id}/meetings/${m.id}/attendance`, { attendance: [...b.members, b.members[0]].map((memberId) => ({ memberId, status: 'absent' })) });
    expect([dup.status, dup.body.code]).toEqual([400, 'validation_failed']);
    expect(await t.db.select().from(schema.boardMeetingAttendance).where(eq(schema.boardMeetingAttendance.meetingId, m.id))).toEqual(before);
  });

  it('a cancelled meeting takes no attendance and no motion', async () => {
    const b = await boardWith(1);
    const m = await newMeeting(b.id, { status: 'cancelled' });
    expect((await attend(b.id, m.id, b.members, 'p')).body.code).toBe('invalid_transition');
    expect((await coord('POST', `/api/v1/boards/${b.id}/meetings/${m.id}/motions`, { title: 'x', decision: 'majority' })).body.code).toBe('invalid_transition');
  });

  it('answers anyone who does not coordinate the board 404, on every route', async () => {
    const b = await boardWith(1);
    const m = await newMeeting(b.id);
    for (const [method, url, body] of [
      ['GET', `/api/v1/boards/${b.id}/meetings`],
      ['POST', `/api/v1/boards/${b.id}/meetings`, { startsAt: '2026-03-10T18:00:00Z', place: 'Room' }],
      ['GET', `/api/v1/boards/${b.id}/meetings/${m.id}`],
      ['PUT', `/api/v1/boards/${b.id}/meetings/${m.id}/attendance`, { attendance: [] }],
      ['GET', `/api/v1/boards/${b.id}/motions`],
      ['GET', `/api/v1/boards/${b.id}/trainings`],
      ['GET', `/api/v1/boards/${b.id}/satisfaction/summary`],
    ] as [string, string, unknown][]) {
      const res = await outsider(method as 'GET', url, body);
      expect([url, res.status, res.body.code]).toEqual([url, 404, 'not_found']);
    }
  });
});

describe('motions and votes', () => {
  it('consensus: any block stops it; stand asides do not', async () => {
    const b = await boardWith(4);
    const m = await newMeeting(b.id);
    await attend(b.id, m.id, b.members, 'pprp');
    const mo = await motion(b.id, m.id, 'consensus');
    const [a, c, d, e] = b.members as [string, string, string, string];
    const carried = await vote(b.id, m.id, mo.id, [[a, 'agree'], [c, 'agree'], [d, 'stand_aside'], [e, 'agree']]);
    expect([carried.status, carried.body.outcome]).toEqual([200, 'carried']);
    const blocked = await vote(b.id, m.id, mo.id, [[a, 'agree'], [c, 'agree'], [d, 'agree'], [e, 'block']]);
    expect([blocked.body.outcome, blocked.body.counts.block]).toEqual(['blocked', 1]);
    expect((await coord('GET', `/api/v1/boards/${b.id}/motions`)).body.data).toEqual([expect.objectContaining({ id: mo.id, outcome: 'blocked', meetingId: m.id })]);
  });

  it('majority: yes more than half of those present carries', async () => {
    const b = await boardWith(3);
    const m = await newMeeting(b.id);
    await attend(b.id, m.id, b.members, 'ppp');
    const mo = await motion(b.id, m.id, 'majority');
    const [a, c, d] = b.members as [string, string, string];
    expect((await vote(b.id, m.id, mo.id, [[a, 'yes'], [c, 'yes'], [d, 'no']])).body.outcome).toBe('carried');
    expect((await vote(b.id, m.id, mo.id, [[a, 'yes'], [c, 'abstain'], [d, 'no']])).body.outcome).toBe('failed');
  });

  it('one vote per member present or remote: an excused member, a choice of the other rule, a second vote are refused and nothing is kept', async () => {
    const b = await boardWith(4);
    const m = await newMeeting(b.id);
    await attend(b.id, m.id, b.members, 'ppre');
    const mo = await motion(b.id, m.id, 'consensus');
    const [a, c, d, e] = b.members as [string, string, string, string];
    expect((await vote(b.id, m.id, mo.id, [[a, 'agree'], [d, 'agree']])).status).toBe(200);
    const excused = await vote(b.id, m.id, mo.id, [[a, 'agree'], [e, 'block']]);
    expect([excused.status, excused.body.code, excused.body.errors[0].path]).toEqual([422, 'vote_not_allowed', 'body.votes.1.memberId']);
    const wrongKind = await vote(b.id, m.id, mo.id, [[c, 'yes']]);
    expect([wrongKind.status, wrongKind.body.code, wrongKind.body.errors[0].path]).toEqual([422, 'vote_not_allowed', 'body.votes.0.choice']);
    const twice = await vote(b.id, m.id, mo.id, [[a, 'agree'], [a, 'block']]);
    expect([twice.status, twice.body.code]).toEqual([400, 'validation_failed']);
    const stranger = await vote(b.id, m.id, mo.id, [[(await boardWith(1)).members[0]!, 'agree']]);
    expect([stranger.status, stranger.body.code]).toEqual([422, 'vote_not_allowed']);
    const kept = await coord('GET', `/api/v1/boards/${b.id}/meetings/${m.id}/motions/${mo.id}`);
    expect([kept.body.outcome, kept.body.votes.length]).toEqual(['carried', 2]);
  });

  it('a motion cannot be voted when quorum is not met', async () => {
    const b = await boardWith(5);
    const m = await newMeeting(b.id);
    const mo = await motion(b.id, m.id, 'majority');
    const none = await vote(b.id, m.id, mo.id, [[b.members[0]!, 'yes']]);
    expect([none.status, none.body.code]).toEqual([409, 'quorum_not_met']);
    await attend(b.id, m.id, b.members, 'pread');
    const short = await vote(b.id, m.id, mo.id, [[b.members[0]!, 'yes']]);
    expect([short.status, short.body.code]).toEqual([409, 'quorum_not_met']);
    expect(await t.db.select().from(schema.boardVotes).where(eq(schema.boardVotes.motionId, mo.id))).toEqual([]);
    const listed = await coord('GET', `/api/v1/boards/${b.id}/meetings/${m.id}/motions`);
    expect(listed.body.data[0].outcome).toBe('no_quorum');
  });

  it('a stale version is refused', async () => {
    const b = await boardWith(1);
    const m = await newMeeting(b.id);
    await attend(b.id, m.id, b.members, 'p');
    const mo = await motion(b.id, m.id, 'consensus');
    expect((await vote(b.id, m.id, mo.id, [[b.members[0]!, 'agree']])).body.version).toBe(2);
    const stale = await coord('PUT', `/api/v1/boards/${b.id}/meetings/${m.id}/motions/${mo.id}/votes`, { votes: [], version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_version']);
  });
});

describe('trainings', () => {
  it('records a training with attendance and edits it', async () => {
    const b = await boardWith(2);
    const res = await coord('POST', `/api/v1/boards/${b.id}/trainings`, { topic: 'Reading a hospital budget', trainer: 'Finance office', date: '2026-02-21', attendance: [{ memberId: b.members[0], attended: true }, { memberId: b.members[1], attended: false }] });
    expect(res.status).toBe(201);
    expect(res.body.attendance.map((a: { attended: boolean }) => a.attended)).toEqual([true, false]);
    const edit = await coord('PATCH', `/api/v1/boards/${b.id}/trainings/${res.body.id}`, { attendance: [{ memberId: b.members[1], attended: true }], version: res.body.version });
    expect([edit.status, edit.body.attendance, edit.body.version]).toEqual([200, [expect.objectContaining({ memberId: b.members[1], attended: true })], 2]);
    const bad = await coord('PATCH', `/api/v1/boards/${b.id}/trainings/${res.body.id}`, { attendance: [{ memberId: (await boardWith(1)).members[0], attended: true }], version: 2 });
    expect([bad.status, bad.body.code]).toEqual([422, 'reference_not_found']);
    expect((await coord('GET', `/api/v1/boards/${b.id}/trainings`)).body.data[0].attendance).toHaveLength(1);
  });
});

describe('satisfaction checks', () => {
  it('records checks after meetings and for quarters, once each, and averages them per quarter', async () => {
    const b = await boardWith(2);
    const m = await newMeeting(b.id, { startsAt: '2026-02-10T18:00:00Z' });
    const [a, c] = b.members as [string, string];
    const post = (body: Record<string, unknown>) => coord('POST', `/api/v1/boards/${b.id}/satisfaction`, body);
    const first = await post({ memberId: a, meetingId: m.id, heard: 4, used: 3, comment: 'Good' });
    expect([first.status, first.body.quarter, first.body.date]).toEqual([201, '2026-Q1', '2026-02-10']);
    expect((await post({ memberId: a, meetingId: m.id, heard: 1, used: 1 })).body.code).toBe('already_exists');
    expect((await post({ memberId: c, meetingId: m.id, heard: 2, used: 1 })).status).toBe(201);
    expect((await post({ memberId: a, quarter: '2026-Q2', heard: 5, used: 5 })).status).toBe(201);
    expect((await post({ memberId: a, quarter: '2026-Q2', heard: 5, used: 5 })).body.code).toBe('already_exists');
    expect((await post({ memberId: a, heard: 5, used: 5 })).body.code).toBe('validation_failed');
    expect((await post({ memberId: a, quarter: '2026-Q3', heard: 6, used: 5 })).body.code).toBe('validation_failed');
    const summary = await coord('GET', `/api/v1/boards/${b.id}/satisfaction/summary`);
    expect(summary.body).toEqual({
      data: [
        { quarter: '2026-Q1', responses: 2, heardAverage: 3, usedAverage: 2 },
        { quarter: '2026-Q2', responses: 1, heardAverage: 5, usedAverage: 5 },
      ],
      overall: { responses: 3, heardAverage: 3.67, usedAverage: 3 },
    });
    expect((await coord('GET', `/api/v1/boards/${b.id}/satisfaction/summary?from=2026-04-01`)).body.data).toEqual([{ quarter: '2026-Q2', responses: 1, heardAverage: 5, usedAverage: 5 }]);
    expect((await coord('GET', `/api/v1/boards/${b.id}/satisfaction/summary?from=2026-05-01&to=2026-04-01`)).body.code).toBe('validation_failed');
    expect((await coord('GET', `/api/v1/boards/${b.id}/satisfaction/summary?since=2026`)).body.code).toBe('validation_failed');
    expect((await coord('GET', `/api/v1/boards/${b.id}/satisfaction/${first.body.id}`)).body).toEqual(first.body);
  });
});
