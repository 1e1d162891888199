/**
 * Participatory budgeting (issue 26): a board allocates real money among proposals.
 * Amounts in cents (integers); points are whole numbers.
 */
export type BudgetRound = { totalCents: number; /** Each member's equal allocation of points. */ pointsPerMember: number };
export type BudgetProposal = { id: string; costCents: number; /** ISO timestamp; earlier wins a tie. */ submittedAt: string };
export type BudgetBallot = { memberId: string; points: Readonly<Record<string, number>> };
export type RefusedBallot = { ballot: BudgetBallot; reason: 'duplicate' | 'over_allocation' | 'unknown_proposal' | 'invalid_points'; message: string };
export type RankedProposal = { id: string; points: number; costCents: number; rank: number; funded: boolean; /** Why a proposal with points was not funded. */ reason?: 'does_not_fit' | 'no_points' };
export type BudgetResult = { ranking: RankedProposal[]; funded: string[]; spentCents: number; remainingCents: number; refused?: RefusedBallot[] };

/**
 * Counts a participatory-budget vote. Each member spends at most `pointsPerMember` whole points
 * across the proposals; a ballot that spends more, names an unknown proposal, or has a negative or
 * fractional number is refused whole (with a reason), as is a member's second ballot (the first
 * counts). Proposals are ranked by points (most first), ties broken by lower cost, then earlier
 * submission (then id, so the order is total). Going down the ranking, each proposal is funded if
 * its cost fits in what is left of the budget; one that does not fit is skipped and the next tried.
 * A proposal nobody gave points to is not funded.
 */
export const participatoryBudgetResult = (budget: BudgetRound, proposals: readonly BudgetProposal[], ballots: readonly BudgetBallot[]): BudgetResult => {
  const points = new Map(proposals.map((p) => [p.id, 0]));
  const refused: RefusedBallot[] = [];
  const seen = new Set<string>();
  for (const ballot of ballots) {
    const entries = Object.entries(ballot.points);
    const refuse = (reason: RefusedBallot['reason'], message: string) => refused.push({ ballot, reason, message });
    if (seen.has(ballot.memberId)) refuse('duplicate', 'One ballot per member: the first counts');
    else if (entries.some(([id]) => !points.has(id))) refuse('unknown_proposal', 'Points given to a proposal not in this round');
    else if (entries.some(([, n]) => !Number.isInteger(n) || n < 0)) refuse('invalid_points', 'Points are whole numbers, zero or more');
    else if (entries.reduce((s, [, n]) => s + n, 0) > budget.pointsPerMember) refuse('over_allocation', `At most ${budget.pointsPerMember} points per member`);
    else {
      seen.add(ballot.memberId);
      for (const [id, n] of entries) points.set(id, points.get(id)! + n);
    }
  }
  const order = [...proposals].sort(
    (a, b) => points.get(b.id)! - points.get(a.id)! || a.costCents - b.costCents || Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let left = budget.totalCents;
  const ranking = order.map((p, i): RankedProposal => {
    const base = { id: p.id, points: points.get(p.id)!, costCents: p.costCents, rank: i + 1 };
    if (base.points === 0) return { ...base, funded: false, reason: 'no_points' };
    if (p.costCents > left) return { ...base, funded: false, reason: 'does_not_fit' };
    left -= p.costCents;
    return { ...base, funded: true };
  });
  const result: BudgetResult = { ranking, funded: ranking.filter((r) => r.funded).map((r) => r.id), spentCents: budget.totalCents - left, remainingCents: left };
  return refused.length ? { ...result, refused } : result;
};
