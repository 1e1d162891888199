import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ProblemSchema, toFastifyPath, type EndpointDef, type EndpointOutput } from '@tandem/contract';
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

const errorResponses = (e: EndpointDef) => {
  const out: Record<number, z.ZodType> = { 400: ProblemSchema, 404: ProblemSchema, 500: ProblemSchema, 503: ProblemSchema };
  if (e.security.length) Object.assign(out, { 401: ProblemSchema, 403: ProblemSchema });
  if (e.method === 'POST') Object.assign(out, { 409: ProblemSchema, 422: ProblemSchema });
  return out;
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
  const responses: Record<number, z.ZodType> = { ...errorResponses(e) };
  for (const [status, schema] of Object.entries(e.responses)) responses[Number(status)] = schema ?? z.null().describe('No content');
  const success = Object.keys(e.responses).map(Number).find((s) => s >= 200 && s < 300) ?? 200;
  app.route({
    method: e.method,
    url: toFastifyPath(e.path),
    schema: {
      operationId: e.operationId,
      summary: e.summary,
      description: e.description,
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
      return reply.code(success).send(result);
    },
  });
};
