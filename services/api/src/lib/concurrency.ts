import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_VERSION, type Concurrency } from '@tandem/contract';
import { AppError } from './app-error';

/*
 * Optimistic concurrency, one rule on every route (ARCHITECTURE §5). route() applies it from the
 * endpoint's `concurrency`; handlers receive `req.expectedVersion` and services call assertVersion.
 */

/**
 * One entity tag: `"3"` (what a write's ETag sends), `"3-9f2c…"` (what a read's ETag sends: the
 * version, then a digest of the representation; see representationTag), `W/"3"` or a bare `3`
 * (lenient), or `*`. Only the version counts for a write: the digest covers what other records
 * and the clock add to a read, which a write on this record does not depend on. The same range
 * as a body `version` (1 to MAX_VERSION), so a stale version answers the same however it came. A
 * list of tags is refused: a write names the one version it was based on.
 */
const IF_MATCH = /^\s*(?:(\*)|(?:W\/)?"?([1-9]\d{0,9})(?:-[0-9a-f]{1,64})?"?)\s*$/;
const ifMatchValid = (h: string) => {
  const m = IF_MATCH.exec(h);
  return !!m && (!!m[1] || Number(m[2]) <= MAX_VERSION);
};

const IfMatchSchema = z
  .string()
  .refine(ifMatchValid, 'Expected "<version>" (or the ETag a read sent) or *')
  .optional()
  .describe(
    'The version you last read, as ETag sent it (e.g. "3", or a read\'s "3-9f2c4e1a0b7d6c55": only its version counts), or * for whatever version is current (the record must exist). May be sent as `version` in the body instead; both and different → 409 version_mismatch. Stale → 409 stale_version with currentVersion.',
  );
const IfNoneMatchSchema = z
  .string()
  .optional()
  .describe('ETag(s) a read sent you, e.g. "3-9f2c4e1a0b7d6c55" (or *): when the answer would be that same representation it is 304 with no body');

/** Request headers route() adds to the endpoint's: validated (a malformed If-Match is a 400) and documented. */
export const concurrencyHeaders = (c: Concurrency) => (c === 'read' ? { 'if-none-match': IfNoneMatchSchema } : { 'if-match': IfMatchSchema });

/** The If-Match header: a version, `*`, or absent. Malformed values never get here (schema). */
const ifMatchOf = (req: FastifyRequest): number | '*' | undefined => {
  const h = req.headers['if-match'];
  const m = typeof h === 'string' && ifMatchValid(h) ? IF_MATCH.exec(h) : null;
  if (!m) return undefined;
  return m[1] ? '*' : Number(m[2]);
};

/**
 * The version the caller based a write on, from `If-Match` or the body's `version`.
 * Undefined means "any current version" (`If-Match: *`, or none on an `optional` route); the
 * service still answers 404 when the record does not exist, which is what `*` asks for.
 */
export const resolveExpectedVersion = (req: FastifyRequest, mode: 'required' | 'optional'): number | undefined => {
  const header = ifMatchOf(req);
  const v = (req.body as { version?: unknown } | null | undefined)?.version;
  const body = typeof v === 'number' ? v : undefined;
  if (typeof header === 'number' && body !== undefined && header !== body) {
    throw new AppError('version_mismatch', `If-Match names version ${header} and the body version ${body}; send one, or the same in both.`, {
      errors: [
        { path: 'headers.if-match', message: `Version ${header}` },
        { path: 'body.version', message: `Version ${body}` },
      ],
    });
  }
  // `*` with a body version: both must hold, and the body's is the narrower.
  const expected = typeof header === 'number' ? header : body;
  if (expected === undefined && header !== '*' && mode === 'required') {
    throw new AppError('precondition_required', 'Send If-Match with the version you last read (or `version` in the body).');
  }
  return expected;
};

/** Pure check used by every optimistic-concurrency write. */
export const assertVersion = (current: number, expected: number | undefined) => {
  if (expected !== undefined && current !== expected) throw staleVersion(current, expected);
};

export const staleVersion = (current: number, expected?: number) =>
  new AppError('stale_version', `The record is at version ${current}${expected === undefined ? '' : `; you sent ${expected}`}. Reload and try again.`, {
    currentVersion: current,
  });

export const setEtag = (reply: FastifyReply, version: number) => reply.header('etag', `"${version}"`);

/**
 * A read's ETag: `"<version>-<digest>"`, the digest of the whole answer (JSON). What a read shows
 * from other records or the clock (a service's locations and contacts, a referral's unread count
 * and overdue flags, names of organizations) changes without the record's version, so the version
 * alone would let a 304 hide a change; the digest never does. The version in front keeps the tag
 * usable as If-Match (resolveExpectedVersion reads only the version).
 */
export const representationTag = (version: number, body: unknown) =>
  `"${version}-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)}"`;

/** Whether `If-None-Match` names this entity tag (weak comparison, RFC 9110 §13.1.2; `*` matches any). */
export const noneMatchHits = (req: FastifyRequest, etag: string) => {
  const h = req.headers['if-none-match'];
  if (typeof h !== 'string') return false;
  return h.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
};
