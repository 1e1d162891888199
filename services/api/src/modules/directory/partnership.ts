import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { hasPartnershipEvidence, type ConfirmPartnershipBodySchema, type Partnership, type PartnershipEvidence } from '@tandem/contract';
import { schema, type Db, type DbOrTx } from '@tandem/db';
import { AppError, notFound } from '../../lib/app-error';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { organizationsRepo, type OrganizationRow } from './repo';

const { agreements, agreementParties, auditLog, users } = schema;
const today = () => new Date().toISOString().slice(0, 10);
const CONFIRM = 'organization.partnership_confirm';

/** What the directory asks of the referrals module (app.ts hands in its index's function). */
export interface ReferralCounts {
  receivedCount: (db: DbOrTx, organizationId: string) => Promise<number>;
}

/** Agreements the organization is a party to that got past a draft (negotiating, active, expired, terminated). */
const agreementCount = async (db: DbOrTx, orgId: string) => {
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${agreementParties} p join ${agreements} a on a.id = p.agreement_id where p.organization_id = ${orgId} and a.status <> 'draft'`,
  );
  return res.rows[0]?.n ?? 0;
};

const lastConfirmation = async (db: DbOrTx, orgId: string) =>
  (
    await db
      .select({ at: auditLog.at, name: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.entityType, 'organization'), eq(auditLog.entityId, orgId), eq(auditLog.action, CONFIRM)))
      .orderBy(desc(auditLog.at))
      .limit(1)
  )[0];

/**
 * The last step of the partnership pipeline (issue 25): partnered is a person's confirmation,
 * weighed against evidence (agreements from this module's tables, referrals received counted by
 * the referrals module). Network staff only (the routes' rule).
 */
export const createPartnershipService = ({ db, referrals }: { db: Db; referrals: ReferralCounts }) => {
  const evidenceOf = async (tx: DbOrTx, orgId: string): Promise<PartnershipEvidence> => {
    const [agreementsN, referralsReceived] = await Promise.all([agreementCount(tx, orgId), referrals.receivedCount(tx, orgId)]);
    return { agreements: agreementsN, referralsReceived };
  };
  const view = async (tx: DbOrTx, org: OrganizationRow): Promise<Partnership> => {
    const [evidence, confirmed] = await Promise.all([evidenceOf(tx, org.id), lastConfirmation(tx, org.id)]);
    return {
      organizationId: org.id,
      stage: org.partnershipStage as Partnership['stage'],
      stageDates: org.stageDates,
      evidence,
      canConfirm: org.partnershipStage !== 'partnered',
      confirmedAt: confirmed ? confirmed.at.toISOString() : null,
      confirmedBy: confirmed?.name ?? null,
      version: org.version,
    };
  };
  return {
    async get(id: string): Promise<Partnership> {
      const org = await organizationsRepo.one(db, id);
      if (!org) throw notFound('organization');
      return view(db, org);
    },

    /** Lock → version → rule (not partnered yet; evidence or a note) → update → audit with the evidence. */
    async confirm(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof ConfirmPartnershipBodySchema>): Promise<Partnership> {
      return db.transaction(async (tx) => {
        const before = await organizationsRepo.lock(tx, id);
        if (!before) throw notFound('organization');
        assertVersion(before.version, expected);
        if (before.partnershipStage === 'partnered') throw new AppError('invalid_transition', 'The organization is already partnered.');
        const evidence = await evidenceOf(tx, id);
        const note = input?.note?.trim() || null;
        if (!hasPartnershipEvidence(evidence) && !note) {
          throw new AppError('partnership_evidence_missing', 'The organization has no agreement and has received no referral: say why it is partnered in a note.', {
            errors: [{ path: 'body.note', message: 'Required when there is no agreement and no referral received' }],
          });
        }
        const stageDates = { ...before.stageDates, partnered: today() };
        const row = await organizationsRepo.update(tx, id, { partnershipStage: 'partnered', stageDates });
        await recordAudit(tx, ctx, {
          action: CONFIRM,
          entityType: 'organization',
          entityId: id,
          organizationId: id,
          changes: {
            partnershipStage: { from: before.partnershipStage, to: 'partnered' },
            stageDates: { from: before.stageDates, to: stageDates },
            evidence: { from: null, to: evidence },
            ...(note ? { note: { from: null, to: note } } : {}),
          },
        });
        return view(tx, row);
      });
    },
  };
};
export type PartnershipService = ReturnType<typeof createPartnershipService>;
