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
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { organizationQueries } from '../api/queries';
import { HistoryList } from './history-list';
import { OrganizationForm } from './organization-form';
import { OrganizationContacts, OrganizationLocations, OrganizationServices } from './organization-sections';
import { PartnershipCard } from './partnership-card';
import { Fact } from '../../../components/ui/fact';
import { displayUrl, spaLabel } from '../../../lib/labels';
import './directory.css';

/** signedIn is false for a visitor of the public directory: no history, no partnership record (the API sends none). */
type Props = { id: string; canEdit: (organizationId: string) => boolean; networkStaff: boolean; signedIn: boolean };

export function OrganizationPage({ id, canEdit, networkStaff, signedIn }: Props) {
  const { t, locale } = useI18n();
  const org = useQuery(organizationQueries.detail(id));
  const [tab, setTab] = useState<'overview' | 'history'>('overview');
  const [editing, setEditing] = useState(false);
  // Bumped by "Reload" after a conflict: the form starts again from the newer data. (Not keyed by
  // version: a successful save changes the version too, and must not remount the form mid-save.)
  const [formKey, setFormKey] = useState(0);

  if (org.isPending) return <Spinner label={t('app.loading')} />;
  if (org.isError) {
    if (org.error instanceof ApiError && org.error.status === 404)
      return <EmptyState title={t('orgPage.notFound')} action={<Link to={paths.directory.href()}>{t('dir.backToSearch')}</Link>} />;
    return <Alert tone="danger">{errorMessage(org.error, t)}</Alert>;
  }
  const o = org.data;
  const editor = canEdit(o.id);
  const stageDate = o.partnershipStage && o.stageDates?.[o.partnershipStage];

  return (
    <>
      <p className="breadcrumbs">
        <Link to={paths.directory.href()}>{t('dir.backToSearch')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 className="page-title">{o.name}</h1>
          <p className="service-status-line">
            <Badge tone="neutral">{t(`orgType.${o.type}`)}</Badge>
            {o.partnershipStage && (
              <Badge tone="info">
                {t(`stage.${o.partnershipStage}`)}
                {stageDate && ` · ${formatDate(`${stageDate}T12:00:00Z`, locale)}`}
              </Badge>
            )}
          </p>
        </div>
        {editor && !editing && tab === 'overview' && (
          <div className="page-actions">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('orgEdit.title')}
            </Button>
          </div>
        )}
      </div>
      {signedIn && (
      <div className="segmented tabs" role="group" aria-label={t('orgPage.views')}>
        <button type="button" aria-pressed={tab === 'overview'} onClick={() => setTab('overview')}>
          {t('orgPage.overview')}
        </button>
        <button type="button" aria-pressed={tab === 'history'} onClick={() => setTab('history')}>
          {t('orgPage.history')}
        </button>
      </div>
      )}
      {signedIn && tab === 'history' ? (
        <Card title={t('orgPage.history')}>
          <HistoryList organizationId={o.id} />
        </Card>
      ) : (
        <div className="service-layout">
          <div className="stack">
            <Card title={t('orgPage.about')}>
              {editing ? (
                <OrganizationForm key={formKey} organization={o} networkStaff={networkStaff} onDone={() => setEditing(false)} onReload={() => void org.refetch().then(() => setFormKey((k) => k + 1))} />
              ) : (
                <dl className="facts">
                  {o.description && <p className="service-description">{o.description}</p>}
                  <Fact label={t('dir.spas')}>{o.spas.length ? o.spas.map(spaLabel).join(', ') : t('dir.notGiven')}</Fact>
                  <Fact label={t('dir.languages')}>{o.languages.map((l) => t(`language.${l}`)).join(', ')}</Fact>
                  <Fact label={t('dir.focusPopulations')}>{o.focusPopulations.length ? o.focusPopulations.map((f) => t(`focus.${f}`)).join(', ') : t('dir.notGiven')}</Fact>
                  {(o.phone || o.email || o.website) && (
                    <Fact label={t('orgPage.reach')} className="contact-links">
                      {o.phone && <a href={`tel:${o.phone}`}>{o.phone}</a>}
                      {o.email && <a href={`mailto:${o.email}`}>{o.email}</a>}
                      {o.website && <a href={o.website} target="_blank" rel="noreferrer">{displayUrl(o.website)}</a>}
                    </Fact>
                  )}
                  {o.internalNotes && <Fact label={t('orgEdit.internalNotes')}>{o.internalNotes}</Fact>}
                </dl>
              )}
            </Card>
            <OrganizationServices organization={o} editor={editor} />
          </div>
          <div className="stack">
            {networkStaff && signedIn && <PartnershipCard organizationId={o.id} />}
            <OrganizationLocations organizationId={o.id} editor={editor} />
            <OrganizationContacts organizationId={o.id} editor={editor} />
          </div>
        </div>
      )}
    </>
  );
}
