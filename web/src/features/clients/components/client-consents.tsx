import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CONSENT_METHODS, consentLanguageFor, LANGUAGES, type Consent, type ConsentMethod } from '@tandem/contract';
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
import { useAddConsent } from '../api/use-add-consent';
import { useRevokeConsent } from '../api/use-revoke-consent';

type Language = (typeof LANGUAGES)[number];


function AddConsentForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { t } = useI18n();
  const add = useAddConsent(clientId);
  const formRef = useFocusFirstError(add.error);
  // The language defaults to the client's preferred one until someone picks another (issue 24).
  const client = useQuery(clientQueries.detail(clientId));
  const [d, setD] = useState({ method: 'written' as ConsentMethod, witness: '', language: null as Language | null, signed: todayInput(), expires: '' });
  const language = d.language ?? consentLanguageFor(client.data?.preferredLanguage);
  const errors = fieldErrorsOf(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        scope: 'network',
        method: d.method,
        witnessName: d.method === 'verbal_witnessed' ? d.witness : null,
        language,
        signedAt: d.signed ? dateInputToIso(d.signed) : '',
        expiresAt: d.expires ? dateInputToIso(d.expires) : null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form ref={formRef} className="form inline-form" onSubmit={submit} noValidate aria-label={t('ref.recordConsent')}>
      {add.error && <Alert tone="danger">{errorMessage(add.error, t)}</Alert>}
      <p className="muted">{t('ref.consentScopeNetwork')}</p>
      <div className="form-grid">
        <SelectField
          label={t('ref.consentMethod')}
          value={d.method}
          options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consentMethod.${m}`) }))}
          onChange={(e) => setD({ ...d, method: e.target.value as ConsentMethod })}
          error={errors.method}
        />
        {d.method === 'verbal_witnessed' && (
          <TextField
            label={t('ref.witness')}
            required
            value={d.witness}
            onChange={(e) => setD({ ...d, witness: e.target.value })}
            error={errors.witnessName}
          />
        )}
        <SelectField
          label={t('ref.consentLanguage')}
          value={language}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          onChange={(e) => setD({ ...d, language: e.target.value as Language })}
          error={errors.language}
        />
        <TextField
          label={t('ref.signedOn')}
          type="date"
          required
          value={d.signed}
          onChange={(e) => setD({ ...d, signed: e.target.value })}
          error={errors.signedAt}
        />
        <TextField
          label={t('ref.expiresOn')}
          optionalLabel={t('common.optional')}
          type="date"
          value={d.expires}
          onChange={(e) => setD({ ...d, expires: e.target.value })}
          error={errors.expiresAt}
        />
      </div>
      <FormActions submitLabel={t('ref.saveConsent')} cancelLabel={t('common.cancel')} onCancel={onDone} loading={add.isPending} />
    </form>
  );
}

function RevokeForm({ consent, onDone }: { consent: Consent; onDone: () => void }) {
  const { t } = useI18n();
  const revoke = useRevokeConsent();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    revoke.mutate({ consentId: consent.id, reason }, { onSuccess: onDone });
  };
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('client.revokeConsent')}>
      {revoke.error && <Alert tone="danger">{errorMessage(revoke.error, t)}</Alert>}
      <TextField
        label={t('client.revokeReason')}
        optionalLabel={t('common.optional')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormActions submitLabel={t('client.revokeConsent')} cancelLabel={t('common.cancel')} onCancel={onDone} loading={revoke.isPending} />
    </form>
  );
}

function ConsentRow({ consent: c }: { consent: Consent }) {
  const { t, locale } = useI18n();
  const [revoking, setRevoking] = useState(false);
  return (
    <li className="stack">
      <div>
        <Badge tone={consentTone[c.status]}>{t(`consentStatus.${c.status}`)}</Badge> {t(`consentScope.${c.scope}`)}
        {c.scope === 'listed_orgs' && ` (${c.organizationIds.length})`} · {t(`consentMethod.${c.method}`)} ·{' '}
        {t('ref.signed', { date: formatDate(c.signedAt, locale) })}
        {' · '}
        {c.expiresAt ? t('ref.expires', { date: formatDate(c.expiresAt, locale) }) : t('client.noExpiry')}
        {c.revokedAt &&
          ` · ${t('client.revokedOn', { date: formatDate(c.revokedAt, locale) })}${c.revokedReason ? `: ${c.revokedReason}` : ''}`}
      </div>
      {c.status === 'active' &&
        (revoking ? (
          <RevokeForm consent={c} onDone={() => setRevoking(false)} />
        ) : (
          <div>
            <Button variant="ghost" size="sm" className="btn-danger-text" onClick={() => setRevoking(true)}>
              {t('client.revokeConsent')}
            </Button>
          </div>
        ))}
    </li>
  );
}

/** The client's consents (scope, expiry, status), a form to record one, and revocation with a reason. */
export function ClientConsents({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const consents = useQuery(clientQueries.consents(clientId));
  const [adding, setAdding] = useState(false);
  if (consents.isPending) return <Spinner label={t('app.loading')} />;
  if (consents.isError) return <Alert tone="danger">{errorMessage(consents.error, t)}</Alert>;
  const list = consents.data.data;
  return (
    <div className="stack">
      {list.length === 0 ? (
        <p className="muted">{t('ref.noConsents')}</p>
      ) : (
        <ul className="plain-list stack" aria-label={t('ref.consentsOnFile')}>
          {list.map((c) => (
            <ConsentRow key={c.id} consent={c} />
          ))}
        </ul>
      )}
      {adding ? (
        <AddConsentForm clientId={clientId} onDone={() => setAdding(false)} />
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('ref.recordConsent')}
          </Button>
        </div>
      )}
    </div>
  );
}
