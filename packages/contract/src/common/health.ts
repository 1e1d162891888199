import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { ProblemSchema } from './problem';

export const healthEndpoints = {
  healthz: defineEndpoint({
    method: 'GET',
    path: '/healthz',
    operationId: 'healthz',
    summary: 'Liveness: the process answers',
    tags: ['Health'],
    security: [],
    responses: { 200: z.object({ status: z.literal('ok') }) },
  }),
  readyz: defineEndpoint({
    method: 'GET',
    path: '/readyz',
    operationId: 'readyz',
    summary: 'Readiness: the database answers and every migration is applied',
    tags: ['Health'],
    security: [],
    responses: {
      200: z.object({ status: z.literal('ready'), migrations: z.object({ applied: z.number(), expected: z.number() }) }),
      503: ProblemSchema,
    },
  }),
};
