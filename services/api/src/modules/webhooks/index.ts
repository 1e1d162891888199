import type { FastifyInstance } from 'fastify';
import { webhookRoutes } from './routes';
import { createWebhooksService } from './service';

/**
 * Webhooks: organizations subscribe URLs to referral events; the worker (services/worker) delivers
 * the referrals module's outbox to them (delivery.ts). This module reads the outbox only through
 * referrals/outbox.ts and never writes another module's tables.
 */
export const webhooksModule = async (app: FastifyInstance, opts: { allowPrivateUrls: boolean }) => {
  webhookRoutes(app, createWebhooksService({ db: app.db, allowPrivateUrls: opts.allowPrivateUrls }));
};
