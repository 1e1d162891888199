import { ApiError } from '@tandem/contract/client';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-provider';

// Codes with a message written for people in both languages; others show the API's detail.
const translatedCodes = new Set<string>(['invalid_credentials', 'too_many_requests', 'validation_failed', 'forbidden', 'unauthenticated']);

/** One sentence for an alert, from whatever a request threw. */
export const errorMessage = (error: unknown, t: Translate): string => {
  if (error instanceof ApiError) {
    if (translatedCodes.has(error.code)) return t(`errors.${error.code}` as MessageKey);
    return error.problem.detail ?? error.problem.title ?? t('errors.generic');
  }
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.generic');
};

/** Field messages keyed by field name (`email`, `spas`, …) from the problem's `errors[]`. */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    // `spas.0` belongs under the SPAs checkbox group: key by the top-level field.
    out[path.split('.')[0] ?? path] ??= message;
  }
  return out;
};
