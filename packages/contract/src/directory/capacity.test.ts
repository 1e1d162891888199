import { CAPACITY_STALE_DAYS, isCapacityStale } from './capacity';

const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('isCapacityStale', () => {
  it.each<[string, Date | string | null | undefined, boolean]>([
    ['never confirmed (null)', null, true],
    ['never confirmed (undefined)', undefined, true],
    ['confirmed just now', now, false],
    ['confirmed 30 days ago', daysAgo(30), false],
    ['confirmed exactly 90 days ago', daysAgo(CAPACITY_STALE_DAYS), false],
    ['confirmed 90 days and a minute ago', new Date(daysAgo(CAPACITY_STALE_DAYS).getTime() - 60_000), true],
    ['confirmed a year ago', daysAgo(365), true],
    ['an ISO string 10 days ago', daysAgo(10).toISOString(), false],
    ['an unreadable string', 'not a date', true],
  ])('%s → %s', (_, at, stale) => {
    expect(isCapacityStale(at, now)).toBe(stale);
  });
});
