import { useId } from 'react';
import type { SelectOption } from './select-field';

type Props = {
  legend: string;
  name: string;
  /** `lang` marks a label in another language than the page's (an API code such as referral.sent is English). */
  options: readonly (SelectOption & { description?: string; lang?: string })[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
  columns?: 1 | 2 | 3;
};

export function CheckboxGroup({ legend, name, options, value, onChange, error, hint, columns = 2 }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset className={`fieldset${error ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className={`checkbox-grid cols-${columns}`}>
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>
              <span className="checkbox-label" lang={o.lang}>
                {o.label}
              </span>
              {o.description && <span className="checkbox-description">{o.description}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
