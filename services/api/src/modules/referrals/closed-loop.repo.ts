import { eq, sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '@tandem/db';
import type { ClosedLoopMappingEntry, ClosureReason, CommunitySupport, LoopClosureReason, ReferralStatus, SdohCategory } from '@tandem/contract';
import { organizations, services } from './foreign-tables';

const { referrals, closedLoopMapping } = schema;

export type ClosedLoopRepoQuery = { from: string; to: string; receivingOrganizationId?: string; communitySupport?: CommunitySupport };

/** Days are Los Angeles days, as DHCS's dates are read. */
const TZ = 'America/Los_Angeles';

export type ClosedLoopRaw = {
  referralId: string;
  clientId: string | null;
  communitySupport: CommunitySupport | null;
  needs: SdohCategory[];
  referringOrganizationId: string;
  referringOrganization: string;
  receivingOrganizationId: string | null;
  receivingOrganization: string | null;
  dateReferred: string;
  status: ReferralStatus;
  statusReason: ClosureReason | null;
  outcome: LoopClosureReason | null;
  statusDate: string;
  daysToAcknowledge: number | null;
  daysToClose: number | null;
};

/**
 * One statement: the referrals sent in the range (on referrals_sent_at_idx), entered-in-error ones
 * left out, with the two organizations' names and the service's Community Support. Days are
 * differences of Los Angeles calendar days. The organizations and services it joins are the
 * directory's: the recorded exception of docs/decisions/0012-fast-paths.md, read-only.
 */
const rowsSql = (q: ClosedLoopRepoQuery) => {
  const day = (c: string) => sql.raw(`(${c} at time zone '${TZ}')::date`);
  const fromTs = sql`(${q.from}::date::timestamp at time zone ${TZ})`;
  const toTs = sql`((${q.to}::date + 1)::timestamp at time zone ${TZ})`;
  const org = q.receivingOrganizationId ? sql`and r.receiving_org_id = ${q.receivingOrganizationId}` : sql``;
  const cs = q.communitySupport ? sql`and s.community_support = ${q.communitySupport}` : sql``;
  return sql`
    select r.id as "referralId", r.client_id as "clientId", s.community_support as "communitySupport", r.needs,
      r.sending_org_id as "referringOrganizationId", so.name as "referringOrganization",
      r.receiving_org_id as "receivingOrganizationId", ro.name as "receivingOrganization",
      to_char(${day('r.sent_at')}, 'YYYY-MM-DD') as "dateReferred",
      r.status, r.status_reason as "statusReason", r.outcome,
      to_char(${day('r.status_changed_at')}, 'YYYY-MM-DD') as "statusDate",
      (${day('r.acknowledged_at')} - ${day('r.sent_at')})::int as "daysToAcknowledge",
      (${day('r.closed_at')} - ${day('r.sent_at')})::int as "daysToClose"
    from ${referrals} r
    join ${organizations} so on so.id = r.sending_org_id
    left join ${organizations} ro on ro.id = r.receiving_org_id
    left join ${services} s on s.id = r.receiving_service_id
    where r.sent_at is not null and r.sent_at >= ${fromTs} and r.sent_at < ${toTs}
      and r.status not in ('draft', 'entered_in_error') ${org} ${cs}
    order by r.sent_at, r.id`;
};

export type MappingRow = typeof closedLoopMapping.$inferSelect;

export const closedLoopRepo = {
  rows: async (db: Db, q: ClosedLoopRepoQuery) => (await db.execute<ClosedLoopRaw>(rowsSql(q))).rows,

  /** The saved mapping row; undefined: never saved (the defaults, version 1). */
  mapping: async (db: DbOrTx): Promise<MappingRow | undefined> => (await db.select().from(closedLoopMapping).where(eq(closedLoopMapping.id, 1)))[0],

  /** The mapping row, created at the defaults (version 1) if missing, and locked for the write. */
  lockMapping: async (db: DbOrTx): Promise<MappingRow> => {
    await db.insert(closedLoopMapping).values({ id: 1 }).onConflictDoNothing();
    return (await db.select().from(closedLoopMapping).where(eq(closedLoopMapping.id, 1)).for('update'))[0]!;
  },

  updateMapping: async (db: DbOrTx, entries: ClosedLoopMappingEntry[], userId: string | null): Promise<MappingRow> =>
    (
      await db
        .update(closedLoopMapping)
        .set({ entries, updatedByUserId: userId, version: sql`${closedLoopMapping.version} + 1`, updatedAt: sql`now()` })
        .where(eq(closedLoopMapping.id, 1))
        .returning()
    )[0]!,
};
