import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_DETAILS_ES, FIELD_ERROR_MESSAGES_ES, PACKET_CHECK_MESSAGES_ES, fillParams, type PacketCheckCode, fieldErrorOfIssue, type IssueLike, ERROR_TITLES, ERROR_TITLES_ES, problemLanguage, problemType, statusOf, type ErrorCode, type FieldError, type Problem } from '@tandem/contract';
import { AppError } from '../lib/app-error';
import { IDEMPOTENCY_CLAIM_LOST } from '../lib/audit';

const PART: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

// PostgreSQL SQLSTATEs a client can cause with bad input, and what we answer.
const PG_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  '23505': { code: 'already_exists', detail: 'A record with these values already exists.' },
  '23503': { code: 'reference_not_found', detail: 'A referenced record does not exist.' },
  '23514': { code: 'constraint_violation', detail: 'A value is not allowed by a data rule.' },
  '23502': { code: 'constraint_violation', detail: 'A required value is missing.' },
  '22P02': { code: 'invalid_value', detail: 'A value has the wrong form.' },
  '22003': { code: 'invalid_value', detail: 'A number is out of range.' },
  '22008': { code: 'invalid_value', detail: 'A date or time is out of range.' },
  '22007': { code: 'invalid_value', detail: 'A date or time has the wrong form.' },
  '22001': { code: 'invalid_value', detail: 'A value is too long.' },
  '22021': { code: 'invalid_characters', detail: 'Text contains bytes that are not valid UTF-8 (e.g. NUL).' },
  '22P05': { code: 'invalid_characters', detail: 'Text contains a character that cannot be stored (e.g. NUL).' },
  '57014': { code: 'timeout', detail: 'The query took too long and was cancelled.' },
  '57P01': { code: 'database_unavailable', detail: 'The database restarted; try again.' },
  '57P02': { code: 'database_unavailable', detail: 'The database restarted; try again.' },
  '57P03': { code: 'database_unavailable', detail: 'The database is starting up; try again.' },
  '53300': { code: 'database_unavailable', detail: 'The database has too many connections; try again.' },
  '08000': { code: 'database_unavailable', detail: 'Lost the database connection; try again.' },
  '08003': { code: 'database_unavailable', detail: 'Lost the database connection; try again.' },
  '08006': { code: 'database_unavailable', detail: 'Lost the database connection; try again.' },
};
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i;

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_ERR_BAD_URL: 'malformed_url',
  FST_ERR_MAX_PARAM_LENGTH: 'route_not_found',
  FST_ERR_ASYNC_CONSTRAINT: 'validation_failed',
  FST_ERR_NOT_FOUND: 'route_not_found',
};

export const problem = (code: ErrorCode, detail?: string, extra: Record<string, unknown> = {}): Problem => ({
  type: problemType(code),
  title: ERROR_TITLES[code],
  status: statusOf(code),
  ...(detail ? { detail } : {}),
  code,
  ...extra,
});

const validationErrors = (err: FastifyError): FieldError[] => {
  const part = PART[err.validationContext ?? 'body'] ?? 'body';
  return (err.validation ?? []).flatMap((v) => {
    // fastify-type-provider-zod puts the zod issue's code in `keyword` and its other fields in `params`.
    const raw = (v.params ?? {}) as IssueLike & { issue?: IssueLike & { path?: PropertyKey[] } };
    const issue: IssueLike = { ...(raw.issue ?? raw), code: raw.issue?.code ?? v.keyword, message: v.message };
    const sub = raw.issue?.path?.length ? raw.issue.path.map(String).join('.') : v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const at = (p: string) => (p ? `${part}.${p}` : part);
    // A strict schema refusing parameters it does not know: one error per parameter, at its own path.
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys) && issue.keys.length) {
      return issue.keys.map((k) => ({
        path: at(sub ? `${sub}.${k}` : k),
        message: `Unknown ${part === 'query' ? 'parameter' : 'field'} "${k}"`,
        code: 'unknown_parameter' as const,
        params: { name: k },
      }));
    }
    const { code, params } = fieldErrorOfIssue(issue);
    return [{ path: at(sub), message: v.message ?? 'Invalid value', code, ...(params ? { params } : {}) }];
  });
};

