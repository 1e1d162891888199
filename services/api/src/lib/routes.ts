import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problemResponsesOf, toFastifyPath, type EndpointDef, type EndpointOutput } from '@tandem/contract';
import { AppError, forbidden } from './app-error';
import type { Rule } from './authz';
import { idempotencyPreHandler } from '../plugins/idempotency';
import { concurrencyHeaders, noneMatchHits, representationTag, resolveExpectedVersion, setEtag } from './concurrency';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
export type Req<E extends EndpointDef> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
  /** On a `required`/`optional` concurrency route: the version the caller based the write on; undefined = any (see lib/concurrency.ts). */
  expectedVersion: number | undefined;
};
type Handler<E extends EndpointDef> = (req: Req<E>, reply: FastifyReply) => Promise<EndpointOutput<E> | FastifyReply>;

export interface RouteSpec<E extends EndpointDef> {
  rule: Rule;
  handler: Handler<E>;
}

const SECURITY_NAME = { session: 'sessionCookie', apiKey: 'apiKey' } as const;
const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retry-safe key: the same key and body return the first answer; another body gets 422'),
});


/** The operation's description, then who may call it (from its security, scope and rule). */
const describe = (e: EndpointDef, rule: Rule) => {
  const who = !e.security.length
    ? 'anyone; no credentials needed'
    : [e.security.includes('session') && 'a signed-in user', e.security.includes('apiKey') && `an organization API key${e.scope ? ` with the \`${e.scope}\` scope` : ''}`]
        .filter(Boolean)
        .join(' or ') + (['public', 'authenticated', 'signed-in user'].includes(rule.name) || rule.name.startsWith('user or key') ? '' : `, who must be: ${rule.name}`);
  return `${e.description}\n\n**Who may call:** ${who}.`;
};

/*
 * Concurrency and creation, the same on every route (endpoint.ts `concurrency`, `location`):
 * the If-Match / If-None-Match headers and their answers are documented and checked here, a
 * versioned answer carries its ETag, a read answers 304 to a matching If-None-Match, and a 201
 * carries Location.
 */
const notModifiedResponse = (e: EndpointDef): Record<number, z.ZodType> =>
  e.concurrency === 'read'
    ? {
        304: z
          .null()
          .describe(
            "Not modified: the answer would be the very representation If-None-Match names (no body). The ETag is the version, then a digest of the answer, so it also moves with what is computed at read time or drawn from other records (unread counts, overdue flags, allowed transitions, a service's locations and contacts). As If-Match on a write, only its version counts.",
          ),
      }
    : {};

const versionOf = (result: unknown) => {
  const v = result && typeof result === 'object' ? (result as { version?: unknown }).version : undefined;
  return typeof v === 'number' ? v : undefined;
};

/** `/api/v1/referrals/{id}` filled from the answer's fields (`{client.id}` reaches in; `{params.id}` is the request's). */
const locationOf = (template: string, result: unknown, params: unknown) =>
  template.replace(/\{([\w.]+)\}/g, (_, key: string) => {
    const [root, path] = key.startsWith('params.') ? [params, key.slice(7)] : [result, key];
    const v = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), root);
    return encodeURIComponent(String(v));
  });

/** Before the handler: the version a write is based on (400/409/428 by the one rule). */
const beforeHandler = (e: EndpointDef, req: FastifyRequest) => {
  if (e.concurrency === 'required' || e.concurrency === 'optional') {
    (req as FastifyRequest & { expectedVersion?: number }).expectedVersion = resolveExpectedVersion(req, e.concurrency);
  }
};

/**
 * After it: ETag, 304, Location. True when the answer is already sent (304). A read's ETag is its
 * representation's (representationTag), so a 304 never hides a change the version does not see.
 */
const afterHandler = (e: EndpointDef, req: FastifyRequest, reply: FastifyReply, result: unknown, success: number) => {
  const version = versionOf(result);
  if (e.concurrency === 'read' && version !== undefined) {
    const tag = representationTag(version, result);
    reply.header('etag', tag);
    if (noneMatchHits(req, tag)) return true;
  }
  if (version !== undefined && !reply.hasHeader('etag')) setEtag(reply, version);
  if (success === 201 && e.location) reply.header('location', locationOf(e.location, result, req.params));
  return false;
};

/** Checks who may call: credentials the endpoint accepts, the key's scope, then the route's rule. */
const authorize = (e: EndpointDef, rule: Rule) => async (req: FastifyRequest) => {
  const a = req.actor;
  if (e.security.length) {
    if (a.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in or send an API key.');
    if (a.kind === 'apiKey' && !e.security.includes('apiKey')) throw forbidden('API keys cannot call this operation; a signed-in user must.');
    if (a.kind === 'apiKey' && e.scope && !a.scopes.includes(e.scope)) throw forbidden(`The API key lacks the ${e.scope} scope.`);
    if (a.kind === 'user' && !e.security.includes('session')) throw forbidden('This operation is for API keys.');
  }
  if (!(await rule.check(a, req))) {
    throw a.kind === 'anonymous' ? new AppError('unauthenticated', 'Sign in to do this.') : forbidden(`Only a ${rule.name} may do this.`);
  }
};

/** Registers one contract endpoint: validation, serialization and OpenAPI come from the contract. */
export const route = <E extends EndpointDef>(app: FastifyInstance, e: E, spec: RouteSpec<E>) => {
  // Problems: which statuses and codes the operation can answer, derived from its definition;
  // a read of a versioned record also answers 304.
  const responses: Record<number, z.ZodType> = { ...problemResponsesOf(e), ...notModifiedResponse(e) };
  for (const [status, schema] of Object.entries(e.responses)) {
    if (Number(status) < 400) responses[Number(status)] = schema ?? z.null().describe('No content');
  }
  const success = Object.keys(e.responses).map(Number).find((s) => s >= 200 && s < 300) ?? 200;
  const headers = {
    ...e.headers?.shape,
    ...(e.method === 'POST' ? IdempotencyHeaders.shape : {}),
    ...(e.concurrency ? concurrencyHeaders(e.concurrency) : {}),
  };
  app.route({
    method: e.method,
    url: toFastifyPath(e.path),
    schema: {
      operationId: e.operationId,
      summary: e.summary,
      description: describe(e, spec.rule),
      tags: [...e.tags],
      security: e.security.map((s) => ({ [SECURITY_NAME[s]]: e.scope && s === 'apiKey' ? [e.scope] : [] })),
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(Object.keys(headers).length ? { headers: z.looseObject(headers) } : {}),
      response: responses,
    },
    preHandler: e.method === 'POST' ? [authorize(e, spec.rule), idempotencyPreHandler] : authorize(e, spec.rule),
    handler: async (req, reply) => {
      beforeHandler(e, req);
      const result = await spec.handler(req as unknown as Req<E>, reply);
      if (result === reply || reply.sent) return reply;
      if (afterHandler(e, req, reply, result, success)) return reply.code(304).send();
      if (success === 204) return reply.code(204).send();
      // A record with a version answers it as its ETag (documented in plugins/openapi.ts).
      const version = (result as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && !reply.hasHeader('etag')) reply.header('etag', `"${version}"`);
      return reply.code(success).send(result);
    },
  });
};
