import { CAPACITY_STATUSES, type CapacityStatus } from '@tandem/contract';
import type { BadgeTone } from '../../../components/ui/badge';

// Colour is never the only signal: every badge also says the status in words.
export const capacityTone: Record<CapacityStatus, BadgeTone> = {
  accepting: 'success',
  waitlist: 'warning',
  full: 'danger',
  assessment_required: 'info',
};
export { CAPACITY_STATUSES };

/** A service's text as a user of `locale` reads it: the Spanish one for Spanish users when the service has it. */
export const inLocale = <T extends string | null>(locale: string, english: T, spanish: string | null | undefined): T | string =>
  locale === 'es' && spanish ? spanish : english;
