import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Fact } from '../../../components/ui/fact';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { agreementQueries } from '../api/queries';
import { useUpdateAgreement } from '../api/use-save-agreement';
import { AgreementForm } from './agreement-form';
import { ApprovalsCard, type AgreementViewer } from './approvals-card';
import { day, statusTone } from './labels';
import './agreements.css';

/** One agreement: its terms and parties, its approvals when it is a BAA, and an edit form for network staff. */
export function AgreementPage({ id, viewer }: { id: string; viewer: AgreementViewer }) {
  const { t, locale } = useI18n();
  const detail = useQuery(agreementQueries.detail(id));
  const update = useUpdateAgreement(id);
  const [editing, setEditing] = useState(false);
  if (detail.isPending) return <Spinner label={t('app.loading')} />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <EmptyState title={t('agreementPage.notFound')}>{t('agreementPage.notFoundBody')}</EmptyState>;
    return <Alert tone="danger">{errorMessage(detail.error, t)}</Alert>;
  }
  const a = detail.data;
  const reload = () => {
    update.reset();
    setEditing(false);
    void detail.refetch();
  };
  return (
    <>
      <p className="breadcrumbs">
        <Link to={paths.directoryAgreements.href()}>{t('nav.agreements')}</Link>
      </p>
      <PageHeader
        title={a.title}
        description={t(`agreementKind.${a.kind}`)}
        actions={
          viewer.networkStaff && !editing ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('agreementPage.edit')}
            </Button>
          ) : undefined
        }
      />
      <div className="stack agreement-page">
        {editing ? (
          <Card title={t('agreementForm.editTitle')}>
            <AgreementForm
              agreement={a}
              networkAdmin={viewer.networkAdmin}
              saving={update.isPending}
              error={update.error}
              onSave={(body) => update.mutate({ version: a.version, body }, { onSuccess: () => setEditing(false) })}
              onCancel={() => (update.reset(), setEditing(false))}
              onReload={reload}
            />
          </Card>
        ) : (
          <Card title={t('agreementPage.details')}>
            <dl className="facts agreement-facts">
              <Fact label={t('agreements.status')}>
                <Badge tone={statusTone[a.status]}>{t(`agreementStatus.${a.status}`)}</Badge>
              </Fact>
              <Fact label={t('agreementForm.startDate')}>{day(a.startDate, locale)}</Fact>
              <Fact label={t('agreementForm.endDate')}>{a.endDate ? day(a.endDate, locale) : t('agreements.openEnded')}</Fact>
              <Fact label={t('agreements.colRenewal')}>{day(a.renewalDue, locale)}</Fact>
              <Fact label={t('agreementForm.documentUrl')}>
                {a.documentUrl ? (
                  <a href={a.documentUrl} target="_blank" rel="noreferrer">
                    {t('agreementPage.openDocument')}
                  </a>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label={t('agreements.colParties')}>
                <ul className="agreement-party-links">
                  {a.parties.map((p) => (
                    <li key={p.id}>
                      <Link to={paths.directoryOrganization.href(p.id)}>{p.name}</Link>
                    </li>
                  ))}
                </ul>
              </Fact>
              {a.notes && <Fact label={t('agreementForm.notes')} className="agreement-notes">{a.notes}</Fact>}
            </dl>
          </Card>
        )}
        {a.kind === 'baa' && <ApprovalsCard agreement={a} viewer={viewer} onReload={reload} />}
      </div>
    </>
  );
}
