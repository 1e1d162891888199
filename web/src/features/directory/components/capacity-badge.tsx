import { CAPACITY_STALE_DAYS, type Capacity, type Locale } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatDate } from '../../../lib/format';
import { capacityTone } from './labels';
import './directory.css';

type Props = { capacity: Pick<Capacity, 'status' | 'stale' | 'confirmedAt'>; showStale?: boolean };

export function CapacityBadge({ capacity, showStale = true }: Props) {
  const { t, locale } = useI18n();
  return (
    <span className="capacity">
      <Badge tone={capacityTone[capacity.status]}>{t(`capacity.${capacity.status}`)}</Badge>
      {showStale && capacity.stale && <StaleNote confirmedAt={capacity.confirmedAt} locale={locale} />}
    </span>
  );
}

function StaleNote({ confirmedAt, locale }: { confirmedAt: string | null; locale: Locale }) {
  const { t } = useI18n();
  return (
    <span className="capacity-stale">
      <span aria-hidden="true">⚠ </span>
      {confirmedAt
        ? t('dir.staleSince', { date: formatDate(confirmedAt, locale), days: CAPACITY_STALE_DAYS })
        : t('dir.staleNever')}
    </span>
  );
}
