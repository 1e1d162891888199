import { useEffect, useState, type FormEvent } from 'react';
import {
  COMMUNITY_SUPPORTS,
  FOCUS_POPULATIONS,
  LANGUAGES,
  SDOH_CATEGORIES,
  SERVICE_STATUSES,
  SPA_CODES,
  type Organization,
  type Service,
  type ServiceDetail,
} from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-actions';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useSaveService } from '../api/use-save-service';
import { newDraft, toBody, toDraft, type ServiceDraft as Draft, type textFields } from './service-draft';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { spaLabel } from '../../../lib/labels';
import './directory.css';

type Props = { onSaved: (saved: Service) => void; onCancel: () => void } & (
  | { service: ServiceDetail; onReload: () => void; organization?: never }
  | { organization: Pick<Organization, 'id' | 'languages' | 'spas'>; service?: never; onReload?: never }
);

/** Edits `service`, or adds a new service to `organization` (in place on the organization page). */
export function ServiceForm(props: Props) {
  const { service, onSaved, onCancel, onReload } = props;
  const t = useT();
  const save = useSaveService(props.service ? props.service.organizationId : props.organization.id, service?.id);
  const formRef = useFocusFirstError(save.error);
  const [draft, setDraft] = useState(() => (props.service ? toDraft(props.service) : newDraft(props.organization)));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const errors = fieldErrorsOf(save.error);
  const opt = t('common.optional');
  const field = (k: (typeof textFields)[number]) => ({ name: k, value: draft[k], onChange: (e: { target: { value: string } }) => set(k, e.target.value), error: errors[k] });
  const adding = !service;
  const title = adding ? t('svcForm.addTitle') : t('svcForm.title');

  // A new-service form opens from a button that then goes away: start in its first field instead
  // of leaving keyboard and screen-reader users at the top of the page.
  useEffect(() => {
    if (adding) formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }, [adding, formRef]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toBody(draft, service?.version), { onSuccess: onSaved });
  };

  return (
    <form ref={formRef} className={adding ? 'form inline-form' : 'form'} onSubmit={submit} noValidate aria-label={title}>
      {adding && <h3 className="subheading">{title}</h3>}
      {isStaleVersion(save.error) && onReload ? <StaleVersionAlert body={t('dir.staleBody')} onReload={onReload} /> : save.error && <Alert tone="danger">{errorMessage(save.error, t)}</Alert>}
      <div className="form-grid">
        <TextField label={t('svcForm.name')} required {...field('name')} />
        <SelectField label={t('svcForm.status')} options={SERVICE_STATUSES.map((v) => ({ value: v, label: t(`serviceStatus.${v}`) }))} name="status" value={draft.status} onChange={(e) => set('status', e.target.value as Draft['status'])} error={errors.status} />
      </div>
      <TextAreaField label={t('svcForm.description')} optionalLabel={opt} {...field('description')} />
      <TextAreaField label={t('dir.eligibility')} optionalLabel={opt} {...field('eligibility')} />
      <TextField label={t('svcForm.nameEs')} optionalLabel={opt} lang="es" {...field('nameEs')} />
      <TextAreaField label={t('svcForm.descriptionEs')} optionalLabel={opt} lang="es" {...field('descriptionEs')} />
      <TextAreaField label={t('svcForm.eligibilityEs')} optionalLabel={opt} lang="es" {...field('eligibilityEs')} />
      <div className="form-grid">
        <TextField label={t('svcForm.minAge')} optionalLabel={opt} type="number" inputMode="numeric" min={0} max={120} {...field('minAge')} />
        <TextField label={t('svcForm.maxAge')} optionalLabel={opt} type="number" inputMode="numeric" min={0} max={120} {...field('maxAge')} />
      </div>
      <TextAreaField label={t('dir.fees')} optionalLabel={opt} rows={2} {...field('fees')} />
      <TextAreaField label={t('dir.howToApply')} optionalLabel={opt} {...field('applicationProcess')} />
      <CheckboxGroup legend={t('dir.categories')} name="categories" columns={2} value={draft.categories} onChange={(v) => set('categories', v as Draft['categories'])} error={errors.categories} options={SDOH_CATEGORIES.map((v) => ({ value: v, label: t(`sdoh.${v}`) }))} />
      <SelectField label={t('dir.communitySupport')} optionalLabel={opt} placeholder={t('svcForm.noCommunitySupport')} options={COMMUNITY_SUPPORTS.map((v) => ({ value: v, label: t(`cs.${v}`) }))} name="communitySupport" value={draft.communitySupport} onChange={(e) => set('communitySupport', e.target.value)} error={errors.communitySupport} />
      <CheckboxGroup legend={t('dir.languages')} name="languages" columns={3} value={draft.languages} onChange={(v) => set('languages', v as Draft['languages'])} error={errors.languages} options={LANGUAGES.map((v) => ({ value: v, label: t(`language.${v}`) }))} />
      <CheckboxGroup legend={t('dir.spas')} name="spas" columns={2} value={draft.spas} onChange={(v) => set('spas', v as Draft['spas'])} error={errors.spas} options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))} />
      <CheckboxGroup legend={t('dir.focusPopulations')} name="focusPopulations" value={draft.focusPopulations} onChange={(v) => set('focusPopulations', v as Draft['focusPopulations'])} error={errors.focusPopulations} options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))} />
      <div className="form-grid">
        <TextField label={t('orgForm.phone')} optionalLabel={opt} type="tel" inputMode="tel" {...field('phone')} />
        <TextField label={t('orgForm.email')} optionalLabel={opt} type="email" inputMode="email" {...field('email')} />
        <TextField label={t('orgForm.website')} optionalLabel={opt} hint={t('orgForm.websiteHint')} type="url" inputMode="url" {...field('url')} />
      </div>
      <FormActions submitLabel={adding ? t('svcForm.add') : t('svcForm.save')} cancelLabel={t('common.cancel')} onCancel={onCancel} loading={save.isPending} />
    </form>
  );
}
