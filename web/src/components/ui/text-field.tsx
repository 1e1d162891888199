import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field';

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ label, error, hint, optionalLabel, className, ...input }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} optionalLabel={optionalLabel}>
      {(a11y) => <input className={`input ${className ?? ''}`} {...input} {...a11y} />}
    </Field>
  );
}

type AreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ label, error, hint, optionalLabel, className, ...area }: AreaProps) {
  return (
    <Field label={label} error={error} hint={hint} optionalLabel={optionalLabel}>
      {(a11y) => <textarea className={`input textarea ${className ?? ''}`} rows={4} {...area} {...a11y} />}
    </Field>
  );
}
