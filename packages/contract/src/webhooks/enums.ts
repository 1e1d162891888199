import { z } from 'zod';

/** The events a webhook subscription may ask for (docs/webhooks.md): each is one outbox row, written with the change. */
export const WEBHOOK_EVENTS = [
  'referral.created',
  'referral.sent',
  'referral.status_changed',
  'referral.assigned',
  'referral.message_created',
  'referral.overdue',
] as const;
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS).describe('An event type a subscription receives');
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/** active: delivered; paused: kept failing for the retry window, nothing is attempted until resumed. */
export const WEBHOOK_STATUSES = ['active', 'paused'] as const;
export const WebhookStatusSchema = z.enum(WEBHOOK_STATUSES);
export type WebhookStatus = z.infer<typeof WebhookStatusSchema>;

/** pending: waiting for its (next) attempt; delivered: a 2xx came back; failed: retried for the whole window without a 2xx. */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export const WebhookDeliveryStateSchema = z.enum(WEBHOOK_DELIVERY_STATES);
export type WebhookDeliveryState = z.infer<typeof WebhookDeliveryStateSchema>;
