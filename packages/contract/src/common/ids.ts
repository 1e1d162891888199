import { z } from 'zod';

export const IdSchema = z.uuid().describe('UUID');
export const IdParamsSchema = z.object({ id: IdSchema });
export const TimestampSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp');
export const DateSchema = z.iso.date().describe('Calendar date YYYY-MM-DD');
/** The largest version a row holds (an integer column); If-Match accepts the same range. */
export const MAX_VERSION = 2147483647;
/** A row's version in an answer: send it back (or as If-Match) to change the row. */
export const VersionSchema = z.number().int().min(1).describe('Row version for optimistic concurrency; send back the one you read');
/** On a write, the version the caller read; it may come as If-Match instead (route() checks both). */
export const WriteVersionSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_VERSION)
  .optional()
  .describe('The version you last read (or send it as If-Match)');

// Text fields people type: trimmed, bounded, never empty once trimmed.
export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).nullish();
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^[+0-9().\-\s x]{7,30}$/, 'Use digits, spaces, +, -, ( ) and x for extensions');
export const UrlSchema = z.url({ protocol: /^https?$/ }).max(2000);
