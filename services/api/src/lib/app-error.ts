import { ERROR_TITLES, statusOf, type ErrorCode, type FieldError } from '@tandem/contract';

/** A field error as services write it: without a code it answers `invalid_value` (see the errors plugin). */
export type FieldErrorInput = Omit<FieldError, 'code'> & { code?: FieldError['code'] };

/** The one error type services throw; the errors plugin turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: { errors?: FieldErrorInput[]; [k: string]: unknown } = {},
  ) {
    super(detail ?? ERROR_TITLES[code]);
    this.name = 'AppError';
  }
  get status() {
    return statusOf(this.code);
  }
}

// Anyone without a relationship to a record gets exactly what a random id gets, so a 404
// never confirms that a record exists.
export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}.`);
export const forbidden = (detail = 'Your role does not allow this.') => new AppError('forbidden', detail);
