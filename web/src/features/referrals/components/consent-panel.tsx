import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CONSENT_METHODS, consentLanguageFor, LANGUAGES, type ConsentMethod } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormActions } from '../../../components/ui/form-actions';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { dateInputToIso, formatDate, todayInput } from '../../../lib/format';
import { consentTone } from '../../../lib/labels';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { clientQueries } from '../api/queries';
import { useCreateConsent } from '../api/use-create-consent';
import './referrals.css';


function ConsentForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { t } = useI18n();
  const create = useCreateConsent(clientId);
  const formRef = useFocusFirstError(create.error);
  const [method, setMethod] = useState<ConsentMethod>('written');
  const [witness, setWitness] = useState('');
  // The client's preferred language until someone picks another (issue 24).
  const client = useQuery(clientQueries.detail(clientId));
  const [picked, setLanguage] = useState<(typeof LANGUAGES)[number] | null>(null);
  const language = picked ?? consentLanguageFor(client.data?.preferredLanguage);
  const [signed, setSigned] = useState(todayInput());
  const [expires, setExpires] = useState('');
  const errors = fieldErrorsOf(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        // Network scope: every partner may receive referrals under it (the common case for CHWs).
        scope: 'network',
        method,
        witnessName: method === 'verbal_witnessed' ? witness : null,
        language,
        signedAt: signed ? dateInputToIso(signed) : '',
        expiresAt: expires ? dateInputToIso(expires) : null,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form ref={formRef} className="form inline-form" onSubmit={submit} noValidate aria-label={t('ref.recordConsent')}>
      {create.error && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
      <p className="muted">{t('ref.consentScopeNetwork')}</p>
      <div className="form-grid">
        <SelectField
          label={t('ref.consentMethod')}
          value={method}
          options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consentMethod.${m}`) }))}
          onChange={(e) => setMethod(e.target.value as ConsentMethod)}
          error={errors.method}
        />
        {method === 'verbal_witnessed' && (
          <TextField
            label={t('ref.witness')}
            required
            value={witness}
            onChange={(e) => setWitness(e.target.value)}
            error={errors.witnessName}
          />
        )}
        <SelectField
          label={t('ref.consentLanguage')}
          value={language}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          onChange={(e) => setLanguage(e.target.value as (typeof LANGUAGES)[number])}
          error={errors.language}
        />
        <TextField
          label={t('ref.signedOn')}
          type="date"
          required
          value={signed}
          onChange={(e) => setSigned(e.target.value)}
          error={errors.signedAt}
        />
        <TextField
          label={t('ref.expiresOn')}
          optionalLabel={t('common.optional')}
          type="date"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          error={errors.expiresAt}
        />
      </div>
      <FormActions submitLabel={t('ref.saveConsent')} cancelLabel={t('common.cancel')} onCancel={onDone} loading={create.isPending} />
    </form>
  );
}

/** The client's consents with their current status, and a form to record a new one. */
export function ConsentPanel({ clientId }: { clientId: string }) {
  const { t, locale } = useI18n();
  const consents = useQuery(clientQueries.consents(clientId));
  const [adding, setAdding] = useState(false);
  if (consents.isPending) return <Spinner label={t('app.loading')} />;
  if (consents.isError) return <Alert tone="danger">{errorMessage(consents.error, t)}</Alert>;
  const list = consents.data.data;
  const hasActive = list.some((c) => c.status === 'active');
  return (
    <div className="stack">
      {list.length === 0 ? (
        <p className="muted">{t('ref.noConsents')}</p>
      ) : (
        <ul className="plain-list ref-consents" aria-label={t('ref.consentsOnFile')}>
          {list.map((c) => (
            <li key={c.id}>
              <Badge tone={consentTone[c.status]}>{t(`consentStatus.${c.status}`)}</Badge> {t(`consentScope.${c.scope}`)} ·{' '}
              {t(`consentMethod.${c.method}`)} · {t('ref.signed', { date: formatDate(c.signedAt, locale) })}
              {c.expiresAt && ` · ${t('ref.expires', { date: formatDate(c.expiresAt, locale) })}`}
            </li>
          ))}
        </ul>
      )}
      {!hasActive && !adding && <Alert tone="warning">{t('ref.needConsent')}</Alert>}
      {adding ? (
        <ConsentForm clientId={clientId} onDone={() => setAdding(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t('ref.recordConsent')}
        </Button>
      )}
    </div>
  );
}
