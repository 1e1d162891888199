import { useState, type FormEvent } from 'react';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useAcceptInvitation } from '../api/use-accept-invitation';

const MIN_PASSWORD = 10;

export function AcceptInvitationForm({ token, onAccepted }: { token: string | null; onAccepted: () => void }) {
  const t = useT();
  const accept = useAcceptInvitation();
  const formRef = useFocusFirstError(accept.error);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);

  if (!token) return <Alert tone="danger">{t('accept.missingToken')}</Alert>;

  const fieldErrors = fieldErrorsOf(accept.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here as well as by the API so the person is not sent a round trip for a rule they can see.
    if (password.length < MIN_PASSWORD) return setTooShort(true);
    setTooShort(false);
    accept.mutate({ token, password, ...(name.trim() ? { name: name.trim() } : {}) }, { onSuccess: onAccepted });
  };
  const topError =
    accept.error instanceof ApiError && accept.error.status === 404
      ? t('accept.invalid')
      : accept.error
        ? errorMessage(accept.error, t)
        : null;

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {topError && <Alert tone="danger">{topError}</Alert>}
      <TextField
        label={t('accept.name')}
        name="name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrors.name}
      />
      <TextField
        label={t('accept.password')}
        hint={t('accept.passwordHint')}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={tooShort ? t('accept.passwordTooShort') : fieldErrors.password}
      />
      <Button type="submit" loading={accept.isPending} className="btn-block">
        {accept.isPending ? t('accept.submitting') : t('accept.submit')}
      </Button>
    </form>
  );
}
