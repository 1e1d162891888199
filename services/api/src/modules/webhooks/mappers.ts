import type { WebhookSubscription } from '@tandem/contract';
import type { AttemptLogRow, SubscriptionRow } from './repo';

export const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  organizationId: r.organizationId,
  url: r.url,
  events: r.events,
  status: r.status,
  pausedAt: r.pausedAt?.toISOString() ?? null,
  previousSecretExpiresAt: r.previousSecretExpiresAt && r.previousSecretExpiresAt > new Date() ? r.previousSecretExpiresAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export const toAttempt = (r: AttemptLogRow) => ({ ...r, at: r.at.toISOString() });
