import { periodsBetween } from './format';

describe('periodsBetween', () => {
  it('lists every month, quarter or year from one day to another, both included', () => {
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-12-08', '2026-12-07', 'quarter')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsBetween('2025-12-08', '2026-12-07', 'year')).toEqual(['2025', '2026']);
    expect(periodsBetween('2026-03-01', '2026-03-31', 'month')).toEqual(['2026-03']);
  });
});
