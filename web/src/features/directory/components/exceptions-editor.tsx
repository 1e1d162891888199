import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';
import { errorAt, newKey, type ExceptionDraft } from './schedule-draft';
import './directory.css';

type Props = { exceptions: ExceptionDraft[]; onChange: (next: ExceptionDraft[]) => void; errors: Record<string, string> };

/** Dates with other hours than the weekly pattern: holidays, closures, special hours. */
export function ExceptionsEditor({ exceptions, onChange, errors }: Props) {
  const t = useT();
  const edit = (key: number, patch: Partial<ExceptionDraft>) => onChange(exceptions.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  return (
    <fieldset className="fieldset hours-day">
      <legend className="field-label">{t('dir.exceptions')}</legend>
      <p className="field-hint">{t('dir.exceptionsHint')}</p>
      {exceptions.map((x, i) => {
        const error = errorAt(errors, `exceptions.${i}`);
        return (
          <div key={x.key} className={`hours-row exception-row${error ? ' field-invalid' : ''}`}>
            <label className="hours-time">
              <span className="hours-time-label">{t('dir.date')}</span>
              <input className="input" type="date" required value={x.date} aria-invalid={error ? true : undefined} onChange={(e) => edit(x.key, { date: e.target.value })} />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={x.closed} onChange={(e) => edit(x.key, { closed: e.target.checked })} />
              <span className="checkbox-label">{t('dir.closedAllDay')}</span>
            </label>
            {!x.closed && (
              <>
                <label className="hours-time">
                  <span className="hours-time-label">{t('dir.opens')}</span>
                  <input className="input" type="time" value={x.opensAt} onChange={(e) => edit(x.key, { opensAt: e.target.value })} />
                </label>
                <label className="hours-time">
                  <span className="hours-time-label">{t('dir.closes')}</span>
                  <input className="input" type="time" value={x.closesAt} onChange={(e) => edit(x.key, { closesAt: e.target.value })} />
                </label>
              </>
            )}
            <label className="hours-time hours-reason">
              <span className="hours-time-label">{t('dir.reason')}</span>
              <input className="input" maxLength={200} value={x.reason} onChange={(e) => edit(x.key, { reason: e.target.value })} />
            </label>
            <Button variant="ghost" size="sm" className="btn-danger-text" onClick={() => onChange(exceptions.filter((y) => y.key !== x.key))}>
              {t('dir.remove')}
            </Button>
            {error && <p className="field-error hours-error">{error}</p>}
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => onChange([...exceptions, { key: newKey(), date: '', closed: true, opensAt: '', closesAt: '', reason: '' }])}>
        {t('dir.addException')}
      </Button>
    </fieldset>
  );
}
