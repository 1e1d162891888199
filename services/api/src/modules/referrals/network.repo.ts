import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { ReferralStatus } from '@tandem/contract';
import { clients, organizations, services } from './foreign-tables';
import { itemCols, overdueNow, wasSentSql, type ItemRow } from './repo';

const { referrals } = schema;

/**
 * Where a referral is served: the receiving service's SPAs, or the receiving organization's when
 * no service was named.
 */
const servedInSpa = (spa: string): SQL =>
  sql`(case when ${referrals.receivingServiceId} is not null
    then exists (select 1 from ${services} s where s.id = ${referrals.receivingServiceId} and ${spa} = any(s.spas))
    else exists (select 1 from ${organizations} o where o.id = ${referrals.receivingOrgId} and ${spa} = any(o.spas)) end)`;

export interface NetworkFilter {
  organizationId?: string;
  spa?: string;
  status?: ReferralStatus;
  need?: string;
  overdue?: boolean;
  assignee?: string | 'none';
  q?: string;
  limit: number;
  after?: [string, string];
}

export const networkRepo = {
  /**
   * One page of every referral that was sent, newest first: the ids first from `referrals` alone
   * (referrals_network_recent_idx, or referrals_network_status_idx for a status; an organization
   * uses the two *_recent_idx of its sides), then the names for those ids only, as the inbox does.
   * Never a draft, nor a draft cancelled before sending (wasSentSql).
   */
  page: async (db: DbOrTx, f: NetworkFilter, withClient: boolean): Promise<ItemRow[]> => {
    let pick = db.select({ id: referrals.id }).from(referrals).$dynamic();
    if (f.q) pick = pick.innerJoin(clients, eq(clients.id, referrals.clientId));
    const ids = (
      await pick
        .where(
          and(
            wasSentSql,
            f.organizationId ? or(eq(referrals.sendingOrgId, f.organizationId), eq(referrals.receivingOrgId, f.organizationId)) : undefined,
            f.spa ? servedInSpa(f.spa) : undefined,
            f.status ? eq(referrals.status, f.status) : undefined,
            f.need ? sql`${referrals.needs} @> array[${f.need}]::text[]` : undefined,
            f.overdue === true ? overdueNow : f.overdue === false ? sql`not ${overdueNow}` : undefined,
            f.assignee === 'none' ? sql`${referrals.assigneeUserId} is null` : f.assignee ? eq(referrals.assigneeUserId, f.assignee) : undefined,
            f.q ? sql`lower(${clients.givenName} || ' ' || ${clients.familyName}) like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
            f.after ? sql`(${referrals.createdAt}, ${referrals.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
          ),
        )
        .orderBy(desc(referrals.createdAt), desc(referrals.id))
        .limit(f.limit + 1)
    ).map((r) => r.id);
    if (!ids.length) return [];
    // The collaboration team's rows never read the client's name (nor unread counts: they are on no thread).
    const cols = withClient ? itemCols(null) : { ...itemCols(null), clientName: sql<string | null>`null::text` };
    return (await db
      .select(cols)
      .from(referrals)
      .where(inArray(referrals.id, ids))
      .orderBy(desc(referrals.createdAt), desc(referrals.id))) as unknown as ItemRow[];
  },
};
