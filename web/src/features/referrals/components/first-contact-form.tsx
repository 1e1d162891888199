import { useState, type FormEvent } from 'react';
import { FIRST_CONTACT_METHODS, type FirstContactMethod, type ReferralDetail } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-actions';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { useChangeReferral } from '../api/use-change-referral';
import { StaleNotice } from './stale-notice';

/** `2026-03-03T10:30` (a datetime-local input's value) for a moment, in the browser's time zone. */
const toLocalInput = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

/**
 * The receiver says when and how the client was first reached (record), or corrects it
 * (correct: prefilled with what is on record; the timeline keeps what it replaced).
 */
export function FirstContactForm({ r, mode, onDone }: { r: ReferralDetail; mode: 'record' | 'correct'; onDone: () => void }) {
  const t = useT();
  const change = useChangeReferral(r.id);
  const [when, setWhen] = useState(() => toLocalInput(mode === 'correct' && r.firstContactAt ? new Date(r.firstContactAt) : new Date()));
  const [method, setMethod] = useState<string>(mode === 'correct' ? (r.firstContactMethod ?? '') : '');
  const [note, setNote] = useState('');
  const errors = fieldErrorsOf(change.error);
  const label = t(mode === 'record' ? 'ref.recordFirstContact' : 'ref.correctFirstContact');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = new Date(when).toISOString();
    if (mode === 'record') {
      change.mutate({ kind: 'firstContact', body: { firstContactAt: at, method: method as FirstContactMethod, version: r.version } }, { onSuccess: onDone });
    } else {
      change.mutate(
        { kind: 'correctFirstContact', body: { firstContactAt: at, method: (method || undefined) as FirstContactMethod | undefined, note: note.trim() || null, version: r.version } },
        { onSuccess: onDone },
      );
    }
  };

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={label}>
      {isStaleVersion(change.error) ? (
        <StaleNotice id={r.id} onReload={() => change.reset()} />
      ) : (
        change.error && <Alert tone="danger">{errorMessage(change.error, t)}</Alert>
      )}
      <TextField
        label={t('ref.firstContactWhen')}
        type="datetime-local"
        required
        value={when}
        onChange={(e) => setWhen(e.target.value)}
        error={errors.firstContactAt}
      />
      <SelectField
        label={t('ref.firstContactHow')}
        required
        value={method}
        placeholder={t('ref.choose')}
        options={FIRST_CONTACT_METHODS.map((m) => ({ value: m, label: t(`firstContactMethod.${m}`) }))}
        onChange={(e) => setMethod(e.target.value)}
        error={errors.method}
      />
      {mode === 'correct' && (
        <TextAreaField label={t('ref.correctionNote')} optionalLabel={t('common.optional')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
      )}
      <FormActions
        submitLabel={t(mode === 'record' ? 'ref.saveFirstContact' : 'ref.saveCorrection')}
        cancelLabel={t('common.cancel')}
        onCancel={onDone}
        loading={change.isPending}
        disabled={!when || !method}
      />
    </form>
  );
}
