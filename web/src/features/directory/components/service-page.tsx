import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { inLocale } from './labels';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime, formatRange } from '../../../lib/format';
import { serviceQueries } from '../api/queries';
import { CapacityBadge } from './capacity-badge';
import { CapacityForm } from './capacity-form';
import { ContactList, LocationList } from './place-lists';
import { HoursEditor } from './hours-editor';
import { todaysHours } from './hours';
import { HoursTable } from './hours-table';
import { ServiceFacts } from './service-facts';
import { serviceMessage } from './service-message';
import { ShareActions } from './share-actions';
import './directory.css';

/** currentUserId is null for a visitor of the public directory: no referral or edit actions then. */
type Props = { id: string; canEdit: (organizationId: string) => boolean; currentUserId: string | null };

export function ServicePage({ id, canEdit, currentUserId }: Props) {
  const { t, locale } = useI18n();
  const service = useQuery(serviceQueries.detail(id));
  const [editingHours, setEditingHours] = useState(false);
  const [hoursSaved, setHoursSaved] = useState(false);

  if (service.isPending) return <Spinner label={t('app.loading')} />;
  if (service.isError) {
    if (service.error instanceof ApiError && service.error.status === 404)
      return <EmptyState title={t('dir.serviceNotFound')} action={<Link to={paths.directory.href()}>{t('dir.backToSearch')}</Link>} />;
    return <Alert tone="danger">{errorMessage(service.error, t)}</Alert>;
  }
  const s = service.data;
  const editor = canEdit(s.organizationId);
  const today = todaysHours(s.schedule, s.timeZone);
  const { capacity } = s;

  return (
    <>
      <p className="breadcrumbs">
        <Link to={paths.directory.href()}>{t('dir.backToSearch')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 className="page-title">{inLocale(locale, s.name, s.nameEs)}</h1>
          <p className="page-description">
            <Link to={paths.directoryOrganization.href(s.organization.id)}>{s.organization.name}</Link>
          </p>
          <p className="service-status-line">
            <CapacityBadge capacity={capacity} showStale={false} />
            {s.status !== 'active' && <Badge tone="warning">{t(`serviceStatus.${s.status}`)}</Badge>}
            {today.openNow ? <Badge tone="success">{t('dir.openNow')}</Badge> : <Badge tone="neutral">{t('dir.closedNow')}</Badge>}
            <span>{today.intervals.length ? t('dir.todayIs', { hours: today.intervals.map((iv) => formatRange(iv, locale)).join(', ') }) : t('dir.closedToday')}</span>
          </p>
        </div>
        <div className="page-actions">
          {currentUserId && (
            <Link className="btn btn-primary" to={paths.referralsNew.href(s.id)}>
              {t('dir.refer')}
            </Link>
          )}
          {editor && (
            <Link className="btn btn-secondary" to={paths.directoryServiceEdit.href(s.id)}>
              {t('dir.edit')}
            </Link>
          )}
        </div>
      </div>
      <div className="service-layout">
        <div className="stack">
          <Card title={t('dir.about')}>
            <ServiceFacts service={s} />
          </Card>
          <Card title={t('share.title')} className="share-card">
            <ShareActions url={`${window.location.origin}${paths.directoryService.href(s.id)}`} message={serviceMessage(s, t, locale)} />
          </Card>
          <Card
            title={t('dir.hoursTitle')}
            actions={
              editor && !editingHours && (
                <Button variant="secondary" size="sm" onClick={() => { setEditingHours(true); setHoursSaved(false); }}>
                  {t('dir.editHours')}
                </Button>
              )
            }
          >
            {hoursSaved && <Alert tone="success">{t('dir.hoursSaved')}</Alert>}
            {editingHours ? (
              <HoursEditor service={s} onDone={(saved) => { setEditingHours(false); setHoursSaved(saved); }} />
            ) : (
              <HoursTable service={s} />
            )}
          </Card>
        </div>
        <div className="stack">
          <Card title={t('dir.capacityTitle')}>
            <p>
              <CapacityBadge capacity={capacity} />
            </p>
            {capacity.note && <p className="capacity-note">{capacity.note}</p>}
            <p className="muted">
              {capacity.confirmedAt
                ? currentUserId && capacity.confirmedByUserId === currentUserId
                  ? t('dir.confirmedByYou', { date: formatDateTime(capacity.confirmedAt, locale) })
                  : t('dir.confirmedAt', { date: formatDateTime(capacity.confirmedAt, locale) })
                : t('dir.neverConfirmed')}
            </p>
            {editor && <CapacityForm service={s} />}
          </Card>
          <Card title={t('dir.locations')}>
            <LocationList locations={s.locations} />
          </Card>
          <Card title={t('dir.contacts')}>
            <ContactList contacts={s.contacts} />
          </Card>
        </div>
      </div>
    </>
  );
}
