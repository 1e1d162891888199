import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import {
  checkSendPacket,
  loopClosureRollup,
  OPEN_STATUSES,
  REFERRAL_STATUSES,
  type CreateReferralBodySchema,
  type ReferralCounts,
  type ReferralWorklist,
  type ReferralDetail,
  type ReferralListQuerySchema,
  type ClosureReason,
  type LoopClosureReason,
  type ReferralStatus,
  type UpdateReferralBodySchema,
  type ReferralMetricsQuerySchema,
} from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { actingOrgIds, type Actor, type Ctx, userIdOf, apiKeyIdOf } from '../../lib/actor';
import { auditInsert, diffFields, recordAudit } from '../../lib/audit';
import { writeTogether } from '../../lib/batch';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, KeyCursor, decodeSyncCursor, toPage } from '../../lib/pagination';
import { assertClientUsable, consentSummaryOf, packetOf, toClient } from '../clients';
import type { Notifier } from '../notifications';
import { accessOf, allowedFor, loadReferral, requireSide, type Access } from './access';
import { toItem } from './mappers';
import { closedLoopMapping, closedLoopReport, updateClosedLoopMapping } from './closed-loop';
import { referralMetrics } from './metrics';
import { createNetworkBox } from './network';
import { referralsRepo, urgencyRank, type DetailRow, type DraftContext, type ReferralInsert, type ReferralRow } from './repo';
import { changeStatus, readerOf } from './status';

/** What the referrals module needs from the directory, supplied at wiring time. */
export interface DirectoryLookup {
  /**
   * Runs in the caller's transaction: a lookup on another pool connection while the
   * transaction holds one would starve the pool under load (every request waiting on a second
   * connection that the others hold).
   */
  serviceInfo: (tx: DbOrTx, id: string) => Promise<{ organizationId: string; ackSlaHours: number; firstContactSlaHours: number } | null>;
}
export interface ReferralDeps {
  db: Db;
  directory: DirectoryLookup;
  /** How referrals notify people (the notifications module's, given at wiring: referrals never touch its tables). */
  notifier: Notifier;
}

type CreateInput = z.output<typeof CreateReferralBodySchema>;
type UpdateInput = z.output<typeof UpdateReferralBodySchema>;
type ListInput = z.output<typeof ReferralListQuerySchema>;
const UrgencyCursor = z.tuple([z.number().int().min(0).max(2), z.string(), z.uuid()]);

/** Only a referral that came from a forward, or was forwarded on, has a chain to walk. */
const inForwardChain = (r: ReferralRow) => r.forwardedFromId !== null || r.statusReason === 'referred_elsewhere';

/**
 * What a draft still lacks before it can be sent (the contract's checkSendPacket), from what the
 * detail read: the client, its consents (packetOf picks the one covering the receiver) and the BAA.
 */
export const packetCheckOf = (d: DetailRow, now: Date) => {
  const r = d.r;
  const p = packetOf(d.client ?? undefined, d.clientConsents ?? [], r.receivingOrgId, r.consentId, now);
  const senderContact = { name: r.senderContactName, phone: r.senderContactPhone, email: r.senderContactEmail };
  const check = checkSendPacket({ receivingOrganizationId: r.receivingOrgId, client: p.client, needs: r.needs, reason: r.reason, senderContact, consent: p.consent, hasActiveBaa: d.hasActiveBaa, now });
  return { missing: check.missing, consentId: p.consentId };
};

/**
 * The detail view from a row already read with referralsRepo.detail (or sendContext); only a
 * referral in a forward chain costs another query.
 */
export const detailView = async (db: DbOrTx, a: Access, d: DetailRow): Promise<ReferralDetail> => {
  const now = new Date();
  const r = d.r;
  a.row = r;
  const chain = inForwardChain(r) ? await referralsRepo.chain(db, r.id) : [{ id: r.id, forwardedFromId: null }];
  const packetMissing: ReferralDetail['packetMissing'] = r.status === 'draft' ? packetCheckOf(d, now).missing : [];
  return {
    ...toItem(d, now),
    client: d.client ? toClient(d.client) : null,
    consent: consentSummaryOf(d.consent, now),
    forwardChain: chain.map((c) => c.id),
    forwardedToId: chain.find((c) => c.forwardedFromId === r.id)?.id ?? null,
    allowedTransitions: allowedFor(a),
    packetMissing,
    following: d.following,
  };
};

