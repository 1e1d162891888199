import type { GapSeverity, GapStatus } from '@tandem/contract';
import type { BadgeTone } from '../../../components/ui/badge';
import type { MessageKey } from '../../../i18n/en';

export const statusTone: Record<GapStatus, BadgeTone> = {
  identified: 'info',
  escalated: 'warning',
  in_progress: 'accent',
  resolved: 'success',
  not_pursued: 'neutral',
};
export const severityTone: Record<GapSeverity, BadgeTone> = { low: 'neutral', medium: 'info', high: 'warning', critical: 'danger' };

/** The gap's subject in the reader's language: its SDOH category or Community Support. */
export const subjectKey = (g: { category: string | null; communitySupport: string | null }): MessageKey =>
  (g.category ? `sdoh.${g.category}` : `cs.${g.communitySupport}`) as MessageKey;
