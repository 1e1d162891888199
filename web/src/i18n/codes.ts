import type { FieldErrorCode, NotificationData, NotificationKind, PacketCheckCode, ReferralEventType, TimelineEntry } from '@tandem/contract';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import type { Translate } from './i18n-provider';

// Issue 24: what the API sends as a stable code is worded here, in the reader's language, never
// shown as the server's English. Each contract enum has one message key per value;
// codes.test.ts fails when a code has no English or Spanish text.

/** Field error code → message key (`{min}`, `{max}`, `{name}`, … come from the error's params). */
export const fieldErrorKey = (code: FieldErrorCode): MessageKey => `fieldError.${code}`;

/** Send-checklist code (`packet.reason`) → message key. */
export const packetCheckKey = (code: PacketCheckCode): MessageKey => `check.${code}`;

/** Notification kind → the key of its title (filled from the notification's data). */
export const notificationTitleKey = (kind: NotificationKind, data: NotificationData): MessageKey => {
  if (kind === 'referral.overdue') return `notifTitle.overdue.${data.step ?? 'acknowledge'}.${data.side ?? 'receiver'}`;
  if (kind === 'referral.status_changed' && !data.status) return 'notifTitle.statusChangedAny';
  return `notifTitle.${kind}`;
};
/** Notification kind → the key of its short label (the list's tag, the settings' checkbox). */
export const NOTIFICATION_KIND_KEYS: Record<NotificationKind, MessageKey> = {
  'referral.received': 'notifications.kind.received',
  'referral.status_changed': 'notifications.kind.statusChanged',
  'referral.message': 'notifications.kind.message',
  'referral.overdue': 'notifications.kind.overdue',
  'referral.assigned': 'notifications.kind.assigned',
  'board.application_decided': 'notifications.kind.boardDecision',
  'webhook.paused': 'notifications.kind.webhookPaused',
  'board.recommendation_overdue': 'notifications.kind.boardRecommendationOverdue',
};
/** Every title key a notification may use, for the coverage test. */
export const NOTIFICATION_TITLE_KEYS: MessageKey[] = [
  'notifTitle.withClient',
  'notifTitle.referral.assigned',
  'notifTitle.board.application_decided',
  'notifTitle.webhook.paused',
  'notifTitle.board.recommendation_overdue',
  'notifTitle.referral.received',
  'notifTitle.referral.status_changed',
  'notifTitle.statusChangedAny',
  'notifTitle.referral.message',
  'notifTitle.overdue.acknowledge.receiver',
  'notifTitle.overdue.acknowledge.sender',
  'notifTitle.overdue.first_contact.receiver',
  'notifTitle.overdue.first_contact.sender',
];

/** Timeline entry kind → key, for the kinds that are not a change event. */
export const TIMELINE_KIND_KEYS: Record<Exclude<TimelineEntry['kind'], 'event'>, MessageKey> = { view: 'ref.tl.viewed', message: 'ref.tl.message' };
/** Timeline event type → key of its plain wording (some types have a richer one with data). */
export const timelineEventKey = (type: ReferralEventType): MessageKey => `ref.tl.${type}`;

const GENERIC = new Set<FieldErrorCode>(['invalid_value', 'unknown_reference', 'missing']);

/**
 * One field error in the reader's language: by code with its params, or — for the generic codes,
 * where the API's sentence says more than the code (and the API already answers it in the
 * language we asked for) — the API's message.
 */
export const fieldErrorText = (e: { code?: string; message: string; params?: Record<string, string | number> }, t: Translate): string => {
  const code = e.code as FieldErrorCode | undefined;
  if (!code || GENERIC.has(code)) return e.message;
  // A wrong form names the form when this build has words for it ("a web address"), else the code's.
  const byFormat = code === 'invalid_format' && e.params?.format ? `${fieldErrorKey(code)}.${e.params.format}` : null;
  if (byFormat && byFormat in en) return t(byFormat as MessageKey, e.params);
  const key = fieldErrorKey(code);
  // A code newer than this build (no text for it): the API's message.
  return key in en ? t(key, e.params) : e.message;
};

/** A checklist item in the reader's language, falling back to the API's message for a code this build does not know. */
export const packetCheckText = (m: { code?: string; message: string }, t: Translate): string => {
  if (!m.code) return m.message;
  const key = packetCheckKey(m.code as PacketCheckCode);
  return key in en ? t(key) : m.message;
};

/** A notification's title from kind + data in the reader's language; the API's English title when the data is missing. */
export const notificationTitle = (n: { kind: NotificationKind; data?: NotificationData; title: string }, t: Translate): string => {
  const data = n.data ?? {};
  if (n.kind === 'referral.overdue' && (!data.step || !data.side || !data.organizationName)) return n.title;
  const status = data.status ? t(`refStatus.${data.status}`) : '';
  const title = t(notificationTitleKey(n.kind, data), { status, org: data.organizationName ?? '', board: data.board ?? '' });
  // Which referral, without a name in the inbox: the client's initials when the API sent them.
  return data.clientInitials ? t('notifTitle.withClient', { title, initials: data.clientInitials }) : title;
};

/** The interface language's catalog, read as the API client reads it (the html lang), for code outside React. */
export const documentTranslator = (): Translate => {
  const messages: Messages = typeof document !== 'undefined' && document.documentElement.lang === 'es' ? es : en;
  return (key, vars) => {
    const template = messages[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;
  };
};
