import { Button } from './button';

type Props = { submitLabel: string; cancelLabel: string; onCancel: () => void; loading?: boolean; disabled?: boolean };

/** The end of an edit form: its submit button (busy while saving) and a cancel that closes it. */
export function FormActions({ submitLabel, cancelLabel, onCancel, loading, disabled }: Props) {
  return (
    <div className="form-actions">
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
    </div>
  );
}
