import { useState, type FormEvent } from 'react';
import type { ServiceDetail } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormActions } from '../../../components/ui/form-actions';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { weekdayName } from '../../../lib/format';
import { useReplaceSchedule } from '../api/use-replace-schedule';
import { ExceptionsEditor } from './exceptions-editor';
import { hhmm, WEEKDAYS } from './hours';
import { errorAt, newKey, pathErrors, type ExceptionDraft, type IntervalDraft } from './schedule-draft';
import './directory.css';

const addHour = (t: string) => `${String(Math.min(Number(t.slice(0, 2)) + 1, 23)).padStart(2, '0')}:${t.slice(3, 5)}`;

/** Weekly hours: each weekday has zero or more intervals; saving replaces the whole schedule at once. */
export function HoursEditor({ service, onDone }: { service: ServiceDetail; onDone: (saved: boolean) => void }) {
  const { t, locale } = useI18n();
  const save = useReplaceSchedule(service.id);
  const formRef = useFocusFirstError(save.error);
  const [intervals, setIntervals] = useState<IntervalDraft[]>(() =>
    service.schedule.intervals.map((iv) => ({ key: newKey(), weekday: iv.weekday, opensAt: hhmm(iv.opensAt), closesAt: hhmm(iv.closesAt), locationId: iv.locationId ?? null })),
  );
  const [exceptions, setExceptions] = useState<ExceptionDraft[]>(() =>
    service.schedule.exceptions.map((e) => ({ key: newKey(), date: e.date, closed: e.closed, opensAt: e.opensAt ? hhmm(e.opensAt) : '', closesAt: e.closesAt ? hhmm(e.closesAt) : '', reason: e.reason ?? '' })),
  );
  const errors = pathErrors(save.error);
  // The API's messages are English and count from 0; say the two common problems in the reader's language.
  const intervalError = (i: number) =>
    errors[`intervals.${i}`] ? t('dir.errOverlap') : errors[`intervals.${i}.closesAt`] ? t('dir.errClosesBeforeOpens') : errorAt(errors, `intervals.${i}`);
  const edit = (key: number, patch: Partial<IntervalDraft>) => setIntervals((all) => all.map((iv) => (iv.key === key ? { ...iv, ...patch } : iv)));
  const add = (weekday: number) =>
    setIntervals((all) => {
      const last = all.filter((iv) => iv.weekday === weekday).at(-1);
      const opensAt = last ? addHour(last.closesAt) : '09:00';
      return [...all, { key: newKey(), weekday, opensAt, closesAt: last ? addHour(opensAt) : '17:00', locationId: null }];
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        intervals: intervals.map(({ weekday, opensAt, closesAt, locationId }) => ({ weekday, opensAt, closesAt, locationId })),
        exceptions: exceptions.map((x) => ({ date: x.date, closed: x.closed, opensAt: x.closed ? null : x.opensAt || null, closesAt: x.closed ? null : x.closesAt || null, reason: x.reason.trim() || null })),
      },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form ref={formRef} className="form hours-editor" onSubmit={submit} noValidate aria-label={t('dir.editHours')}>
      {save.error && <Alert tone="danger">{errorMessage(save.error, t)}</Alert>}
      {WEEKDAYS.map((d) => (
        <fieldset key={d} className="fieldset hours-day">
          <legend className="field-label">{weekdayName(d, locale)}</legend>
          {intervals.every((iv) => iv.weekday !== d) && <p className="muted">{t('dir.closed')}</p>}
          {intervals.map((iv, i) =>
            iv.weekday !== d ? null : (
              <div key={iv.key} className={`hours-row${intervalError(i) ? ' field-invalid' : ''}`}>
                <label className="hours-time">
                  <span className="hours-time-label">{t('dir.opens')}</span>
                  <input className="input" type="time" required value={iv.opensAt} aria-label={t('dir.opensOn', { day: weekdayName(d, locale) })} aria-invalid={intervalError(i) ? true : undefined} aria-describedby={intervalError(i) ? `iv-error-${iv.key}` : undefined} onChange={(e) => edit(iv.key, { opensAt: e.target.value })} />
                </label>
                <label className="hours-time">
                  <span className="hours-time-label">{t('dir.closes')}</span>
                  <input className="input" type="time" required value={iv.closesAt} aria-label={t('dir.closesOn', { day: weekdayName(d, locale) })} onChange={(e) => edit(iv.key, { closesAt: e.target.value })} />
                </label>
                <Button variant="ghost" size="sm" className="btn-danger-text" aria-label={t('dir.removeIntervalOn', { day: weekdayName(d, locale) })} onClick={() => setIntervals((all) => all.filter((x) => x.key !== iv.key))}>
                  {t('dir.remove')}
                </Button>
                {intervalError(i) && <p className="field-error hours-error" id={`iv-error-${iv.key}`}>{intervalError(i)}</p>}
              </div>
            ),
          )}
          <Button variant="secondary" size="sm" aria-label={t('dir.addIntervalOn', { day: weekdayName(d, locale) })} onClick={() => add(d)}>
            {t('dir.addInterval')}
          </Button>
        </fieldset>
      ))}
      <ExceptionsEditor exceptions={exceptions} onChange={setExceptions} errors={errors} />
      <FormActions submitLabel={t('dir.saveHours')} cancelLabel={t('common.cancel')} onCancel={() => onDone(false)} loading={save.isPending} />
    </form>
  );
}
