import { motionOutcome, type MotionRule, type MotionVote } from './motions';

// Written from issue 26's rules, not from the code.
const consensus: MotionRule = { decision: 'consensus', quorum: { kind: 'fraction', value: 0.5 }, votingMembers: 10 };
const majority: MotionRule = { decision: 'majority', quorum: { kind: 'count', value: 4 }, votingMembers: 11 };
const five = ['a', 'b', 'c', 'd', 'e'];
const v = (s: string): MotionVote[] => s.split(' ').filter(Boolean).map((p) => { const [memberId, choice] = p.split(':'); return { memberId, choice } as MotionVote; });

describe('motionOutcome', () => {
  it.each([
    ['consensus: all agree', consensus, 'a:agree b:agree c:agree d:agree e:agree', five, 'carried'],
    ['consensus: agree and stand asides', consensus, 'a:agree b:stand_aside c:stand_aside', five, 'carried'],
    ['consensus: one block stops it', consensus, 'a:agree b:agree c:agree d:agree e:block', five, 'blocked'],
    ['consensus: only stand asides', consensus, 'a:stand_aside b:stand_aside', five, 'failed'],
    ['consensus: no votes', consensus, '', five, 'failed'],
    ['consensus: exactly half present is quorum (5 of 10)', consensus, 'a:agree', five, 'carried'],
    ['consensus: 4 of 10 present is not', consensus, 'a:agree', ['a', 'b', 'c', 'd'], 'no_quorum'],
    ['majority: 3 of 5', majority, 'a:agree b:agree c:agree d:oppose e:abstain', five, 'carried'],
    ['majority: tie 2–2 fails', majority, 'a:agree b:agree c:oppose d:oppose', ['a', 'b', 'c', 'd'], 'failed'],
    ['majority: abstentions count against (2 of 5)', majority, 'a:agree b:agree c:abstain d:abstain e:abstain', five, 'failed'],
    ['majority: not voting counts against (2 of 5)', majority, 'a:agree b:agree', five, 'failed'],
    ['majority: count quorum met exactly (4)', majority, 'a:agree b:agree c:agree', ['a', 'b', 'c', 'd'], 'carried'],
    ['majority: count quorum missed (3)', majority, 'a:agree b:agree c:agree', ['a', 'b', 'c'], 'no_quorum'],
    ['nobody present', consensus, '', [], 'no_quorum'],
  ] as const)('%s', (_name, rule, votes, present, expected) => {
    expect(motionOutcome(rule, v(votes), present).outcome).toBe(expected);
  });

  it('rounds a fraction quorum up (half of 11 is 6)', () => {
    const rule: MotionRule = { ...consensus, votingMembers: 11 };
    expect(motionOutcome(rule, v('a:agree'), five).counts).toMatchObject({ quorumNeeded: 6 });
    expect(motionOutcome(rule, v('a:agree'), five).outcome).toBe('no_quorum');
    expect(motionOutcome(rule, v('a:agree'), [...five, 'f']).outcome).toBe('carried');
  });

  it('refuses a vote from someone not present, a second vote, and a choice the rule does not have', () => {
    const r = motionOutcome(consensus, v('a:agree x:block a:block b:oppose'), five);
    expect(r.outcome).toBe('carried');
    expect(r.refused?.map((x) => [x.vote.memberId, x.reason])).toEqual([
      ['x', 'not_present'],
      ['a', 'duplicate'],
      ['b', 'choice_not_in_rule'],
    ]);
    expect(r.counts).toEqual({ present: 5, quorumNeeded: 5, agree: 1, oppose: 0, abstain: 0, stand_aside: 0, block: 0, notVoted: 4 });
  });

  it('a refused block does not block, and a block under majority is refused', () => {
    expect(motionOutcome(majority, v('a:agree b:agree c:agree d:block'), ['a', 'b', 'c', 'd']).refused?.[0]?.reason).toBe('choice_not_in_rule');
  });

  it('counts a member listed twice as present once, and omits refused when none', () => {
    const r = motionOutcome(majority, v('a:agree b:agree c:agree'), ['a', 'a', 'b', 'c', 'd']);
    expect(r).toEqual({ outcome: 'carried', counts: expect.objectContaining({ present: 4, agree: 3, notVoted: 1 }) });
    expect(r).not.toHaveProperty('refused');
  });
});

describe('majority of seated members quorum', () => {
  it.each([
    [11, 6],
    [10, 6],
    [1, 1],
    [0, 1],
  ])('%i seated need %i present', (seated, needed) => {
    expect(motionOutcome({ decision: 'consensus', quorum: { kind: 'majority_of_seated_members' }, votingMembers: seated }, [], []).counts.quorumNeeded).toBe(needed);
  });
});
