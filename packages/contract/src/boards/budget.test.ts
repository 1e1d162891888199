import { participatoryBudgetResult, type BudgetBallot, type BudgetProposal } from './budget';

// Written from issue 26: equal points per member, funded in order of points until the budget
// runs out (skip one that does not fit, keep going), ties by lower cost then earlier submission.
const P = (id: string, costCents: number, submittedAt = '2026-01-01T00:00:00Z'): BudgetProposal => ({ id, costCents, submittedAt });
const B = (memberId: string, points: Record<string, number>): BudgetBallot => ({ memberId, points });
const round = { totalCents: 100_000, pointsPerMember: 10 };

describe('participatoryBudgetResult', () => {
  it.each([
    ['no proposals, no ballots', [], [], [], 0],
    ['proposals but no ballots: nothing funded', [P('a', 10_000)], [], [], 0],
    ['funds in order of points (a 8, b 7, c 5)', [P('a', 40_000), P('b', 40_000), P('c', 40_000)], [B('m1', { a: 5, b: 3, c: 2 }), B('m2', { a: 3, b: 4, c: 3 })], ['a', 'b'], 80_000],
    ['skips one that does not fit and keeps going', [P('a', 70_000), P('b', 50_000), P('c', 30_000)], [B('m1', { a: 6, b: 4 }), B('m2', { b: 5, c: 5 })], ['b', 'c'], 80_000],
    ['exactly the budget is funded', [P('a', 60_000), P('b', 40_000)], [B('m1', { a: 6, b: 4 })], ['a', 'b'], 100_000],
    ['a proposal costing more than the whole budget is never funded', [P('a', 100_001), P('b', 1)], [B('m1', { a: 10 }), B('m2', { b: 1 })], ['b'], 1],
    ['tie on points: lower cost first', [P('a', 60_000), P('b', 50_000)], [B('m1', { a: 5, b: 5 })], ['b'], 50_000],
    ['tie on points and cost: earlier submission first', [P('a', 60_000, '2026-02-01T00:00:00Z'), P('b', 60_000, '2026-01-15T00:00:00Z')], [B('m1', { a: 5, b: 5 })], ['b'], 60_000],
    ['zero points is not funded even if money is left', [P('a', 10_000), P('b', 10_000)], [B('m1', { a: 10, b: 0 })], ['a'], 10_000],
  ] as const)('%s', (_name, proposals, ballots, funded, spent) => {
    const r = participatoryBudgetResult(round, [...proposals], [...ballots]);
    expect(r.funded).toEqual(funded);
    expect(r.spentCents).toBe(spent);
    expect(r.remainingCents).toBe(round.totalCents - spent);
    expect(r).not.toHaveProperty('refused');
  });

  it('ranks every proposal and says why one was not funded', () => {
    const r = participatoryBudgetResult(round, [P('a', 70_000), P('b', 50_000), P('c', 30_000), P('d', 1_000)], [B('m1', { a: 6, b: 4 }), B('m2', { b: 5, c: 5 })]);
    expect(r.ranking).toEqual([
      { id: 'b', points: 9, costCents: 50_000, rank: 1, funded: true },
      { id: 'a', points: 6, costCents: 70_000, rank: 2, funded: false, reason: 'does_not_fit' },
      { id: 'c', points: 5, costCents: 30_000, rank: 3, funded: true },
      { id: 'd', points: 0, costCents: 1_000, rank: 4, funded: false, reason: 'no_points' },
    ]);
  });

  it.each([
    ['over the equal allocation', B('m2', { a: 11 }), 'over_allocation'],
    ['an unknown proposal', B('m2', { zz: 1 }), 'unknown_proposal'],
    ['negative points', B('m2', { a: 12, b: -3 }), 'invalid_points'],
    ['fractional points', B('m2', { a: 0.5 }), 'invalid_points'],
    ['a second ballot from one member', B('m1', { a: 10 }), 'duplicate'],
  ] as const)('refuses a ballot with %s, whole, and counts the rest', (_name, bad, reason) => {
    const r = participatoryBudgetResult(round, [P('a', 60_000), P('b', 50_000)], [B('m1', { b: 10 }), bad, B('m3', { a: 4, b: 1 })]);
    expect(r.refused?.map((x) => x.reason)).toEqual([reason]);
    expect(r.ranking.map((x) => [x.id, x.points])).toEqual([['b', 11], ['a', 4]]);
    expect(r.funded).toEqual(['b']);
  });

  it('a refused ballot does not use up the member’s one ballot', () => {
    const r = participatoryBudgetResult(round, [P('a', 60_000)], [B('m1', { a: 11 }), B('m1', { a: 10 })]);
    expect(r.refused?.map((x) => x.reason)).toEqual(['over_allocation']);
    expect(r.ranking[0]?.points).toBe(10);
  });
});
