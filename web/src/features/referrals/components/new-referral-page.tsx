import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { ReferralDetail } from '@tandem/contract';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { clientQueries, partnerQueries, referralQueries } from '../api/queries';
import { ClientPicker } from './client-picker';
import { ConsentPanel } from './consent-panel';
import { DraftForm, type Sender } from './draft-form';
import { clientDisplayName } from './labels';
import { SendPanel, sendAttemptKey } from './send-panel';
import './referrals.css';

function ChosenClient({ clientId, onChange }: { clientId: string; onChange: () => void }) {
  const t = useT();
  const client = useQuery(clientQueries.detail(clientId));
  const c = client.data;
  return (
    <div className="ref-chosen">
      <p>
        <strong>{c ? clientDisplayName(c) : '…'}</strong>
        {c?.dateOfBirth && <span className="muted"> · {t('ref.born', { date: c.dateOfBirth })}</span>}
        {c?.preferredLanguage && <span className="muted"> · {t(`language.${c.preferredLanguage}`)}</span>}
      </p>
      <span className="ref-chosen-actions">
        <Link to={paths.client.href(clientId)}>{t('client.openRecord')}</Link>
        <Button variant="secondary" size="sm" onClick={onChange}>
          {t('ref.changeClient')}
        </Button>
      </span>
    </div>
  );
}

/** One page, four steps: client, consent, referral details (saved as a draft), then check and send. */
export function NewReferralPage({ sender }: { sender: Sender }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const serviceId = params.get('serviceId') ?? '';
  // Once saved, the draft's id is in the address (?draft=), so a reload or a link reopens it.
  const draftId = params.get('draft');
  // From a directory service page: wait for the service so the form starts prefilled.
  const service = useQuery(partnerQueries.service(serviceId));
  const preset = service.data
    ? { organizationId: service.data.organizationId, serviceId: service.data.id, needs: service.data.categories.slice(0, 3) }
    : null;
  // Read through the cache: recording a consent re-reads the draft, so its checklist follows.
  const draftQuery = useQuery({ ...referralQueries.detail(draftId ?? ''), enabled: !!draftId });
  const draft = draftQuery.data ?? null;
  // undefined: not chosen on this page yet, so a reopened draft's client stands.
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const clientId = picked === undefined ? (draft?.clientId ?? null) : picked;
  const onSaved = (d: ReferralDetail) => {
    if (d.id !== draftId) setParams({ draft: d.id }, { replace: true });
  };

  // Sent (here or in another tab): the referral's own page takes over.
  if (draft && draft.status !== 'draft') return <Navigate to={paths.referral.href(draft.id)} replace />;
  if (draftId && draftQuery.isPending) return <Spinner label={t('app.loading')} />;
  if (draftId && draftQuery.isError) return <Navigate to={paths.referral.href(draftId)} replace />;

  return (
    <>
      <PageHeader title={t('ref.newTitle')} description={t('ref.newIntro')} />
      <Card title={`1. ${t('ref.clientStep')}`}>
        {clientId ? <ChosenClient clientId={clientId} onChange={() => setPicked(null)} /> : <ClientPicker onPicked={setPicked} />}
      </Card>
      <Card title={`2. ${t('ref.consentStep')}`}>
        {clientId ? <ConsentPanel clientId={clientId} /> : <p className="muted">{t('ref.chooseClientFirst')}</p>}
      </Card>
      <Card title={`3. ${t('ref.detailsStep')}`}>
        {serviceId && service.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : (
          <DraftForm clientId={clientId} draft={draft} preset={preset} sender={sender} onSaved={onSaved} />
        )}
      </Card>
      <Card title={`4. ${t('ref.sendStep')}`}>
        {draft ? <SendPanel key={sendAttemptKey(draft)} draft={draft} /> : <p className="muted">{t('ref.saveFirst')}</p>}
      </Card>
    </>
  );
}
