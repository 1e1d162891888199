import Fastify from 'fastify';
import type pg from 'pg';
import type { ScenarioGroup } from './types';

/** A bare Fastify (no plugins, no schemas, no logger) answering each group's paths by hand. */
export const buildBaseline = (pool: pg.Pool, groups: ScenarioGroup[]) => {
  const app = Fastify({ logger: false });
  for (const g of groups) g.registerBaseline?.(app, pool);
  return app;
};
