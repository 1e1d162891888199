import { Link } from 'react-router';
import type { ServiceSearchHit } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { spaShort } from '../../../lib/labels';
import { formatRange } from '../../../lib/format';
import { CapacityBadge } from './capacity-badge';
import { inLocale } from './labels';
import './directory.css';

const KM_PER_MILE = 1.609344;

export function ServiceCard({ hit }: { hit: ServiceSearchHit }) {
  const { t, locale } = useI18n();
  const today = hit.todayHours;
  const distance = hit.location?.distanceKm;
  return (
    <li className="service-card">
      <div className="service-card-head">
        <h2 className="service-card-title">
          <Link to={paths.directoryService.href(hit.id)}>{inLocale(locale, hit.name, hit.nameEs)}</Link>
        </h2>
        <CapacityBadge capacity={hit.capacity} />
      </div>
      <p className="service-card-org">{hit.organization.name}</p>
      <dl className="service-card-facts">
        <div>
          <dt className="visually-hidden">{t('dir.todayHours')}</dt>
          <dd>
            {hit.openNow ? <Badge tone="success">{t('dir.openNow')}</Badge> : <Badge tone="neutral">{t('dir.closedNow')}</Badge>}{' '}
            {today.intervals.length === 0
              ? today.closedReason
                ? t('dir.closedTodayReason', { reason: today.closedReason })
                : t('dir.closedToday')
              : t('dir.todayIs', { hours: today.intervals.map((iv) => formatRange(iv, locale)).join(', ') })}
          </dd>
        </div>
        {hit.location && (
          <div>
            <dt className="visually-hidden">{t('dir.location')}</dt>
            <dd>
              {hit.location.address1}, {hit.location.city}
              {hit.location.spa && ` · ${spaShort(hit.location.spa)}`}
              {distance != null && <strong> · {t('dir.distance', { miles: (distance / KM_PER_MILE).toFixed(1) })}</strong>}
            </dd>
          </div>
        )}
        <div>
          <dt className="visually-hidden">{t('dir.languages')}</dt>
          <dd>{t('dir.speaks', { languages: hit.languages.map((l) => t(`language.${l}`)).join(', ') })}</dd>
        </div>
      </dl>
      {hit.categories.length > 0 && (
        <ul className="tag-list" aria-label={t('dir.categories')}>
          {hit.categories.map((c) => (
            <li key={c} className="tag">
              {t(`sdoh.${c}`)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
