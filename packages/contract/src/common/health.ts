import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { ProblemSchema } from './problem';

export const healthEndpoints = {
  healthz: defineEndpoint({
    method: 'GET',
    path: '/healthz',
    operationId: 'healthz',
    summary: 'Liveness: the process answers',
    description: 'For load balancers: answers while the process runs. Changes nothing.',
    tags: ['Health'],
    security: [],
    responses: { 200: z.object({ status: z.literal('ok') }) },
  }),
  readyz: defineEndpoint({
    method: 'GET',
    path: '/readyz',
    operationId: 'readyz',
    summary: 'Readiness: the database answers and every migration is applied',
    description: 'For load balancers: 503 until the database answers and every migration is applied. Changes nothing.',
    tags: ['Health'],
    security: [],
    responses: {
      200: z.object({ status: z.literal('ready'), migrations: z.object({ applied: z.number(), expected: z.number() }) }),
      503: ProblemSchema,
    },
  }),
};
