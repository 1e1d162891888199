import { useState, type FormEvent } from 'react';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-actions';
import { SelectField } from '../../../components/ui/select-field';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import type { Agreement } from '../api/queries';
import { PartyPicker, type Party } from './party-picker';

export type AgreementDraft = {
  kind: Agreement['kind'];
  status: Agreement['status'];
  title: string;
  startDate: string | null;
  endDate: string | null;
  renewalDue: string | null;
  documentUrl: string | null;
  notes: string | null;
  partyOrganizationIds: string[];
};
type Props = {
  agreement?: Agreement;
  /** Only a network admin writes a BAA as active; others ask for approval (the API says so too). */
  networkAdmin: boolean;
  saving: boolean;
  error: unknown;
  onSave: (draft: AgreementDraft) => void;
  onCancel: () => void;
  onReload?: () => void;
};
const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** Create or edit an agreement: its kind, parties, dates and document. */
export function AgreementForm({ agreement: a, networkAdmin, saving, error, onSave, onCancel, onReload }: Props) {
  const t = useT();
  const formRef = useFocusFirstError(error);
  const [d, setD] = useState({
    kind: a?.kind ?? ('mou' as Agreement['kind']),
    status: a?.status ?? ('draft' as Agreement['status']),
    title: a?.title ?? '',
    startDate: a?.startDate ?? '',
    endDate: a?.endDate ?? '',
    renewalDue: a?.renewalDue ?? '',
    documentUrl: a?.documentUrl ?? '',
    notes: a?.notes ?? '',
  });
  const [parties, setParties] = useState<Party[]>(a?.parties ?? []);
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD((x) => ({ ...x, [k]: v }));
  const errors = fieldErrorsOf(error);
  const opt = t('common.optional');
  // A BAA turns active only by approval; the current status stays offered so an edit can keep it.
  const statuses = AGREEMENT_STATUSES.filter((s) => s !== 'active' || d.kind !== 'baa' || networkAdmin || a?.status === 'active');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      kind: d.kind,
      status: d.status,
      title: d.title,
      startDate: orNull(d.startDate),
      endDate: orNull(d.endDate),
      renewalDue: orNull(d.renewalDue),
      documentUrl: orNull(d.documentUrl),
      notes: orNull(d.notes),
      partyOrganizationIds: parties.map((p) => p.id),
    });
  };

  return (
    <form ref={formRef} className="form agreement-form" onSubmit={submit} noValidate aria-label={a ? t('agreementForm.editTitle') : t('agreementForm.newTitle')}>
      {isStaleVersion(error) && onReload ? <StaleVersionAlert body={t('dir.staleBody')} onReload={onReload} /> : error ? <Alert tone="danger">{errorMessage(error, t)}</Alert> : null}
      <TextField label={t('agreementForm.title')} name="title" required value={d.title} onChange={(e) => set('title', e.target.value)} error={errors.title} />
      <div className="form-grid">
        <SelectField label={t('agreements.kind')} name="kind" value={d.kind} options={AGREEMENT_KINDS.map((v) => ({ value: v, label: t(`agreementKind.${v}`) }))} onChange={(e) => set('kind', e.target.value as Agreement['kind'])} error={errors.kind} />
        <SelectField
          label={t('agreements.status')}
          name="status"
          value={d.status}
          hint={d.kind === 'baa' ? t('agreementForm.baaHint') : undefined}
          options={statuses.map((v) => ({ value: v, label: t(`agreementStatus.${v}`) }))}
          onChange={(e) => set('status', e.target.value as Agreement['status'])}
          error={errors.status}
        />
      </div>
      <PartyPicker value={parties} onChange={setParties} error={errors.partyOrganizationIds} />
      <div className="form-grid">
        <TextField label={t('agreementForm.startDate')} optionalLabel={opt} type="date" name="startDate" value={d.startDate} onChange={(e) => set('startDate', e.target.value)} error={errors.startDate} />
        <TextField label={t('agreementForm.endDate')} optionalLabel={opt} type="date" name="endDate" value={d.endDate} onChange={(e) => set('endDate', e.target.value)} error={errors.endDate} />
        <TextField label={t('agreements.colRenewal')} optionalLabel={opt} hint={t('agreementForm.renewalHint')} type="date" name="renewalDue" value={d.renewalDue} onChange={(e) => set('renewalDue', e.target.value)} error={errors.renewalDue} />
      </div>
      <TextField label={t('agreementForm.documentUrl')} optionalLabel={opt} type="url" name="documentUrl" value={d.documentUrl} onChange={(e) => set('documentUrl', e.target.value)} error={errors.documentUrl} />
      <TextAreaField label={t('agreementForm.notes')} optionalLabel={opt} name="notes" value={d.notes} onChange={(e) => set('notes', e.target.value)} error={errors.notes} />
      <FormActions submitLabel={a ? t('agreementForm.save') : t('agreementForm.create')} cancelLabel={t('common.cancel')} onCancel={onCancel} loading={saving} />
    </form>
  );
}
