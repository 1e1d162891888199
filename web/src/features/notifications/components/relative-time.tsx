import type { Locale } from '@tandem/contract';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatDateTime } from '../../../lib/format';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];
const formats = new Map<Locale, Intl.RelativeTimeFormat>();

/** "5 minutes ago" up to a week, then the local date and time. */
const relative = (iso: string, now: number, locale: Locale) => {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { numeric: 'auto' });
    formats.set(locale, f);
  }
  // A clock a little behind the server's would otherwise say "in 2 seconds".
  let value = Math.min(0, (Date.parse(iso) - now) / 1000);
  for (const [unit, size] of STEPS) {
    // Under a minute reads "now"; otherwise whole units, rounded toward zero ("1 hour ago" until 2).
    if (Math.abs(value) < size) return f.format(unit === 'second' ? 0 : Math.trunc(value), unit);
    value /= size;
  }
  return formatDateTime(iso, locale);
};

/** A relative time with the exact local time as its tooltip and machine-readable value. */
export function RelativeTime({ iso, now }: { iso: string; now: number }) {
  const { locale } = useI18n();
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {relative(iso, now, locale)}
    </time>
  );
}
