import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors';
import { FIELD_ERROR_CODES } from './field-errors';

export const FieldErrorSchema = z
  .object({
    path: z.string().describe('Dotted path of the field, e.g. body.email or query.limit'),
    message: z.string(),
    code: z
      .enum(FIELD_ERROR_CODES)
      .describe('Stable code of the field problem (required, too_short, invalid_format, …): translate by it, with params; message is the English fallback'),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe('Values the message names: min, max, format, values, name'),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldErrorSchema>;

// RFC 9457 problem details, plus Tandem's stable `code`, `errors[]` and request id.
export const ProblemSchema = z
  .object({
    type: z.string().describe('URI identifying the problem type'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    errors: z.array(FieldErrorSchema).optional(),
    requestId: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457)' });
export type Problem = z.infer<typeof ProblemSchema>;

export const problemType = (code: ErrorCode) => `https://tandem.example/problems/${code.replace(/_/g, '-')}`;
