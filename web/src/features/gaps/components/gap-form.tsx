import { useState, type FormEvent } from 'react';
import { COMMUNITY_SUPPORTS, FOCUS_POPULATIONS, GAP_SEVERITIES, SDOH_CATEGORIES, SPAS } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import type { MessageKey } from '../../../i18n/en';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { spaLabel } from '../../../lib/labels';
import { useCreateGap } from '../api/use-gap-mutations';

type Kind = 'category' | 'communitySupport';

/** Records a new gap (it starts as identified); `onDone` gets its id. */
export function GapForm({ onDone, onCancel }: { onDone: (id: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const create = useCreateGap();
  const [kind, setKind] = useState<Kind>('category');
  const errors = fieldErrorsOf(create.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? '');
    const subject = get('subject');
    create.mutate(
      {
        title: get('title'),
        spa: get('spa') as (typeof SPAS)[number]['code'],
        ...(kind === 'category' ? { category: subject as (typeof SDOH_CATEGORIES)[number] } : { communitySupport: subject as (typeof COMMUNITY_SUPPORTS)[number] }),
        focusPopulation: (get('focusPopulation') || null) as (typeof FOCUS_POPULATIONS)[number] | null,
        severity: get('severity') as (typeof GAP_SEVERITIES)[number],
        description: get('description') || null,
      },
      { onSuccess: (g) => onDone(g.id) },
    );
  };
  const subjects = kind === 'category' ? SDOH_CATEGORIES.map((c) => ({ value: c, label: t(`sdoh.${c}` as MessageKey) })) : COMMUNITY_SUPPORTS.map((c) => ({ value: c, label: t(`cs.${c}` as MessageKey) }));
  return (
    <form className="gap-form stack" onSubmit={submit} aria-label={t('gaps.new')}>
      {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
      <TextField label={t('gaps.fieldTitle')} name="title" required maxLength={200} error={errors.title} />
      <SelectField label={t('gaps.spa')} name="spa" required options={SPAS.map((s) => ({ value: s.code, label: spaLabel(s.code) }))} error={errors.spa} />
      <SelectField
        label={t('gaps.subjectKind')}
        name="kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        options={[
          { value: 'category', label: t('gaps.kindCategory') },
          { value: 'communitySupport', label: t('gaps.kindCommunitySupport') },
        ]}
      />
      <SelectField key={kind} label={kind === 'category' ? t('gaps.kindCategory') : t('gaps.kindCommunitySupport')} name="subject" required options={subjects} error={errors.category ?? errors.communitySupport} />
      <SelectField label={t('gaps.focusPopulation')} name="focusPopulation" placeholder={t('gaps.anyPopulation')} options={FOCUS_POPULATIONS.map((p) => ({ value: p, label: t(`focus.${p}` as MessageKey) }))} />
      <SelectField label={t('gaps.severity')} name="severity" defaultValue="medium" options={GAP_SEVERITIES.map((s) => ({ value: s, label: t(`gapSeverity.${s}` as MessageKey) }))} />
      <TextAreaField label={t('gaps.description')} name="description" maxLength={4000} optionalLabel={t('common.optional')} />
      <div className="form-actions">
        <Button type="submit" loading={create.isPending}>
          {t('gaps.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
