import { quarterOf, quarterStart, satisfactionByQuarter } from './satisfaction';

describe('quarterOf / quarterStart', () => {
  it.each([
    ['2026-01-01', '2026-Q1', '2026-01-01'],
    ['2026-03-31', '2026-Q1', '2026-01-01'],
    ['2026-04-01', '2026-Q2', '2026-04-01'],
    ['2026-09-30', '2026-Q3', '2026-07-01'],
    ['2026-12-31', '2026-Q4', '2026-10-01'],
  ])('%s is in %s, which starts %s', (d, q, start) => {
    expect(quarterOf(d)).toBe(q);
    expect(quarterStart(q)).toBe(start);
  });
});

describe('satisfactionByQuarter', () => {
  const rs = [
    { date: '2026-02-10', heard: 4, used: 3 },
    { date: '2025-12-09', heard: 2, used: 1 },
    { date: '2026-01-13', heard: 5, used: 4 },
    { date: '2026-01-13', heard: 3, used: 2 },
    { date: '2026-05-12', heard: 5, used: 5 },
  ];
  it('averages per quarter, oldest first, skipping quarters with no responses', () => {
    expect(satisfactionByQuarter(rs)).toEqual([
      { quarter: '2025-Q4', responses: 1, heardAverage: 2, usedAverage: 1 },
      { quarter: '2026-Q1', responses: 3, heardAverage: 4, usedAverage: 3 },
      { quarter: '2026-Q2', responses: 1, heardAverage: 5, usedAverage: 5 },
    ]);
  });
  it('keeps only responses in [from, to], both ends included', () => {
    expect(satisfactionByQuarter(rs, { from: '2026-01-13', to: '2026-02-10' })).toEqual([{ quarter: '2026-Q1', responses: 3, heardAverage: 4, usedAverage: 3 }]);
  });
  it('rounds to two decimals and answers nothing for no responses', () => {
    expect(satisfactionByQuarter([{ date: '2026-01-01', heard: 1, used: 1 }, { date: '2026-01-02', heard: 1, used: 2 }, { date: '2026-01-03', heard: 2, used: 2 }])[0]).toMatchObject({ heardAverage: 1.33, usedAverage: 1.67 });
    expect(satisfactionByQuarter([])).toEqual([]);
  });
});
