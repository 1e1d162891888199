import { useQuery } from '@tanstack/react-query';
import type { ApiKey } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { InlineConfirm } from '../../../components/ui/inline-confirm';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { apiKeyQueries } from '../api/queries';
import { useRevokeApiKey } from '../api/use-revoke-api-key';
import './api-keys.css';

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { t, locale } = useI18n();
  const revoke = useRevokeApiKey(apiKey.organizationId);
  return (
    <tr className={apiKey.revokedAt ? 'row-muted' : undefined}>
      <th scope="row">
        <span className="cell-title">{apiKey.name}</span>
        {revoke.error && (
          <span className="cell-error" role="alert">
            {errorMessage(revoke.error, t)}
          </span>
        )}
      </th>
      <td data-label={t('apiKeys.colPrefix')}>
        <code className="code">{apiKey.prefix}…</code>
      </td>
      <td data-label={t('apiKeys.colScopes')}>
        <span className="badge-list">
          {apiKey.scopes.map((s) => (
            <span key={s} className="tag" title={t(`scope.${s}`)}>
              {s}
            </span>
          ))}
        </span>
      </td>
      <td data-label={t('apiKeys.colCreated')}>{formatDate(apiKey.createdAt, locale)}</td>
      <td data-label={t('apiKeys.colLastUsed')}>
        {apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt, locale) : <span className="muted">{t('common.never')}</span>}
      </td>
      <td data-label={t('apiKeys.colStatus')}>
        {apiKey.revokedAt ? (
          <Badge tone="danger">{t('apiKeys.revokedOn', { date: formatDate(apiKey.revokedAt, locale) })}</Badge>
        ) : (
          <Badge tone="success">{t('apiKeys.active')}</Badge>
        )}
      </td>
      <td data-label={t('common.actions')} className="cell-actions">
        {!apiKey.revokedAt && (
          <InlineConfirm
            label={t('apiKeys.revoke')}
            question={t('apiKeys.confirmRevoke', { name: apiKey.name })}
            confirmLabel={t('apiKeys.revokeYes')}
            cancelLabel={t('common.cancel')}
            loading={revoke.isPending}
            onConfirm={() => revoke.mutate(apiKey.id)}
          />
        )}
      </td>
    </tr>
  );
}

export function ApiKeysTable({ organizationId }: { organizationId: string }) {
  const t = useI18n().t;
  const list = useQuery(apiKeyQueries.list(organizationId));
  if (list.isPending) return <Spinner label={t('app.loading')} />;
  if (list.isError) return <Alert tone="danger">{errorMessage(list.error, t)}</Alert>;
  if (list.data.data.length === 0) return <EmptyState title={t('apiKeys.empty')} />;
  return (
    <Table
      label={t('apiKeys.listLabel')}
      head={
        <>
          <th scope="col">{t('apiKeys.colName')}</th>
          <th scope="col">{t('apiKeys.colPrefix')}</th>
          <th scope="col">{t('apiKeys.colScopes')}</th>
          <th scope="col">{t('apiKeys.colCreated')}</th>
          <th scope="col">{t('apiKeys.colLastUsed')}</th>
          <th scope="col">{t('apiKeys.colStatus')}</th>
          <th scope="col">{t('common.actions')}</th>
        </>
      }
    >
      {list.data.data.map((k) => (
        <ApiKeyRow key={k.id} apiKey={k} />
      ))}
    </Table>
  );
}
