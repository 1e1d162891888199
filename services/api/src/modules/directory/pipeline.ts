import { partnershipStageAfter, type EngagementEventType, type PartnershipStage } from '@tandem/contract';
import type { DbOrTx } from '@tandem/db';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { organizationsRepo } from './repo';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The partnership pipeline's automatic moves (issue 25): what the engagement module calls, in its
 * own transaction, when an event of `eventType` is logged (or changed) with these partner
 * organizations. Each organization is locked and moved only forward by the contract's
 * `partnershipStageAfter`; each move is one `organization.stage_advance` audit row in the
 * organization's change history, naming the event that caused it (`causeEventId`).
 */
export const advancePartnershipStage = async (tx: DbOrTx, ctx: Ctx, cause: { organizationIds: string[]; eventType: EngagementEventType; eventId: string }) => {
  // Sorted, so two transactions touching the same organizations lock them in one order.
  for (const id of [...new Set(cause.organizationIds)].sort()) {
    const before = await organizationsRepo.lock(tx, id);
    if (!before) continue;
    const to = partnershipStageAfter(before.partnershipStage as PartnershipStage, cause.eventType);
    if (!to) continue;
    const stageDates = { ...before.stageDates, [to]: before.stageDates[to] ?? today() };
    await organizationsRepo.update(tx, id, { partnershipStage: to, stageDates });
    await recordAudit(tx, ctx, {
      action: 'organization.stage_advance',
      entityType: 'organization',
      entityId: id,
      organizationId: id,
      changes: {
        partnershipStage: { from: before.partnershipStage, to },
        stageDates: { from: before.stageDates, to: stageDates },
        causeEventId: { from: null, to: cause.eventId },
      },
    });
  }
};
