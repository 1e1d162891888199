import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { expectedVersion, setEtag } from '../../lib/concurrency';
import { route } from '../../lib/routes';
import type { createConversationService } from './conversation';
import type { createLifecycleService } from './lifecycle';
import type { createReferralsService } from './service';

interface Services {
  referrals: ReturnType<typeof createReferralsService>;
  lifecycle: ReturnType<typeof createLifecycleService>;
  conversation: ReturnType<typeof createConversationService>;
}

// Route-level rule: signed in or an API key (the endpoint's scope is checked by route()).
// Whether the caller is on the referral is decided in the services, which answer 404.
const any = rules.authenticated;

export const referralRoutes = (app: FastifyInstance, { referrals, lifecycle, conversation }: Services) => {
  const withEtag = <T extends { version: number }>(reply: Parameters<typeof setEtag>[0], d: T) => {
    setEtag(reply, d.version);
    return d;
  };
  route(app, api.createReferral, { rule: any, handler: async (req, reply) => withEtag(reply, await referrals.create(req.ctx(), req.body)) });
  route(app, api.listReferrals, { rule: any, handler: async (req) => referrals.list(req.ctx(), req.query) });
  route(app, api.countReferrals, { rule: any, handler: async (req) => referrals.counts(req.actor, req.query.box) });
  route(app, api.getReferral, { rule: any, handler: async (req, reply) => withEtag(reply, await referrals.get(req.ctx(), req.params.id)) });
  route(app, api.updateReferral, {
    rule: any,
    handler: async (req, reply) => withEtag(reply, await referrals.update(req.ctx(), req.params.id, expectedVersion(req, req.body.version), req.body)),
  });
  route(app, api.sendReferral, {
    rule: any,
    handler: async (req, reply) =>
      withEtag(reply, await lifecycle.send(req.ctx(), req.params.id, { ...req.body, expected: expectedVersion(req, req.body.version, false) })),
  });
  route(app, api.transitionReferral, {
    rule: any,
    handler: async (req, reply) => withEtag(reply, await lifecycle.transition(req.ctx(), req.params.id, expectedVersion(req, req.body.version), req.body)),
  });
  route(app, api.forwardReferral, {
    rule: any,
    handler: async (req, reply) => withEtag(reply, await lifecycle.forward(req.ctx(), req.params.id, expectedVersion(req, req.body.version), req.body)),
  });
  route(app, api.assignReferral, {
    rule: any,
    handler: async (req, reply) => withEtag(reply, await lifecycle.assign(req.ctx(), req.params.id, expectedVersion(req, req.body.version, false), req.body)),
  });
  route(app, api.recordFirstContact, {
    rule: any,
    handler: async (req, reply) => withEtag(reply, await lifecycle.firstContact(req.ctx(), req.params.id, expectedVersion(req, req.body.version, false), req.body)),
  });
  route(app, api.correctFirstContact, {
    rule: any,
    handler: async (req, reply) => withEtag(reply, await lifecycle.correctFirstContact(req.ctx(), req.params.id, expectedVersion(req, req.body.version), req.body)),
  });
  route(app, api.markLoopClosed, {
    rule: any,
    handler: async (req, reply) => withEtag(reply, await lifecycle.markLoopClosed(req.ctx(), req.params.id, expectedVersion(req, req.body.version, false), req.body)),
  });
  route(app, api.listReferralMessages, { rule: any, handler: async (req) => conversation.messages(req.ctx(), req.params.id, req.query.limit, req.query.cursor) });
  route(app, api.createReferralMessage, { rule: any, handler: async (req) => conversation.postMessage(req.ctx(), req.params.id, req.body.body) });
  route(app, api.markReferralRead, { rule: rules.signedIn, handler: async (req) => conversation.markRead(req.ctx(), req.params.id) });
  route(app, api.getReferralTimeline, { rule: any, handler: async (req) => conversation.timeline(req.ctx(), req.params.id) });

  const userId = (req: { actor: { kind: string; userId?: string } }) => req.actor.userId!;
  route(app, api.listNotifications, { rule: rules.signedIn, handler: async (req) => conversation.notifications(userId(req), req.query) });
  route(app, api.markNotificationRead, { rule: rules.signedIn, handler: async (req) => conversation.readNotification(userId(req), req.params.id) });
  route(app, api.markAllNotificationsRead, { rule: rules.signedIn, handler: async (req) => conversation.readAllNotifications(userId(req)) });
};
