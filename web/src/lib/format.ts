import type { Locale } from '@tandem/contract';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: Locale, withTime: boolean) => {
  const key = `${locale}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
};

export const formatDate = (iso: string, locale: Locale) => formatter(locale, false).format(new Date(iso));
export const formatDateTime = (iso: string, locale: Locale) => formatter(locale, true).format(new Date(iso));