/** The detail view every endpoint returning a referral answers with: one query for the row, names, client and consent. */
export const buildDetail = async (db: DbOrTx, ctx: Ctx, a: Access): Promise<ReferralDetail> =>
  detailView(db, a, (await referralsRepo.detail(db, a.row.id, readerOf(ctx.actor)))!);

/** What opening a referral records: the view on its timeline, the referral read and the client read (PHI) in the audit trail. */
const readRecords = (db: DbOrTx, ctx: Ctx, a: Access) => [
  referralsRepo.viewInsert(a.row.id, userIdOf(ctx.actor), apiKeyIdOf(ctx.actor), a.orgId),
  auditInsert(db, ctx, { action: 'referral.read', entityType: 'referral', entityId: a.row.id, organizationId: a.orgId }),
  a.row.clientId ? auditInsert(db, ctx, { action: 'client.read', entityType: 'client', entityId: a.row.clientId, organizationId: a.orgId }) : null,
];

/** The caller's organization for a new referral: explicit when they belong to several. */
const sendingOrgOf = (actor: Actor, requested?: string) => {
  const mine = actingOrgIds(actor);
  if (requested) {
    if (!mine.includes(requested)) throw new AppError('forbidden', 'You can only send referrals for an organization you belong to.');
    return requested;
  }
  if (mine.length !== 1) {
    throw new AppError('validation_failed', 'You belong to several organizations: say which one sends this referral.', {
      errors: [{ path: 'body.sendingOrganizationId', message: 'Required for members of several organizations', code: 'required' as const }],
    });
  }
  return mine[0]!;
};

/** Reads what draftFields checks: the client and service the body names, and the author's contact details. */
const draftContextOf = (db: DbOrTx, actor: Actor, userId: string | null, input: Partial<CreateInput>) =>
  referralsRepo.draftContext(db, { userId, clientId: input.clientId ?? null, serviceId: input.receivingServiceId ?? null, orgIds: actingOrgIds(actor) });

/** Fields a draft's body may set, checked against the client and directory as read in `c` (draftContextOf). */
const draftFields = (deps: ReferralDeps, actor: Actor, input: Partial<CreateInput>, receivingOrgId: string | null, c: DraftContext) => {
  const set: Partial<ReferralInsert> = {};
  for (const k of ['needs', 'reason', 'urgency', 'senderContactName', 'senderContactPhone', 'senderContactEmail', 'receivingContactId', 'consentId'] as const) {
    if (input[k] !== undefined) (set as Record<string, unknown>)[k] = input[k];
  }
  if (input.clientId) assertClientUsable(actor, c.client, c.orgIdsOnClient);
  if (input.clientId !== undefined) set.clientId = input.clientId;
  if (input.receivingOrganizationId !== undefined) set.receivingOrgId = input.receivingOrganizationId;
  if (input.receivingServiceId !== undefined) set.receivingServiceId = input.receivingServiceId;
  if (input.receivingServiceId) {
    const svc = c.service;
    const orgId = input.receivingOrganizationId ?? receivingOrgId ?? svc?.organizationId;
    if (!svc || svc.organizationId !== orgId) {
      throw new AppError('reference_not_found', 'The service is not one of the receiving organization’s.', { errors: [{ path: 'body.receivingServiceId', message: 'Unknown service for this organization' }] });
    }
    set.receivingOrgId = orgId;
  }
  return set;
};

