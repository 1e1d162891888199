import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { engagementQueries } from '../api/queries';

export type Named = { id: string; name: string };
type Props = { value: Named[]; onChange: (orgs: Named[]) => void; error?: string | undefined };

/** The partner organizations that took part, chosen by name from the directory. */
export function PartnerPicker({ value, onChange, error }: Props) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const settled = useDebouncedValue(q.trim(), 250);
  const options = useQuery({ ...engagementQueries.partnerOptions(settled), enabled: settled.length >= 2 });
  const chosen = new Set(value.map((p) => p.id));
  const found = (options.data?.data ?? []).filter((o) => !chosen.has(o.id));
  return (
    <fieldset className={`field engagement-picker${error ? ' field-invalid' : ''}`}>
      <legend className="field-label">{t('engagement.partners')}</legend>
      {value.length > 0 && (
        <ul className="engagement-chosen" aria-label={t('engagement.partners')}>
          {value.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span>
              <Button variant="ghost" size="sm" onClick={() => onChange(value.filter((x) => x.id !== p.id))} aria-label={t('engagement.removePartner', { name: p.name })}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <label className="field-hint" htmlFor={`${id}-q`}>
        {t('engagement.findPartner')}
      </label>
      <input id={`${id}-q`} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      {settled.length >= 2 && (
        <ul className="engagement-options" aria-label={t('engagement.partnerMatches')}>
          {found.map((o) => (
            <li key={o.id}>
              <Button variant="secondary" size="sm" onClick={() => (onChange([...value, { id: o.id, name: o.name }]), setQ(''))}>
                {t('engagement.addPartner', { name: o.name })}
              </Button>
            </li>
          ))}
          {options.isSuccess && found.length === 0 && <li className="field-hint">{t('engagement.noPartner')}</li>}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
