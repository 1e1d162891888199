import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { clientQueries } from '../api/queries';
import { ClientConsents } from './client-consents';
import { ClientDetails } from './client-details';
import { ClientReferrals } from './client-referrals';

/** The client record: contact details (editable, audited), consents, and the referrals the viewer may see. */
export function ClientPage({ id }: { id: string }) {
  const t = useT();
  const client = useQuery(clientQueries.detail(id));
  if (client.isPending) return <Spinner label={t('app.loading')} />;
  if (client.isError) {
    if (client.error instanceof ApiError && client.error.status === 404)
      return <EmptyState title={t('client.notFound')}>{t('client.notFoundBody')}</EmptyState>;
    return <Alert tone="danger">{errorMessage(client.error, t)}</Alert>;
  }
  const c = client.data;
  const name = `${c.preferredName || c.givenName} ${c.familyName}`;
  return (
    <>
      <PageHeader
        title={name}
        description={[
          c.preferredName ? `${c.givenName} ${c.familyName}` : null,
          c.dateOfBirth ? t('ref.born', { date: c.dateOfBirth }) : null,
          c.pronouns,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <Card title={t('client.details')}>
        <ClientDetails client={c} />
      </Card>
      <Card title={t('ref.consent')}>
        <ClientConsents clientId={id} />
      </Card>
      <Card title={t('client.referrals')}>
        <ClientReferrals clientId={id} />
      </Card>
    </>
  );
}
