import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';

export type FollowUpDraft = { text: string; owner: string; dueDate: string; done: boolean };

/** The event's follow-up actions: what, who, by when, done. A save replaces the whole list. */
export function FollowUpsEditor({ value, onChange, error }: { value: FollowUpDraft[]; onChange: (v: FollowUpDraft[]) => void; error?: string | undefined }) {
  const t = useT();
  const change = (i: number, patch: Partial<FollowUpDraft>) => onChange(value.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="fieldset engagement-follow-ups">
      <legend className="field-label">{t('engagement.followUps')}</legend>
      {value.map((f, i) => (
        <div key={i} className="engagement-follow-up" role="group" aria-label={t('engagement.followUpN', { n: i + 1 })}>
          <TextField label={t('engagement.followUpText')} name={`followUp${i}`} value={f.text} onChange={(e) => change(i, { text: e.target.value })} />
          <div className="form-grid">
            <TextField label={t('engagement.followUpOwner')} optionalLabel={t('common.optional')} value={f.owner} onChange={(e) => change(i, { owner: e.target.value })} />
            <TextField label={t('engagement.followUpDue')} optionalLabel={t('common.optional')} type="date" value={f.dueDate} onChange={(e) => change(i, { dueDate: e.target.value })} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={f.done} onChange={(e) => change(i, { done: e.target.checked })} />
            <span className="checkbox-label">{t('engagement.followUpDone')}</span>
          </label>
          <Button variant="ghost" size="sm" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('engagement.followUpRemove')}
          </Button>
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
      <Button variant="secondary" size="sm" onClick={() => onChange([...value, { text: '', owner: '', dueDate: '', done: false }])}>
        {t('engagement.followUpAdd')}
      </Button>
    </fieldset>
  );
}
