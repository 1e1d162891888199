import { inArray, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { CoverageAxis } from '@tandem/contract';

const { services, agreements } = schema;

/** One cell of the directory's side of the coverage matrix. */
export type SupplyRow = {
  spa: string;
  key: string;
  active: number;
  accepting: number;
  full: number;
  waitlist: number;
};

/**
 * Services as coverage units: one row per (service, SPA it serves, category or Community
 * Support), with its status and capacity, as an SQL subquery. Every status is included so a
 * referral sent to a service since closed still counts in its region; supply counts filter on
 * status. The one definition of "where a service counts" for the gaps module (issue 25).
 */
export const coverageUnits = (axis: CoverageAxis): SQL =>
  axis === 'category'
    ? sql`(select s.id as service_id, u.spa, c.key, s.status, s.capacity_status
           from ${services} s cross join lateral unnest(s.spas) as u(spa) cross join lateral unnest(s.categories) as c(key))`
    : sql`(select s.id as service_id, u.spa, s.community_support as key, s.status, s.capacity_status
           from ${services} s cross join lateral unnest(s.spas) as u(spa) where s.community_support is not null)`;

const cellFilter = (cell?: { spa: string; key: string }) => (cell ? sql`where u.spa = ${cell.spa} and u.key = ${cell.key}` : sql``);

export const coverageRepo = {
  /** Active services per SPA × key, and how many accept referrals, are full or have a waitlist (now), grouped in SQL. */
  async supplyBy(db: DbOrTx, axis: CoverageAxis, cell?: { spa: string; key: string }): Promise<SupplyRow[]> {
    const res = await db.execute<SupplyRow>(sql`
      select u.spa, u.key,
        count(*) filter (where u.status = 'active')::int as active,
        count(*) filter (where u.status = 'active' and u.capacity_status = 'accepting')::int as accepting,
        count(*) filter (where u.status = 'active' and u.capacity_status = 'full')::int as full,
        count(*) filter (where u.status = 'active' and u.capacity_status = 'waitlist')::int as waitlist
      from ${coverageUnits(axis)} u ${cellFilter(cell)}
      group by u.spa, u.key`);
    return res.rows;
  },
  /** Which of these agreement ids exist (a gap links agreements by id). */
  existingAgreementIds: async (db: DbOrTx, ids: string[]) =>
    ids.length ? new Set((await db.select({ id: agreements.id }).from(agreements).where(inArray(agreements.id, ids))).map((r) => r.id)) : new Set<string>(),
};
