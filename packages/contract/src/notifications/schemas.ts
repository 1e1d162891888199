import { z } from 'zod';
import { IdSchema, TimestampSchema, WriteVersionSchema } from '../common/ids';
import { pageOf, PageQuerySchema } from '../common/pagination';
import { REFERRAL_SIDES, ReferralStatusSchema } from '../referrals/enums';
import { EMAIL_NOTIFICATION_KINDS, NOTIFICATION_KINDS, NotificationEntityTypeSchema, type EmailNotificationKind, NotificationKindSchema, OVERDUE_STEPS, type NotificationKind } from './enums';

export const NotificationDataSchema = z
  .object({
    clientInitials: z
      .string()
      .max(8)
      .optional()
      .describe("referral.*: the client's initials (e.g. \"A. L.\"), so a reader knows which referral without a name in the inbox"),
    status: ReferralStatusSchema.optional().describe('referral.status_changed: the status the referral moved to'),
    step: z.enum(OVERDUE_STEPS).optional().describe('referral.overdue: the step that is late'),
    side: z
      .enum(REFERRAL_SIDES)
      .optional()
      .describe('referral.overdue: receiver — your organization received it (organizationName sent it); sender — your organization sent it (organizationName has it)'),
    organizationName: z.string().optional().describe('referral.overdue: the organization at the other end'),
    organizationId: IdSchema.optional().describe('webhook.paused: the organization whose subscription was paused'),
    host: z.string().optional().describe("webhook.paused: the host of the subscription's URL"),
    board: z.string().optional().describe('board.*: the advisory board’s name'),
    boardId: IdSchema.optional().describe('board.*: the advisory board it is about'),
    decision: z.enum(['selected', 'waitlisted', 'declined']).optional().describe('board.application_decided: the decision'),
  })
  .meta({ id: 'NotificationData', description: 'What a notification is about and what changed, as data: word it from kind + data in the reader’s language' });
export type NotificationData = z.infer<typeof NotificationDataSchema>;

export const NotificationSchema = z
  .object({
    id: IdSchema,
    kind: NotificationKindSchema,
    entityType: NotificationEntityTypeSchema.nullable(),
    entityId: IdSchema.nullable().describe('The record it is about; group notifications by entityType + entityId'),
    referralId: IdSchema.nullable().describe('The referral it is about (entityId when entityType is referral), else null'),
    title: z.string().describe('Short English text without client details; clients should word it from kind + data, this is the fallback'),
    data: NotificationDataSchema,
    createdAt: TimestampSchema,
    readAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationPageSchema = pageOf(NotificationSchema);
export const NotificationsMarkedSchema = z
  .object({ marked: z.number().int().min(0).describe('How many of your notifications were unread and are now read') })
  .meta({ id: 'NotificationsMarked' });
export const NotificationListQuerySchema = PageQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** One flag per kind, as named properties (a record keyed by an enum renders without them in OpenAPI). */
const flagPerKind = <T extends z.ZodType>(flag: T) => Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, flag])) as { [K in NotificationKind]: T };
const flagPerEmailKind = <T extends z.ZodType>(flag: T) => Object.fromEntries(EMAIL_NOTIFICATION_KINDS.map((k) => [k, flag])) as { [K in EmailNotificationKind]: T };
export const NotificationSettingsSchema = z
  .object({
    enabled: z.object(flagPerKind(z.boolean())).describe('Every kind, true when you get it'),
    email: z
      .object(flagPerEmailKind(z.boolean()))
      .describe('The kinds that can also come by email, true when they do (only for kinds you get at all). Invitations and password resets are always emailed.'),
    version: z.number().int().min(1).describe('Row version for optimistic concurrency; send it back as If-Match'),
  })
  .meta({ id: 'NotificationSettings', description: 'Which kinds of notification you get; a kind turned off is not created for you' });
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;
export const UpdateNotificationSettingsBodySchema = z
  .object({
    enabled: z.strictObject(flagPerKind(z.boolean().optional())).optional().default({}).describe('The kinds to turn on (true) or off (false); kinds not named stay as they are'),
    email: z
      .strictObject(flagPerEmailKind(z.boolean().optional()))
      .optional()
      .default({})
      .describe('The kinds to have emailed (true) or not (false); kinds not named stay as they are'),
    version: WriteVersionSchema,
  })
  .meta({ id: 'UpdateNotificationSettingsBody' });
export type UpdateNotificationSettingsBody = z.input<typeof UpdateNotificationSettingsBodySchema>;

/** Every kind on: what a user with no settings row gets. */
export const allKindsEnabled = () => Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<(typeof NOTIFICATION_KINDS)[number], boolean>;
