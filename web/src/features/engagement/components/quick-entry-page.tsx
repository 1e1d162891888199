import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ENGAGEMENT_EVENT_TYPES, FOCUS_POPULATIONS, SPA_CODES, type EngagementEventType, type FocusPopulation, type Spa } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { dateInputToIso, todayInput } from '../../../lib/format';
import { spaLabel } from '../../../lib/labels';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useCreateEvent } from '../api/use-save-event';
import './engagement.css';

/** The SPA this person logs most: remembered on this device, per person, after each quick entry. */
const spaKey = (userId: string) => `tandem.engagement.usualSpa.${userId}`;
const usualSpa = (userId: string): Spa | '' => {
  const v = window.localStorage.getItem(spaKey(userId));
  return (SPA_CODES as readonly string[]).includes(v ?? '') ? (v as Spa) : '';
};

/**
 * Log an event on a phone, just after it: the six things the state report counts (title, type,
 * date, SPA, population, attendees) on one screen; the rest is added later on the event's page.
 * The person logging it is sent as the staff lead, so it counts in their monthly engagement
 * report (the API keeps staffLeadIds as sent and never adds the caller itself; see the module's README).
 */
export function QuickEntryPage({ userId }: { userId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateEvent();
  const formRef = useFocusFirstError(create.error);
  const [d, setD] = useState({ title: '', type: '' as EngagementEventType | '', date: todayInput(), spa: usualSpa(userId), population: '' as FocusPopulation | '', attendees: '' });
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD((x) => ({ ...x, [k]: v }));
  const errors = fieldErrorsOf(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      title: d.title,
      type: d.type as EngagementEventType,
      startsAt: d.date ? dateInputToIso(d.date) : '',
      spas: d.spa ? [d.spa] : [],
      focusPopulations: d.population ? [d.population] : [],
      attendeeCount: d.attendees === '' ? -1 : Number(d.attendees),
      staffLeadIds: [userId],
    };
    create.mutate(body, {
      onSuccess: (ev) => {
        if (d.spa) window.localStorage.setItem(spaKey(userId), d.spa);
        navigate(paths.engagementEvent.href(ev.id), { state: { logged: true } });
      },
    });
  };

  return (
    <>
      <p className="breadcrumbs">
        <Link to={paths.engagement.href()}>{t('nav.engagement')}</Link>
      </p>
      <PageHeader title={t('engagement.quickTitle')} description={t('engagement.quickIntro')} />
      <Card>
        <form ref={formRef} className="form engagement-quick" onSubmit={submit} noValidate aria-label={t('engagement.quickTitle')}>
          {create.error && !Object.keys(errors).length ? <Alert tone="danger">{errorMessage(create.error, t)}</Alert> : null}
          <TextField label={t('engagement.fieldTitle')} name="title" required value={d.title} onChange={(e) => set('title', e.target.value)} error={errors.title} />
          <SelectField
            label={t('engagement.fieldType')}
            name="type"
            required
            value={d.type}
            placeholder={t('engagement.chooseType')}
            options={ENGAGEMENT_EVENT_TYPES.map((v) => ({ value: v, label: t(`engagementType.${v}`) }))}
            onChange={(e) => set('type', e.target.value as EngagementEventType)}
            error={errors.type}
          />
          <TextField label={t('engagement.fieldDate')} type="date" name="date" required value={d.date} onChange={(e) => set('date', e.target.value)} error={errors.startsAt} />
          <SelectField
            label={t('engagement.fieldSpa')}
            name="spa"
            required
            value={d.spa}
            placeholder={t('engagement.chooseSpa')}
            options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))}
            onChange={(e) => set('spa', e.target.value as Spa)}
            error={errors.spas}
          />
          <SelectField
            label={t('engagement.fieldPopulation')}
            name="population"
            required
            value={d.population}
            placeholder={t('engagement.choosePopulation')}
            options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))}
            onChange={(e) => set('population', e.target.value as FocusPopulation)}
            error={errors.focusPopulations}
          />
          <TextField
            label={t('engagement.fieldAttendees')}
            type="number"
            inputMode="numeric"
            min={0}
            name="attendeeCount"
            required
            value={d.attendees}
            onChange={(e) => set('attendees', e.target.value)}
            error={errors.attendeeCount}
          />
          <p className="field-hint">{t('engagement.quickLeadNote')}</p>
          <Button type="submit" loading={create.isPending} className="engagement-quick-submit">
            {t('engagement.log')}
          </Button>
        </form>
      </Card>
    </>
  );
}
