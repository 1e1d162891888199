import { useNavigate } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { useCreateAgreement } from '../api/use-save-agreement';
import { AgreementForm } from './agreement-form';
import './agreements.css';

/** Record a new agreement between partners (network staff), then open it. */
export function NewAgreementPage({ networkAdmin }: { networkAdmin: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateAgreement();
  return (
    <>
      <PageHeader title={t('agreementForm.newTitle')} description={t('agreementForm.newIntro')} />
      <Card>
        <AgreementForm
          networkAdmin={networkAdmin}
          saving={create.isPending}
          error={create.error}
          onSave={(body) => create.mutate(body, { onSuccess: (a) => navigate(paths.directoryAgreement.href(a.id)) })}
          onCancel={() => navigate(paths.directoryAgreements.href())}
        />
      </Card>
    </>
  );
}
