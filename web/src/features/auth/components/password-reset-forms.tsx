import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/use-password-reset';
import { waitText } from './sign-in-error';

const MIN_PASSWORD = 10;

/** "Forgot password?": one email field; the answer never says whether the account exists. */
export function ForgotPasswordForm() {
  const t = useT();
  const request = useRequestPasswordReset();
  const formRef = useFocusFirstError(request.error);
  const [email, setEmail] = useState('');
  const fieldErrors = fieldErrorsOf(request.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ email: email.trim() });
  };
  if (request.isSuccess) return <Alert tone="success">{t('reset.sent')}</Alert>;
  const seconds = request.error instanceof ApiError && request.error.code === 'too_many_requests' ? request.error.problem.retryAfterSeconds : undefined;
  const topError = typeof seconds === 'number' && seconds > 0 ? t('reset.throttled', { wait: waitText(Math.ceil(seconds), t) }) : request.error && !fieldErrors.email ? errorMessage(request.error, t) : null;
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {topError && <Alert tone="danger">{topError}</Alert>}
      <TextField
        label={t('reset.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors.email}
      />
      <Button type="submit" loading={request.isPending} className="btn-block">
        {request.isPending ? t('reset.sending') : t('reset.send')}
      </Button>
    </form>
  );
}

/** The page the reset email links to: a new password for the token in the address. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useT();
  const confirm = useConfirmPasswordReset();
  const formRef = useFocusFirstError(confirm.error);
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);

  if (!token) return <Alert tone="danger">{t('reset.missingToken')}</Alert>;
  if (confirm.isSuccess)
    return (
      <Alert tone="success">
        {t('reset.done')} <Link to={paths.signIn.href()}>{t('reset.signIn')}</Link>
      </Alert>
    );
  const fieldErrors = fieldErrorsOf(confirm.error);
  const invalid = confirm.error instanceof ApiError && confirm.error.code === 'invalid_reset_token';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here as well as by the API so the person is not sent a round trip for a rule they can see.
    if (password.length < MIN_PASSWORD) return setTooShort(true);
    setTooShort(false);
    confirm.mutate({ token, password });
  };
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {invalid && (
        <Alert tone="danger">
          {t('reset.invalid')} <Link to={paths.forgotPassword.href()}>{t('reset.askAgain')}</Link>
        </Alert>
      )}
      {confirm.error && !invalid && !fieldErrors.password && <Alert tone="danger">{errorMessage(confirm.error, t)}</Alert>}
      <TextField
        label={t('reset.password')}
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
      <Button type="submit" loading={confirm.isPending} className="btn-block">
        {confirm.isPending ? t('reset.submitting') : t('reset.submit')}
      </Button>
    </form>
  );
}
