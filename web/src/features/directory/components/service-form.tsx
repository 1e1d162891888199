import { useState, type FormEvent } from 'react';
import {
  COMMUNITY_SUPPORTS,
  FOCUS_POPULATIONS,
  LANGUAGES,
  SDOH_CATEGORIES,
  SERVICE_STATUSES,
  SPA_CODES,
  type ServiceDetail,
  type UpdateServiceBody,
} from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useUpdateService } from '../api/use-update-service';
import { orNull, spaLabel } from './labels';
import { isStaleVersion, StaleVersionAlert } from './stale-version';

const text = ['name', 'description', 'eligibility', 'fees', 'applicationProcess', 'url', 'email', 'phone', 'minAge', 'maxAge'] as const;
type Draft = Record<(typeof text)[number], string> & Pick<ServiceDetail, 'categories' | 'focusPopulations' | 'languages' | 'spas' | 'status'> & { communitySupport: string };

const toDraft = (s: ServiceDetail): Draft => ({
  ...Object.fromEntries(text.map((k) => [k, s[k] == null ? '' : String(s[k])])),
  categories: s.categories,
  focusPopulations: s.focusPopulations,
  languages: s.languages,
  spas: s.spas,
  status: s.status,
  communitySupport: s.communitySupport ?? '',
}) as Draft;

const age = (v: string) => (v.trim() === '' ? null : Number(v));

const toBody = (d: Draft, version: number) =>
  ({
    name: d.name,
    description: orNull(d.description),
    eligibility: orNull(d.eligibility),
    fees: orNull(d.fees),
    applicationProcess: orNull(d.applicationProcess),
    url: orNull(d.url),
    email: orNull(d.email),
    phone: orNull(d.phone),
    minAge: age(d.minAge),
    maxAge: age(d.maxAge),
    categories: d.categories,
    focusPopulations: d.focusPopulations,
    languages: d.languages,
    spas: d.spas,
    status: d.status,
    communitySupport: d.communitySupport || null,
    version,
  }) as UpdateServiceBody;

type Props = { service: ServiceDetail; onSaved: () => void; onCancel: () => void; onReload: () => void };

export function ServiceForm({ service, onSaved, onCancel, onReload }: Props) {
  const t = useT();
  const update = useUpdateService(service.id);
  const formRef = useFocusFirstError(update.error);
  const [draft, setDraft] = useState(() => toDraft(service));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const errors = fieldErrorsOf(update.error);
  const opt = t('common.optional');
  const field = (k: (typeof text)[number]) => ({ name: k, value: draft[k], onChange: (e: { target: { value: string } }) => set(k, e.target.value), error: errors[k] });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(toBody(draft, service.version), { onSuccess: onSaved });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('svcForm.title')}>
      {isStaleVersion(update.error) ? <StaleVersionAlert onReload={onReload} /> : update.error && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
      <div className="form-grid">
        <TextField label={t('svcForm.name')} required {...field('name')} />
        <SelectField label={t('svcForm.status')} options={SERVICE_STATUSES.map((v) => ({ value: v, label: t(`serviceStatus.${v}`) }))} name="status" value={draft.status} onChange={(e) => set('status', e.target.value as Draft['status'])} error={errors.status} />
      </div>
      <TextAreaField label={t('svcForm.description')} optionalLabel={opt} {...field('description')} />
      <TextAreaField label={t('dir.eligibility')} optionalLabel={opt} {...field('eligibility')} />
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
      <div className="form-actions">
        <Button type="submit" loading={update.isPending}>
          {t('svcForm.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
