import type { TimelineRow } from './repo';
import {
  isOverdue,
  type ClosureReason,
  type Message,
  type Notification,
  type Referral,
  type ReferralEventType,
  type ReferralListItem,
  type ReferralStatus,
  type SdohCategory,
  type TimelineEntry,
  type Urgency,
} from '@tandem/contract';
import type { schema } from '@tandem/db';
import type { ItemRow, ReferralRow } from './repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toReferral = (r: ReferralRow): Referral => ({
  id: r.id,
  clientId: r.clientId,
  sendingOrganizationId: r.sendingOrgId,
  sendingUserId: r.sendingUserId,
  receivingOrganizationId: r.receivingOrgId,
  receivingServiceId: r.receivingServiceId,
  receivingContactId: r.receivingContactId,
  assigneeId: r.assigneeUserId,
  consentId: r.consentId,
  needs: r.needs as SdohCategory[],
  reason: r.reason,
  urgency: r.urgency as Urgency,
  status: r.status as ReferralStatus,
  statusReason: r.statusReason as ClosureReason | null,
  statusNote: r.statusNote,
  outcome: null,
  senderContactName: r.senderContactName,
  senderContactPhone: r.senderContactPhone,
  senderContactEmail: r.senderContactEmail,
  sentAt: iso(r.sentAt),
  acknowledgedAt: iso(r.acknowledgedAt),
  firstContactAt: iso(r.firstContactAt),
  closedAt: iso(r.closedAt),
  acknowledgeBy: iso(r.acknowledgeDueAt),
  firstContactBy: iso(r.firstContactDueAt),
  forwardedFromId: r.forwardedFromId,
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
  ...toReferral(x.r),
  clientName: x.clientName,
  sendingOrganizationName: x.sendingOrganizationName,
  receivingOrganizationName: x.receivingOrganizationName,
  receivingServiceName: x.receivingServiceName,
  assigneeName: x.assigneeName,
  overdue: overdueFlags(x.r, now),
  unreadMessages: x.unreadMessages,
});

export const toMessage = (x: { m: typeof schema.referralMessages.$inferSelect; authorName: string; readAt: Date | string | null }): Message => ({
  id: x.m.id,
  referralId: x.m.referralId,
  authorUserId: x.m.authorUserId,
  authorName: x.authorName,
  authorOrganizationId: x.m.authorOrgId,
  body: x.m.body,
  createdAt: x.m.createdAt.toISOString(),
  readAt: x.readAt ? new Date(x.readAt).toISOString() : null,
});

export const toNotification = (n: typeof schema.notifications.$inferSelect): Notification => ({
  id: n.id,
  kind: n.kind as Notification['kind'],
  referralId: n.referralId,
  title: n.title,
  createdAt: n.createdAt.toISOString(),
  readAt: iso(n.readAt),
});

export const toTimelineEntry = (t: TimelineRow): TimelineEntry => ({
  kind: t.kind,
  id: t.id,
  at: new Date(t.at).toISOString(),
  actorUserId: t.actor_user_id,
  actorName: t.actor_name,
  actorOrganizationId: t.actor_org_id,
  actorOrganizationName: t.actor_org_name,
  eventType: t.event_type as ReferralEventType | null,
  fromStatus: t.from_status as ReferralStatus | null,
  toStatus: t.to_status as ReferralStatus | null,
  reason: t.reason as ClosureReason | null,
  note: t.note,
  body: t.body,
  assigneeName: t.assignee_name,
});
