import type { StipendMethod } from './enums';

/**
 * A stipend payment (ARCHITECTURE §2 `stipend_payments`), amounts in cents (integers).
 * `paidOn` is the calendar date the payment was made (YYYY-MM-DD, Los Angeles), null while planned.
 * `advance`: paid ahead of meetings not yet held (reconciled by `advanceBalance`).
 */
export type StipendPayment = {
  memberId: string;
  amountCents: number;
  method: StipendMethod;
  status: 'planned' | 'issued' | 'returned';
  paidOn: string | null;
  advance?: boolean;
};
/** What a member earned at one meeting (or for extra work), in cents, whether or not it was paid yet. */
export type StipendEarning = { memberId: string; earnedCents: number; meetingId?: string };

/**
 * Information-return thresholds in cents by the year payments were made: $600 through 2025 and
 * $2,000 from 2026. A year missing from the map takes the nearest earlier year's amount (so 2027
 * is $2,000 until a map says otherwise, e.g. `{ 2027: 205000 }` once the inflation-adjusted figure
 * is published).
 */
export const DEFAULT_INFORMATION_RETURN_THRESHOLDS: Readonly<Record<number, number>> = { 2025: 60_000, 2026: 200_000 };

export const informationReturnThreshold = (year: number, thresholds: Readonly<Record<number, number>> = {}): number => {
  const all = { ...DEFAULT_INFORMATION_RETURN_THRESHOLDS, ...thresholds };
  const years = Object.keys(all).map(Number).sort((a, b) => a - b);
  const at = years.filter((y) => y <= year).pop() ?? years[0]!;
  return all[at]!;
};

export type StipendYearTotal = { memberId: string; year: number; totalCents: number; payments: number; thresholdCents: number; reachesThreshold: boolean };

/**
 * Per member, the total of payments issued in the calendar year `year` (by `paidOn`), any method:
 * gift cards and prepaid cards count like checks. Returned payments (a returned or voided check)
 * and planned ones do not count. `reachesThreshold` is true when the total is at or above the
 * year's information-return threshold (`thresholds` overrides or adds years, in cents). Members with
 * no counted payment in the year are left out; sorted by member id.
 */
export const stipendYearTotals = (payments: readonly StipendPayment[], year: number, thresholds: Readonly<Record<number, number>> = {}): StipendYearTotal[] => {
  const thresholdCents = informationReturnThreshold(year, thresholds);
  const by = new Map<string, { totalCents: number; payments: number }>();
  for (const p of payments) {
    if (p.status !== 'issued' || !p.paidOn || Number(p.paidOn.slice(0, 4)) !== year) continue;
    const t = by.get(p.memberId) ?? { totalCents: 0, payments: 0 };
    t.totalCents += p.amountCents;
    t.payments++;
    by.set(p.memberId, t);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([memberId, t]) => ({ memberId, year, ...t, thresholdCents, reachesThreshold: t.totalCents >= thresholdCents }));
};

export type AdvanceBalance = {
  memberId: string;
  paidCents: number;
  advancedCents: number;
  earnedCents: number;
  /** Earned but not yet paid: pay this. */
  owedCents: number;
  /** Paid ahead and not yet earned by meetings: the advance still outstanding. */
  stillAdvancedCents: number;
};

/**
 * Reconciles advances with what meetings earned, per member: everything issued (advances and
 * ordinary payments; returned and planned do not count) against everything earned. The difference
 * is either still owed to the member or still advanced (paid ahead of meetings); at most one of the
 * two is non-zero. Sorted by member id.
 */
export const advanceBalance = (entries: readonly (StipendPayment | StipendEarning)[]): AdvanceBalance[] => {
  const by = new Map<string, { paidCents: number; advancedCents: number; earnedCents: number }>();
  for (const e of entries) {
    const t = by.get(e.memberId) ?? { paidCents: 0, advancedCents: 0, earnedCents: 0 };
    by.set(e.memberId, t);
    if ('earnedCents' in e) t.earnedCents += e.earnedCents;
    else if (e.status === 'issued') {
      t.paidCents += e.amountCents;
      if (e.advance) t.advancedCents += e.amountCents;
    }
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([memberId, t]) => ({ memberId, ...t, owedCents: Math.max(0, t.earnedCents - t.paidCents), stillAdvancedCents: Math.max(0, t.paidCents - t.earnedCents) }));
};
