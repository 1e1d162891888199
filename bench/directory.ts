import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { createDb } from '../db/src/client';
import { generateDirectory } from '../db/src/bulk';
import { searchServices, searchStatement, type SearchFilters } from '../services/api/src/modules/directory/search.repo';
import type { BenchContext, Scenario, ScenarioGroup } from './types';

export const DIRECTORY_SIZE = { organizations: 10_000, services: 50_000 };

const SEARCH = '/api/v1/services/search';
// A Tuesday, 09:30 in Los Angeles: most weekday schedules are open.
const OPEN_AT = '2026-11-24T17:30:00Z';

export const directoryScenarios: Scenario[] = [
  { group: 'directory', name: 'text+filters', path: `${SEARCH}?q=food&language=es&spa=spa6&accepting=true` },
  { group: 'directory', name: 'filters+openAt', path: `${SEARCH}?category=housing-instability&spa=spa4&openAt=${encodeURIComponent(OPEN_AT)}` },
  { group: 'directory', name: 'near 5 km', path: `${SEARCH}?near=34.0522,-118.2437&radiusKm=5` },
  // A rare filter: the nearest sites hold too few matches, so the page needs the second statement.
  { group: 'directory', name: 'near 30 km+rare', path: `${SEARCH}?near=34.0522,-118.2437&radiusKm=30&communitySupport=sobering_centers` },
];

const prepare = async ({ pool, log }: BenchContext) => {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from services');
  const have = rows[0]?.n ?? 0;
  if (have >= DIRECTORY_SIZE.services) {
    log(`directory: reusing ${have} services already in the database`);
    return;
  }
  if (have > 0) throw new Error(`The bench database holds ${have} services, fewer than ${DIRECTORY_SIZE.services}: point BENCH_DATABASE_URL at an empty database.`);
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query('begin');
    const counts = await generateDirectory(client, DIRECTORY_SIZE);
    await client.query('commit');
    log(`directory: generated ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
  // Fresh statistics (and a visibility map) so the planner sees the real sizes.
  await pool.query('vacuum analyze organizations, locations, services, service_locations, schedules, schedule_exceptions, service_cards, service_facet_names');
};

type Query = Record<string, string | undefined>;
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true' || v === '1');

/** The search filters from a query string, by hand: what the API's zod schema and service produce. */
const filtersOf = (q: Query): SearchFilters => {
  const [lat, lng] = q.near ? q.near.split(',').map(Number) : [];
  return {
    q: q.q,
    category: q.category,
    communitySupport: q.communitySupport,
    spa: q.spa,
    focusPopulation: q.focusPopulation,
    language: q.language,
    age: num(q.age),
    at: q.openAt ? new Date(q.openAt) : null,
    onlyOpen: q.openAt !== undefined || bool(q.openNow) === true,
    accepting: bool(q.accepting),
    near: lat !== undefined && lng !== undefined ? { lat, lng } : undefined,
    radiusKm: q.near ? num(q.radiusKm) : undefined,
    limit: num(q.limit) ?? 25,
  };
};

/**
 * Baseline: the same SQL statement (the search repo: the page and, from service_cards,
 * what its hits show) on a bare drizzle handle over a plain pg pool, rows sent as
 * JSON.stringify makes them. No zod, no plugins, no auth, no mapping.
 */
const registerBaseline = (app: FastifyInstance, pool: pg.Pool) => {
  const db = createDb(pool);
  app.get(SEARCH, async (req, reply) => {
    const f = filtersOf(req.query as Query);
    const rows = await searchServices(db, f);
    const data = rows.slice(0, f.limit);
    return reply.type('application/json').send(JSON.stringify({ data, nextCursor: rows.length > f.limit ? 'more' : null }));
  });
};

/** The plan of a scenario's first search statement on the bench data (the repo's own statement, not re-implemented). */
const explain = async (pool: pg.Pool, scenario: Scenario) => {
  const q = Object.fromEntries(new URL(scenario.path, 'http://bench').searchParams) as Query;
  const { text, values } = await searchStatement(createDb(pool), filtersOf(q));
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>({ text: `explain (analyze, buffers) ${text}`, values });
  return rows.map((r) => r['QUERY PLAN']).join('\n');
};

export const directoryGroup: ScenarioGroup = {
  name: 'directory',
  prepare,
  scenarios: directoryScenarios,
  registerBaseline,
  explain,
};
