import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ORG_TYPES, SPA_CODES, type Organization, type OrgType, type Spa } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { ListFooter } from '../../../components/ui/list-footer';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { pickParam } from '../../../lib/use-url-filters';
import { orgQueries } from '../api/queries';
import { CreateOrganizationForm } from './create-organization-form';
import { OrganizationFilters } from './organization-filters';
import { OrganizationsTable } from './organizations-table';


/** Admin → Organizations: filters live in the URL so a filtered list can be bookmarked and shared. */
export function OrganizationsAdmin() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const type = pickParam<OrgType>(ORG_TYPES, params.get('type'));
  const spa = pickParam<Spa>(SPA_CODES, params.get('spa'));
  const debouncedQ = useDebouncedValue(q.trim());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Organization | null>(null);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );

  // Keep showing the previous results while a new filter loads, instead of flashing a spinner.
  const list = useInfiniteQuery({ ...orgQueries.list({ q: debouncedQ || undefined, type, spa }), placeholderData: keepPreviousData });
  const orgs = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        description={t('orgs.intro')}
        actions={
          !creating && (
            <Button
              onClick={() => {
                setCreating(true);
                setCreated(null);
              }}
            >
              {t('orgs.new')}
            </Button>
          )
        }
      />
      {creating && (
        <Card title={t('orgForm.title')}>
          <CreateOrganizationForm
            onCancel={() => setCreating(false)}
            onCreated={(org) => {
              setCreated(org);
              setCreating(false);
            }}
          />
        </Card>
      )}
      {created && (
        <Alert tone="success" onClose={() => setCreated(null)} closeLabel={t('common.close')}>
          {t('orgs.created', { name: created.name })}
        </Alert>
      )}
      <Card>
        <OrganizationFilters
          q={q}
          type={type}
          spa={spa}
          onQ={(v) => {
            setQ(v);
            setParam('q', v.trim() || undefined);
          }}
          onType={(v) => setParam('type', v)}
          onSpa={(v) => setParam('spa', v)}
        />
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : orgs.length === 0 ? (
          <EmptyState title={t('orgs.emptyTitle')}>{t('orgs.empty')}</EmptyState>
        ) : (
          <>
            <OrganizationsTable organizations={orgs} highlightId={created?.id} />
            <ListFooter pages={list} summary={t('common.showing', { count: orgs.length })} moreLabel={t('common.loadMore')} />
          </>
        )}
      </Card>
    </>
  );
}
