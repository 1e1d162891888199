import type { z } from 'zod';
import type { DbOrTx } from '@tandem/db';
import {
  decideFirstContact,
  firstContactTimeOf,
  decideLoopClosed,
  isTerminal,
  slaDueDates,
  type AssignReferralBodySchema,
  type CorrectFirstContactBodySchema,
  type FirstContactMethod,
  type LoopClosedBodySchema,
  type LoopDecision,
  type DuplicateHolder,
  type FirstContactBodySchema,
  type ForwardBodySchema,
  type ReferralDetail,
  type ReferralStatus,
  type SdohCategory,
  type TransitionBodySchema,
} from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Ctx, userIdOf, apiKeyIdOf } from '../../lib/actor';
import { auditInsert } from '../../lib/audit';
import { writeTogether } from '../../lib/batch';
import { assertVersion } from '../../lib/concurrency';
import { accessOf, assertTransition, loadReferral, requireSide } from './access';
import { referralsRepo, type SendContext } from './repo';
import { buildDetail, detailView, packetCheckOf, type ReferralDeps } from './service';
import { changeStatus, readerOf } from './status';

type TransitionInput = z.output<typeof TransitionBodySchema>;
type ForwardInput = z.output<typeof ForwardBodySchema>;
export interface SendOptions {
  expected?: number;
  confirmDuplicate: boolean;
  duplicateReason?: string | null;
}

const stale = () => new AppError('stale_version', 'The referral changed since you read it. Reload and try again.');

/** A refusal from the contract's closing-the-loop rules, as the problem the API answers. */
const assertLoop = (d: LoopDecision) => {
  if (d.ok) return;
  throw new AppError(d.code, d.detail, d.field ? { errors: [{ path: `body.${d.field}`, message: d.detail, code: d.fieldCode ?? ('invalid_value' as const) }] } : undefined);
};

/**
 * Checks the packet and the duplicate guard for sending the draft read in `c`, and returns the
 * columns sending writes: consent used, SLA due dates, and any duplicate override. Pure: the
 * client, its consents, the BAA, the duplicates and the SLA targets all came with sendContext.
 */
const prepareSend = (c: SendContext, opts: SendOptions, now: Date) => {
  const check = packetCheckOf(c, now);
  const { missing } = check;
  if (missing.length) {
    throw new AppError('packet_incomplete', `Missing before sending: ${missing.map((m) => m.field).join(', ')}.`, {
      missing,
      errors: missing.map((m) => ({ path: m.field, message: m.message, code: 'missing' as const })),
    });
  }
  const dups = c.duplicates;
  if (dups.length && !opts.confirmDuplicate) {
    // sentAt arrives as JSON text; answer it in the same ISO form as every other timestamp.
    const holders: DuplicateHolder[] = dups.map((d) => ({ ...d, status: d.status as ReferralStatus, sentAt: d.sentAt ? new Date(d.sentAt).toISOString() : null, needs: d.needs as SdohCategory[] }));
    const first = holders[0]!;
    // Who holds it, never client details: the caller may not be on that referral.
    throw new AppError(
      'duplicate_referral',
      `${first.organizationName}${first.contactName ? ` (${first.contactName})` : ''} already holds an open referral for this need (${first.status} since ${first.sentAt?.slice(0, 10) ?? 'unknown'}). Confirm to send anyway.`,
      { duplicates: holders },
    );
  }
  const due = slaDueDates({ sentAt: now, ackSlaHours: c.ackSlaHours ?? undefined, firstContactSlaHours: c.firstContactSlaHours ?? undefined });
  return {
    sentAt: now,
    acknowledgeDueAt: due.acknowledgeBy,
    firstContactDueAt: due.firstContactBy,
    consentId: check.consentId,
    duplicateOverrideReason: dups.length ? (opts.duplicateReason ?? null) : null,
  };
};

