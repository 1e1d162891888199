/**
 * How a motion is decided (issue 26). The charter's `decisionRules` and `quorum` sections are prose
 * (db `board_charters.sections`, e.g. quorum "Half"); this is the structured rule a coordinator sets
 * beside them, and the one the vote is counted by.
 */

/**
 * Quorum: a share of the voting members (present ≥ value × votingMembers), a head count (present ≥
 * value), or a majority of the seated members (more than half: 6 of 11, 6 of 10; value unused).
 */
export type QuorumRule = { kind: 'fraction'; value: number } | { kind: 'count'; value: number } | { kind: 'majority_of_seated_members'; value?: null };

export type MotionRule = {
  /** consensus: agree | stand_aside | block; majority: agree | oppose | abstain. */
  decision: 'consensus' | 'majority';
  quorum: QuorumRule;
  /** Seated voting members (active, not on leave); a fraction quorum is a share of these. */
  votingMembers: number;
};

export const CONSENSUS_CHOICES = ['agree', 'stand_aside', 'block'] as const;
export const MAJORITY_CHOICES = ['agree', 'oppose', 'abstain'] as const;
export type VoteChoice = (typeof CONSENSUS_CHOICES)[number] | (typeof MAJORITY_CHOICES)[number];

export type MotionVote = { memberId: string; choice: VoteChoice };
export type RefusedVote = { vote: MotionVote; reason: 'not_present' | 'duplicate' | 'choice_not_in_rule'; message: string };
export type MotionOutcome = {
  outcome: 'carried' | 'failed' | 'blocked' | 'no_quorum';
  counts: { present: number; quorumNeeded: number; agree: number; oppose: number; abstain: number; stand_aside: number; block: number; notVoted: number };
  refused?: RefusedVote[];
};

/** Members needed present for quorum (a fraction rounds up: half of 11 is 6). */
export const quorumNeeded = (q: QuorumRule, votingMembers: number) =>
  q.kind === 'count' ? Math.ceil(q.value) : q.kind === 'majority_of_seated_members' ? Math.floor(votingMembers / 2) + 1 : Math.ceil(q.value * votingMembers - 1e-9);

/**
 * Counts a motion's votes under the board's rule.
 *
 * - Quorum first: fewer members present than the rule needs → `no_quorum` (nothing else decides).
 * - One vote per member present: a vote from someone not present, a member's second vote (the first
 *   counts), or a choice the rule does not have (e.g. `block` under majority) is refused with a
 *   reason and not counted.
 * - consensus: any block → `blocked`; otherwise `carried` when at least one agree, else `failed`
 *   (a room of stand-asides decides nothing).
 * - majority: `carried` when agrees are more than half of the members present (abstaining and not
 *   voting count against, as in most charters' "majority of those present"), else `failed`.
 */
export const motionOutcome = (rule: MotionRule, votes: readonly MotionVote[], presentMemberIds: readonly string[]): MotionOutcome => {
  const present = new Set(presentMemberIds);
  const allowed: readonly string[] = rule.decision === 'consensus' ? CONSENSUS_CHOICES : MAJORITY_CHOICES;
  const counts = { present: present.size, quorumNeeded: quorumNeeded(rule.quorum, rule.votingMembers), agree: 0, oppose: 0, abstain: 0, stand_aside: 0, block: 0, notVoted: 0 };
  const refused: RefusedVote[] = [];
  const voted = new Set<string>();
  for (const vote of votes) {
    if (!present.has(vote.memberId)) refused.push({ vote, reason: 'not_present', message: 'Only members present may vote' });
    else if (voted.has(vote.memberId)) refused.push({ vote, reason: 'duplicate', message: 'One vote per member: the first counts' });
    else if (!allowed.includes(vote.choice)) refused.push({ vote, reason: 'choice_not_in_rule', message: `A ${rule.decision} vote is one of ${allowed.join(', ')}` });
    else {
      voted.add(vote.memberId);
      counts[vote.choice]++;
    }
  }
  counts.notVoted = present.size - voted.size;
  const out = (outcome: MotionOutcome['outcome']): MotionOutcome => (refused.length ? { outcome, counts, refused } : { outcome, counts });
  if (present.size < counts.quorumNeeded) return out('no_quorum');
  if (rule.decision === 'consensus') return out(counts.block > 0 ? 'blocked' : counts.agree > 0 ? 'carried' : 'failed');
  return out(counts.agree * 2 > present.size ? 'carried' : 'failed');
};
