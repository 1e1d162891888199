import { CAPACITY_STATUSES, SPAS, type CapacityStatus, type Spa } from '@tandem/contract';
import type { BadgeTone } from '../../../components/ui/badge';

const spaByCode = new Map(SPAS.map((s) => [s.code as string, s]));

/** "SPA 4 · Metro": proper names, the same in every language. */
export const spaLabel = (code: Spa) => {
  const spa = spaByCode.get(code);
  return spa ? `SPA ${spa.number} · ${spa.name}` : code;
};
export const spaShort = (code: Spa) => `SPA ${spaByCode.get(code)?.number ?? code}`;

// Colour is never the only signal: every badge also says the status in words.
export const capacityTone: Record<CapacityStatus, BadgeTone> = {
  accepting: 'success',
  waitlist: 'warning',
  full: 'danger',
  assessment_required: 'info',
};
export { CAPACITY_STATUSES };

/** Blank optional text is "not given", not an empty string the API would reject as a bad URL/email. */
export const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** A service's text as a user of `locale` reads it: the Spanish one for Spanish users when the service has it. */
export const inLocale = <T extends string | null>(locale: string, english: T, spanish: string | null | undefined): T | string =>
  locale === 'es' && spanish ? spanish : english;

/** Scheme and trailing slash add width, not information. */
export const displayUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');
