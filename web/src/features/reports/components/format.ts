import type { Locale } from '@tandem/contract';
import type { Translate } from '../../../i18n/i18n-provider';
import { localeTag } from '../../../lib/format';

/** "2026-03" → "Mar 2026", "2026-Q1" → "Q1 2026" ("T1 2026"), "2026" → "2026". */
export const periodLabel = (period: string, locale: Locale, t: Translate) => {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return t('reports.quarterLabel', { quarter: q[2]!, year: q[1]! });
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m)
    return new Intl.DateTimeFormat(localeTag(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
    );
  return period;
};

/** "2026-03" → "March 2026" (the staff report's and the calendar's heading). */
export const monthLong = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(localeTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** Today in Los Angeles, YYYY-MM-DD: the reports' days and months are Los Angeles ones. */
export const todayInLa = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());

/** A rate 0–1 as "42%", or "—". */
export const percent = (r: number | null, locale: Locale) =>
  r === null ? '—' : new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(r);
/** A number in the reader's locale, or "—". */
export const num = (n: number | null, locale: Locale) =>
  n === null ? '—' : new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(n);

/** Every period label (2026-03, 2026-Q1, 2026) from `from` to `to` (YYYY-MM-DD), so an empty month shows as zero. */
export const periodsBetween = (from: string, to: string, groupBy: 'month' | 'quarter' | 'year') => {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end && out.length < 400) {
    const label =
      groupBy === 'year' ? `${y}` : groupBy === 'quarter' ? `${y}-Q${Math.floor((m - 1) / 3) + 1}` : `${y}-${String(m).padStart(2, '0')}`;
    if (out[out.length - 1] !== label) out.push(label);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
};