export const createLifecycleService = (deps: ReferralDeps) => {
  const { db } = deps;

  /**
   * Records (mode record) or corrects (mode correct) first contact, checked by the contract's
   * decideFirstContact: the row (version-checked), a first_contact timeline event holding what it
   * replaced (from → to), and an audit row, in one transaction.
   */
  const writeFirstContact = (
    ctx: Ctx,
    id: string,
    expected: number | undefined,
    mode: 'record' | 'correct',
    input: { at?: string; method?: FirstContactMethod; note?: string | null },
  ) =>
    db.transaction(async (tx) => {
      const a = await loadReferral(tx, ctx.actor, id);
      const r = a.row;
      const recorded = r.firstContactAt ? { at: r.firstContactAt, method: r.firstContactMethod as FirstContactMethod | null } : null;
      const now = new Date();
      const given = input.at ? new Date(input.at) : mode === 'correct' && recorded ? recorded.at : now;
      const method = input.method ?? (mode === 'correct' ? (recorded?.method ?? null) : null);
      assertLoop(decideFirstContact({ mode, sides: a.sides, status: r.status, sentAt: r.sentAt, closedAt: r.closedAt, recorded, loopClosedAt: r.loopClosedAt, at: given, method, now }));
      const at = firstContactTimeOf(given, r.sentAt);
      assertVersion(r.version, expected);
      const row = await referralsRepo.updateVersioned(tx, id, expected ?? r.version, { firstContactAt: at, firstContactMethod: method });
      if (!row) throw stale();
      const change = { at: at.toISOString(), method, previousAt: recorded?.at.toISOString() ?? null, previousMethod: recorded?.method ?? null };
      await writeTogether(tx, [
        referralsRepo.eventInsert(tx, { referralId: id, kind: 'first_contact', actorUserId: userIdOf(ctx.actor), actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: r.receivingOrgId, note: input.note ?? null, data: change }),
        auditInsert(tx, ctx, {
          action: mode === 'record' ? 'referral.first_contact' : 'referral.first_contact_corrected',
          entityType: 'referral',
          entityId: id,
          organizationId: r.receivingOrgId,
          changes: { firstContactAt: { from: change.previousAt, to: change.at }, firstContactMethod: { from: change.previousMethod, to: method } },
        }),
      ]);
      a.row = row;
      return buildDetail(tx, ctx, a);
    });

  /**
   * Sends a draft on the pool, or in the caller's transaction (forward): ONE read of everything the checks need
   * (sendContext), the status change (version-checked UPDATE, then its event, outbox,
   * notification and audit rows in one statement), and no re-read: the UPDATE returns the row,
   * and it matched only at the version read, so the names, client and consents read with it are
   * what a re-read would show.
   */
  const send = async (tx: DbOrTx, ctx: Ctx, id: string, opts: SendOptions): Promise<ReferralDetail> => {
    const c = await referralsRepo.sendContext(tx, id, readerOf(ctx.actor));
    const a = c ? accessOf(c.r, ctx.actor) : null;
    // Anyone not on it gets the same 404 as a random id (as loadReferral).
    if (!c || !a) throw notFound('referral');
    // Guard first, so a non-sender or a non-draft hears why before any packet detail.
    assertTransition(a, 'sent', {});
    assertVersion(a.row.version, opts.expected);
    const set = prepareSend(c, opts, new Date());
    await changeStatus(deps.notifier, tx, ctx, a, { to: 'sent', expected: opts.expected, set });
    return detailView(tx, a, { ...c, r: a.row, consent: c.clientConsents?.find((x) => x.id === set.consentId) ?? null });
  };

  return {
    /** On the pool, no transaction: the status change and its records are one statement (changeStatus). */
    send: (ctx: Ctx, id: string, opts: SendOptions) => send(db, ctx, id, opts),

    /**
     * Any status change; `sent` goes through the send checks, so there is no back door. No
     * transaction, as send: the change and its records are one statement (changeStatus).
     */
    async transition(ctx: Ctx, id: string, expected: number | undefined, input: TransitionInput) {
      if (input.to === 'sent') return send(db, ctx, id, { expected, confirmDuplicate: input.confirmDuplicate, duplicateReason: input.note });
      const a = await loadReferral(db, ctx.actor, id);
      await changeStatus(deps.notifier, db, ctx, a, { to: input.to, reason: input.reason, note: input.note, outcome: input.outcome, expected });
      return buildDetail(db, ctx, a);
    },

    /**
     * The receiver declines as referred_elsewhere and sends a linked referral to another partner,
     * in one transaction: both happen or neither does.
     */
    async forward(ctx: Ctx, id: string, expected: number | undefined, input: ForwardInput) {
      return db.transaction(async (tx) => {
        const a = await loadReferral(tx, ctx.actor, id);
        requireSide(a, 'receiver', 'forward this referral');
        const original = a.row;
        if (input.receivingOrganizationId === original.receivingOrgId) {
          throw new AppError('validation_failed', 'Forward to another organization.', { errors: [{ path: 'body.receivingOrganizationId', message: 'This organization already has it' }] });
        }
        if (input.receivingServiceId) {
          const svc = await deps.directory.serviceInfo(tx, input.receivingServiceId);
          if (svc?.organizationId !== input.receivingOrganizationId) throw new AppError('reference_not_found', 'The service is not one of that organization’s.', { errors: [{ path: 'body.receivingServiceId', message: 'Unknown service' }] });
        }
        await changeStatus(deps.notifier, tx, ctx, a, { to: 'declined', reason: 'referred_elsewhere', note: input.note, expected, side: 'receiver' });
        const userId = userIdOf(ctx.actor);
        const me = userId ? await referralsRepo.userContact(tx, userId) : undefined;
        const draft = await referralsRepo.insert(tx, {
          clientId: original.clientId,
          needs: original.needs,
          reason: original.reason,
          urgency: original.urgency,
          sendingOrgId: original.receivingOrgId!,
          sendingUserId: userId,
          senderContactName: me?.name ?? original.senderContactName,
          senderContactEmail: me?.email ?? original.senderContactEmail,
          senderContactPhone: me ? null : original.senderContactPhone,
          receivingOrgId: input.receivingOrganizationId,
          receivingServiceId: input.receivingServiceId ?? null,
          forwardedFromId: original.id,
          status: 'draft',
        });
        await writeTogether(tx, [
          referralsRepo.eventInsert(tx, { referralId: draft.id, kind: 'created', actorUserId: userId, actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: draft.sendingOrgId, toStatus: 'draft', note: input.note, data: { forwardedFromId: original.id } }),
          referralsRepo.eventInsert(tx, { referralId: original.id, kind: 'forwarded', actorUserId: userId, actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: a.orgId, note: input.note, data: { forwardedToId: draft.id } }),
        ]);
        // Same checks as any send: packet, consent covering the new partner, open duplicates
        // (the declined original no longer counts).
        return send(tx, ctx, draft.id, { confirmDuplicate: false });
      });
    },

    async assign(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof AssignReferralBodySchema>) {
      return db.transaction(async (tx) => {
        const a = await loadReferral(tx, ctx.actor, id);
        requireSide(a, 'receiver', 'assign this referral');
        if (isTerminal(a.row.status)) throw new AppError('conflict', 'A closed referral cannot be reassigned.');
        if (input.assigneeId && !(await referralsRepo.isMember(tx, a.row.receivingOrgId!, input.assigneeId))) {
          throw new AppError('validation_failed', 'The assignee must be active staff of the receiving organization.', { errors: [{ path: 'body.assigneeId', message: 'Not an active member of the receiving organization' }] });
        }
        assertVersion(a.row.version, expected);
        const row = await referralsRepo.updateVersioned(tx, id, expected ?? a.row.version, { assigneeUserId: input.assigneeId });
        if (!row) throw stale();
        await writeTogether(tx, [
          referralsRepo.eventInsert(tx, { referralId: id, kind: 'assigned', actorUserId: userIdOf(ctx.actor), actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: a.orgId, data: { from: a.row.assigneeUserId, to: input.assigneeId } }),
          auditInsert(tx, ctx, { action: 'referral.assign', entityType: 'referral', entityId: id, organizationId: a.orgId, changes: { assigneeId: { from: a.row.assigneeUserId, to: input.assigneeId } } }),
          // Ids only (webhook payloads leave the network): the receiving organization's own event.
          referralsRepo.outboxInsert(tx, 'referral.assigned', [a.row.receivingOrgId!], { referralId: id, assigneeId: input.assigneeId, version: row.version, at: row.updatedAt.toISOString() }),
          // The new assignee hears that it is theirs now (not when they took it themselves).
          !!input.assigneeId &&
            input.assigneeId !== a.row.assigneeUserId &&
            deps.notifier.insert('referral.assigned', 'referral', referralsRepo.notifyRows(a.row, { sides: [], followers: false, also: [input.assigneeId], actorUserId: userIdOf(ctx.actor), title: 'Referral assigned to you' })),
        ]);
        a.row = row;
        return buildDetail(tx, ctx, a);
      });
    },

    /** The receiver records when and how it first reached the client (once: then it is corrected). */
    async firstContact(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof FirstContactBodySchema>) {
      return writeFirstContact(ctx, id, expected, 'record', { at: input.firstContactAt, method: input.method, note: input.note });
    },

    /** The receiver corrects when or how; the timeline event keeps what it replaced. */
    async correctFirstContact(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof CorrectFirstContactBodySchema>) {
      return writeFirstContact(ctx, id, expected, 'correct', { at: input.firstContactAt, method: input.method, note: input.note });
    },

    /**
     * The sender marks the outcome seen ("loop closed"): who and when, with a timeline event and
     * an audit row, in one transaction. Not a status change: the status stays where it is.
     */
    async markLoopClosed(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof LoopClosedBodySchema>) {
      return db.transaction(async (tx) => {
        const a = await loadReferral(tx, ctx.actor, id);
        assertLoop(decideLoopClosed({ sides: a.sides, status: a.row.status, loopClosedAt: a.row.loopClosedAt }));
        assertVersion(a.row.version, expected);
        const now = new Date();
        const row = await referralsRepo.updateVersioned(tx, id, expected ?? a.row.version, { loopClosedAt: now, loopClosedByUserId: userIdOf(ctx.actor), loopClosedByApiKeyId: apiKeyIdOf(ctx.actor) });
        if (!row) throw stale();
        await writeTogether(tx, [
          referralsRepo.eventInsert(tx, { referralId: id, kind: 'loop_closed', actorUserId: userIdOf(ctx.actor), actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: a.row.sendingOrgId, note: input.note ?? null, data: { outcome: a.row.outcome } }),
          auditInsert(tx, ctx, { action: 'referral.loop_closed', entityType: 'referral', entityId: id, organizationId: a.row.sendingOrgId, changes: { loopClosedAt: { from: null, to: now.toISOString() } } }),
        ]);
        a.row = row;
        return buildDetail(tx, ctx, a);
      });
    },
  };
};
