import { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import {
  checkSendPacket,
  OPEN_STATUSES,
  REFERRAL_STATUSES,
  type CreateReferralBodySchema,
  type ReferralCounts,
  type ReferralDetail,
  type ReferralListQuerySchema,
  type ReferralStatus,
  type UpdateReferralBodySchema,
} from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { actingOrgIds, type Actor, type Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, toPage } from '../../lib/pagination';
import type { ClientsService } from '../clients/service';
import { accessOf, allowedFor, loadReferral, requireSide, type Access } from './access';
import { toItem } from './mappers';
import { referralsRepo, type ReferralInsert } from './repo';
import { actorUserId, changeStatus } from './status';

/** What the referrals module needs from the directory, supplied at wiring time. */
export interface DirectoryLookup {
  serviceInfo: (actor: Actor, id: string) => Promise<{ organizationId: string; ackSlaHours: number; firstContactSlaHours: number } | null>;
  /** An active BAA between the two organizations stands in for consent (ARCHITECTURE §3). */
  hasActiveBaa: (orgA: string, orgB: string) => Promise<boolean>;
}
export interface ReferralDeps {
  db: Db;
  clients: ClientsService;
  directory: DirectoryLookup;
}

type CreateInput = z.output<typeof CreateReferralBodySchema>;
type UpdateInput = z.output<typeof UpdateReferralBodySchema>;
type ListInput = z.output<typeof ReferralListQuerySchema>;
const KeyCursor = z.tuple([z.string(), z.uuid()]);

/** The detail view every endpoint returning a referral answers with. */
export const buildDetail = async (deps: ReferralDeps, tx: DbOrTx, ctx: Ctx, a: Access, auditClient: boolean): Promise<ReferralDetail> => {
  const now = new Date();
  const r = a.row;
  const item = (await referralsRepo.item(tx, r.id, actorUserId(ctx)))!;
  const [client, consent, chain] = await Promise.all([
    r.clientId ? deps.clients.forReferral(tx, ctx, r.clientId, a.orgId, auditClient) : null,
    deps.clients.consentSummary(tx, r.consentId, now),
    referralsRepo.chain(tx, r.id),
  ]);
  let packetMissing: ReferralDetail['packetMissing'] = [];
  if (r.status === 'draft') {
    const p = await deps.clients.packet(tx, r.clientId, r.receivingOrgId, r.consentId, now);
    const sender = { name: r.senderContactName, phone: r.senderContactPhone, email: r.senderContactEmail };
    const hasActiveBaa = r.receivingOrgId ? await deps.directory.hasActiveBaa(r.sendingOrgId, r.receivingOrgId) : false;
    packetMissing = checkSendPacket({ client: p.client, needs: r.needs, reason: r.reason, senderContact: sender, consent: p.consent, hasActiveBaa, now }).missing;
  }
  return {
    ...toItem(item, now),
    client,
    consent,
    forwardChain: chain.map((c) => c.id),
    forwardedToId: chain.find((c) => c.forwardedFromId === r.id)?.id ?? null,
    allowedTransitions: allowedFor(a),
    packetMissing,
  };
};

/** The caller's organization for a new referral: explicit when they belong to several. */
const sendingOrgOf = (actor: Actor, requested?: string) => {
  const mine = actingOrgIds(actor);
  if (requested) {
    if (!mine.includes(requested)) throw new AppError('forbidden', 'You can only send referrals for an organization you belong to.');
    return requested;
  }
  if (mine.length !== 1) {
    throw new AppError('validation_failed', 'You belong to several organizations: say which one sends this referral.', {
      errors: [{ path: 'body.sendingOrganizationId', message: 'Required for members of several organizations', code: 'missing' }],
    });
  }
  return mine[0]!;
};

/** Fields a draft's body may set, checked against the client and directory. */
const draftFields = async (deps: ReferralDeps, tx: DbOrTx, actor: Actor, input: Partial<CreateInput>, receivingOrgId: string | null) => {
  const set: Partial<ReferralInsert> = {};
  for (const k of ['needs', 'reason', 'urgency', 'senderContactName', 'senderContactPhone', 'senderContactEmail', 'receivingContactId', 'consentId'] as const) {
    if (input[k] !== undefined) (set as Record<string, unknown>)[k] = input[k];
  }
  if (input.clientId) await deps.clients.assertUsable(tx, actor, input.clientId);
  if (input.clientId !== undefined) set.clientId = input.clientId;
  if (input.receivingOrganizationId !== undefined) set.receivingOrgId = input.receivingOrganizationId;
  if (input.receivingServiceId !== undefined) set.receivingServiceId = input.receivingServiceId;
  const serviceId = input.receivingServiceId;
  if (serviceId) {
    const svc = await deps.directory.serviceInfo(actor, serviceId);
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
  return {
    async create(ctx: Ctx, input: CreateInput) {
      const sendingOrgId = sendingOrgOf(ctx.actor, input.sendingOrganizationId);
      return db.transaction(async (tx) => {
        const userId = actorUserId(ctx);
        const me = userId ? await referralsRepo.userContact(tx, userId) : undefined;
        const set = await draftFields(deps, tx, ctx.actor, input, null);
        const row = await referralsRepo.insert(tx, {
          senderContactName: me?.name ?? null,
          senderContactEmail: me?.email ?? null,
          ...set,
          sendingOrgId,
          sendingUserId: userId,
          status: 'draft',
        });
        await referralsRepo.insertEvent(tx, { referralId: row.id, kind: 'created', actorUserId: userId, actorOrgId: sendingOrgId, toStatus: 'draft' });
        await recordAudit(tx, ctx, { action: 'referral.create', entityType: 'referral', entityId: row.id, organizationId: sendingOrgId });
        return buildDetail(deps, tx, ctx, accessOf(row, ctx.actor)!, false);
      });
    },

    /**
     * Opening a referral: the receiver's first open of a sent referral acknowledges it (through
     * decideTransition, automatic), every open is recorded as a view and audited.
     */
    async get(ctx: Ctx, id: string) {
      return db.transaction(async (tx) => {
        const a = await loadReferral(tx, ctx.actor, id);
        if (a.row.status === 'sent' && a.sides.includes('receiver')) {
          // Losing a race with another opener is fine: someone acknowledged it; read what they wrote.
          const done = await changeStatus(tx, ctx, a, { to: 'acknowledged', automatic: true, side: 'receiver' }, true);
          if (!done) a.row = (await referralsRepo.one(tx, id))!;
        }
        await referralsRepo.insertView(tx, id, actorUserId(ctx), a.orgId);
        await recordAudit(tx, ctx, { action: 'referral.read', entityType: 'referral', entityId: id, organizationId: a.orgId });
        return buildDetail(deps, tx, ctx, a, true);
      });
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
        const set = await draftFields(deps, tx, ctx.actor, input, a.row.receivingOrgId);
        const row = await referralsRepo.updateVersioned(tx, id, expected ?? a.row.version, set);
        if (!row) throw new AppError('stale_version', 'The referral changed since you read it. Reload and try again.');
        await referralsRepo.insertEvent(tx, { referralId: id, kind: 'updated', actorUserId: actorUserId(ctx), actorOrgId: a.orgId, data: { fields: Object.keys(set) } });
        await recordAudit(tx, ctx, { action: 'referral.update', entityType: 'referral', entityId: id, organizationId: a.orgId });
        a.row = row;
        return buildDetail(deps, tx, ctx, a, false);
      });
    },

    /** A page carries client names (PHI), so each page read is audited once. */
    async list(ctx: Ctx, q: ListInput) {
      const { actor } = ctx;
      const userId = actor.kind === 'user' ? actor.userId : null;
      if (q.assigneeId === 'me' && !userId) throw new AppError('validation_failed', 'An API key has no "me".', { errors: [{ path: 'query.assigneeId', message: 'Use a user id or none' }] });
      const assignee = q.assigneeId === 'me' ? userId! : q.assigneeId;
      const rows = await referralsRepo.page(
        db,
        { box: q.box, orgIds: actingOrgIds(actor), status: q.status, need: q.need, overdue: q.overdue, assignee, q: q.q, limit: q.limit, after: decodeCursor(q.cursor, KeyCursor) },
        userId,
      );
      await recordAudit(db, ctx, { action: 'referral.list', entityType: 'referral', entityId: null, organizationId: actingOrgIds(actor)[0] ?? null });
      const now = new Date();
      const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.r.id]);
      return { data: page.data.map((r) => toItem(r, now)), nextCursor: page.nextCursor };
    },

    async counts(actor: Actor, box: 'received' | 'sent'): Promise<ReferralCounts> {
      const rows = await referralsRepo.counts(db, box, actingOrgIds(actor), actor.kind === 'user' ? actor.userId : null);
      const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<ReferralStatus, number>;
      let overdue = 0;
      let unreadMessages = 0;
      for (const r of rows) {
        byStatus[r.status as ReferralStatus] = r.n;
        overdue += r.overdue;
        unreadMessages += r.unread;
      }
      const open = OPEN_STATUSES.reduce((n, s) => n + byStatus[s], 0);
      return { box, byStatus, open, overdue, unreadMessages };
    },
  };
};
