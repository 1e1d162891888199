import type { TimelineRow } from './repo';
import {
  isOverdue,
  type ActorRef,
  type ClosureReason,
  type FirstContactMethod,
  type LoopClosureReason,
  type Message,
  type Referral,
  type ReferralEventType,
  type ReferralListItem,
  type ReferralStatus,
  type TimelineEntry,
} from '@tandem/contract';
import type { schema } from '@tandem/db';
import type { ItemRow, ReferralRow } from './repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Who marked the loop closed: a person or an API key of the sending organization (names from
 * the item query; without them, ids only). Null until the loop is closed.
 */
const loopClosedByOf = (r: ReferralRow, names?: { by: string | null; org: string | null }): ActorRef | null =>
  r.loopClosedAt
    ? toActorRef({ userId: r.loopClosedByUserId, apiKeyId: r.loopClosedByApiKeyId, orgId: r.sendingOrgId, userName: names?.by ?? null, keyName: names?.by ?? null, orgName: names?.org ?? null })
    : null;

export const toReferral = (r: ReferralRow, names?: { by: string | null; org: string | null }): Referral => ({
  id: r.id,
  clientId: r.clientId,
  sendingOrganizationId: r.sendingOrgId,
  sendingUserId: r.sendingUserId,
  receivingOrganizationId: r.receivingOrgId,
  receivingServiceId: r.receivingServiceId,
  receivingContactId: r.receivingContactId,
  assigneeId: r.assigneeUserId,
  consentId: r.consentId,
  needs: r.needs,
  reason: r.reason,
  urgency: r.urgency,
  status: r.status,
  statusReason: r.statusReason,
  statusNote: r.statusNote,
  outcome: r.outcome,
  senderContactName: r.senderContactName,
  senderContactPhone: r.senderContactPhone,
  senderContactEmail: r.senderContactEmail,
  sentAt: iso(r.sentAt),
  acknowledgedAt: iso(r.acknowledgedAt),
  firstContactAt: iso(r.firstContactAt),
  firstContactMethod: r.firstContactMethod,
  closedAt: iso(r.closedAt),
  acknowledgeBy: iso(r.acknowledgeDueAt),
  firstContactBy: iso(r.firstContactDueAt),
  forwardedFromId: r.forwardedFromId,
  loopClosedAt: iso(r.loopClosedAt),
  loopClosedBy: loopClosedByOf(r, names),
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * SLA flags as reports count them (isOverdue: missed, or done late). A step that can no longer
 * happen because the referral closed counts as done when it closed.
 */
export const overdueFlags = (r: ReferralRow, now: Date) => ({
  acknowledge: isOverdue({ dueAt: r.acknowledgeDueAt, doneAt: r.acknowledgedAt ?? r.closedAt, now }),
  firstContact: isOverdue({ dueAt: r.firstContactDueAt, doneAt: r.firstContactAt ?? r.closedAt, now }),
});

export const toItem = (x: ItemRow, now: Date): ReferralListItem => ({
  ...toReferral(x.r, { by: x.loopClosedByName, org: x.sendingOrganizationName }),
  clientName: x.clientName,
  sendingOrganizationName: x.sendingOrganizationName,
  receivingOrganizationName: x.receivingOrganizationName,
  receivingServiceName: x.receivingServiceName,
  assigneeName: x.assigneeName,
  overdue: overdueFlags(x.r, now),
  unreadMessages: x.unreadMessages,
});

/**
 * Who acted, as the rows hold it: a person, an API key acting for its organization (no user),
 * Tandem itself (neither, and no organization), or unknown (the person's record is gone, or an
 * API key's row from before keys were recorded).
 */
export const toActorRef = (x: {
  userId: string | null;
  apiKeyId: string | null;
  orgId: string | null;
  userName: string | null;
  keyName: string | null;
  orgName: string | null;
}): ActorRef => {
  const org = { organizationId: x.orgId, organizationName: x.orgName };
  if (x.apiKeyId) return { kind: 'api_key', id: x.apiKeyId, name: x.keyName, ...org };
  if (x.userId) return { kind: 'user', id: x.userId, name: x.userName, ...org };
  return { kind: x.orgId ? 'unknown' : 'system', id: null, name: null, ...org };
};

export type MessageRow = {
  m: typeof schema.referralMessages.$inferSelect;
  userName: string | null;
  keyName: string | null;
  orgName: string | null;
  readAt: Date | string | null;
};

export const toMessage = (x: MessageRow): Message => {
  const author = toActorRef({ userId: x.m.authorUserId, apiKeyId: x.m.authorApiKeyId, orgId: x.m.authorOrgId, userName: x.userName, keyName: x.keyName, orgName: x.orgName });
  return {
    id: x.m.id,
    referralId: x.m.referralId,
    authorUserId: x.m.authorUserId,
    // Where a person's name would stand: the key's name, else the organization's (never empty).
    authorName: author.name ?? (author.kind === 'api_key' ? 'API key' : (x.orgName ?? 'Unknown')),
    authorOrganizationId: x.m.authorOrgId,
    author,
    body: x.m.body,
    createdAt: x.m.createdAt.toISOString(),
    readAt: x.readAt ? new Date(x.readAt).toISOString() : null,
  };
};

export const toTimelineEntry = (t: TimelineRow): TimelineEntry => ({
  kind: t.kind,
  id: t.id,
  at: new Date(t.at).toISOString(),
  actorUserId: t.actor_user_id,
  actorName: t.actor_name ?? t.actor_key_name,
  actorOrganizationId: t.actor_org_id,
  actorOrganizationName: t.actor_org_name,
  actor: toActorRef({ userId: t.actor_user_id, apiKeyId: t.actor_api_key_id, orgId: t.actor_org_id, userName: t.actor_name, keyName: t.actor_key_name, orgName: t.actor_org_name }),
  eventType: t.event_type as ReferralEventType | null,
  fromStatus: t.from_status as ReferralStatus | null,
  toStatus: t.to_status as ReferralStatus | null,
  reason: t.reason as ClosureReason | null,
  note: t.note,
  body: t.body,
  assigneeName: t.assignee_name,
  outcome: t.outcome as LoopClosureReason | null,
  firstContact: t.first_contact
    ? {
        at: new Date(t.first_contact.at).toISOString(),
        method: t.first_contact.method as FirstContactMethod | null,
        previousAt: t.first_contact.previousAt ? new Date(t.first_contact.previousAt).toISOString() : null,
        previousMethod: t.first_contact.previousMethod as FirstContactMethod | null,
      }
    : null,
});
