import type { Db, Tx } from '../client';
import { organizations } from '../schema';
import { createContext, type SeedContext } from './context';
import { ACCOUNT_SPECS, DEMO_PASSWORD } from './data/accounts';
import { ALL_ORGS } from './data/organizations';
import { demoPasswordHash, seedAccounts } from './steps/accounts';
import { seedAgreements } from './steps/agreements';
import { seedBoardMeetings } from './steps/board-meetings';
import { seedBoardRecommendations } from './steps/board-recommendations';
import { seedBoardStipends } from './steps/board-stipends';
import { seedBoards } from './steps/boards';
import { seedDirectory } from './steps/directory';
import { seedGaps } from './steps/gaps';
import { seedEngagement } from './steps/engagement';
import { seedOrganizations } from './steps/organizations';
import { seedReferrals } from './steps/referrals';
import type { Role } from './types';

export { DEMO_PASSWORD };
export { truncateAll, schemaTableNames } from './reset';
export type { SeedContext } from './context';
export { ORG as DEMO_ORGS } from './data/organizations';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Organization name. */
  organization: string;
}

const orgName = new Map(ALL_ORGS.map((o) => [o.key, o.name]));

/** Every seeded user (all share DEMO_PASSWORD), in the order the README lists them. */
export const DEMO_ACCOUNTS: DemoAccount[] = ACCOUNT_SPECS.map((a) => ({
  email: a.email,
  name: a.name,
  role: a.role,
  organization: orgName.get(a.org) ?? a.org,
}));

export type SeedStep = (tx: Tx, ctx: SeedContext) => Promise<void>;

/** Run in order, in one transaction; later steps use the ids earlier steps put in ctx. */
export const SEED_STEPS: [name: string, step: SeedStep][] = [
  ['organizations', seedOrganizations],
  ['accounts', seedAccounts],
  ['directory', seedDirectory],
  ['agreements', seedAgreements],
  ['referrals', seedReferrals],
  ['gaps', seedGaps],
  ['engagement', seedEngagement],
  ['boards', seedBoards],
  // The reentry board's year: meetings first (recommendations name its meetings and motions).
  ['board-meetings', seedBoardMeetings],
  ['board-stipends', seedBoardStipends],
  ['board-recommendations', seedBoardRecommendations],
];

export interface SeedSummary {
  organizations: number;
  cbos: number;
  services: number;
  locations: number;
  serviceLocations: number;
  schedules: number;
  scheduleExceptions: number;
  contacts: number;
  agreements: number;
  agreementParties: number;
  users: number;
  memberships: number;
  liaisons: number;
  [table: string]: number;
}

export interface SeedOptions {
  /** Dates (stage dates, capacity confirmations, agreement ends, holidays) are relative to this. */
  now?: Date;
  log?: (s: string) => void;
}

/** Inserts the demo network. Deterministic: the same `now` gives the same rows (and ids). */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const ctx = createContext(opts.now ?? new Date(), opts.log ?? (() => undefined));
  await demoPasswordHash(); // argon2 is slow: hash before opening the transaction
  await db.transaction(async (tx) => {
    for (const [name, step] of SEED_STEPS) {
      const started = Date.now();
      await step(tx, ctx);
      ctx.log(`seed: ${name} done in ${Date.now() - started} ms`);
    }
  });
  const c = ctx.counts;
  return {
    ...c,
    organizations: c.organizations ?? 0,
    cbos: c.cbos ?? 0,
    services: c.services ?? 0,
    locations: c.locations ?? 0,
    serviceLocations: c.serviceLocations ?? 0,
    schedules: c.schedules ?? 0,
    scheduleExceptions: c.scheduleExceptions ?? 0,
    contacts: c.contacts ?? 0,
    agreements: c.agreements ?? 0,
    agreementParties: c.agreementParties ?? 0,
    users: c.users ?? 0,
    memberships: c.memberships ?? 0,
    liaisons: c.liaisons ?? 0,
  };
}

/** True when no organization exists yet (a fresh database). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length === 0;
}
