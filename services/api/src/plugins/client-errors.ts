import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Problem } from '@tandem/contract';
import { problem, sendProblem, toProblem } from './errors';

/**
 * Errors raised before a request reaches a route: Fastify's router (a URL that does not
 * percent-decode) and Node's HTTP parser (a request line or headers too large for it). Both
 * answer problem+json with a stable code like every other error, instead of Fastify's or Node's
 * own bodies.
 */

/** Longest URL (path and query) we serve; longer ones get 414. Node's parser stops at ~16 KiB of request line and headers together. */
export const MAX_URL_LENGTH = 8192;

/** Fastify's `frameworkErrors`: the router's errors (bad URL encoding, over-long parameter) go through toProblem. */
export const frameworkErrors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  void sendProblem(req, reply, toProblem(err).problem);
};

/** A 414 for a URL longer than MAX_URL_LENGTH but short enough for Node's parser (an onRequest hook). */
export const refuseLongUrl = async (req: FastifyRequest, reply: FastifyReply) => {
  if (req.url.length > MAX_URL_LENGTH) return sendProblem(req, reply, problem('uri_too_long', `URLs are limited to ${MAX_URL_LENGTH} characters.`));
};

const REQUEST_LINE = /^[A-Z]+ \S/;

/**
 * What Node's parser refused, as a problem: a request line that overflows (the URL) is 414, other
 * header overflow 431, anything else unparseable 400. `rawPacket` holds what was received so far.
 */
export const clientErrorProblem = (err: Error & { code?: string; rawPacket?: Buffer }): Problem | null => {
  if (err.code === 'ECONNRESET') return null;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return problem('timeout', 'The request was not received in time.');
  if (err.code === 'HPE_HEADER_OVERFLOW' || err.code === 'HPE_URI_TOO_LONG') {
    const raw = err.rawPacket?.subarray(0, MAX_URL_LENGTH + 64).toString('latin1') ?? '';
    const lineEnd = raw.indexOf('\r\n');
    const longUrl = err.code === 'HPE_URI_TOO_LONG' || (REQUEST_LINE.test(raw) && (lineEnd < 0 || lineEnd > MAX_URL_LENGTH));
    return longUrl
      ? problem('uri_too_long', `URLs are limited to ${MAX_URL_LENGTH} characters.`)
      : problem('headers_too_large', 'The request headers are too large.');
  }
  return problem('malformed_request', 'The request could not be parsed as HTTP.');
};

/** Fastify's `clientErrorHandler` (Node's `clientError` event): writes the problem and closes the socket. */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (err: Error & { code?: string }, socket: Socket) => {
  if (socket.destroyed) return;
  const p = clientErrorProblem(err);
  if (p && socket.writable) {
    const body = JSON.stringify({ ...p, requestId: randomUUID() });
    socket.write(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? 'Error'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
};