/** Classifies any thrown value as a problem; pure, so each branch is tested on its own. */
export const toProblem = (thrown: unknown): { problem: Problem; log: 'none' | 'warn' | 'error' } => {
  const err = unwrapDbError(thrown);
  if (err instanceof AppError) {
    // Every errors[] item answers a stable code; a service that named none gets the generic one.
    const errors = err.extra.errors?.map((x): FieldError => ({ ...x, code: x.code ?? 'invalid_value' }));
    return { problem: problem(err.code, err.message, errors ? { ...err.extra, errors } : err.extra), log: 'none' };
  }
  const e = err as FastifyError & { code?: string; statusCode?: number };
  if (hasZodFastifySchemaValidationErrors(e) || (e.validation && e.validationContext)) {
    const errors = validationErrors(e);
    return { problem: problem('validation_failed', errors.map((x) => `${x.path}: ${x.message}`).join('; '), { errors }), log: 'none' };
  }
  if (isResponseSerializationError(e)) return { problem: problem('internal_error'), log: 'error' };
  if (e.code && FASTIFY_CODES[e.code]) {
    const code = FASTIFY_CODES[e.code]!;
    return { problem: problem(code, code === 'malformed_json' ? 'The body could not be parsed as JSON.' : e.message), log: 'none' };
  }
  if (e.code === 'P0001' && e.message === IDEMPOTENCY_CLAIM_LOST) {
    return { problem: problem('idempotency_in_progress', 'This request held its Idempotency-Key too long and a retry took it over; nothing was written.'), log: 'warn' };
  }
  if (e.code && PG_CODES[e.code]) {
    const { code, detail } = PG_CODES[e.code]!;
    return { problem: problem(code, detail), log: code === 'database_unavailable' || code === 'timeout' ? 'warn' : 'none' };
  }
  if ((e.code && NETWORK_ERRORS.has(e.code)) || CONNECTION_MESSAGES.test(e.message ?? '') || (e as { errors?: unknown[] }).errors?.length) {
    return { problem: problem('database_unavailable', 'The database is unreachable; try again shortly.'), log: 'warn' };
  }
  if (e.statusCode === 429) return { problem: problem('too_many_requests', 'Slow down and retry after the Retry-After interval.'), log: 'none' };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code: ErrorCode = e.statusCode === 413 ? 'payload_too_large' : e.statusCode === 415 ? 'unsupported_media_type' : e.statusCode === 404 ? 'route_not_found' : 'validation_failed';
    return { problem: problem(code, e.message), log: 'none' };
  }
  return { problem: problem('internal_error'), log: 'error' };
};

/** drizzle wraps driver errors (DrizzleQueryError); the SQLSTATE lives on the cause. */
const unwrapDbError = (err: unknown): unknown => {
  let e = err as { cause?: unknown; code?: unknown } | undefined;
  for (let i = 0; i < 3 && e && !(e instanceof AppError) && e.code === undefined && e.cause; i++) e = e.cause as typeof e;
  return e;
};

/**
 * What we log of an unexpected error: its kind, code and stack, never query parameters
 * (drizzle's message carries them, and they can be PHI).
 */
export const safeErrorLog = (thrown: unknown) => {
  const e = unwrapDbError(thrown) as { name?: string; code?: string; message?: string; stack?: string };
  const scrub = (s?: string) => s?.replace(/\nparams:[\s\S]*?(\n\s+at |$)/, '\n[params redacted]$1');
  const outer = thrown as { message?: string };
  return { type: e?.name, code: e?.code, message: scrub(e?.message), query: outer !== e ? scrub(outer.message)?.split('\n')[0]?.slice(0, 300) : undefined, stack: scrub(e?.stack) };
};

/** The problem in the caller's language (`Accept-Language: es`): title and detail; the code stays. */
export const localize = (p: Problem, acceptLanguage: string | undefined): { problem: Problem; lang: 'en' | 'es' } => {
  const lang = problemLanguage(acceptLanguage);
  if (lang === 'en') return { problem: p, lang };
  const out: Problem = { ...p, title: ERROR_TITLES_ES[p.code], detail: ERROR_DETAILS_ES[p.code] ?? ERROR_TITLES_ES[p.code] + '.' };
  // Field messages and checklist items by their stable codes (a code without a text keeps its English).
  if (p.errors) out.errors = p.errors.map((e) => ({ ...e, message: FIELD_ERROR_MESSAGES_ES[e.code] ? fillParams(FIELD_ERROR_MESSAGES_ES[e.code], e.params) : e.message }));
  if (Array.isArray(p.missing)) {
    const esMissing = (p.missing as { code?: PacketCheckCode; message: string }[]).map((m) => ({ ...m, message: (m.code && PACKET_CHECK_MESSAGES_ES[m.code]) || m.message }));
    out.missing = esMissing;
    // packet_incomplete repeats the checklist as errors[]: same Spanish there.
    if (out.errors && p.code === 'packet_incomplete') out.errors = out.errors.map((e, i) => ({ ...e, message: esMissing[i]?.message ?? e.message }));
  }
  return { problem: out, lang };
};

export const sendProblem = (req: FastifyRequest, reply: FastifyReply, original: Problem) => {
  const { problem: p, lang } = localize(original, req.headers['accept-language']);
  reply.header('content-language', lang).header('vary', 'Accept-Language');
  const body: Problem = { ...p, instance: req.url.split('?')[0], requestId: String(req.id) };
  if (p.status === 503) reply.header('retry-after', '5');
  // A string payload skips the route's response serializer: problems never fail to serialize.
  return reply.code(p.status).type('application/problem+json').send(JSON.stringify(body));
};

/** One handler turns every error into problem+json; stack traces and SQL never leave the server. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((err, req, reply) => {
      const { problem: p, log } = toProblem(err);
      if (log === 'error') req.log.error({ error: safeErrorLog(err) }, 'unhandled error');
      else if (log === 'warn') req.log.warn({ code: (unwrapDbError(err) as { code?: string }).code }, p.code);
      return sendProblem(req, reply, p);
    });
    app.setNotFoundHandler((req, reply) => sendProblem(req, reply, problem('route_not_found', `No endpoint ${req.method} ${req.url.split('?')[0]}.`)));
  },
  { name: 'errors' },
);
