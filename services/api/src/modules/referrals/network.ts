import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { schema, type Db, type DbOrTx } from '@tandem/db';
import type { ReferralListItem, ReferralListQuerySchema, ReferralStatus } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { hasAnyRole, isNetworkAdmin, type Ctx, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { clients, organizations, services } from './foreign-tables';
import { toItem } from './mappers';
import { itemCols, overdueNow, wasSentSql, type ItemRow } from './repo';

const { referrals } = schema;
type ListInput = z.output<typeof ReferralListQuerySchema>;

/**
 * What the network box may show a caller: everything (network admins: ARCHITECTURE §4 lets them
 * read any referral that was sent), or the referral without its client (the collaboration team:
 * §4 names only the two organizations and network admins for client details;
 * docs/decisions/0009-network-referral-box.md). Null: not for this caller (403).
 */
export const networkSightOf = (ctx: Ctx): 'full' | 'metadata' | null =>
  isNetworkAdmin(ctx.actor) ? 'full' : ctx.actor.kind === 'user' && hasAnyRole(ctx.actor, 'collaboration_team') ? 'metadata' : null;

/** The fields that describe the client or what they told someone: null for the collaboration team. */
const withoutClient = (item: ReferralListItem): ReferralListItem => ({
  ...item,
  clientId: null,
  clientName: null,
  reason: null,
  statusNote: null,
  outcome: null,
  consentId: null,
});

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

/** The network box (GET /api/v1/referrals?box=network): read-only, every page read audited. */
export const createNetworkBox = ({ db }: { db: Db }) => ({
  async list(ctx: Ctx, q: ListInput) {
    const sight = networkSightOf(ctx);
    if (!sight) throw new AppError('forbidden', 'The network box is for network admins and the collaboration team.');
    if (q.q && sight !== 'full') {
      throw new AppError('forbidden', 'Searching by client name is for network admins: the collaboration team sees no client details.');
    }
    const userId = userIdOf(ctx.actor);
    const assignee = q.assigneeId === 'me' ? (userId ?? undefined) : q.assigneeId;
    const [rows] = await Promise.all([
      networkRepo.page(
        db,
        { organizationId: q.organizationId, spa: q.spa, status: q.status, need: q.need, overdue: q.overdue, assignee, q: q.q, limit: q.limit, after: decodeCursor(q.cursor, KeyCursor) },
        sight === 'full',
      ),
      recordAudit(db, ctx, { action: 'referral.network.list', entityType: 'referral', entityId: null, organizationId: null }),
    ]);
    const now = new Date();
    const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.r.id]);
    const data = page.data.map((r) => toItem(r, now));
    return { data: sight === 'full' ? data : data.map(withoutClient), nextCursor: page.nextCursor };
  },
});
