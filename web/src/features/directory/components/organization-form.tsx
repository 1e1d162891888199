import { useState, type FormEvent } from 'react';
import { FOCUS_POPULATIONS, LANGUAGES, PARTNERSHIP_STAGES, SPA_CODES, type Organization, type UpdateOrganizationBody } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-actions';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useUpdateOrganization } from '../api/use-update-organization';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { orNull, spaLabel } from '../../../lib/labels';

type Props = { organization: Organization; networkStaff: boolean; onDone: () => void; onReload: () => void };

/** Edits the directory facts; stage and internal notes only for network staff (the API enforces it too). */
export function OrganizationForm({ organization: o, networkStaff, onDone, onReload }: Props) {
  const t = useT();
  const update = useUpdateOrganization(o.id);
  const formRef = useFocusFirstError(update.error);
  const [d, setD] = useState({
    name: o.name,
    description: o.description ?? '',
    website: o.website ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    spas: o.spas as string[],
    focusPopulations: o.focusPopulations as string[],
    languages: o.languages as string[],
    partnershipStage: o.partnershipStage as string,
    internalNotes: o.internalNotes ?? '',
  });
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD((x) => ({ ...x, [k]: v }));
  const errors = fieldErrorsOf(update.error);
  const opt = t('common.optional');
  // Partnered is confirmed on the partnership card (the API refuses it here, 409 partnership_confirm_required); an organization already partnered keeps it on offer.
  const wasPartnered = o.partnershipStage === 'partnered';
  const stages = PARTNERSHIP_STAGES.filter((v) => wasPartnered || v !== 'partnered');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: d.name,
      description: orNull(d.description),
      website: orNull(d.website),
      email: orNull(d.email),
      phone: orNull(d.phone),
      spas: d.spas,
      focusPopulations: d.focusPopulations,
      languages: d.languages,
      version: o.version,
      ...(networkStaff ? { partnershipStage: d.partnershipStage, internalNotes: orNull(d.internalNotes) } : {}),
    } as UpdateOrganizationBody;
    update.mutate(body, { onSuccess: onDone });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('orgEdit.title')}>
      {isStaleVersion(update.error) ? <StaleVersionAlert body={t('dir.staleBody')} onReload={onReload} /> : update.error && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
      <TextField label={t('orgForm.name')} name="name" required value={d.name} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <TextAreaField label={t('orgForm.description')} optionalLabel={opt} name="description" value={d.description} onChange={(e) => set('description', e.target.value)} error={errors.description} />
      <div className="form-grid">
        <TextField label={t('orgForm.website')} optionalLabel={opt} hint={t('orgForm.websiteHint')} type="url" name="website" value={d.website} onChange={(e) => set('website', e.target.value)} error={errors.website} />
        <TextField label={t('orgForm.email')} optionalLabel={opt} type="email" name="email" value={d.email} onChange={(e) => set('email', e.target.value)} error={errors.email} />
        <TextField label={t('orgForm.phone')} optionalLabel={opt} type="tel" name="phone" value={d.phone} onChange={(e) => set('phone', e.target.value)} error={errors.phone} />
      </div>
      <CheckboxGroup legend={t('orgForm.spas')} name="spas" columns={2} value={d.spas} onChange={(v) => set('spas', v)} error={errors.spas} options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))} />
      <CheckboxGroup legend={t('orgForm.focusPopulations')} name="focusPopulations" value={d.focusPopulations} onChange={(v) => set('focusPopulations', v)} error={errors.focusPopulations} options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))} />
      <CheckboxGroup legend={t('orgForm.languages')} name="languages" columns={3} value={d.languages} onChange={(v) => set('languages', v)} error={errors.languages} options={LANGUAGES.map((v) => ({ value: v, label: t(`language.${v}`) }))} />
      {networkStaff && (
        <>
          <SelectField label={t('orgEdit.stage')} name="partnershipStage" value={d.partnershipStage} hint={wasPartnered ? undefined : t('orgEdit.stageHint')} options={stages.map((v) => ({ value: v, label: t(`stage.${v}`) }))} onChange={(e) => set('partnershipStage', e.target.value)} error={errors.partnershipStage} />
          <TextAreaField label={t('orgEdit.internalNotes')} optionalLabel={opt} hint={t('orgEdit.internalNotesHint')} name="internalNotes" value={d.internalNotes} onChange={(e) => set('internalNotes', e.target.value)} error={errors.internalNotes} />
        </>
      )}
      <FormActions submitLabel={t('orgEdit.save')} cancelLabel={t('common.cancel')} onCancel={onDone} loading={update.isPending} />
    </form>
  );
}
