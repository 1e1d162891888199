import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { agreementQueries } from '../api/queries';

export type Party = { id: string; name: string };
type Props = { value: Party[]; onChange: (parties: Party[]) => void; error?: string | undefined };

/** The organizations an agreement binds: chosen by name from the directory, at least two. */
export function PartyPicker({ value, onChange, error }: Props) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const settled = useDebouncedValue(q.trim(), 250);
  const options = useQuery({ ...agreementQueries.partyOptions(settled), enabled: settled.length >= 2 });
  const chosen = new Set(value.map((p) => p.id));
  const found = (options.data?.data ?? []).filter((o) => !chosen.has(o.id));

  return (
    <fieldset className={`field agreement-parties${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{t('agreementForm.parties')}</legend>
      {value.length > 0 && (
        <ul className="agreement-party-list" aria-label={t('agreementForm.chosenParties')}>
          {value.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span>
              <Button variant="ghost" size="sm" onClick={() => onChange(value.filter((x) => x.id !== p.id))} aria-label={t('agreementForm.removeParty', { name: p.name })}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <label className="field-hint" htmlFor={`${id}-q`}>
        {t('agreementForm.findParty')}
      </label>
      <input id={`${id}-q`} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      {settled.length >= 2 && (
        <ul className="agreement-party-options" aria-label={t('agreementForm.partyMatches')}>
          {found.map((o) => (
            <li key={o.id}>
              <Button variant="secondary" size="sm" onClick={() => (onChange([...value, { id: o.id, name: o.name }]), setQ(''))}>
                {t('agreementForm.addParty', { name: o.name })}
              </Button>
            </li>
          ))}
          {options.isSuccess && found.length === 0 && <li className="field-hint">{t('agreementForm.noParty')}</li>}
        </ul>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
