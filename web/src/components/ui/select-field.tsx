import type { SelectHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

type Props = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: readonly SelectOption[];
    /** First option with an empty value ("All types", "Choose a type"). */
    placeholder?: string;
  };

export function SelectField({ label, error, hint, optionalLabel, options, placeholder, className, ...select }: Props) {
  return (
    <Field label={label} error={error} hint={hint} optionalLabel={optionalLabel}>
      {(a11y) => (
        <select className={`input select ${className ?? ''}`} {...select} {...a11y}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
