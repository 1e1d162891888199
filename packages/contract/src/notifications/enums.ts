import { z } from 'zod';

/** Every kind of in-app notification; the web words each from its code (web/src/i18n/codes.ts). */
export const NOTIFICATION_KINDS = ['referral.received', 'referral.status_changed', 'referral.message', 'referral.overdue', 'referral.assigned', 'board.application_decided', 'board.recommendation_overdue', 'webhook.paused'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS).describe('What happened');

/** What a notification can be about. Later modules (engagement follow-ups, board deadlines) add theirs. */
export const NOTIFICATION_ENTITY_TYPES = ['referral', 'board_application', 'board_recommendation', 'webhook_subscription'] as const;
export type NotificationEntityType = (typeof NOTIFICATION_ENTITY_TYPES)[number];
export const NotificationEntityTypeSchema = z.enum(NOTIFICATION_ENTITY_TYPES).describe('The kind of record the notification is about');

/** The overdue steps a referral.overdue notification names. */
export const OVERDUE_STEPS = ['acknowledge', 'first_contact'] as const;
export type OverdueStep = (typeof OVERDUE_STEPS)[number];

/** The kinds that can also reach a user by email (each user turns them on or off); the others are in-app only. */
export const EMAIL_NOTIFICATION_KINDS = ['referral.received', 'referral.assigned', 'referral.overdue'] as const;
export type EmailNotificationKind = (typeof EMAIL_NOTIFICATION_KINDS)[number];

/** What an outgoing email is (services/api/src/modules/email): invitations and password resets always send. */
export const EMAIL_TEMPLATES = ['invitation', 'password_reset', 'notification', 'board_decision'] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];
