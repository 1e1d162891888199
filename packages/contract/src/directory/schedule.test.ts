import { ReplaceScheduleBodySchema, scheduleProblems } from './schemas';

describe('scheduleProblems', () => {
  it.each<[string, Parameters<typeof scheduleProblems>[0], number]>([
    ['two intervals with a lunch break', [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }, { weekday: 1, opensAt: '13:00', closesAt: '17:00' }], 0],
    ['touching intervals', [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }, { weekday: 1, opensAt: '12:00', closesAt: '17:00' }], 0],
    ['same hours on different days', [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }, { weekday: 2, opensAt: '09:00', closesAt: '12:00' }], 0],
    ['overlap on one day', [{ weekday: 3, opensAt: '09:00', closesAt: '13:00' }, { weekday: 3, opensAt: '12:00', closesAt: '17:00' }], 1],
    ['one interval inside another', [{ weekday: 3, opensAt: '08:00', closesAt: '18:00' }, { weekday: 3, opensAt: '10:00', closesAt: '11:00' }], 1],
    ['closes before it opens', [{ weekday: 4, opensAt: '17:00', closesAt: '09:00' }], 1],
    ['zero-length interval', [{ weekday: 4, opensAt: '09:00', closesAt: '09:00' }], 1],
    ['different locations may overlap', [{ weekday: 5, opensAt: '09:00', closesAt: '13:00', locationId: 'a' }, { weekday: 5, opensAt: '10:00', closesAt: '12:00', locationId: 'b' }], 0],
  ])('%s → %i problem(s)', (_, intervals, n) => {
    expect(scheduleProblems(intervals)).toHaveLength(n);
  });

  it('checks exceptions: one per date, open ones need hours', () => {
    const problems = scheduleProblems([], [{ date: '2026-12-24', closed: false }, { date: '2026-12-24', closed: true }]);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['exceptions.0.closesAt', 'exceptions.1.date']);
  });

  it('is what the request schema enforces', () => {
    const r = ReplaceScheduleBodySchema.safeParse({ intervals: [{ weekday: 2, opensAt: '09:00', closesAt: '13:00' }, { weekday: 2, opensAt: '12:00', closesAt: '15:00' }] });
    expect(r.success).toBe(false);
  });
});
