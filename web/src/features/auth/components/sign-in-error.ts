import { ApiError } from '@tandem/contract/client';
import type { Translate } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';

/** How long to wait, in words: seconds under a minute, else whole minutes rounded up. */
export const waitText = (seconds: number, t: Translate) => {
  if (seconds < 60) return seconds === 1 ? t('signIn.wait.second') : t('signIn.wait.seconds', { count: seconds });
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? t('signIn.wait.minute') : t('signIn.wait.minutes', { count: minutes });
};

/** The sign-in alert: a throttled sign-in (429) says how long to wait (the API's retryAfterSeconds). */
export const signInErrorMessage = (error: unknown, t: Translate): string => {
  if (error instanceof ApiError && error.code === 'too_many_requests') {
    const seconds = error.problem.retryAfterSeconds;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return t('signIn.throttled', { wait: waitText(Math.ceil(seconds), t) });
  }
  return errorMessage(error, t);
};
