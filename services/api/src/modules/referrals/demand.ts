import { sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { referrals } = schema;

/** Referrals sent in a period to one SPA × key, and those declined for room, region or eligibility. */
export type DemandRow = {
  spa: string;
  key: string;
  sent: number;
  no_capacity: number;
  out_of_area: number;
  not_eligible: number;
};

export interface DemandQuery {
  /** Inclusive Los Angeles dates. */
  from: string;
  to: string;
  /** The directory's coverage units: (service_id, spa, key) rows. */
  units: SQL;
  /** Count a referral under a key only when it names that need (category axis). */
  matchNeeds: boolean;
  cell?: { spa: string; key: string };
}

/**
 * What the gaps module may know about referrals (issue 25): counts only, grouped in SQL by the
 * receiving service's SPA and category. A referral counts in the period it was sent (Los
 * Angeles dates); entered_in_error ones never count; "declined" means the receiver declined it.
 */
export const demandBy = async (db: DbOrTx, q: DemandQuery): Promise<DemandRow[]> => {
  const declined = (reason: string) => sql`count(*) filter (where r.status = 'declined' and r.status_reason = ${reason})::int`;
  const res = await db.execute<DemandRow>(sql`
    select u.spa, u.key, count(*)::int as sent,
      ${declined('no_capacity')} as no_capacity, ${declined('out_of_area')} as out_of_area, ${declined('not_eligible')} as not_eligible
    from ${referrals} r
    join ${q.units} u on u.service_id = r.receiving_service_id ${q.matchNeeds ? sql`and u.key = any(r.needs)` : sql``}
    where r.sent_at is not null
      and r.sent_at >= (${q.from}::date::timestamp at time zone 'America/Los_Angeles')
      and r.sent_at < ((${q.to}::date + 1)::timestamp at time zone 'America/Los_Angeles')
      and r.status <> 'entered_in_error'
      ${q.cell ? sql`and u.spa = ${q.cell.spa} and u.key = ${q.cell.key}` : sql``}
    group by u.spa, u.key`);
  return res.rows;
};
