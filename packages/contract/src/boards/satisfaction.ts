/** A member's satisfaction check (issue 26): was their input heard, was it used, each 1–5. */
export type SatisfactionResponse = { date: string; heard: number; used: number };
export type SatisfactionQuarter = { quarter: string; responses: number; heardAverage: number; usedAverage: number };

/** `2026-05-14` → `2026-Q2`. */
export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
/** `2026-Q2` → its first day, `2026-04-01`. */
export const quarterStart = (quarter: string) => `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Averages per calendar quarter, oldest first, over the responses dated in [from, to] (inclusive,
 * YYYY-MM-DD; either may be omitted). A quarter with no responses is not listed (no average of
 * nothing). Averages are rounded to two decimals.
 */
export const satisfactionByQuarter = (responses: readonly SatisfactionResponse[], range: { from?: string | null; to?: string | null } = {}): SatisfactionQuarter[] => {
  const sums = new Map<string, { n: number; heard: number; used: number }>();
  for (const r of responses) {
    if ((range.from && r.date < range.from) || (range.to && r.date > range.to)) continue;
    const q = quarterOf(r.date);
    const s = sums.get(q) ?? { n: 0, heard: 0, used: 0 };
    sums.set(q, { n: s.n + 1, heard: s.heard + r.heard, used: s.used + r.used });
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, s]) => ({ quarter, responses: s.n, heardAverage: round2(s.heard / s.n), usedAverage: round2(s.used / s.n) }));
};
