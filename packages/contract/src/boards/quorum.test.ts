import { quorumMet, type AttendanceStatus } from './quorum';

// Written from issue 26 and the stated choice: present and remote count, excused and absent do not.
const rows = (s: string) => s.split(' ').filter(Boolean).map((x) => ({ status: ({ p: 'present', r: 'remote', e: 'excused', a: 'absent' } as Record<string, AttendanceStatus>)[x]! }));

describe('quorumMet', () => {
  it.each([
    ['majority of 11: 6 present', { kind: 'majority_of_seated_members' } as const, 'p p p p p p a a a a a', true, 6],
    ['majority of 11: 5 present, 3 excused', { kind: 'majority_of_seated_members' } as const, 'p p p p p e e e a a a', false, 6],
    ['majority of 10: 5 is not more than half', { kind: 'majority_of_seated_members' } as const, 'p p p p p a a a a a', false, 6],
    ['remote counts as present', { kind: 'majority_of_seated_members' } as const, 'p p r r a', true, 3],
    ['excused does not count', { kind: 'majority_of_seated_members' } as const, 'p p e e a', false, 3],
    ['fraction 0.5 of 10: exactly 5 is enough', { kind: 'fraction', value: 0.5 } as const, 'p p p r r a a a a a', true, 5],
    ['fraction 2/3 of 9: 6 needed', { kind: 'fraction', value: 2 / 3 } as const, 'p p p p p a a a a', false, 6],
    ['fraction 2/3 of 9: 6 present', { kind: 'fraction', value: 2 / 3 } as const, 'p p p p p r a a a', true, 6],
    ['count 4: 4 present', { kind: 'count', value: 4 } as const, 'p p r r e e e', true, 4],
    ['count 4: 3 present', { kind: 'count', value: 4 } as const, 'p p r e e e e', false, 4],
    ['no rule: majority of the seated', null, 'p p a', true, 2],
    ['nobody seated: nothing is a quorum', { kind: 'majority_of_seated_members' } as const, '', false, 1],
  ])('%s', (_name, rule, attendance, met, needed) => {
    const r = quorumMet(rule, rows(attendance));
    expect([r.met, r.needed]).toEqual([met, needed]);
    expect(r.seated).toBe(rows(attendance).length);
  });
});