export const createReferralsService = (deps: ReferralDeps) => {
  const { db } = deps;
  const network = createNetworkBox({ db });
  return {
    /** Network metrics by period (metrics.ts); the route checks the caller is network staff. */
    metrics: (ctx: Ctx, q: z.output<typeof ReferralMetricsQuerySchema>) => referralMetrics(db, ctx, q),
    /** The Medi-Cal closed-loop export and its mapping (closed-loop.ts); the routes check the caller is network staff. */
    closedLoop: (ctx: Ctx, q: Parameters<typeof closedLoopReport>[2]) => closedLoopReport(db, ctx, q),
    closedLoopMapping: () => closedLoopMapping(db),
    updateClosedLoopMapping: (ctx: Ctx, expected: number | undefined, body: Parameters<typeof updateClosedLoopMapping>[3]) => updateClosedLoopMapping(db, ctx, expected, body),
    /**
     * One read (author, client, service), one write, one read of the detail. The write is the
     * row, its event and its audit record in ONE statement (writeTogether), which PostgreSQL
     * commits or rolls back as a whole: the transaction of CONVENTIONS 9 without BEGIN and COMMIT
     * round trips. The checks read nothing that a transaction would have locked either.
     */
    async create(ctx: Ctx, input: CreateInput) {
      const sendingOrgId = sendingOrgOf(ctx.actor, input.sendingOrganizationId);
      const userId = userIdOf(ctx.actor);
      const c = await draftContextOf(db, ctx.actor, userId, input);
      const set = draftFields(deps, ctx.actor, input, null, c);
      // Chosen here so that the event and audit rows can name it in the same statement.
      const id = randomUUID();
      await writeTogether(db, [
        referralsRepo.referralInsert(db, {
          id,
          senderContactName: c.me?.name ?? null,
          senderContactEmail: c.me?.email ?? null,
          ...set,
          sendingOrgId,
          sendingUserId: userId,
          status: 'draft',
        }),
        referralsRepo.eventInsert(db, { referralId: id, kind: 'created', actorUserId: userId, actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: sendingOrgId, toStatus: 'draft' }),
        auditInsert(db, ctx, { action: 'referral.create', entityType: 'referral', entityId: id, organizationId: sendingOrgId }),
        // A draft is the sender's alone: only its organization's subscriptions hear of it.
        referralsRepo.outboxInsert(db, 'referral.created', [sendingOrgId], { referralId: id, status: 'draft', version: 1, at: new Date().toISOString() }),
      ]);
      const d = (await referralsRepo.detail(db, id, readerOf(ctx.actor)))!;
      return detailView(db, accessOf(d.r, ctx.actor)!, d);
    },

    /**
     * Opening a referral: one read (row, names, client, consent), then the view and audit rows in
     * one write. Receiving staff's first open of a sent referral acknowledges it (through
     * decideTransition, automatic) in a transaction; an API key's read does not — an integration
     * fetching it is not a person seeing it — so a key acknowledges with POST .../transitions
     * { to: 'acknowledged' }. Every open is recorded as a view and audited.
     * Anyone not on the referral gets the same 404 as a random id, and nothing is written.
     */
    async get(ctx: Ctx, id: string) {
      const d = await referralsRepo.detail(db, id, readerOf(ctx.actor));
      const a = d ? accessOf(d.r, ctx.actor) : null;
      if (!d || !a) throw notFound('referral');
      if (a.row.status === 'sent' && a.sides.includes('receiver') && ctx.actor.kind === 'user') {
        return db.transaction(async (tx) => {
          // Losing a race with another opener is fine: someone acknowledged it; the detail shows what they wrote.
          await changeStatus(deps.notifier, tx, ctx, a, { to: 'acknowledged', automatic: true, side: 'receiver' }, true);
          await writeTogether(tx, readRecords(tx, ctx, a));
          return buildDetail(tx, ctx, a);
        });
      }
      await writeTogether(db, readRecords(db, ctx, a));
      return detailView(db, a, d);
    },

    async update(ctx: Ctx, id: string, expected: number | undefined, input: UpdateInput) {
      return db.transaction(async (tx) => {
        const a = await loadReferral(tx, ctx.actor, id);
        requireSide(a, 'sender', 'edit a draft');
        if (a.row.status !== 'draft') throw new AppError('conflict', 'Only a draft can be edited; use transitions, messages or assignment once it is sent.');
        const receiverOnly = (['assigneeId', 'outcome', 'firstContactAt'] as const).filter((k) => input[k] !== undefined);
        if (receiverOnly.length) {
          throw new AppError('validation_failed', 'These fields are the receiver’s, after sending.', { errors: receiverOnly.map((k) => ({ path: `body.${k}`, message: 'Not editable on a draft' })) });
        }
        assertVersion(a.row.version, expected);
        const set = draftFields(deps, ctx.actor, input, a.row.receivingOrgId, await draftContextOf(tx, ctx.actor, null, input));
        // Nothing changes: no write, no new version, no event or audit row.
        if (!Object.keys(diffFields(a.row as Record<string, unknown>, set, Object.keys(set))).length) return buildDetail(tx, ctx, a);
        const row = await referralsRepo.updateVersioned(tx, id, expected ?? a.row.version, set);
        if (!row) throw new AppError('stale_version', 'The referral changed since you read it. Reload and try again.');
        await writeTogether(tx, [
          referralsRepo.eventInsert(tx, { referralId: id, kind: 'updated', actorUserId: userIdOf(ctx.actor), actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: a.orgId, data: { fields: Object.keys(set) } }),
          auditInsert(tx, ctx, { action: 'referral.update', entityType: 'referral', entityId: id, organizationId: a.orgId }),
        ]);
        a.row = row;
        return buildDetail(tx, ctx, a);
      });
    },

    /** A page carries client names (PHI), so each page read is audited once. */
    async list(ctx: Ctx, q: ListInput) {
      if (q.box === 'network') return network.list(ctx, q);
      const networkOnly = (['organizationId', 'spa'] as const).filter((k) => q[k] !== undefined);
      if (networkOnly.length) {
        throw new AppError('validation_failed', 'These filters are for box=network.', { errors: networkOnly.map((k) => ({ path: `query.${k}`, message: 'Only with box=network' })) });
      }
      const { actor } = ctx;
      const userId = userIdOf(actor);
      if (q.assigneeId === 'me' && !userId) throw new AppError('validation_failed', 'An API key has no "me".', { errors: [{ path: 'query.assigneeId', message: 'Use a user id or none' }] });
      if (q.sentBy && !userId) throw new AppError('validation_failed', 'An API key has no "me".', { errors: [{ path: 'query.sentBy', message: 'Only a signed-in user has referrals of their own' }] });
      if (q.sort === 'urgency' && q.updatedSince) throw new AppError('validation_failed', 'A sync is ordered by change.', { errors: [{ path: 'query.sort', message: 'sort=urgency does not go with updatedSince' }] });
      if (q.returned !== undefined && !userId) throw new AppError('validation_failed', 'An API key has no "me".', { errors: [{ path: 'query.returned', message: 'Only for signed-in users' }] });
      for (const k of ['unread', 'returned'] as const) {
        if (q[k] === false) throw new AppError('validation_failed', `${k}=false is not a filter.`, { errors: [{ path: `query.${k}`, message: `Use ${k}=true or leave it out` }] });
      }
      const assignee = q.assigneeId === 'me' ? userId! : q.assigneeId;
      const byUrgency = q.sort === 'urgency';
      // The page and its audit record at once, on two pool connections: neither waits for the other.
      const [rows] = await Promise.all([
        referralsRepo.page(
          db,
          {
            box: q.box,
            orgIds: actingOrgIds(actor),
            status: q.status,
            need: q.need,
            overdue: q.overdue,
            assignee,
            ...(q.sentBy ? { sentBy: userId! } : {}),
            closed: q.closed,
            ...(q.returned ? { returnedTo: userId! } : {}),
            ...(q.unread ? { unreadBy: readerOf(actor)! } : {}),
            q: q.q,
            limit: q.limit,
            since: q.updatedSince,
            sort: q.sort,
            after: q.updatedSince ? decodeSyncCursor(q.cursor) : byUrgency ? decodeCursor(q.cursor, UrgencyCursor) : decodeCursor(q.cursor, KeyCursor),
          },
          readerOf(actor),
        ),
        recordAudit(db, ctx, { action: 'referral.list', entityType: 'referral', entityId: null, organizationId: actingOrgIds(actor)[0] ?? null }),
      ]);
      const now = new Date();
      const page = toPage(rows, q.limit, (r) => (q.updatedSince ? ['u', r.updatedKey, r.r.id] : byUrgency ? [urgencyRank(r.r.urgency), r.cursorAt, r.r.id] : [r.cursorAt, r.r.id]));
      return { data: page.data.map((r) => toItem(r, now)), nextCursor: page.nextCursor };
    },

    /** The signed-in user's home worklist (route rule: signed in). */
    async worklist(actor: Actor, userId: string): Promise<ReferralWorklist> {
      const c = await referralsRepo.worklist(db, actingOrgIds(actor), userId);
      return {
        sent: { drafts: c.drafts, returned: c.returned, overdue: c.sentOverdue, unreadMessages: c.sentUnread },
        received: { toAcknowledge: c.toAcknowledge, assignedToMe: c.assignedToMe, overdue: c.receivedOverdue, unreadMessages: c.receivedUnread },
      };
    },

    async counts(actor: Actor, box: 'received' | 'sent'): Promise<ReferralCounts> {
      const { rows, unread } = await referralsRepo.counts(db, box, actingOrgIds(actor), readerOf(actor));
      const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<ReferralStatus, number>;
      let overdue = 0;
      for (const r of rows) {
        byStatus[r.status as ReferralStatus] += r.n;
        overdue += r.overdue;
      }
      const open = OPEN_STATUSES.reduce((n, s) => n + byStatus[s], 0);
      const loopClosure = loopClosureRollup(
        rows.map((r) => ({ status: r.status as ReferralStatus, statusReason: r.statusReason as ClosureReason | null, outcome: r.outcome as LoopClosureReason | null, loopClosed: r.loopClosed, n: r.n })),
      );
      return { box, byStatus, open, overdue, unreadMessages: unread, loopClosure };
    },
  };
};
