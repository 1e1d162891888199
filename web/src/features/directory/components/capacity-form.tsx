import { useState, type FormEvent } from 'react';
import { CAPACITY_STATUSES, type CapacityStatus, type ServiceDetail } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { orNull } from '../../../lib/labels';
import { useUpdateCapacity } from '../api/use-update-capacity';
import './directory.css';

/** One step to say how full the service is (or that it still is): records who and when. */
export function CapacityForm({ service }: { service: ServiceDetail }) {
  const t = useT();
  const update = useUpdateCapacity(service.id);
  const [status, setStatus] = useState<CapacityStatus>(service.capacity.status);
  const [note, setNote] = useState(service.capacity.note ?? '');
  const [saved, setSaved] = useState(false);
  const errors = fieldErrorsOf(update.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate({ status, note: orNull(note) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="form capacity-form" onSubmit={submit} aria-label={t('dir.updateCapacity')}>
      <fieldset className="fieldset">
        <legend className="field-label">{t('dir.capacityStatus')}</legend>
        <div className="segmented-choices">
          {CAPACITY_STATUSES.map((s) => (
            <label key={s} className={`choice choice-${s}`}>
              <input type="radio" name="capacity" value={s} checked={status === s} onChange={() => setStatus(s)} />
              <span>{t(`capacity.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('dir.capacityNote')}
        optionalLabel={t('common.optional')}
        hint={t('dir.capacityNoteHint')}
        name="note"
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={errors.note}
      />
      {update.error && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
      {saved && !update.isPending && <Alert tone="success">{t('dir.capacitySaved')}</Alert>}
      <div className="form-actions">
        <Button type="submit" loading={update.isPending}>
          {status === service.capacity.status ? t('dir.confirmCapacity') : t('dir.saveCapacity')}
        </Button>
      </div>
    </form>
  );
}
