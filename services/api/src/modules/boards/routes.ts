import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import type { createApplicationsService } from './applications.service';
import type { BudgetService } from './budget.service';
import type { BoardsService } from './service';

/**
 * Boards: creating one is for board coordinators and network admins (403 for others); every other
 * coordinator route takes any signed-in user and the service answers 404 unless they coordinate
 * the board (a user may be named on one board). The public page and application need no sign-in.
 */
export const boardRoutes = (app: FastifyInstance, boards: BoardsService, applications: ReturnType<typeof createApplicationsService>) => {
  const coordinator = rules.signedIn;

  route(app, api.listBoards, { rule: coordinator, handler: async (req) => boards.list(req.actor, req.query) });
  route(app, api.createBoard, { rule: rules.anyRole('board_coordinator', 'network_admin'), handler: async (req) => boards.create(req.ctx(), req.body) });
  route(app, api.getBoard, { rule: coordinator, handler: async (req) => boards.get(req.actor, req.params.id) });
  route(app, api.updateBoard, { rule: coordinator, handler: async (req) => boards.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });

  route(app, api.listCharters, { rule: coordinator, handler: async (req) => boards.listCharters(req.actor, req.params.id) });
  route(app, api.createCharter, { rule: coordinator, handler: async (req) => boards.createCharter(req.ctx(), req.params.id, req.body) });
  route(app, api.getCharter, { rule: coordinator, handler: async (req) => boards.getCharter(req.actor, req.params.id, req.params.charterId) });
  route(app, api.acknowledgeCharter, { rule: coordinator, handler: async (req) => boards.acknowledgeCharter(req.ctx(), req.params.id, req.params.charterId, req.body.memberId) });

  route(app, api.getPublicBoard, { rule: rules.public, handler: async (req) => applications.publicBoard(req.params.id) });
  route(app, api.startApplication, { rule: rules.public, handler: async (req) => applications.startForm(req.ctx(), req.params.id) });
  route(app, api.submitApplication, { rule: rules.public, handler: async (req) => applications.submit(req.ctx(), req.params.id, req.body) });

  route(app, api.listApplications, { rule: coordinator, handler: async (req) => applications.ranked(req.ctx(), req.params.id, req.query.status) });
  route(app, api.getApplication, { rule: coordinator, handler: async (req) => applications.get(req.ctx(), req.params.id, req.params.applicationId) });
  route(app, api.putReview, { rule: coordinator, handler: async (req) => applications.putReview(req.ctx(), req.params.id, req.params.applicationId, req.expectedVersion, req.body) });
  route(app, api.decideApplication, { rule: coordinator, handler: async (req) => applications.decide(req.ctx(), req.params.id, req.params.applicationId, req.expectedVersion, req.body) });

  route(app, api.listBoardMembers, { rule: coordinator, handler: async (req) => boards.listMembers(req.ctx(), req.params.id) });
  route(app, api.createBoardMember, { rule: coordinator, handler: async (req) => boards.createMember(req.ctx(), req.params.id, req.body) });
  route(app, api.getBoardMember, { rule: coordinator, handler: async (req) => boards.getMember(req.ctx(), req.params.id, req.params.memberId) });
  route(app, api.updateBoardMember, { rule: coordinator, handler: async (req) => boards.updateMember(req.ctx(), req.params.id, req.params.memberId, req.expectedVersion, req.body) });
};

/** Participatory budgeting (issue 26): the board's coordinators only (404 otherwise); closed rounds are public. */
export const budgetRoutes = (app: FastifyInstance, budget: BudgetService) => {
  const coordinator = rules.signedIn;
  route(app, api.listBudgetRounds, { rule: coordinator, handler: async (req) => budget.list(req.actor, req.params.id) });
  route(app, api.createBudgetRound, { rule: coordinator, handler: async (req) => budget.create(req.ctx(), req.params.id, req.body) });
  route(app, api.getBudgetRound, { rule: coordinator, handler: async (req) => budget.get(req.actor, req.params.id, req.params.roundId) });
  route(app, api.updateBudgetRound, { rule: coordinator, handler: async (req) => budget.update(req.ctx(), req.params.id, req.params.roundId, req.expectedVersion, req.body) });
  route(app, api.createBudgetProposal, { rule: coordinator, handler: async (req) => budget.addProposal(req.ctx(), req.params.id, req.params.roundId, req.body) });
  route(app, api.putBudgetVote, {
    rule: coordinator,
    handler: async (req) => budget.putVote(req.ctx(), req.params.id, req.params.roundId, req.params.memberId, req.expectedVersion, req.body),
  });
  route(app, api.listPublicBudgetRounds, { rule: rules.public, handler: async (req) => budget.publicRounds(req.params.id) });
};
