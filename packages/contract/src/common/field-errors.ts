// Stable codes for the items of a problem's `errors[]` (one per field). Clients translate by
// `code` (with `params`), falling back to `message`; the code never changes with the wording, the
// language, or the validation library underneath. The API maps zod's issue codes onto this set.

export const FIELD_ERROR_CODES = [
  /** A value must be given (also: an empty string or an empty list where one is needed). */
  'required',
  /** Text or a list shorter than `params.min`. */
  'too_short',
  /** Text or a list longer than `params.max`. */
  'too_long',
  /** A number or date outside `params.min` / `params.max`. */
  'out_of_range',
  /** The value has the wrong form (`params.format`: email, uuid, url, datetime, regex, …). */
  'invalid_format',
  /** The value is of the wrong type (`params.expected`). */
  'invalid_type',
  /** Not one of the allowed values (`params.values`, comma-separated). */
  'invalid_enum',
  /** A parameter or field the endpoint does not know (`params.name`). */
  'unknown_parameter',
  /** A value that fails a rule not listed here; the message says which. */
  'invalid_value',
  /** A referenced record does not exist, or is not one the rule accepts. */
  'unknown_reference',
  /** The pagination cursor is not one this endpoint gave out. */
  'invalid_cursor',
  /** The ZIP code is not known. */
  'unknown_zip',
  /** A part of the referral packet is missing (the problem's `missing[]` says which). */
  'missing',
  // Named cross-field rules (zod refinements carry them as `params.code`).
  'consent.organizations_required',
  'consent.organizations_not_allowed',
  'consent.witness_required',
  'consent.expiry_before_signing',
  'referral.duplicate_reason_required',
  'referral.correction_empty',
  // Closing-the-loop rules (referrals/loop.ts decideFirstContact).
  'referral.first_contact_in_future',
  'referral.first_contact_before_sent',
  'referral.first_contact_after_closed',
  'referral.correction_unchanged',
  // Engagement events (engagement/rules.ts attendeeProblems).
  'engagement.attendees_exceed_total',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrorParams = Record<string, string | number>;

/** The shape of a zod issue this mapping reads (zod 4; fields are optional so raw issues fit). */
export interface IssueLike {
  code?: string;
  origin?: string;
  minimum?: number | bigint | string;
  maximum?: number | bigint | string;
  inclusive?: boolean;
  format?: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  input?: unknown;
  params?: { code?: string };
  message?: string;
}

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : typeof v === 'string' ? v : undefined);
const isNamedRule = (c: unknown): c is FieldErrorCode => typeof c === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(c) && c.includes('.');

/** zod issue → stable code and params. Unknown issue codes become `invalid_value`. */
export const fieldErrorOfIssue = (issue: IssueLike): { code: FieldErrorCode; params?: FieldErrorParams } => {
  const min = num(issue.minimum);
  const max = num(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 does not report the input by default; its message names what it received.
      if (issue.input === undefined && (('input' in issue) || /received undefined/.test(issue.message ?? ''))) return { code: 'required' };
      return { code: 'invalid_type', ...(issue.expected ? { params: { expected: issue.expected } } : {}) };
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        if (min === 1 || min === '1') return { code: 'required' };
        return { code: 'too_short', params: { min: min ?? 0 } };
      }
      return { code: 'out_of_range', params: { min: min ?? 0 } };
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') return { code: 'too_long', params: { max: max ?? 0 } };
      return { code: 'out_of_range', params: { max: max ?? 0 } };
    case 'invalid_format':
      return { code: 'invalid_format', ...(issue.format ? { params: { format: issue.format } } : {}) };
    case 'invalid_value':
      return { code: 'invalid_enum', ...(issue.values?.length ? { params: { values: issue.values.map(String).join(', ') } } : {}) };
    case 'unrecognized_keys':
      return { code: 'unknown_parameter', ...(issue.keys?.[0] ? { params: { name: issue.keys[0] } } : {}) };
    case 'not_multiple_of':
      return { code: 'out_of_range' };
    case 'custom': {
      const named = issue.params?.code;
      return isNamedRule(named) ? { code: named } : { code: 'invalid_value' };
    }
    default:
      return { code: 'invalid_value' };
  }
};
