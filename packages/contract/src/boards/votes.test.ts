import { meetingMotionOutcome } from './votes';
import type { AttendanceStatus } from './quorum';

const att = (s: string) => s.split(' ').map((x, i) => ({ memberId: `m${i}`, status: ({ p: 'present', r: 'remote', e: 'excused', a: 'absent' } as Record<string, AttendanceStatus>)[x]! }));
const votes = (s: string) => s.split(' ').filter(Boolean).map((p) => { const [i, choice] = p.split(':'); return { memberId: `m${i}`, choice } as { memberId: string; choice: 'agree' }; });
const maj = { kind: 'majority_of_seated_members' } as const;

describe('meetingMotionOutcome', () => {
  it.each([
    ['consensus carried, remote member votes', 'consensus', 'p p r a', '0:agree 1:agree 2:stand_aside', 'carried'],
    ['consensus: one block stops it', 'consensus', 'p p r a', '0:agree 1:agree 2:block', 'blocked'],
    ['majority: yes 2 of 3 present', 'majority', 'p p r a', '0:yes 1:yes 2:no', 'carried'],
    ['majority: abstain counts against', 'majority', 'p p r a', '0:yes 1:abstain 2:no', 'failed'],
    ['no quorum: 2 of 5 present', 'consensus', 'p r e a a', '0:agree 1:agree', 'no_quorum'],
  ] as const)('%s', (_n, decision, a, v, expected) => {
    expect(meetingMotionOutcome(decision, maj, att(a), votes(v)).outcome).toBe(expected);
  });

  it('refuses an excused member’s vote and a choice of the other kind', () => {
    const r = meetingMotionOutcome('majority', maj, att('p p r e'), votes('0:yes 1:yes 3:yes 2:block'));
    expect(r.refused?.map((x) => [x.vote.memberId, x.reason])).toEqual([
      ['m3', 'not_present'],
      ['m2', 'choice_not_in_rule'],
    ]);
    expect(r.outcome).toBe('carried');
  });
});
