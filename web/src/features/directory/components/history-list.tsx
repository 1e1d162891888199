import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { actionLabel, describeChanges } from '../../../lib/changes';
import { formatDateTime } from '../../../lib/format';
import { organizationQueries } from '../api/queries';
import './directory.css';

/** Who changed what and when, newest first (the API's audit trail for the organization and its parts). */
export function HistoryList({ organizationId }: { organizationId: string }) {
  const { t, locale } = useI18n();
  const history = useInfiniteQuery(organizationQueries.history(organizationId));
  if (history.isPending) return <Spinner label={t('app.loading')} />;
  if (history.isError) return <Alert tone="danger">{errorMessage(history.error, t)}</Alert>;
  const entries = history.data.pages.flatMap((p) => p.data);
  if (entries.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <>
      <ol className="plain-list history-list">
        {entries.map((e) => (
          <li key={e.id}>
            <p>
              <strong>{e.actorName ?? (e.actorApiKeyId ? t('history.apiKey') : t('history.system'))}</strong> · {actionLabel(e.action, t)}
            </p>
            <p className="muted">
              <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
            </p>
            {e.changes && Object.keys(e.changes).length > 0 && (
              <ul className="history-changes" aria-label={t('history.changesLabel')}>
                {describeChanges(e.changes, { t, locale }, e.entityType).map((c) => (
                  <li key={c.field}>
                    <span className="history-field">{c.label}</span>: {c.from} → {c.to}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {history.hasNextPage && (
        <Button variant="secondary" loading={history.isFetchingNextPage} onClick={() => history.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
