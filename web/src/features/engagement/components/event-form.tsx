import { useState, type FormEvent } from 'react';
import { ATTENDEE_GROUPS, ENGAGEMENT_EVENT_TYPES, EVENT_MODALITIES, FOCUS_POPULATIONS, SPA_CODES, type AttendeeGroup } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { FormActions } from '../../../components/ui/form-actions';
import { SelectField } from '../../../components/ui/select-field';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { orNull, spaLabel } from '../../../lib/labels';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import type { EngagementEvent, UpdateEventBody } from '../api/queries';
import { FollowUpsEditor, type FollowUpDraft } from './follow-ups-editor';
import { PartnerPicker, type Named } from './partner-picker';
import { StaffPicker } from './staff-picker';

type Props = { event: EngagementEvent; networkOrgId: string | null; saving: boolean; error: unknown; onSave: (body: Omit<UpdateEventBody, 'version'>) => void; onCancel: () => void; onReload: () => void };

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as a datetime-local value in the reader's time zone. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const count = (v: string) => (v.trim() === '' ? null : Number(v));

/** Everything about an event, edited after the quick entry: sent with If-Match (the version opened). */
export function EventForm({ event: e, networkOrgId, saving, error, onSave, onCancel, onReload }: Props) {
  const t = useT();
  const formRef = useFocusFirstError(error);
  const [d, setD] = useState({
    title: e.title,
    type: e.type,
    startsAt: localInput(e.startsAt),
    duration: e.durationMinutes == null ? '' : String(e.durationMinutes),
    spas: e.spas as string[],
    modality: e.modality,
    address: e.address ?? '',
    focusPopulations: e.focusPopulations as string[],
    attendeeCount: String(e.attendeeCount),
    groups: Object.fromEntries(ATTENDEE_GROUPS.map((g) => [g, e.attendeesByGroup[g] == null ? '' : String(e.attendeesByGroup[g])])) as Record<AttendeeGroup, string>,
    summary: e.summary ?? '',
  });
  const [followUps, setFollowUps] = useState<FollowUpDraft[]>((e.followUps ?? []).map((f) => ({ text: f.text, owner: f.owner ?? '', dueDate: f.dueDate ?? '', done: f.done })));
  const [partners, setPartners] = useState<Named[]>(e.organizations);
  const [leads, setLeads] = useState<string[]>(e.staffLeadIds);
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD((x) => ({ ...x, [k]: v }));
  const errors = fieldErrorsOf(error);
  const opt = t('common.optional');

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    onSave({
      title: d.title,
      type: d.type,
      startsAt: d.startsAt ? new Date(d.startsAt).toISOString() : '',
      durationMinutes: count(d.duration),
      spas: d.spas as UpdateEventBody['spas'],
      modality: d.modality,
      address: orNull(d.address),
      focusPopulations: d.focusPopulations as UpdateEventBody['focusPopulations'],
      attendeeCount: count(d.attendeeCount) ?? -1,
      attendeesByGroup: Object.fromEntries(ATTENDEE_GROUPS.map((g) => [g, count(d.groups[g])])),
      summary: orNull(d.summary),
      organizationIds: partners.map((p) => p.id),
      staffLeadIds: leads,
      followUps: followUps.map((f) => ({ text: f.text, owner: orNull(f.owner), dueDate: f.dueDate || null, done: f.done })),
    });
  };

  return (
    <form ref={formRef} className="form engagement-form" onSubmit={submit} noValidate aria-label={t('engagement.editTitle')}>
      {isStaleVersion(error) ? <StaleVersionAlert body={t('engagement.staleBody')} onReload={onReload} /> : error ? <Alert tone="danger">{errorMessage(error, t)}</Alert> : null}
      <TextField label={t('engagement.fieldTitle')} name="title" required value={d.title} onChange={(x) => set('title', x.target.value)} error={errors.title} />
      <div className="form-grid">
        <SelectField label={t('engagement.fieldType')} name="type" value={d.type} options={ENGAGEMENT_EVENT_TYPES.map((v) => ({ value: v, label: t(`engagementType.${v}`) }))} onChange={(x) => set('type', x.target.value as typeof d.type)} error={errors.type} />
        <TextField label={t('engagement.fieldStarts')} type="datetime-local" name="startsAt" value={d.startsAt} onChange={(x) => set('startsAt', x.target.value)} error={errors.startsAt} />
        <TextField label={t('engagement.fieldDuration')} optionalLabel={opt} type="number" inputMode="numeric" min={1} name="durationMinutes" value={d.duration} onChange={(x) => set('duration', x.target.value)} error={errors.durationMinutes} />
      </div>
      <CheckboxGroup legend={t('engagement.colSpas')} name="spas" columns={2} value={d.spas} onChange={(v) => set('spas', v)} error={errors.spas} options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))} />
      <div className="form-grid">
        <SelectField label={t('engagement.fieldModality')} name="modality" value={d.modality} options={EVENT_MODALITIES.map((v) => ({ value: v, label: t(`engagementModality.${v}`) }))} onChange={(x) => set('modality', x.target.value as typeof d.modality)} />
        {d.modality === 'in_person' && <TextField label={t('engagement.fieldAddress')} optionalLabel={opt} name="address" value={d.address} onChange={(x) => set('address', x.target.value)} error={errors.address} />}
      </div>
      <CheckboxGroup legend={t('engagement.colPopulations')} name="focusPopulations" value={d.focusPopulations} onChange={(v) => set('focusPopulations', v)} error={errors.focusPopulations} options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))} />
      <PartnerPicker value={partners} onChange={setPartners} error={errors.organizationIds} />
      <StaffPicker networkOrgId={networkOrgId} value={leads} onChange={setLeads} error={errors.staffLeadIds} />
      <fieldset className="fieldset">
        <legend className="field-label">{t('engagement.attendees')}</legend>
        <div className="form-grid engagement-groups">
          <TextField label={t('engagement.fieldAttendees')} type="number" inputMode="numeric" min={0} name="attendeeCount" value={d.attendeeCount} onChange={(x) => set('attendeeCount', x.target.value)} error={errors.attendeeCount} />
          {ATTENDEE_GROUPS.map((g) => (
            <TextField key={g} label={t(`engagementGroup.${g}`)} optionalLabel={opt} type="number" inputMode="numeric" min={0} name={g} value={d.groups[g]} onChange={(x) => set('groups', { ...d.groups, [g]: x.target.value })} />
          ))}
        </div>
        {errors.attendeesByGroup && <p className="field-error">{errors.attendeesByGroup}</p>}
      </fieldset>
      <TextAreaField label={t('engagement.summary')} optionalLabel={opt} hint={t('engagement.internalHint')} name="summary" value={d.summary} onChange={(x) => set('summary', x.target.value)} error={errors.summary} />
      <FollowUpsEditor value={followUps} onChange={setFollowUps} error={errors.followUps} />
      <FormActions submitLabel={t('engagement.save')} cancelLabel={t('common.cancel')} onCancel={onCancel} loading={saving} />
    </form>
  );
}
