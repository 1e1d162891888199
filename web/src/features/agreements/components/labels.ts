import type { AGREEMENT_STATUSES } from '@tandem/contract';
import type { BadgeTone } from '../../../components/ui/badge';
import { formatDate } from '../../../lib/format';

export const statusTone: Record<(typeof AGREEMENT_STATUSES)[number], BadgeTone> = {
  draft: 'neutral',
  negotiating: 'info',
  active: 'success',
  expired: 'danger',
  terminated: 'neutral',
};

/** Agreement dates are calendar dates (Los Angeles): shown at noon UTC so no time zone moves the day. */
export const day = (d: string | null, locale: 'en' | 'es') => (d ? formatDate(`${d}T12:00:00Z`, locale) : '—');
