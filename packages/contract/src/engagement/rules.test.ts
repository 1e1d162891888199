import { attendeeProblems, partnershipStageAfter, seriesStarts } from './rules';

// Written from issue 25 ("the groups never exceed the total"), not from the code.
describe('attendeeProblems', () => {
  it.each([
    [10, {}, []],
    [10, { communityMembers: 4, cboStaff: 3, countyStaff: 2, healthSystemStaff: 1 }, []],
    [10, { communityMembers: 4, cboStaff: 3, countyStaff: 2, healthSystemStaff: 2 }, ['sum']],
    [10, { communityMembers: 11 }, ['communityMembers']],
    [10, { communityMembers: 6, livedExperience: 10 }, []],
    [10, { livedExperience: 11 }, ['livedExperience']],
    [0, { cboStaff: 0, livedExperience: null }, []],
  ] as const)('total %i with %j → %j', (total, groups, expected) => {
    expect(attendeeProblems(total, groups).map((p) => p.group)).toEqual(expected);
  });
});

describe('seriesStarts', () => {
  const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
  it('keeps 10:00 Los Angeles time across the March daylight-saving change (monthly)', () => {
    // 2026-02-10 10:00 PST = 18:00Z; 2026-03-10 10:00 PDT = 17:00Z.
    expect(iso(seriesStarts(new Date('2026-02-10T18:00:00Z'), 'monthly', 3))).toEqual(['2026-02-10T18:00:00.000Z', '2026-03-10T17:00:00.000Z', '2026-04-10T17:00:00.000Z']);
  });
  it('meets on the last day of shorter months, and on the 31st again after', () => {
    expect(iso(seriesStarts(new Date('2026-01-31T17:00:00Z'), 'monthly', 3))).toEqual(['2026-01-31T17:00:00.000Z', '2026-02-28T17:00:00.000Z', '2026-03-31T16:00:00.000Z']);
  });
  it('crosses a year end', () => {
    expect(iso(seriesStarts(new Date('2026-12-01T18:00:00Z'), 'monthly', 2))).toEqual(['2026-12-01T18:00:00.000Z', '2027-01-01T18:00:00.000Z']);
  });
  it('steps a week or two weeks of calendar days (November change)', () => {
    // 2026-10-27 09:00 PDT = 16:00Z; 2026-11-03 09:00 PST = 17:00Z.
    expect(iso(seriesStarts(new Date('2026-10-27T16:00:00Z'), 'weekly', 2))).toEqual(['2026-10-27T16:00:00.000Z', '2026-11-03T17:00:00.000Z']);
    expect(iso(seriesStarts(new Date('2026-10-27T16:00:00Z'), 'biweekly', 2))).toEqual(['2026-10-27T16:00:00.000Z', '2026-11-10T17:00:00.000Z']);
  });
});

// Written from issue 25 ("Partnership pipeline"), not from the code.
describe('partnershipStageAfter', () => {
  it.each([
    ['prospect', 'outreach_meeting', 'outreach'],
    ['outreach', 'outreach_meeting', null],
    ['assessed', 'outreach_meeting', null],
    ['partnered', 'outreach_meeting', null],
    ['prospect', 'service_assessment', 'assessed'],
    ['outreach', 'service_assessment', 'assessed'],
    ['assessed', 'service_assessment', null],
    ['partnered', 'service_assessment', null],
    ['prospect', 'workgroup', null],
    ['outreach', 'training', null],
  ] as const)('%s + %s → %s', (current, type, expected) => {
    expect(partnershipStageAfter(current, type)).toBe(expected);
  });
});
