import { SPAS, type ConsentStatus, type ReferralStatus } from '@tandem/contract';
import type { BadgeTone } from '../components/ui/badge';

const spaByCode = new Map(SPAS.map((s) => [s.code as string, s]));

/** "SPA 4 · Metro": proper names, the same in every language (an unknown code reads as itself). */
export const spaLabel = (code: string) => {
  const spa = spaByCode.get(code);
  return spa ? `SPA ${spa.number} · ${spa.name}` : code;
};
/** "SPA 4", where the area's name would not fit (table cells, cards). */
export const spaShort = (code: string) => `SPA ${spaByCode.get(code)?.number ?? code}`;

/** Scheme and trailing slash add width, not information. */
export const displayUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

/** Blank optional text is "not given", not an empty string the API would reject as a bad URL/email. */
export const orNull = (v: string) => (v.trim() ? v.trim() : null);

// Colour is never the only signal: every badge also says the status in words.
/** A referral's status as a badge colour, wherever a referral is listed (inbox, network box, client record). */
export const referralStatusTone: Record<ReferralStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  acknowledged: 'info',
  accepted: 'accent',
  in_progress: 'accent',
  on_hold: 'warning',
  completed: 'success',
  declined: 'danger',
  unable_to_complete: 'danger',
  cancelled: 'neutral',
  entered_in_error: 'neutral',
};
export const consentTone: Record<ConsentStatus, BadgeTone> = { active: 'success', expired: 'warning', revoked: 'danger' };
