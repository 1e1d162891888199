import { advanceBalance, informationReturnThreshold, stipendYearTotals, type StipendPayment } from './stipends';

// Written from issue 26 (information-return thresholds: $600 through 2025, $2,000 from 2026).
const pay = (memberId: string, amountCents: number, paidOn: string | null, extra: Partial<StipendPayment> = {}): StipendPayment => ({ memberId, amountCents, method: 'check', status: 'issued', paidOn, ...extra });

describe('informationReturnThreshold', () => {
  it.each([
    [2024, {}, 60_000],
    [2025, {}, 60_000],
    [2026, {}, 200_000],
    [2027, {}, 200_000],
    [2027, { 2027: 205_000 }, 205_000],
    [2028, { 2027: 205_000 }, 205_000],
    [2026, { 2027: 205_000 }, 200_000],
  ] as const)('%i with %j → %i cents', (year, map, cents) => {
    expect(informationReturnThreshold(year, map)).toBe(cents);
  });
});

describe('stipendYearTotals', () => {
  const totals = (ps: StipendPayment[], year: number, map = {}) => stipendYearTotals(ps, year, map).map((t) => [t.memberId, t.totalCents, t.reachesThreshold]);

  it.each([
    ['empty', [], 2025, []],
    ['exactly $600 in 2025 reaches it', [pay('a', 30_000, '2025-03-01'), pay('a', 30_000, '2025-12-31')], 2025, [['a', 60_000, true]]],
    ['$599.99 in 2025 does not', [pay('a', 59_999, '2025-06-01')], 2025, [['a', 59_999, false]]],
    ['$600 in 2026 does not (threshold $2,000)', [pay('a', 60_000, '2026-01-01')], 2026, [['a', 60_000, false]]],
    ['exactly $2,000 in 2026 reaches it', [pay('a', 150_000, '2026-02-01'), pay('a', 50_000, '2026-11-30')], 2026, [['a', 200_000, true]]],
    ['a 2025 payment is not in 2026', [pay('a', 150_000, '2025-12-31'), pay('a', 100_000, '2026-01-02')], 2026, [['a', 100_000, false]]],
    ['a 2026 payment is not in 2025', [pay('a', 150_000, '2025-12-31'), pay('a', 100_000, '2026-01-02')], 2025, [['a', 150_000, true]]],
    ['a returned check does not count', [pay('a', 40_000, '2025-02-01'), pay('a', 40_000, '2025-03-01', { status: 'returned' })], 2025, [['a', 40_000, false]]],
    ['planned does not count', [pay('a', 70_000, null, { status: 'planned' }), pay('b', 70_000, '2025-05-01', { status: 'planned' })], 2025, []],
    ['a gift card counts', [pay('a', 40_000, '2025-02-01'), pay('a', 20_000, '2025-04-01', { method: 'gift_card' })], 2025, [['a', 60_000, true]]],
    ['per member, sorted', [pay('b', 10_000, '2025-01-05'), pay('a', 70_000, '2025-01-05', { method: 'prepaid_card' })], 2025, [['a', 70_000, true], ['b', 10_000, false]]],
  ] as const)('%s', (_name, ps, year, expected) => {
    expect(totals([...ps], year)).toEqual(expected);
  });

  it('uses a configured later year', () => {
    expect(stipendYearTotals([pay('a', 205_000, '2027-06-01')], 2027, { 2027: 205_000 })[0]).toEqual({ memberId: 'a', year: 2027, totalCents: 205_000, payments: 1, thresholdCents: 205_000, reachesThreshold: true });
    expect(stipendYearTotals([pay('a', 204_999, '2027-06-01')], 2027, { 2027: 205_000 })[0]?.reachesThreshold).toBe(false);
  });
});

describe('advanceBalance', () => {
  const bal = (es: Parameters<typeof advanceBalance>[0]) => advanceBalance(es).map((b) => [b.memberId, b.owedCents, b.stillAdvancedCents]);
  it.each([
    ['empty', [], []],
    ['an advance, no meetings yet: all still advanced', [pay('a', 30_000, '2026-01-05', { advance: true })], [['a', 0, 30_000]]],
    ['advance partly earned', [pay('a', 30_000, '2026-01-05', { advance: true }), { memberId: 'a', earnedCents: 10_000, meetingId: 'm1' }], [['a', 0, 20_000]]],
    ['advance exactly earned', [pay('a', 30_000, '2026-01-05', { advance: true }), ...['m1', 'm2', 'm3'].map((meetingId) => ({ memberId: 'a', earnedCents: 10_000, meetingId }))], [['a', 0, 0]]],
    ['earned past the advance: owed', [pay('a', 20_000, '2026-01-05', { advance: true }), ...['m1', 'm2', 'm3'].map((meetingId) => ({ memberId: 'a', earnedCents: 10_000, meetingId }))], [['a', 10_000, 0]]],
    ['a returned advance is not paid: all earned is owed', [pay('a', 20_000, '2026-01-05', { advance: true, status: 'returned' }), { memberId: 'a', earnedCents: 10_000 }], [['a', 10_000, 0]]],
    ['ordinary payments count too (gift card)', [{ memberId: 'a', earnedCents: 10_000 }, { memberId: 'a', earnedCents: 10_000 }, pay('a', 10_000, '2026-02-01', { method: 'gift_card' })], [['a', 10_000, 0]]],
    ['a planned payment is not paid', [{ memberId: 'b', earnedCents: 5_000 }, pay('b', 5_000, null, { status: 'planned' })], [['b', 5_000, 0]]],
  ] as const)('%s', (_name, es, expected) => {
    expect(bal([...es])).toEqual(expected);
  });

  it('reports paid, advanced and earned beside the balance', () => {
    expect(advanceBalance([pay('a', 30_000, '2026-01-05', { advance: true }), pay('a', 5_000, '2026-03-01'), { memberId: 'a', earnedCents: 20_000 }])).toEqual([
      { memberId: 'a', paidCents: 35_000, advancedCents: 30_000, earnedCents: 20_000, owedCents: 0, stillAdvancedCents: 15_000 },
    ]);
  });
});
