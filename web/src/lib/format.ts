import type { Locale } from '@tandem/contract';

/** The BCP 47 tag every Intl formatter uses for a locale of the app. */
export const localeTag = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US');

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: Locale, withTime: boolean) => {
  const key = `${locale}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(locale), {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
};

export const formatDate = (iso: string, locale: Locale) => formatter(locale, false).format(new Date(iso));
export const formatDateTime = (iso: string, locale: Locale) => formatter(locale, true).format(new Date(iso));

/** A calendar date ("2026-12-25") as a date, on its own day whatever the reader's time zone. */
export const formatCalendarDate = (d: string, locale: Locale) =>
  new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d.slice(0, 10)}T00:00:00Z`));

/** ISO weekday (1 = Monday) to its name; 2024-01-01 was a Monday. */
export const weekdayName = (weekday: number, locale: Locale, style: 'long' | 'short' = 'long') =>
  new Intl.DateTimeFormat(localeTag(locale), { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

/** "09:00" or "09:00:00" → "9:00 AM" (en) / "9:00 a. m." (es). */
export const formatTime = (hhmm: string, locale: Locale) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(localeTag(locale), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, h, m)));
};

/** Opening hours "9:00 AM – 12:00 PM". */
export const formatRange = (iv: { opensAt: string; closesAt: string }, locale: Locale) =>
  `${formatTime(iv.opensAt, locale)} – ${formatTime(iv.closesAt, locale)}`;

/** `2026-11-23` from a date input → an ISO timestamp at local noon (no timezone day-slip). */
export const dateInputToIso = (d: string) => new Date(`${d}T12:00:00`).toISOString();
/** Today as a date input's value (`2026-11-23`), in the reader's time zone. */
export const todayInput = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};
