import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useLogin } from '../api/use-login';
import { signInErrorMessage } from './sign-in-error';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const login = useLogin();
  const formRef = useFocusFirstError(login.error);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fieldErrors = fieldErrorsOf(login.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password }, { onSuccess: onSignedIn });
  };

  // noValidate: the API's messages are the ones shown, in one consistent place under each field.
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {login.error && <Alert tone="danger">{signInErrorMessage(login.error, t)}</Alert>}
      <TextField
        label={t('signIn.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors.email}
      />
      <TextField
        label={t('signIn.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
      />
      <Button type="submit" loading={login.isPending} className="btn-block">
        {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </form>
  );
}
