import { sql } from 'drizzle-orm';
import type { Role } from '@tandem/contract';
import { newApplicationRow, newBoardRow, newBudgetRoundRow, newMemberRow, newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const person = async (role: Role) => {
  const u = await newUser(t.db, { org: await newOrg(t.db), role });
  return { user: u, headers: await signIn(t.app, u.email) };
};
const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) => t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
/** A board with three members (one has left) and a coordinator who runs it. */
const setup = async () => {
  const c = await person('board_coordinator');
  const board = await newBoardRow(t.db, { status: 'active' });
  const members: Awaited<ReturnType<typeof newMemberRow>>[] = [];
  for (const name of ['Ana', 'Ben', 'Cruz']) members.push(await newMemberRow(t.db, board.id, { name, applicationId: (await newApplicationRow(t.db, board.id, { status: 'selected' })).id }));
  const left = await newMemberRow(t.db, board.id, { name: 'Dee', status: 'ended', exitReason: 'moved_away' });
  return { c, board, members, left, base: `/api/v1/boards/${board.id}/budget-rounds` };
};
const rowsOf = async (table: string, roundId: string) => (await t.db.execute(sql.raw(`select * from ${table} where round_id = '${roundId}'`))).rows;

describe('participatory budgeting rounds', () => {
  it('runs a round from draft through voting to a closed, public result', async () => {
    const { c, board, members, base } = await setup();
    const created = await inject('POST', base, c.headers, { title: 'Health fund 2027', budgetCents: 900_000, pointsPerMember: 10 });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toContain(`/budget-rounds/`);
    let round = created.json();
    expect(round).toMatchObject({ status: 'draft', budgetCents: 900_000, pointsPerMember: 10, proposals: [], votes: [], result: null });

    for (const [title, costCents] of [['Peer navigators', 600_000], ['Bus passes', 300_000], ['Mural', 200_000]] as const) {
      const res = await inject('POST', `${base}/${round.id}/proposals`, c.headers, { title, description: `${title} for the program`, costCents });
      expect(res.statusCode).toBe(201);
      round = res.json();
    }
    expect(round.proposals).toHaveLength(3);
    const [nav, bus, mural] = round.proposals.map((p: { id: string }) => p.id);

    // No votes in draft.
    expect((await inject('PUT', `${base}/${round.id}/votes/${members[0]!.id}`, c.headers, { points: { [nav]: 5 } })).statusCode).toBe(409);
    const voting = await inject('PATCH', `${base}/${round.id}`, { ...c.headers, 'if-match': `"${round.version}"` }, { status: 'voting' });
    expect(voting.statusCode).toBe(200);
    round = voting.json();

    const vote = async (i: number, points: Record<string, number>) => inject('PUT', `${base}/${round.id}/votes/${members[i]!.id}`, c.headers, { points });
    expect((await vote(0, { [nav]: 6, [bus]: 4 })).statusCode).toBe(200);
    expect((await vote(1, { [nav]: 5, [mural]: 5 })).statusCode).toBe(200);
    const again = await vote(2, { [bus]: 10 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ memberId: members[2]!.id, memberName: 'Cruz', version: 1 });

    // Proposals and draft fields are fixed once voting opens.
    expect((await inject('POST', `${base}/${round.id}/proposals`, c.headers, { title: 'Late', description: 'Late', costCents: 100 })).statusCode).toBe(409);
    const closed = await inject('PATCH', `${base}/${round.id}`, c.headers, { status: 'closed', version: round.version });
    expect(closed.statusCode).toBe(200);
    const result = closed.json().result;
    // nav 11, bus 14, mural 5: bus (300k) funded, nav (600k) fits in 600k left, mural does not fit.
    expect(result.ranking.map((r: { title: string; points: number; funded: boolean }) => [r.title, r.points, r.funded])).toEqual([
      ['Bus passes', 14, true],
      ['Peer navigators', 11, true],
      ['Mural', 5, false],
    ]);
    expect(result).toMatchObject({ spentCents: 900_000, remainingCents: 0, ballots: 3 });

    // Public: closed rounds only, no member data, no sign-in.
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${board.id}/budget-rounds` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().data).toHaveLength(1);
    expect(pub.body).not.toMatch(/Ana|Cruz|memberId|votes/);
    // Closed is final.
    expect((await vote(0, { [nav]: 1 })).statusCode).toBe(409);
  });

  it('refuses a vote over the allocation, for another round’s proposal, or from a member who left: problem+json, nothing kept', async () => {
    const { c, board, members, left, base } = await setup();
    const round = await newBudgetRoundRow(t.db, board.id, { status: 'voting' });
    const other = await newBudgetRoundRow(t.db, board.id, { status: 'voting' });
    const [a, b] = round.proposals.map((p) => p.id);
    const url = (m: string) => `${base}/${round.id}/votes/${m}`;

    const over = await inject('PUT', url(members[0]!.id), c.headers, { points: { [a!]: 6, [b!]: 5 } });
    expect(over.statusCode).toBe(400);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.points' }] });

    const foreign = await inject('PUT', url(members[0]!.id), c.headers, { points: { [other.proposals[0]!.id]: 1 } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe(`body.points.${other.proposals[0]!.id}`);

    const gone = await inject('PUT', url(left.id), c.headers, { points: { [a!]: 1 } });
    expect(gone.statusCode).toBe(422);
    expect(gone.json().code).toBe('reference_not_found');
    const otherBoards = await newMemberRow(t.db, (await newBoardRow(t.db)).id);
    expect((await inject('PUT', url(otherBoards.id), c.headers, { points: { [a!]: 1 } })).statusCode).toBe(422);

    for (const bad of [{ points: { [a!]: -1 } }, { points: { [a!]: 1.5 } }, { points: { 'not-a-uuid': 1 } }, { points: [] }, {}]) {
      const res = await inject('PUT', url(members[0]!.id), c.headers, bad);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await rowsOf('board_budget_votes', round.id)).toHaveLength(0);

    // A bad round body and an over-step of status keep nothing either.
    expect((await inject('POST', base, c.headers, { title: '', budgetCents: 0 })).statusCode).toBe(400);
    expect((await inject('POST', `${base}/${round.id}/proposals`, c.headers, { title: 'x', description: 'y', costCents: -5 })).statusCode).toBe(400);
    const draft = await newBudgetRoundRow(t.db, board.id);
    const skip = await inject('PATCH', `${base}/${draft.id}`, c.headers, { status: 'closed', budgetCents: 5, version: draft.version });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('invalid_transition');
    expect((await rowsOf('board_budget_proposals', draft.id)).length).toBe(2);
    expect((await t.db.execute(sql`select status, budget_cents from board_budget_rounds where id = ${draft.id}::uuid`)).rows[0]).toEqual({ status: 'draft', budget_cents: 1_000_000 });
  });

  it('opens voting only with a proposal, and a draft round’s fields only in draft', async () => {
    const { c, base } = await setup();
    const empty = (await inject('POST', base, c.headers, { title: 'Empty', budgetCents: 100 })).json();
    const res = await inject('PATCH', `${base}/${empty.id}`, c.headers, { status: 'voting', version: empty.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/proposal/);
  });

  it('replaces a vote with its version, and refuses a stale one', async () => {
    const { c, board, members, base } = await setup();
    const round = await newBudgetRoundRow(t.db, board.id, { status: 'voting' });
    const url = `${base}/${round.id}/votes/${members[0]!.id}`;
    const first = (await inject('PUT', url, c.headers, { points: { [round.proposals[0]!.id]: 3 } })).json();
    expect((await inject('PUT', url, c.headers, { points: { [round.proposals[1]!.id]: 3 }, version: first.version })).statusCode).toBe(200);
    const stale = await inject('PUT', url, c.headers, { points: {}, version: first.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
  });

  it('is 404 for anyone who does not coordinate the board; the public list is 404 for a draft board', async () => {
    const { board, base } = await setup();
    const round = await newBudgetRoundRow(t.db, board.id);
    const outsider = await person('staff');
    for (const [m, u, body] of [
      ['GET', base, undefined],
      ['GET', `${base}/${round.id}`, undefined],
      ['POST', base, { title: 'X', budgetCents: 100 }],
      ['POST', `${base}/${round.id}/proposals`, { title: 'X', description: 'Y', costCents: 100 }],
      ['PATCH', `${base}/${round.id}`, { title: 'X', version: 1 }],
    ] as const) expect((await inject(m, u, outsider.headers, body)).statusCode).toBe(404);
    const draftBoard = await newBoardRow(t.db, { status: 'draft' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${draftBoard.id}/budget-rounds` })).statusCode).toBe(404);
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/boards/${board.id}/budget-rounds` });
    expect(pub.json().data).toEqual([]);
  });
});

describe('GET /me for a named coordinator', () => {
  it('says coordinatesBoards for staff named on a board (so the web shows Boards), and not before', async () => {
    const s = await person('staff');
    const me = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).json();
    expect((await me()).coordinatesBoards).toBe(false);
    const board = await newBoardRow(t.db);
    await t.db.execute(sql`insert into board_coordinators (board_id, user_id) values (${board.id}::uuid, ${s.user.id}::uuid)`);
    expect((await me()).coordinatesBoards).toBe(true);
  });
});
