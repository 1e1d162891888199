import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import type { Period } from '../api/queries';

/** From/to dates of a reporting period; a reversed period is not sent. */
export function PeriodFields({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useI18n();
  const set = (k: keyof Period, v: string) => {
    const next = { ...period, [k]: v };
    if (next.from && next.to && next.from <= next.to) onChange(next);
  };
  return (
    <div className="gap-period">
      <TextField type="date" label={t('gaps.from')} name="from" defaultValue={period.from} onChange={(e) => set('from', e.target.value)} />
      <TextField type="date" label={t('gaps.to')} name="to" defaultValue={period.to} onChange={(e) => set('to', e.target.value)} />
    </div>
  );
}
