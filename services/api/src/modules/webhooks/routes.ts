import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { answerNotStored } from '../../plugins/idempotency';
import type { WebhooksService } from './service';

/** Webhooks: people (org admins, checked on the record) and API keys with webhooks:manage. */
export const webhookRoutes = (app: FastifyInstance, svc: WebhooksService) => {
  const managers = rules.keyScopeOrUser('webhooks:manage');
  route(app, api.listWebhooks, { rule: managers, handler: async (req) => svc.list(req.ctx(), req.query) });
  route(app, api.createWebhook, {
    rule: managers,
    handler: async (req) => {
      answerNotStored(req); // the secret is shown once and kept for a replay nowhere
      return svc.create(req.ctx(), req.body);
    },
  });
  route(app, api.getWebhook, { rule: managers, handler: async (req) => svc.get(req.ctx(), req.params.id) });
  route(app, api.deleteWebhook, {
    rule: managers,
    handler: async (req) => {
      await svc.remove(req.ctx(), req.params.id);
      return undefined;
    },
  });
  route(app, api.rotateWebhookSecret, {
    rule: managers,
    handler: async (req) => {
      answerNotStored(req);
      return svc.rotate(req.ctx(), req.params.id, req.expectedVersion, req.body);
    },
  });
  route(app, api.resumeWebhook, { rule: managers, handler: async (req) => svc.resume(req.ctx(), req.params.id, req.expectedVersion) });
  route(app, api.listWebhookAttempts, { rule: managers, handler: async (req) => svc.attempts(req.ctx(), req.params.id, req.query) });
  route(app, api.sendTestWebhook, { rule: managers, handler: async (req) => svc.sendTest(req.ctx(), req.params.id) });
  route(app, api.redeliverWebhook, { rule: managers, handler: async (req) => svc.redeliver(req.ctx(), req.params.id, req.params.deliveryId) });
};
