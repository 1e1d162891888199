import type { z } from 'zod';
import type { Db } from '@tandem/db';
import type { ReferralListItem, ReferralListQuerySchema } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { hasAnyRole, isNetworkAdmin, type Ctx, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { toItem } from './mappers';
import { networkRepo } from './network.repo';

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
