import { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import type { api, EndpointOutput } from '@tandem/contract';
import { AppError, forbidden, notFound } from '../../lib/app-error';
import { actingOrgIds, hasRole, isNetworkAdmin, type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, toPage } from '../../lib/pagination';
import { isNetworkStaff } from './access';
import { agreementsRepo, type AgreementRow } from './agreements.repo';

/** Keyset cursor: [end date or 'infinity', id]. */
const AgreementCursor = z.tuple([z.union([z.iso.date(), z.literal('infinity')]), z.uuid()]);

type Agreement = EndpointOutput<typeof api.getAgreement>;
type ListQuery = z.output<typeof api.listAgreements.query>;
type CreateBody = z.output<typeof api.createAgreement.body>;
type UpdateBody = z.output<typeof api.updateAgreement.body>;

const FIELDS = ['kind', 'status', 'title', 'startDate', 'endDate', 'renewalDue', 'documentUrl', 'notes'] as const;
/** What a party approves: a change to any of these (or to the parties) clears the approvals. */
const TERMS: readonly string[] = ['kind', 'title', 'startDate', 'endDate', 'documentUrl'];
/** A BAA waiting for approval. */
const APPROVABLE: readonly string[] = ['draft', 'negotiating'];
// Agreement dates are Los Angeles calendar dates, whatever the server's time zone.
const laDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Los Angeles and today + days, as YYYY-MM-DD. */
export const laDateWindow = (days: number, now = new Date()): [string, string] => {
  const today = laDate.format(now);
  const end = new Date(`${today}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  return [today, end.toISOString().slice(0, 10)];
};

const toAgreement = (r: AgreementRow, parties: { id: string; name: string }[], approvals: { organizationId: string; approvedAt: Date; approvedByName: string | null }[]): Agreement => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  title: r.title,
  startDate: r.startDate,
  endDate: r.endDate,
  renewalDue: r.renewalDue,
  documentUrl: r.documentUrl,
  notes: r.notes,
  parties,
  approvals: approvals.map((a) => ({ organizationId: a.organizationId, approvedAt: a.approvedAt.toISOString(), approvedByName: a.approvedByName })),
  createdByUserId: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

const assertOrgsExist = async (db: DbOrTx, ids: string[]) => {
  const found = await agreementsRepo.existingOrgIds(db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError('reference_not_found', `No organization with id ${missing.join(', ')}.`, {
      errors: missing.map((id) => ({ path: `body.partyOrganizationIds.${ids.indexOf(id)}`, message: 'No such organization', code: 'unknown_reference' as const })),
    });
  }
};

/**
 * A BAA stands in for client consent on referrals between its parties (ARCHITECTURE §3), so it
 * turns active only by approval: every party's org admin, or a network admin (POST .../approve).
 * Only a network admin writes a BAA as active directly.
 */
const APPROVAL_NEEDED =
  "A BAA becomes active when an org admin of every party approves it, or a network admin does: save it as draft or negotiating and ask for approval (POST /api/v1/agreements/{id}/approve).";

/** One audit row per party organization, so each party's history shows the agreement. */
const auditParties = async (tx: DbOrTx, ctx: Ctx, action: string, id: string, orgIds: string[], changes: Record<string, { from: unknown; to: unknown }>) => {
  for (const organizationId of orgIds) await recordAudit(tx, ctx, { action, entityType: 'agreement', entityId: id, organizationId, changes });
};

/**
 * Agreements between partners: network admins and the collaboration team see and write all of
 * them; other signed-in users read those their organizations are parties to.
 */
export const createAgreementsService = ({ db }: { db: Db }) => {
  const withParties = async (rows: AgreementRow[]) => {
    const ids = rows.map((r) => r.id);
    const [parties, approvals] = await Promise.all([agreementsRepo.parties(db, ids), agreementsRepo.approvals(db, ids)]);
    return rows.map((r) => toAgreement(r, parties.get(r.id) ?? [], approvals.get(r.id) ?? []));
  };
  const get = async (actor: Actor, id: string) => {
    const row = await agreementsRepo.one(db, id);
    const [agreement] = row ? await withParties([row]) : [];
    // Someone outside the parties gets the same 404 as a random id: no hint that it exists.
    const mine = agreement && (isNetworkStaff(actor) || agreement.parties.some((p) => actingOrgIds(actor).includes(p.id)));
    if (!agreement || !mine) throw notFound('agreement');
    return agreement;
  };
  return {
    async list(actor: Actor, q: ListQuery) {
      const rows = await agreementsRepo.page(db, {
        limit: q.limit,
        visibleTo: isNetworkStaff(actor) ? undefined : actingOrgIds(actor),
        organizationId: q.organizationId,
        kind: q.kind,
        status: q.status,
        endBetween: q.expiringWithinDays !== undefined ? laDateWindow(q.expiringWithinDays) : undefined,
        after: decodeCursor(q.cursor, AgreementCursor),
      });
      const page = toPage(rows, q.limit, (r) => [r.endKey, r.id]);
      return { data: await withParties(page.data), nextCursor: page.nextCursor };
    },

    get,

    async create(ctx: Ctx, input: CreateBody) {
      const { partyOrganizationIds, ...fields } = input;
      if (fields.kind === 'baa' && fields.status === 'active' && !isNetworkAdmin(ctx.actor)) throw new AppError('approval_required', APPROVAL_NEEDED);
      const id = await db.transaction(async (tx) => {
        await assertOrgsExist(tx, partyOrganizationIds);
        const row = await agreementsRepo.insert(tx, { ...fields, createdBy: userIdOf(ctx.actor) });
        await agreementsRepo.replaceParties(tx, row.id, partyOrganizationIds);
        const changes = diffFields({} as Record<string, unknown>, { ...fields, partyOrganizationIds }, [...FIELDS, 'partyOrganizationIds']);
        await auditParties(tx, ctx, 'agreement.create', row.id, partyOrganizationIds, changes);
        return row.id;
      });
      return get(ctx.actor, id);
    },

    async update(ctx: Ctx, id: string, expected: number | undefined, input: UpdateBody) {
      const { version: _v, partyOrganizationIds, ...fields } = input;
      await db.transaction(async (tx) => {
        const before = await agreementsRepo.lock(tx, id);
        if (!before) throw notFound('agreement');
        assertVersion(before.version, expected);
        const merged = { startDate: before.startDate, endDate: before.endDate, ...fields };
        if (merged.startDate && merged.endDate && merged.startDate > merged.endDate) {
          throw new AppError('validation_failed', 'startDate must not be after endDate.', { errors: [{ path: 'body.endDate', message: 'Before startDate' }] });
        }
        const beforeParties = (await agreementsRepo.partyIds(tx, id)).sort();
        const changes = diffFields(before as Record<string, unknown>, fields, FIELDS);
        if (partyOrganizationIds) {
          await assertOrgsExist(tx, partyOrganizationIds);
          const after = [...partyOrganizationIds].sort();
          if (after.join() !== beforeParties.join()) changes.partyOrganizationIds = { from: beforeParties, to: after };
        }
        // Nothing changes: no write, no new version, no audit row.
        if (!Object.keys(changes).length) return;
        const termsChanged = Object.keys(changes).some((k) => k === 'partyOrganizationIds' || TERMS.includes(k));
        const activeBaa = (fields.kind ?? before.kind) === 'baa' && (fields.status ?? before.status) === 'active';
        const wasActiveBaa = before.kind === 'baa' && before.status === 'active';
        if (activeBaa && !isNetworkAdmin(ctx.actor) && (!wasActiveBaa || termsChanged)) throw new AppError('approval_required', APPROVAL_NEEDED);
        await agreementsRepo.update(tx, id, fields);
        if (partyOrganizationIds) await agreementsRepo.replaceParties(tx, id, partyOrganizationIds);
        if (termsChanged) await agreementsRepo.clearApprovals(tx, id);
        await auditParties(tx, ctx, 'agreement.update', id, [...new Set([...beforeParties, ...(partyOrganizationIds ?? [])])], changes);
      });
      return get(ctx.actor, id);
    },

    /**
     * Approve a BAA in draft or negotiating: a network admin makes it active; an org admin of a
     * party records that party's approval, and the last party's approval makes it active. The
     * version (If-Match) is required: an approval is of the terms the approver read.
     */
    async approve(ctx: Ctx, id: string, expected: number | undefined) {
      const actor = ctx.actor;
      if (actor.kind !== 'user') throw forbidden();
      await db.transaction(async (tx) => {
        const before = await agreementsRepo.lock(tx, id);
        const parties = before ? await agreementsRepo.partyIds(tx, id) : [];
        const visible = before && (isNetworkStaff(actor) || parties.some((p) => actingOrgIds(actor).includes(p)));
        if (!before || !visible) throw notFound('agreement');
        // You approve the terms you read: a change since then (which clears approvals) is a 409.
        assertVersion(before.version, expected);
        const network = isNetworkAdmin(actor);
        const adminOf = parties.filter((p) => hasRole(actor, p, 'org_admin'));
        if (!network && adminOf.length === 0) throw forbidden("Only an org admin of a party, or a network admin, approves a BAA.");
        if (before.kind !== 'baa') throw new AppError('invalid_transition', 'Only a BAA needs approval.');
        if (!APPROVABLE.includes(before.status)) throw new AppError('invalid_transition', `A BAA in status ${before.status} cannot be approved.`);
        if (adminOf.length) await agreementsRepo.approve(tx, id, adminOf, actor.userId);
        const approved = network || (await agreementsRepo.unapprovedParties(tx, id)).length === 0;
        await agreementsRepo.update(tx, id, approved ? { status: 'active' } : {});
        const changes: Record<string, { from: unknown; to: unknown }> = { approvedFor: { from: null, to: network ? 'network' : adminOf } };
        if (approved) changes.status = { from: before.status, to: 'active' };
        await auditParties(tx, ctx, 'agreement.approve', id, parties, changes);
      });
      return get(actor, id);
    },
  };
};
export type AgreementsService = ReturnType<typeof createAgreementsService>;
