import { useState, type FormEvent } from 'react';
import { FOCUS_POPULATIONS, LANGUAGES, ORG_TYPES, SPA_CODES, type CreateOrganizationBody, type Organization } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-actions';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { spaLabel } from '../../../lib/labels';
import { orNull } from '../../../lib/labels';
import { useCreateOrganization } from '../api/use-create-organization';

const empty = { name: '', type: '', website: '', email: '', phone: '', description: '' };
type Draft = typeof empty & { spas: string[]; focusPopulations: string[]; languages: string[] };

const toBody = (d: Draft) =>
  ({
    name: d.name,
    type: d.type,
    spas: d.spas,
    focusPopulations: d.focusPopulations,
    languages: d.languages,
    website: orNull(d.website),
    email: orNull(d.email),
    phone: orNull(d.phone),
    description: orNull(d.description),
    // The API validates the enums and says which field is wrong; the form does not second-guess it.
  }) as CreateOrganizationBody;

export function CreateOrganizationForm({ onCreated, onCancel }: { onCreated: (org: Organization) => void; onCancel: () => void }) {
  const t = useT();
  const create = useCreateOrganization();
  const formRef = useFocusFirstError(create.error);
  const [draft, setDraft] = useState<Draft>({ ...empty, spas: [], focusPopulations: [], languages: ['en'] });
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const errors = fieldErrorsOf(create.error);
  const opt = t('common.optional');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(toBody(draft), { onSuccess: onCreated });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('orgForm.title')}>
      {create.error && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('orgForm.name')}
          name="name"
          required
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
        />
        <SelectField
          label={t('orgForm.type')}
          name="type"
          required
          value={draft.type}
          placeholder={t('orgForm.chooseType')}
          options={ORG_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) }))}
          onChange={(e) => set('type', e.target.value)}
          error={errors.type}
        />
      </div>
      <CheckboxGroup
        legend={t('orgForm.spas')}
        name="spas"
        columns={2}
        value={draft.spas}
        onChange={(v) => set('spas', v)}
        error={errors.spas}
        options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))}
      />
      <CheckboxGroup
        legend={t('orgForm.focusPopulations')}
        name="focusPopulations"
        value={draft.focusPopulations}
        onChange={(v) => set('focusPopulations', v)}
        error={errors.focusPopulations}
        options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))}
      />
      <CheckboxGroup
        legend={t('orgForm.languages')}
        name="languages"
        columns={3}
        value={draft.languages}
        onChange={(v) => set('languages', v)}
        error={errors.languages}
        options={LANGUAGES.map((v) => ({ value: v, label: t(`language.${v}`) }))}
      />
      <div className="form-grid">
        <TextField
          label={t('orgForm.website')}
          optionalLabel={opt}
          hint={t('orgForm.websiteHint')}
          type="url"
          name="website"
          inputMode="url"
          value={draft.website}
          onChange={(e) => set('website', e.target.value)}
          error={errors.website}
        />
        <TextField
          label={t('orgForm.email')}
          optionalLabel={opt}
          type="email"
          name="email"
          inputMode="email"
          value={draft.email}
          onChange={(e) => set('email', e.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('orgForm.phone')}
          optionalLabel={opt}
          type="tel"
          name="phone"
          inputMode="tel"
          value={draft.phone}
          onChange={(e) => set('phone', e.target.value)}
          error={errors.phone}
        />
      </div>
      <TextAreaField
        label={t('orgForm.description')}
        optionalLabel={opt}
        name="description"
        value={draft.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
      />
      <FormActions submitLabel={create.isPending ? t('orgForm.submitting') : t('orgForm.submit')} cancelLabel={t('common.cancel')} onCancel={onCancel} loading={create.isPending} />
    </form>
  );
}
