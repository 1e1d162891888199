import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { sendCsv, wantsCsv } from '../../lib/csv';
import { route } from '../../lib/routes';
import { closedLoopCsv } from './closed-loop';
import { referralMetricsCsv } from './metrics';
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
  route(app, api.createReferral, { rule: any, handler: async (req) => referrals.create(req.ctx(), req.body) });
  route(app, api.listReferrals, { rule: any, handler: async (req) => referrals.list(req.ctx(), req.query) });
  route(app, api.countReferrals, { rule: any, handler: async (req) => referrals.counts(req.actor, req.query.box) });
  route(app, api.getReferralMetrics, {
    rule: rules.anyRole('collaboration_team', 'network_admin'),
    handler: async (req, reply) => {
      const m = await referrals.metrics(req.ctx(), req.query);
      return wantsCsv(req) ? sendCsv(reply, `referral-metrics-${m.from}-${m.to}.csv`, referralMetricsCsv(m)) : m;
    },
  });
  route(app, api.getClosedLoopReport, {
    rule: rules.anyRole('collaboration_team', 'network_admin'),
    handler: async (req, reply) => {
      const m = await referrals.closedLoop(req.ctx(), req.query);
      return wantsCsv(req) ? sendCsv(reply, `closed-loop-referrals-${m.from}-${m.to}.csv`, closedLoopCsv(m)) : m;
    },
  });
  route(app, api.getClosedLoopMapping, { rule: rules.anyRole('collaboration_team', 'network_admin'), handler: async () => referrals.closedLoopMapping() });
  route(app, api.updateClosedLoopMapping, { rule: rules.networkAdmin, handler: async (req) => referrals.updateClosedLoopMapping(req.ctx(), req.expectedVersion, req.body) });
  route(app, api.getReferral, { rule: any, handler: async (req) => referrals.get(req.ctx(), req.params.id) });
  // The version each write is based on (If-Match or body) is parsed and checked by route(): req.expectedVersion.
  route(app, api.updateReferral, { rule: any, handler: async (req) => referrals.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.sendReferral, { rule: any, handler: async (req) => lifecycle.send(req.ctx(), req.params.id, { ...req.body, expected: req.expectedVersion }) });
  route(app, api.transitionReferral, { rule: any, handler: async (req) => lifecycle.transition(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.forwardReferral, { rule: any, handler: async (req) => lifecycle.forward(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.assignReferral, { rule: any, handler: async (req) => lifecycle.assign(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.recordFirstContact, { rule: any, handler: async (req) => lifecycle.firstContact(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.correctFirstContact, { rule: any, handler: async (req) => lifecycle.correctFirstContact(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.markLoopClosed, { rule: any, handler: async (req) => lifecycle.markLoopClosed(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.listReferralMessages, { rule: any, handler: async (req) => conversation.messages(req.ctx(), req.params.id, req.query) });
  route(app, api.getReferralMessage, { rule: any, handler: async (req) => conversation.message(req.ctx(), req.params.id, req.params.messageId) });
  route(app, api.createReferralMessage, { rule: any, handler: async (req) => conversation.postMessage(req.ctx(), req.params.id, req.body.body) });
  route(app, api.markReferralRead, { rule: any, handler: async (req) => conversation.markRead(req.ctx(), req.params.id) });
  route(app, api.followReferral, { rule: rules.signedIn, handler: async (req) => conversation.follow(req.ctx(), req.params.id, true) });
  route(app, api.unfollowReferral, { rule: rules.signedIn, handler: async (req) => conversation.follow(req.ctx(), req.params.id, false) });
  route(app, api.getReferralTimeline, { rule: any, handler: async (req) => conversation.timeline(req.ctx(), req.params.id) });

  const userId = (req: { actor: { kind: string; userId?: string } }) => req.actor.userId!;
  route(app, api.getReferralWorklist, { rule: rules.signedIn, handler: async (req) => referrals.worklist(req.actor, userId(req)) });
};
