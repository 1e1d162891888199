import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/i18n-provider';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyForm } from './create-api-key-form';

export function ApiKeysPanel({ organizationId }: { organizationId: string }) {
  const t = useT();
  return (
    <div className="stack">
      <Card title={t('apiKeys.new')}>
        <CreateApiKeyForm organizationId={organizationId} />
      </Card>
      <Card title={t('apiKeys.listLabel')}>
        <ApiKeysTable organizationId={organizationId} />
      </Card>
    </div>
  );
}
