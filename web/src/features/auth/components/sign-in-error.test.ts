import { ApiError } from '@tandem/contract/client';
import { problemType } from '@tandem/contract';
import { en, type MessageKey } from '../../../i18n/en';
import { es } from '../../../i18n/es';
import type { Translate } from '../../../i18n/i18n-provider';
import { signInErrorMessage } from './sign-in-error';

const translator =
  (messages: Record<MessageKey, string>): Translate =>
  (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));

const throttled = (retryAfterSeconds?: number) =>
  new ApiError(429, { type: problemType('too_many_requests'), title: 'Too many requests', status: 429, code: 'too_many_requests', ...(retryAfterSeconds ? { retryAfterSeconds } : {}) });

describe('the sign-in alert for a throttled sign-in', () => {
  it('says how long to wait, in English and Spanish', () => {
    expect(signInErrorMessage(throttled(1), translator(en))).toBe('Too many failed sign-ins. Wait 1 second, then try again.');
    expect(signInErrorMessage(throttled(16), translator(en))).toBe('Too many failed sign-ins. Wait 16 seconds, then try again.');
    expect(signInErrorMessage(throttled(900), translator(en))).toBe('Too many failed sign-ins. Wait 15 minutes, then try again.');
    expect(signInErrorMessage(throttled(61), translator(es))).toBe('Demasiados intentos fallidos. Espere 2 minutos y vuelva a intentarlo.');
    expect(signInErrorMessage(throttled(1), translator(es))).toBe('Demasiados intentos fallidos. Espere 1 segundo y vuelva a intentarlo.');
  });

  it('falls back to the general message without a wait', () => {
    expect(signInErrorMessage(throttled(), translator(en))).toBe(en['errors.too_many_requests']);
  });
});
