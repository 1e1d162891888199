import { useState, type FormEvent } from 'react';
import { SPA_CODES, type Location } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-actions';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { orNull, spaLabel } from '../../../lib/labels';
import { useSaveLocation, type LocationBody } from '../api/use-save-location';

const keys = ['name', 'address1', 'address2', 'city', 'postalCode', 'spa', 'accessibility', 'transit'] as const;

/** Adds a location, or edits `location` when given. */
export function LocationForm({ organizationId, location, onDone }: { organizationId: string; location?: Location; onDone: () => void }) {
  const t = useT();
  const save = useSaveLocation(organizationId, location?.id);
  const formRef = useFocusFirstError(save.error);
  const [d, setD] = useState<Record<(typeof keys)[number], string>>(
    () => Object.fromEntries(keys.map((k) => [k, location?.[k] ?? ''])) as Record<(typeof keys)[number], string>,
  );
  const errors = fieldErrorsOf(save.error);
  const opt = t('common.optional');
  const field = (k: (typeof keys)[number]) => ({ name: k, value: d[k], onChange: (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value })), error: errors[k] });
  const title = location ? t('locForm.editTitle', { name: location.name }) : t('locForm.addTitle');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: d.name,
      address1: d.address1,
      address2: orNull(d.address2),
      city: d.city,
      postalCode: d.postalCode.trim(),
      spa: d.spa || null,
      accessibility: orNull(d.accessibility),
      transit: orNull(d.transit),
    } as LocationBody;
    save.mutate(body, { onSuccess: onDone });
  };

  return (
    <form ref={formRef} className="form inline-form" onSubmit={submit} noValidate aria-label={title}>
      <h3 className="subheading">{title}</h3>
      {save.error && <Alert tone="danger">{errorMessage(save.error, t)}</Alert>}
      <TextField label={t('locForm.name')} required {...field('name')} />
      <TextField label={t('locForm.address1')} required autoComplete="address-line1" {...field('address1')} />
      <TextField label={t('locForm.address2')} optionalLabel={opt} autoComplete="address-line2" {...field('address2')} />
      <div className="form-grid">
        <TextField label={t('locForm.city')} required {...field('city')} />
        <TextField label={t('locForm.postalCode')} required inputMode="numeric" autoComplete="postal-code" {...field('postalCode')} />
      </div>
      <SelectField label={t('dir.spa')} optionalLabel={opt} placeholder={t('locForm.noSpa')} options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))} {...field('spa')} />
      <TextAreaField label={t('dir.accessibility')} optionalLabel={opt} rows={2} hint={t('locForm.accessibilityHint')} {...field('accessibility')} />
      <TextAreaField label={t('dir.transit')} optionalLabel={opt} rows={2} {...field('transit')} />
      <FormActions submitLabel={t('locForm.save')} cancelLabel={t('common.cancel')} onCancel={onDone} loading={save.isPending} />
    </form>
  );
}
