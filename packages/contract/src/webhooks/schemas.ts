import { z } from 'zod';
import { IdSchema, TimestampSchema, WriteVersionSchema } from '../common/ids';
import { pageOf, PageQuerySchema } from '../common/pagination';
import { WebhookDeliveryStateSchema, WebhookEventSchema, WebhookStatusSchema } from './enums';

export const WebhookSubscriptionSchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    url: z.string(),
    events: z.array(WebhookEventSchema),
    status: WebhookStatusSchema,
    pausedAt: TimestampSchema.nullable(),
    previousSecretExpiresAt: TimestampSchema.nullable().describe('Until then deliveries carry a second v1 signature made with the rotated-out secret'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;
export const WebhookSubscriptionPageSchema = pageOf(WebhookSubscriptionSchema);

export const WebhookSubscriptionWithSecretSchema = WebhookSubscriptionSchema.extend({
  secret: z.string().describe('The signing secret: shown only in this answer (store it now)'),
}).meta({ id: 'WebhookSubscriptionWithSecret' });

export const CreateWebhookBodySchema = z
  .strictObject({
    url: z.string().trim().max(2000).describe('HTTPS URL that receives the POSTs; loopback, link-local and private addresses are refused'),
    events: z
      .array(WebhookEventSchema)
      .min(1)
      .max(20)
      .refine((e) => new Set(e).size === e.length, 'Each event may be named once'),
    organizationId: IdSchema.optional().describe('The organization whose events it receives; default: the API key\'s, or the one you administer'),
  })
  .meta({ id: 'CreateWebhookBody', example: { url: 'https://hooks.example.org/tandem', events: ['referral.sent', 'referral.status_changed'] } });

export const RotateWebhookSecretBodySchema = z
  .strictObject({
    overlapSeconds: z.number().int().min(0).max(7 * 24 * 3600).default(24 * 3600).describe('How long the old secret still signs (a second v1) while you switch'),
    version: WriteVersionSchema.optional().describe('Version you last read (or send If-Match)'),
  })
  .nullish()
  .meta({ id: 'RotateWebhookSecretBody' });

/** Resuming needs only the version read, which may come as If-Match instead (then no body). */
export const ResumeWebhookBodySchema = z
  .strictObject({ version: WriteVersionSchema.optional().describe('Version you last read (or send If-Match)') })
  .nullish()
  .meta({ id: 'ResumeWebhookBody' });

export const WebhookListQuerySchema = PageQuerySchema;

export const WebhookAttemptSchema = z
  .object({
    id: IdSchema,
    deliveryId: IdSchema,
    eventId: IdSchema.describe('The event id (also the Tandem-Event-Id header): the same on every attempt and redelivery'),
    event: z.string(),
    deliveryState: WebhookDeliveryStateSchema,
    attempt: z.number().int(),
    at: TimestampSchema,
    statusCode: z.number().int().nullable(),
    latencyMs: z.number().int(),
    error: z.string().nullable(),
    responseExcerpt: z.string().nullable().describe('The first 500 characters of the answer'),
  })
  .meta({ id: 'WebhookAttempt' });
export const WebhookAttemptPageSchema = pageOf(WebhookAttemptSchema);

export const WebhookDeliveryParamsSchema = z.object({ id: IdSchema, deliveryId: IdSchema });

export const WebhookDeliveryQueuedSchema = z
  .object({ deliveryId: IdSchema, eventId: IdSchema, state: WebhookDeliveryStateSchema })
  .meta({ id: 'WebhookDeliveryQueued' });
