import { EMAIL_NOTIFICATION_KINDS, NOTIFICATION_ENTITY_TYPES, NOTIFICATION_KINDS, type Notification, type NotificationSettings } from '@tandem/contract';
import type { NotificationRow, SettingsRow } from './repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isEntityType = (t: string | null): t is NonNullable<Notification['entityType']> => (NOTIFICATION_ENTITY_TYPES as readonly (string | null)[]).includes(t);

export const toNotification = (n: NotificationRow): Notification => ({
  id: n.id,
  // Written only by notificationsRepo.insertFrom, from the contract's kinds and data schema.
  kind: n.kind as Notification['kind'],
  entityType: isEntityType(n.entityType) ? n.entityType : null,
  entityId: isEntityType(n.entityType) ? n.entityId : null,
  referralId: n.referralId,
  title: n.title,
  data: (n.data ?? {}) as Notification['data'],
  createdAt: n.createdAt.toISOString(),
  readAt: iso(n.readAt),
});

/** No row: every kind on (in the app and by email), version 1 (what a first write names). */
export const toSettings = (s: SettingsRow | undefined): NotificationSettings => {
  const muted = new Set(s?.mutedKinds ?? []);
  const emailMuted = new Set(s?.emailMutedKinds ?? []);
  return {
    enabled: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !muted.has(k)])) as NotificationSettings['enabled'],
    email: Object.fromEntries(EMAIL_NOTIFICATION_KINDS.map((k) => [k, !emailMuted.has(k)])) as NotificationSettings['email'],
    version: s?.version ?? 1,
  };
};
