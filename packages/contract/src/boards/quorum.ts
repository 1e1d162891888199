import { quorumNeeded, type QuorumRule } from './motions';

/** How a member took part in a meeting (issue 26). */
export const ATTENDANCE_STATUSES = ['present', 'remote', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Joining remotely is taking part: present and remote count toward quorum and may vote; excused and absent do not. */
export const COUNTS_AS_PRESENT: readonly AttendanceStatus[] = ['present', 'remote'];
export const countsAsPresent = (s: AttendanceStatus) => COUNTS_AS_PRESENT.includes(s);

export type QuorumResult = { met: boolean; present: number; needed: number; seated: number };

/**
 * Whether a meeting had quorum under the charter's structured rule.
 *
 * `attendance` is one row per seated member (the meeting's attendance list: every member of the
 * board who had not left); the seated count is its length. Present and remote count; excused and
 * absent do not (an excused absence is still an absence for quorum). No rule (a charter written
 * before rules were structured) is treated as a majority of the seated members, the usual default.
 */
export const quorumMet = (rule: QuorumRule | null | undefined, attendance: readonly { status: AttendanceStatus }[]): QuorumResult => {
  const seated = attendance.length;
  const present = attendance.filter((a) => countsAsPresent(a.status)).length;
  const needed = quorumNeeded(rule ?? { kind: 'majority_of_seated_members' }, seated);
  return { met: present >= needed, present, needed, seated };
};
