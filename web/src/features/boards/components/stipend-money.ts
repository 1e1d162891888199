import type { Locale } from '@tandem/contract';
import { localeTag } from '../../../lib/format';

/** Cents as dollars in the reader's language ($1,500.00 / 1.500,00 US$ as Intl words it). */
export const formatMoney = (cents: number, locale: Locale) => new Intl.NumberFormat(localeTag(locale), { style: 'currency', currency: 'USD' }).format(cents / 100);

/** "1,500" or "1500.50" → cents; null for anything else (never a float rounding surprise: two decimals at most). */
export const dollarsToCents = (s: string): number | null => {
  const v = s.replace(/[$,\s]/g, '');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(v)) return null;
  const [whole, frac = ''] = v.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
};

export const centsToDollars = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));
