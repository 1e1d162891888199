import type { RecommendationStatus } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-provider';

const TONE: Record<RecommendationStatus, 'info' | 'warning' | 'success' | 'neutral'> = {
  submitted: 'info',
  under_review: 'info',
  adopted: 'success',
  partially_adopted: 'warning',
  not_adopted: 'neutral',
  implemented: 'success',
};

/** A recommendation's status as words (never colour alone), and "Response overdue" beside it when it is. */
export function RecommendationStatusBadges({ status, overdue }: { status: RecommendationStatus; overdue: boolean }) {
  const t = useT();
  return (
    <span className="rec-badges">
      <Badge tone={TONE[status]}>{t(`recs.status.${status}` as MessageKey)}</Badge>
      {overdue && <Badge tone="danger">{t('recs.overdue')}</Badge>}
    </span>
  );
}

/** Progress as text first ("40% done"); the bar beside it is decoration for sighted readers. */
export function RecommendationProgress({ progress }: { progress: number | null }) {
  const t = useT();
  if (progress === null) return <span className="board-muted">{t('recs.noProgress')}</span>;
  return (
    <span className="rec-progress">
      <span>{t('recs.progressText', { percent: progress })}</span>
      <span className="rec-progress-bar" aria-hidden="true">
        <span style={{ width: `${progress}%` }} />
      </span>
    </span>
  );
}
