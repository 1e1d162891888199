import {
  RECOMMENDATION_STATUSES,
  addDays,
  answeredOnTime,
  canMoveRecommendation,
  isRecommendationOverdue,
  type RecommendationStatus,
} from './recommendations';

describe('canMoveRecommendation', () => {
  // Every pair: the allowed moves are listed, every other pair (except staying) is refused.
  const allowed: [RecommendationStatus, RecommendationStatus][] = [
    ['submitted', 'under_review'],
    ['submitted', 'adopted'],
    ['submitted', 'partially_adopted'],
    ['submitted', 'not_adopted'],
    ['under_review', 'adopted'],
    ['under_review', 'partially_adopted'],
    ['under_review', 'not_adopted'],
    ['adopted', 'implemented'],
    ['partially_adopted', 'implemented'],
  ];
  const cases = RECOMMENDATION_STATUSES.flatMap((from) =>
    RECOMMENDATION_STATUSES.map((to) => [from, to, from === to || allowed.some(([f, t]) => f === from && t === to)] as const),
  );
  it.each(cases)('%s → %s: %s', (from, to, ok) => {
    expect(canMoveRecommendation(from, to)).toBe(ok);
  });
  it('only adopted or partially adopted may become implemented', () => {
    expect(RECOMMENDATION_STATUSES.filter((s) => s !== 'implemented' && canMoveRecommendation(s, 'implemented'))).toEqual([
      'adopted',
      'partially_adopted',
    ]);
  });
  it('nothing goes back to submitted or under review once decided', () => {
    for (const from of ['adopted', 'partially_adopted', 'not_adopted', 'implemented'] as const) {
      expect(canMoveRecommendation(from, 'submitted')).toBe(false);
      expect(canMoveRecommendation(from, 'under_review')).toBe(false);
    }
  });
});

describe('overdue and on time', () => {
  it.each([
    ['submitted', '2026-03-01', '2026-03-02', true],
    ['under_review', '2026-03-01', '2026-03-02', true],
    ['submitted', '2026-03-01', '2026-03-01', false],
    ['adopted', '2026-03-01', '2026-09-01', false],
    ['not_adopted', '2026-03-01', '2026-09-01', false],
  ] as const)('%s due %s, today %s → overdue %s', (status, responseDue, today, overdue) => {
    expect(isRecommendationOverdue({ status, responseDue }, today)).toBe(overdue);
  });
  it.each([
    [null, '2026-03-01', false],
    ['2026-03-01T23:59:00.000Z', '2026-03-01', true],
    ['2026-03-02T00:00:01.000Z', '2026-03-01', false],
  ] as const)('responded %s, due %s → on time %s', (respondedAt, responseDue, ok) => {
    expect(answeredOnTime({ respondedAt, responseDue })).toBe(ok);
  });
  it('adds days across months and leap days', () => {
    expect(addDays('2026-01-15', 90)).toBe('2026-04-15');
    expect(addDays('2028-02-01', 29)).toBe('2028-03-01');
  });
});
