import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { engagementQueries } from '../api/queries';
import { useUpdateEvent } from '../api/use-save-event';
import { EventFacts } from './event-facts';
import { EventForm } from './event-form';
import { RemoveEvent } from './remove-event';
import './engagement.css';

/** One event: its facts, an edit form and removal (with a reason) for those who write. */
export function EventPage({ id, canWrite, networkOrgId }: { id: string; canWrite: boolean; networkOrgId: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const logged = (useLocation().state as { logged?: boolean } | null)?.logged;
  const detail = useQuery(engagementQueries.detail(id));
  const update = useUpdateEvent(id);
  const [editing, setEditing] = useState(false);
  if (detail.isPending) return <Spinner label={t('app.loading')} />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <EmptyState title={t('engagement.notFound')}>{t('engagement.notFoundBody')}</EmptyState>;
    return <Alert tone="danger">{errorMessage(detail.error, t)}</Alert>;
  }
  const e = detail.data;
  const reload = () => {
    update.reset();
    setEditing(false);
    void detail.refetch();
  };
  return (
    <>
      <p className="breadcrumbs">
        <Link to={paths.engagement.href()}>{t('nav.engagement')}</Link>
      </p>
      <PageHeader
        title={e.title}
        description={t(`engagementType.${e.type}`)}
        actions={
          canWrite && !editing ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('engagement.edit')}
            </Button>
          ) : undefined
        }
      />
      <div className="stack">
        {logged && !editing && (
          <Alert tone="success" title={t('engagement.loggedTitle')}>
            {t('engagement.loggedBody')}
          </Alert>
        )}
        {editing ? (
          <Card title={t('engagement.editTitle')}>
            <EventForm
              event={e}
              networkOrgId={networkOrgId}
              saving={update.isPending}
              error={update.error}
              onSave={(body) => update.mutate({ version: e.version, body }, { onSuccess: () => setEditing(false) })}
              onCancel={() => (update.reset(), setEditing(false))}
              onReload={reload}
            />
          </Card>
        ) : (
          <EventFacts event={e} />
        )}
        {canWrite && !editing && <RemoveEvent id={e.id} version={e.version} onRemoved={() => navigate(paths.engagement.href())} />}
      </div>
    </>
  );
}
