import type { SchedulePattern } from '../types';

export interface Interval {
  weekday: number; // ISO: 1 = Monday .. 7 = Sunday
  opensAt: string;
  closesAt: string;
}

const days = (list: number[], opensAt: string, closesAt: string): Interval[] => list.map((weekday) => ({ weekday, opensAt, closesAt }));
const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Weekly opening hours by pattern. */
export const SCHEDULE_PATTERNS: Record<SchedulePattern, Interval[]> = {
  wk9_17: days(WEEKDAYS, '09:00', '17:00'),
  split: [...days(WEEKDAYS, '09:00', '12:00'), ...days(WEEKDAYS, '13:00', '17:00')],
  evenings: [...days([1, 3, 5], '09:00', '17:00'), ...days([2, 4], '13:00', '20:30')],
  wk_sat: [...days(WEEKDAYS, '09:00', '17:00'), ...days([6], '09:00', '13:00')],
  always: days(ALL_DAYS, '00:00', '23:59'),
  wk8_18: days(WEEKDAYS, '08:00', '18:00'),
  wk8_18_sat: [...days(WEEKDAYS, '08:00', '18:00'), ...days([6], '08:00', '12:00')],
  wk8_18_weekend: [...days(WEEKDAYS, '08:00', '18:00'), ...days([6, 7], '09:00', '14:00')],
  tue_thu: days([2, 4], '10:00', '15:00'),
  mwf: days([1, 3, 5], '08:30', '16:30'),
  early: days(WEEKDAYS, '07:00', '15:30'),
};

/** How often each pattern is drawn for a service without fixed hours. */
export const PATTERN_WEIGHTS: [SchedulePattern, number][] = [
  ['wk9_17', 30],
  ['split', 12],
  ['evenings', 10],
  ['wk_sat', 12],
  ['wk8_18', 8],
  ['tue_thu', 8],
  ['mwf', 10],
  ['early', 6],
];
