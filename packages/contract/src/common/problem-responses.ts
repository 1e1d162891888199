import { z } from 'zod';
import type { EndpointDef } from './endpoint';
import { ERROR_STATUS, type ErrorCode } from './errors';
import { FieldErrorSchema, ProblemSchema } from './problem';
import { DuplicateHolderSchema, PacketMissingSchema } from '../referrals/schemas';
import { ReferralStatusSchema } from '../referrals/enums';

// Which problems each operation can answer, derived from its definition: the API registers them
// as the operation's error responses and the OpenAPI document lists them with their codes.

/** Problems that carry members of their own, typed in the document. */
export const ValidationProblemSchema = ProblemSchema.extend({
  code: z.literal('validation_failed'),
  errors: z.array(FieldErrorSchema).describe('One entry per field that failed'),
}).meta({ id: 'ValidationProblem', description: '400 validation_failed: what is wrong with each field' });

export const StaleVersionProblemSchema = ProblemSchema.extend({
  code: z.literal('stale_version'),
  currentVersion: z.number().int().describe('The version the record is at now: reload it and retry with this'),
}).meta({ id: 'StaleVersionProblem', description: '409 stale_version: If-Match named a version that is no longer current' });

export const InvalidTransitionProblemSchema = ProblemSchema.extend({
  code: z.literal('invalid_transition'),
  allowed: z.array(ReferralStatusSchema).optional().describe('On referrals: the statuses the caller may move it to instead'),
}).meta({ id: 'InvalidTransitionProblem', description: '409 invalid_transition: that status change is not allowed from here' });

export const DuplicateReferralProblemSchema = ProblemSchema.extend({
  code: z.literal('duplicate_referral'),
  duplicates: z.array(DuplicateHolderSchema).describe('Who already holds an open referral for the need'),
}).meta({ id: 'DuplicateReferralProblem', description: '409 duplicate_referral: send again with confirmDuplicate to go ahead' });

export const PacketIncompleteProblemSchema = ProblemSchema.extend({
  code: z.literal('packet_incomplete'),
  missing: z.array(PacketMissingSchema).describe('Everything the packet lacks, in form order'),
  errors: z.array(FieldErrorSchema),
}).meta({ id: 'PacketIncompleteProblem', description: '422 packet_incomplete: what the referral still lacks before it can be sent' });

const TYPED: Partial<Record<ErrorCode, z.ZodType>> = {
  validation_failed: ValidationProblemSchema,
  stale_version: StaleVersionProblemSchema,
  invalid_transition: InvalidTransitionProblemSchema,
  duplicate_referral: DuplicateReferralProblemSchema,
  packet_incomplete: PacketIncompleteProblemSchema,
};

const hasKey = (s: z.ZodType | undefined, key: string) => !!s && s instanceof z.ZodObject && key in s.shape;

/** Every problem code an operation can answer, by HTTP status, in the order the table lists them. */
export const problemCodesOf = (e: EndpointDef): Record<number, ErrorCode[]> => {
  const codes = new Set<ErrorCode>([
    'validation_failed',
    'malformed_url',
    'too_many_requests',
    'internal_error',
    'database_unavailable',
    'timeout',
  ]);
  const add = (...c: ErrorCode[]) => c.forEach((x) => codes.add(x));
  const write = e.method !== 'GET';
  if (e.query) add('invalid_value', 'invalid_characters');
  if (hasKey(e.query, 'cursor')) add('invalid_cursor');
  if (e.body) add('malformed_json', 'invalid_value', 'invalid_characters', 'payload_too_large', 'unsupported_media_type');
  if (e.security.length) add('unauthenticated', 'forbidden');
  if (e.security.includes('session') && write) add('foreign_origin');
  if (e.params) add('not_found');
  if (e.method === 'POST') add('idempotency_in_progress', 'idempotency_key_committed', 'idempotency_key_reused');
  // What PostgreSQL can refuse in a write (plugins/errors.ts PG_CODES).
  if (write && e.body) add('already_exists', 'reference_not_found', 'constraint_violation');
  const versioned = e.concurrency === 'required' || e.concurrency === 'optional';
  if (versioned) add('stale_version', 'version_mismatch', 'invalid_value');
  if (e.concurrency === 'required') add('precondition_required');
  for (const status of Object.keys(e.responses).map(Number)) {
    if (status >= 400 && !Object.values(ERROR_STATUS).some((s) => s === status))
      throw new Error(`${e.operationId}: no error code answers ${status}`);
  }
  add(...(e.problems ?? []));
  const out: Record<number, ErrorCode[]> = {};
  for (const [code, status] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) {
    if (codes.has(code)) (out[status] ??= []).push(code);
  }
  // A status the contract declares without naming codes: every code of that status.
  for (const status of Object.keys(e.responses).map(Number)) {
    if (status >= 400 && !out[status])
      out[status] = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).filter(([, s]) => s === status).map(([c]) => c);
  }
  return out;
};

/** The problem+json schema of one status: the typed problems it can be, else Problem with its codes. */
export const problemSchemaOf = (codes: ErrorCode[]): z.ZodType => {
  const typed = codes.flatMap((c) => (TYPED[c] ? [TYPED[c]] : []));
  const rest = codes.filter((c) => !TYPED[c]);
  const generic = rest.length ? [z.intersection(ProblemSchema, z.looseObject({ code: z.enum(rest as [ErrorCode, ...ErrorCode[]]) }))] : [];
  const all = [...typed, ...generic];
  return all.length === 1 ? all[0]! : z.union(all as [z.ZodType, z.ZodType, ...z.ZodType[]]);
};

export const problemResponsesOf = (e: EndpointDef): Record<number, z.ZodType> =>
  Object.fromEntries(Object.entries(problemCodesOf(e)).map(([status, codes]) => [Number(status), problemSchemaOf(codes)]));
