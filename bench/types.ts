import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { OpName } from './mix';

/** One measured request shape, sent to the real API and to the plain baseline alike. */
export interface Scenario {
  /** The group it belongs to (`--scenarios=<group>`): directory now, referrals later. */
  group: string;
  name: string;
  /** Path and query string, the same on both targets. */
  path: string;
  /** Extra request headers (e.g. a session cookie for signed-in scenarios). */
  headers?: Record<string, string>;
  /** Connections for this scenario instead of `--connections`. */
  connections?: number;
  /** Which targets to load (default both); a scenario with no baseline counterpart lists only `api`. */
  targets?: TargetName[];
  /**
   * A custom driver (e.g. a load script in a child process for request sequences) instead of
   * autocannon on `path`. Then `check` (if any) replaces the same-rows check.
   */
  run?: (baseUrl: string, target: TargetName, opts: { connections: number; durationSec: number }) => Promise<LoadResult>;
  /** Replaces the same-rows check and warm-up (for a custom driver, or a path only one target answers). */
  check?: (apiUrl: string, baseUrl: string) => Promise<string>;
  /** A target of its own instead of the group's p99 (e.g. a throughput floor). */
  target?: { p99Ms?: number; minPerSec?: number };
}

export interface BenchContext {
  /** PostgreSQL URL of the bench database (migrated). */
  databaseUrl: string;
  /** A pool on it for preparing data and for the baseline server. */
  pool: pg.Pool;
  log: (line: string) => void;
}

/** A family of scenarios: how to fill the database, what to ask, and the baseline's answer. */
export interface ScenarioGroup {
  name: string;
  /** Fills the database for these scenarios; skips what an earlier run already generated. */
  prepare: (ctx: BenchContext) => Promise<void>;
  scenarios: Scenario[];
  /** Registers the hand-written baseline routes answering the same paths on a bare Fastify. */
  registerBaseline?: (app: FastifyInstance, pool: pg.Pool) => void;
  /**
   * Measurements the group drives itself instead of fixed-rate scenarios (its own database,
   * processes and load), run after the scenarios: each returns figures such as ratios.
   */
  measure?: (ctx: MeasureContext) => Promise<Figure[]>;
  /** EXPLAIN (ANALYZE, BUFFERS) of the statement a scenario runs, for `--explain`. */
  explain?: (pool: pg.Pool, scenario: Scenario) => Promise<string>;
  /** The target the group is held to, printed with the results (none for the machine's ceiling). */
  target?: { description: string; p99Ms?: number };
}

/** Sizes and durations a run may scale down for development (`--scale`, `--audit-rows`, `--step`). */
export interface BenchOptions {
  /** Share of the full data sizes of the groups that generate their own database (mixed). */
  scale: number;
  /** Audit rows the audit group loads before its second measurement. */
  auditRows: number;
  /** Seconds per rate step of a knee search. */
  stepSec: number;
  /** The mixed group's operations to run (`--ops`, names as in its table); all when absent. */
  ops?: OpName[];
}

export interface MeasureContext extends BenchContext {
  options: BenchOptions;
}

/** One figure a group measured itself, and what it is held to (value ≤ max and/or ≥ min). */
export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  target?: { max?: number; min?: number };
  /** How it was measured, or the values a ratio comes from. */
  detail?: string;
}

export type TargetName = 'api' | 'baseline';

export interface LoadResult {
  scenario: Scenario;
  target: TargetName;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers plus transport errors and timeouts. */
  errors: number;
  requests: number;
  /** Anything else worth printing under the table (e.g. version conflicts, counted apart from errors). */
  note?: string;
}
