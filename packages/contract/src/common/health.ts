import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { ProblemSchema } from './problem';
import { TimestampSchema } from './ids';

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
    description:
      "For load balancers: 503 until the database answers and every migration is applied. Also says when a background worker last ran its once-a-minute heartbeat (`worker.status` `running` within the last 3 minutes, `late` after, `never` if none has run on this database); a stopped worker does not make the API unready, since requests are still answered, but jobs wait. Changes nothing.",
    tags: ['Health'],
    security: [],
    responses: {
      200: z.object({
        status: z.literal('ready'),
        migrations: z.object({ applied: z.number(), expected: z.number() }),
        worker: z.object({
          status: z.enum(['running', 'late', 'never']),
          lastSeenAt: TimestampSchema.nullable().describe('When a worker last ran its heartbeat job'),
        }),
      }),
      503: ProblemSchema,
    },
  }),
};
