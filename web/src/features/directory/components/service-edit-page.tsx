import type { ReactNode } from 'react';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { serviceQueries } from '../api/queries';
import { ServiceForm } from './service-form';

type Props = { id: string; canEdit: (organizationId: string) => boolean; forbidden: ReactNode };

export function ServiceEditPage({ id, canEdit, forbidden }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const service = useQuery(serviceQueries.detail(id));
  // Bumped by "Reload" after a conflict: the form starts again from the newer data. (Not keyed by
  // version: a successful save changes the version too, and must not remount the form mid-save.)
  const [formKey, setFormKey] = useState(0);
  if (service.isPending) return <Spinner label={t('app.loading')} />;
  if (service.isError) return <Alert tone="danger">{errorMessage(service.error, t)}</Alert>;
  const s = service.data;
  if (!canEdit(s.organizationId)) return forbidden;
  const back = paths.directoryService.href(s.id);
  return (
    <>
      <p className="breadcrumbs">
        <Link to={back}>{s.name}</Link>
      </p>
      <PageHeader title={t('svcForm.titleOf', { name: s.name })} description={s.organization.name} />
      <Card>
        <ServiceForm key={formKey} service={s} onSaved={() => navigate(back)} onCancel={() => navigate(back)} onReload={() => void service.refetch().then(() => setFormKey((k) => k + 1))} />
      </Card>
    </>
  );
}
