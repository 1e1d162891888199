import type { Rng } from './prng';
import { createRng } from './prng';
import type { CapacityStatus, SchedulePattern, Spa } from './types';

export interface SeededService {
  id: string;
  orgKey: string;
  key: string;
  name: string;
  capacity: CapacityStatus;
  schedule: SchedulePattern;
}

export interface SeededLocation {
  id: string;
  orgKey: string;
  spa: Spa;
}

/** State shared by the seed steps: the PRNG, the clock, and the rows created so far. */
export interface SeedContext {
  /** Data choices (which schedule, which capacity...). */
  rng: Rng;
  /** Primary keys, from their own stream so ids stay stable when choices change. */
  ids: Rng;
  now: Date;
  log: (s: string) => void;
  /** Organization id by spec key. */
  orgs: Map<string, string>;
  /** User id by lower-cased email. */
  users: Map<string, string>;
  /** The org_admin user of an organization, by org key. */
  orgAdmins: Map<string, string>;
  /** The collaboration-team liaison of an organization, by org key. */
  liaisons: Map<string, string>;
  services: SeededService[];
  locations: SeededLocation[];
  counts: Record<string, number>;
}

export const SEED = 'tandem-demo-2026';

export const createContext = (now: Date, log: (s: string) => void): SeedContext => ({
  rng: createRng(`${SEED}:data`),
  ids: createRng(`${SEED}:ids`),
  now,
  log,
  orgs: new Map(),
  users: new Map(),
  orgAdmins: new Map(),
  liaisons: new Map(),
  services: [],
  locations: [],
  counts: {},
});

const DAY = 86_400_000;
export const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY);
/** YYYY-MM-DD (UTC) of now + days. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const dateFrom = (now: Date, days: number) => isoDate(daysFrom(now, days));

/** Look up an id the earlier steps created; a typo in the seed data fails loudly. */
export const must = <V>(map: Map<string, V>, key: string, what: string): V => {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seed: unknown ${what} '${key}'`);
  return v;
};
