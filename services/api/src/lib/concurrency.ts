import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/** Reads the version the caller saw: `If-Match: "3"` (or W/"3"), else a `version` in the body. */
export const expectedVersion = (req: FastifyRequest, bodyVersion?: number | null, required = true): number | undefined => {
  const h = req.headers['if-match'];
  if (typeof h === 'string' && h.trim()) {
    const m = /^(?:W\/)?"?(\d+)"?$/.exec(h.trim());
    if (!m) throw new AppError('validation_failed', 'If-Match must be the version number, e.g. "3".', { errors: [{ path: 'headers.if-match', message: 'Expected "<version>"' }] });
    return Number(m[1]);
  }
  if (typeof bodyVersion === 'number') return bodyVersion;
  if (required) throw new AppError('precondition_required', 'Send If-Match with the version you last read (or `version` in the body).');
  return undefined;
};

/** Pure check used by every optimistic-concurrency write. */
export const assertVersion = (current: number, expected: number | undefined) => {
  if (expected !== undefined && current !== expected) {
    throw new AppError('stale_version', `The record is at version ${current}; you sent ${expected}. Reload and try again.`, { currentVersion: current });
  }
};

export const setEtag = (reply: FastifyReply, version: number) => reply.header('etag', `"${version}"`);
