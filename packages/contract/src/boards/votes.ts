import { motionOutcome, type MotionOutcome, type QuorumRule, type VoteChoice } from './motions';
import { countsAsPresent, type AttendanceStatus } from './quorum';

/** How a motion is decided: by consensus (any block stops it) or by majority of those present. */
export const MOTION_DECISIONS = ['consensus', 'majority'] as const;
export type MotionDecision = (typeof MOTION_DECISIONS)[number];

/** The choices a member records: consensus agree | stand_aside | block; majority yes | no | abstain. */
export const VOTE_CHOICES = { consensus: ['agree', 'stand_aside', 'block'], majority: ['yes', 'no', 'abstain'] } as const satisfies Record<MotionDecision, readonly string[]>;
export const RECORDED_VOTE_CHOICES = ['agree', 'stand_aside', 'block', 'yes', 'no', 'abstain'] as const;
export type RecordedVoteChoice = (typeof RECORDED_VOTE_CHOICES)[number];
export const choiceAllowed = (decision: MotionDecision, choice: RecordedVoteChoice) => (VOTE_CHOICES[decision] as readonly string[]).includes(choice);

/**
 * The recorded choice in motionOutcome's words. A choice of the other kind becomes one the rule
 * does not have, so motionOutcome refuses it (choice_not_in_rule) rather than counting it.
 */
const TO_RULE: Record<MotionDecision, Record<RecordedVoteChoice, VoteChoice>> = {
  consensus: { agree: 'agree', stand_aside: 'stand_aside', block: 'block', yes: 'oppose', no: 'oppose', abstain: 'oppose' },
  majority: { yes: 'agree', no: 'oppose', abstain: 'abstain', agree: 'block', stand_aside: 'block', block: 'block' },
};

/**
 * A motion's outcome at its meeting: the seated members are the attendance list, those present or
 * remote may vote, the quorum rule is the charter's in force at the meeting. motionOutcome decides.
 */
export const meetingMotionOutcome = (
  decision: MotionDecision,
  quorum: QuorumRule | null | undefined,
  attendance: readonly { memberId: string; status: AttendanceStatus }[],
  votes: readonly { memberId: string; choice: RecordedVoteChoice }[],
): MotionOutcome =>
  motionOutcome(
    { decision, quorum: quorum ?? { kind: 'majority_of_seated_members' }, votingMembers: attendance.length },
    votes.map((v) => ({ memberId: v.memberId, choice: TO_RULE[decision][v.choice] })),
    attendance.filter((a) => countsAsPresent(a.status)).map((a) => a.memberId),
  );
