import { z } from 'zod';
import { and, asc, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { ReferralListItem, ReferralStatus } from '@tandem/contract';
import { actingOrgIds, isNetworkAdmin, type Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { decodeCursor, toPage } from '../../lib/pagination';
import { toItem } from './mappers';
import { itemCols, wasSentSql } from './repo';

const { referrals } = schema;

/** One bound of updated_at (FHIR `_lastUpdated=gt…`, `ge`, `lt`, `le`). */
export interface UpdatedBound {
  op: 'gt' | 'ge' | 'lt' | 'le';
  at: Date;
}

/** What a FHIR Task (or ServiceRequest) search asks of the referrals the caller may see. */
export interface ReferralSearch {
  ids?: string[];
  statuses?: ReferralStatus[];
  /** Task.owner: the receiving organization. */
  receivingOrgIds?: string[];
  /** Task.requester: the sending organization. */
  sendingOrgIds?: string[];
  updated?: UpdatedBound[];
  limit: number;
  cursor?: string;
}

const CreatedCursor = z.tuple([z.literal('c'), z.string().max(40), z.uuid()]);

/**
 * A page of the referrals the caller may see (the same rule as access.ts: its organizations'
 * sent referrals, and the received ones once sent; a network admin also every sent one), for the
 * FHIR facade's searches. Stable order (created_at, id) ascending, so paging with the cursor
 * neither repeats nor skips a referral, whatever changes between pages. A page carries client
 * names (PHI), so it is audited as a list read.
 */
export const searchReferrals = async (db: DbOrTx, ctx: Ctx, f: ReferralSearch): Promise<{ data: ReferralListItem[]; nextCursor: string | null }> => {
  const orgIds = actingOrgIds(ctx.actor);
  const mine: SQL[] = [];
  if (orgIds.length) mine.push(inArray(referrals.sendingOrgId, orgIds), and(inArray(referrals.receivingOrgId, orgIds), wasSentSql)!);
  if (isNetworkAdmin(ctx.actor)) mine.push(wasSentSql);
  if (!mine.length) return { data: [], nextCursor: null };
  const after = decodeCursor(f.cursor, CreatedCursor);
  const bound = (b: UpdatedBound) => ({ gt, ge: gte, lt, le: lte })[b.op](referrals.updatedAt, b.at);
  const [rows] = await Promise.all([
    db
      .select(itemCols(null))
      .from(referrals)
      .where(
        and(
          or(...mine),
          f.ids ? inArray(referrals.id, f.ids) : undefined,
          f.statuses ? inArray(referrals.status, f.statuses) : undefined,
          f.receivingOrgIds ? inArray(referrals.receivingOrgId, f.receivingOrgIds) : undefined,
          f.sendingOrgIds ? inArray(referrals.sendingOrgId, f.sendingOrgIds) : undefined,
          ...(f.updated ?? []).map(bound),
          after ? sql`(${referrals.createdAt}, ${referrals.id}) > (${after[1]}::timestamptz, ${after[2]}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(referrals.createdAt), asc(referrals.id))
      .limit(f.limit + 1),
    recordAudit(db, ctx, { action: 'referral.list', entityType: 'referral', entityId: null, organizationId: orgIds[0] ?? null }),
  ]);
  const now = new Date();
  const page = toPage(rows, f.limit, (r) => ['c', r.cursorAt, r.r.id]);
  return { data: page.data.map((r) => toItem(r, now)), nextCursor: page.nextCursor };
};
