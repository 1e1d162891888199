import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problemResponsesOf, toFastifyPath, type EndpointDef, type EndpointOutput } from '@tandem/contract';
import { AppError, forbidden } from './app-error';
import type { Rule } from './authz';
import { idempotencyPreHandler } from '../plugins/idempotency';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
export type Req<E extends EndpointDef> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
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
  // Problems: which statuses and codes the operation can answer, derived from its definition.
  const responses: Record<number, z.ZodType> = problemResponsesOf(e);
  for (const [status, schema] of Object.entries(e.responses)) {
    if (Number(status) < 400) responses[Number(status)] = schema ?? z.null().describe('No content');
  }
  const success = Object.keys(e.responses).map(Number).find((s) => s >= 200 && s < 300) ?? 200;
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
      ...(e.method === 'POST' ? { headers: IdempotencyHeaders } : {}),
      response: responses,
    },
    preHandler: e.method === 'POST' ? [authorize(e, spec.rule), idempotencyPreHandler] : authorize(e, spec.rule),
    handler: async (req, reply) => {
      const result = await spec.handler(req as unknown as Req<E>, reply);
      if (result === reply || reply.sent) return reply;
      if (success === 204) return reply.code(204).send();
      // A record with a version answers it as its ETag (documented in plugins/openapi.ts).
      const version = (result as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && !reply.hasHeader('etag')) reply.header('etag', `"${version}"`);
      return reply.code(success).send(result);
    },
  });
};
