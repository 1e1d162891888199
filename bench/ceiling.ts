import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Scenario, ScenarioGroup } from './types';

/**
 * What this machine can do at all, to read the other groups' targets against: a bare Fastify
 * answering with no database, and with one `select 1` round trip, under the same load generator
 * at the referrals' 50 connections. Baseline only (there is no API counterpart), no target.
 */
const scenario = (name: string, path: string): Scenario => ({ group: 'ceiling', name, path, connections: 50, targets: ['baseline'] });

const registerBaseline = (app: FastifyInstance, pool: pg.Pool) => {
  app.get('/ceiling/http', async () => ({ data: [] }));
  app.get('/ceiling/select1', async () => ({ data: (await pool.query('select 1 as id')).rows }));
};

export const ceilingGroup: ScenarioGroup = {
  name: 'ceiling',
  prepare: async () => undefined,
  scenarios: [scenario('HTTP, no database', '/ceiling/http'), scenario('one select 1', '/ceiling/select1')],
  registerBaseline,
};
