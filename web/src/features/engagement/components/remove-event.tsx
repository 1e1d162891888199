import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useDeleteEvent } from '../api/use-save-event';

/** Remove an event logged by mistake: a reason is required and kept in the history. */
export function RemoveEvent({ id, version, onRemoved }: { id: string; version: number; onRemoved: () => void }) {
  const t = useT();
  const remove = useDeleteEvent(id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <div>
        <Button variant="ghost" size="sm" className="btn-danger-text" onClick={() => setOpen(true)}>
          {t('engagement.remove')}
        </Button>
      </div>
    );
  const errors = fieldErrorsOf(remove.error);
  return (
    <form
      className="form engagement-remove"
      aria-label={t('engagement.remove')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        remove.mutate({ version, reason }, { onSuccess: onRemoved });
      }}
    >
      {remove.error && !errors.reason ? <Alert tone="danger">{errorMessage(remove.error, t)}</Alert> : null}
      <TextField label={t('engagement.removeReason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <div className="form-actions">
        <Button type="submit" variant="danger" loading={remove.isPending}>
          {t('engagement.removeConfirm')}
        </Button>
        <Button variant="secondary" onClick={() => (remove.reset(), setOpen(false))}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
