import { ApiError } from '@tandem/contract/client';
import { documentTranslator, fieldErrorText } from '../i18n/codes';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-provider';

// Codes with a message written for people in both languages; others show the API's detail.
const translatedCodes = new Set<string>(['invalid_credentials', 'too_many_requests', 'validation_failed', 'forbidden', 'unauthenticated']);

/** 409 stale_version: someone else saved the record after this page read it (components/ui/stale-version-alert.tsx). */
export const isStaleVersion = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';

/** One sentence for an alert, from whatever a request threw. */
export const errorMessage = (error: unknown, t: Translate): string => {
  if (error instanceof ApiError) {
    if (translatedCodes.has(error.code)) return t(`errors.${error.code}` as MessageKey);
    return error.problem.detail ?? error.problem.title ?? t('errors.generic');
  }
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.generic');
};

/**
 * Field messages keyed by field name (`email`, `spas`, …) from the problem's `errors[]`, worded by
 * each error's stable code in the interface language (issue 24); `t` defaults to the catalog of the
 * page's language.
 */
export const fieldErrorsOf = (error: unknown, t: Translate = documentTranslator()): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const path = e.path.replace(/^(body|query|params)\./, '');
    // `spas.0` belongs under the SPAs checkbox group: key by the top-level field.
    out[path.split('.')[0] ?? path] ??= fieldErrorText(e, t);
  }
  return out;
};
