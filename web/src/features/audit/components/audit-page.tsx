import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { idParam, isUuid, useUrlFilters } from '../../../lib/use-url-filters';
import type { AuditLogEntry } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ListFooter } from '../../../components/ui/list-footer';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { en } from '../../../i18n/en';
import { useI18n, type Translate } from '../../../i18n/i18n-provider';
import { actionLabel, entityLabel } from '../../../lib/changes';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { auditQueries } from '../api/queries';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Every action the catalog names, for "what" (the API takes any, or a prefix ending in a dot). */
const ACTIONS = Object.keys(en)
  .filter((k) => k.startsWith('auditAction.'))
  .map((k) => k.slice('auditAction.'.length));
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** A day in the reader's time zone → the instant it starts (`plusDays` 1: the instant it ends). */
const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

function Who({ e, t }: { e: AuditLogEntry; t: Translate }) {
  const name = e.actorApiKeyId ? t('audit.apiKey', { name: e.actorName ?? '?' }) : (e.actorName ?? (e.actorUserId ? t('audit.unknownActor') : t('audit.system')));
  return (
    <>
      <strong>{name}</strong>
      {e.actorOrganizationName && <span className="muted"> {t('audit.forOrg', { org: e.actorOrganizationName })}</span>}
    </>
  );
}

function Record({ e, t }: { e: AuditLogEntry; t: Translate }) {
  const what = entityLabel(e.entityType, t);
  const of = e.organizationName ? ` ${t('audit.ofOrg', { org: e.organizationName })}` : '';
  if (!e.entityId) return <span>{`${t('audit.severalRecords')}${of}`}</span>;
  const link =
    e.entityType === 'referral' ? paths.referral.href(e.entityId) : e.entityType === 'organization' ? paths.directoryOrganization.href(e.entityId) : e.entityType === 'service' ? paths.directoryService.href(e.entityId) : null;
  const short = e.entityId.slice(0, 8);
  return (
    <span>
      {what}
      {of}{' '}
      {link ? (
        <Link to={link} aria-label={`${what} ${short}`}>
          <code>{short}</code>
        </Link>
      ) : (
        <code title={e.entityId}>{short}</code>
      )}
    </span>
  );
}

/**
 * The audit trail with filters (who, what, when, which client), every row in words: who (person
 * or API key, for which organization), what they did, whether it was a read or a change, and on
 * which record. Org admins see their organizations' rows; network admins all (the API decides).
 */
export function AuditPage({ myUserId }: { myUserId: string }) {
  const { t, locale } = useI18n();
  const [params, set] = useUrlFilters();
  const who = idParam(params.get('who'));
  const action = params.get('action') ?? undefined;
  // "When" defaults to the last 30 days: a range keeps the read to those months' partitions.
  // "all" when the reader cleared it on purpose.
  const fromParam = params.get('from');
  const [monthAgo] = useState(() => localDay(new Date(Date.now() - 30 * 86_400_000)));
  const from = fromParam === 'all' ? undefined : (fromParam ?? monthAgo);
  const until = params.get('until') ?? undefined;
  const clientId = params.get('client') ?? '';
  const entityId = params.get('record') ?? '';
  const [person, setPerson] = useState('');
  const people = useQuery(auditQueries.people(useDebouncedValue(person.trim())));
  const clientOk = !clientId || isUuid(clientId);

  const list = useInfiniteQuery({
    ...auditQueries.list({
      actorUserId: who,
      action: action && (ACTIONS.includes(action) || action.endsWith('.')) ? action : undefined,
      from: from && DAY.test(from) ? dayStart(from) : undefined,
      to: until && DAY.test(until) ? dayStart(until, 1) : undefined,
      clientId: clientOk && clientId ? clientId : undefined,
      entityId: entityId || undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const whoOptions = [
    { value: myUserId, label: t('audit.me') },
    ...(people.data?.data ?? []).filter((u) => u.id !== myUserId).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    ...(who && who !== myUserId && !people.data?.data.some((u) => u.id === who) ? [{ value: who, label: rows.find((r) => r.actorUserId === who)?.actorName ?? who.slice(0, 8) }] : []),
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <Card>
        <form className="filters audit-filters" role="search" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
          <TextField label={t('audit.findPerson')} type="search" name="person" value={person} autoComplete="off" onChange={(e) => setPerson(e.target.value)} />
          <SelectField label={t('audit.who')} name="who" value={who ?? ''} placeholder={t('audit.anyone')} options={whoOptions} onChange={(e) => set({ who: e.target.value || undefined })} />
          <SelectField
            label={t('audit.what')}
            name="action"
            value={action ?? ''}
            placeholder={t('audit.anything')}
            options={[
              { value: 'referral.', label: t('audit.allReferral') },
              { value: 'client.', label: t('audit.allClient') },
              ...ACTIONS.map((a) => ({ value: a, label: actionLabel(a, t) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
            ]}
            onChange={(e) => set({ action: e.target.value || undefined })}
          />
          <TextField label={t('audit.from')} type="date" name="from" value={from ?? ''} onChange={(e) => set({ from: e.target.value || 'all' })} />
          <TextField label={t('audit.to')} type="date" name="until" value={until ?? ''} onChange={(e) => set({ until: e.target.value || undefined })} />
          <TextField label={t('audit.record')} name="record" value={entityId} autoComplete="off" onChange={(e) => set({ record: e.target.value.trim() || undefined })} />
          <TextField
            label={t('audit.client')}
            hint={t('audit.clientHint')}
            name="client"
            value={clientId}
            autoComplete="off"
            error={clientOk ? undefined : t('audit.clientHint')}
            onChange={(e) => set({ client: e.target.value.trim() || undefined })}
          />
          <div className="filters-actions">
            <Button variant="secondary" type="button" onClick={() => set(Object.fromEntries([...params.keys()].map((k) => [k, undefined])))}>
              {t('audit.clear')}
            </Button>
          </div>
        </form>
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title={t('audit.emptyTitle')}>{t('audit.empty')}</EmptyState>
        ) : (
          <>
            <Table
              label={t('audit.listLabel')}
              head={
                <>
                  <th scope="col">{t('audit.colWhen')}</th>
                  <th scope="col">{t('audit.colWho')}</th>
                  <th scope="col">{t('audit.colWhat')}</th>
                  <th scope="col">{t('audit.colRecord')}</th>
                </>
              }
            >
              {rows.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                  </td>
                  <td>
                    <Who e={e} t={t} />
                  </td>
                  <td>
                    {actionLabel(e.action, t)} <Badge tone={e.read ? 'info' : 'accent'}>{t(e.read ? 'audit.kindRead' : 'audit.kindChange')}</Badge>
                  </td>
                  <td>
                    <Record e={e} t={t} />
                  </td>
                </tr>
              ))}
            </Table>
            <ListFooter pages={list} summary={t('common.showing', { count: rows.length })} moreLabel={t('common.loadMore')} />
          </>
        )}
      </Card>
    </>
  );
}
