import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateWebhookBodySchema } from '@tandem/contract';
import type { Db } from '@tandem/db';
import { AppError } from '../../lib/app-error';
import { type Ctx, apiKeyIdOf, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { assertManages, managedOrgIds, subscribingOrg } from './access';
import { enqueueStream, resumeStreams } from './delivery';
import { toAttempt, toSubscription } from './mappers';
import { webhooksRepo } from './repo';
import { newWebhookSecret } from './signing';
import { checkWebhookUrl } from './ssrf';

type CreateBody = z.output<typeof CreateWebhookBodySchema>;

/**
 * Webhook subscriptions (docs/webhooks.md). Writes follow the module recipe: transaction → lock →
 * access (404 for outsiders) → version → update → audit. Deliveries are the worker's
 * (delivery.ts); test events and redeliveries are queued here, in the same transaction.
 */
export const createWebhooksService = ({ db, allowPrivateUrls }: { db: Db; allowPrivateUrls: boolean }) => {
  /** Lock, hide existence, check the version; the write runs in the same transaction. */
  const change = <T>(ctx: Ctx, id: string, expected: number | undefined, action: string, write: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], row: NonNullable<Awaited<ReturnType<typeof webhooksRepo.subscription>>>) => Promise<T>) =>
    db.transaction(async (tx) => {
      const row = assertManages(ctx.actor, await webhooksRepo.lockSubscription(tx, id));
      assertVersion(row.version, expected);
      const out = await write(tx, row);
      await recordAudit(tx, ctx, { action, entityType: 'webhook_subscription', entityId: id, organizationId: row.organizationId });
      return out;
    });

  return {
    async list(ctx: Ctx, q: { limit: number; cursor?: string }) {
      const after = decodeCursor(q.cursor, KeyCursor);
      const rows = await webhooksRepo.listSubscriptions(db, managedOrgIds(ctx.actor), q.limit + 1, after ? { createdAt: new Date(after[0]), id: after[1] } : undefined);
      const page = toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
      return { data: page.data.map(toSubscription), nextCursor: page.nextCursor };
    },
    async get(ctx: Ctx, id: string) {
      return toSubscription(assertManages(ctx.actor, await webhooksRepo.subscription(db, id)));
    },
    async create(ctx: Ctx, body: CreateBody) {
      const organizationId = subscribingOrg(ctx.actor, body.organizationId);
      const checked = await checkWebhookUrl(body.url, allowPrivateUrls);
      if (!checked.ok) throw new AppError('invalid_value', `The URL is refused: it ${checked.reason}.`, { errors: [{ path: 'url', message: `The URL ${checked.reason}` }] });
      const secret = newWebhookSecret();
      const row = await db.transaction(async (tx) => {
        const r = await webhooksRepo.insertSubscription(tx, { organizationId, url: checked.url.toString(), events: body.events, secret, createdByUserId: userIdOf(ctx.actor), createdByApiKeyId: apiKeyIdOf(ctx.actor) });
        await recordAudit(tx, ctx, { action: 'webhook.create', entityType: 'webhook_subscription', entityId: r.id, organizationId });
        return r;
      });
      return { ...toSubscription(row), secret };
    },
    async remove(ctx: Ctx, id: string) {
      await change(ctx, id, undefined, 'webhook.delete', (tx) => webhooksRepo.deleteSubscription(tx, id));
    },
    async rotate(ctx: Ctx, id: string, expected: number | undefined, body: { overlapSeconds?: number } | null | undefined) {
      const secret = newWebhookSecret();
      const overlap = body?.overlapSeconds ?? 24 * 3600;
      const row = await change(ctx, id, expected, 'webhook.rotate_secret', (tx, cur) =>
        webhooksRepo.updateSubscription(tx, id, { secret, previousSecret: overlap ? cur.secret : null, previousSecretExpiresAt: overlap ? new Date(Date.now() + overlap * 1000) : null }),
      );
      return { ...toSubscription(row), secret };
    },
    async resume(ctx: Ctx, id: string, expected: number | undefined) {
      const row = await change(ctx, id, expected, 'webhook.resume', async (tx, cur) => (cur.status === 'paused' ? webhooksRepo.updateSubscription(tx, id, { status: 'active', pausedAt: null }) : cur));
      await resumeStreams(db);
      return toSubscription(row);
    },
    async attempts(ctx: Ctx, id: string, q: { limit: number; cursor?: string }) {
      assertManages(ctx.actor, await webhooksRepo.subscription(db, id));
      const after = decodeCursor(q.cursor, KeyCursor);
      const rows = await webhooksRepo.attemptLog(db, id, q.limit + 1, after ? { at: new Date(after[0]), id: after[1] } : undefined);
      const page = toPage(rows, q.limit, (r) => [r.at.toISOString(), r.id]);
      return { data: page.data.map(toAttempt), nextCursor: page.nextCursor };
    },
    /** A `webhook.test` event on a stream of its own (no referral): signed and logged like the rest. */
    async sendTest(ctx: Ctx, id: string) {
      return change(ctx, id, undefined, 'webhook.test', async (tx, sub) => {
        const eventId = randomUUID();
        const d = await webhooksRepo.insertDelivery(tx, { subscriptionId: id, eventId, event: 'webhook.test', payload: { subscriptionId: id, test: true } });
        await enqueueStream(tx, sub.id, null);
        return { deliveryId: d.id, eventId, state: d.state };
      });
    },
    async redeliver(ctx: Ctx, id: string, deliveryId: string) {
      return change(ctx, id, undefined, 'webhook.redeliver', async (tx) => {
        const old = await webhooksRepo.delivery(tx, id, deliveryId);
        if (!old) throw new AppError('not_found', 'No such delivery.');
        const d = await webhooksRepo.insertDelivery(tx, { subscriptionId: id, eventId: old.eventId, event: old.event, referralId: old.referralId, referralVersion: old.referralVersion, payload: old.payload, createdAt: new Date() });
        await enqueueStream(tx, id, old.referralId);
        return { deliveryId: d.id, eventId: d.eventId, state: d.state };
      });
    },
  };
};
export type WebhooksService = ReturnType<typeof createWebhooksService>;
