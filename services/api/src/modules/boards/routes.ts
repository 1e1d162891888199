import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import type { createApplicationsService } from './applications.service';
import type { RecommendationsService } from './recommendations.service';
import type { BudgetService } from './budget.service';
import type { BoardsService } from './service';
import { stipendExportCsv, type StipendsService } from './stipends.service';
import { sendCsv, wantsCsv } from '../../lib/csv';
import type { MeetingsService } from './meetings.service';

/**
 * Boards: creating one is for board coordinators and network admins (403 for others); every other
 * coordinator route takes any signed-in user and the service answers 404 unless they coordinate
 * the board (a user may be named on one board). The public page and application need no sign-in.
 */
export const boardRoutes = (app: FastifyInstance, boards: BoardsService, applications: ReturnType<typeof createApplicationsService>, recommendations: RecommendationsService) => {
  const coordinator = rules.signedIn;

  route(app, api.listBoards, { rule: coordinator, handler: async (req) => boards.list(req.actor, req.query) });
  route(app, api.createBoard, { rule: rules.anyRole('board_coordinator', 'network_admin'), handler: async (req) => boards.create(req.ctx(), req.body) });
  route(app, api.getBoard, { rule: coordinator, handler: async (req) => boards.get(req.actor, req.params.id) });
  route(app, api.updateBoard, { rule: coordinator, handler: async (req) => boards.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });

  route(app, api.listCharters, { rule: coordinator, handler: async (req) => boards.listCharters(req.actor, req.params.id) });
  route(app, api.createCharter, { rule: coordinator, handler: async (req) => boards.createCharter(req.ctx(), req.params.id, req.body) });
  route(app, api.getCharter, { rule: coordinator, handler: async (req) => boards.getCharter(req.actor, req.params.id, req.params.charterId) });
  route(app, api.acknowledgeCharter, { rule: coordinator, handler: async (req) => boards.acknowledgeCharter(req.ctx(), req.params.id, req.params.charterId, req.body.memberId) });

  route(app, api.getPublicBoard, {
    rule: rules.public,
    handler: async (req) => {
      const page = await applications.publicBoard(req.params.id);
      return { ...page, ...(await recommendations.publicRecord(page.id)) };
    },
  });
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

  // ---- Recommendations: the feedback loop (recommendations.service.ts)
  route(app, api.listRecommendations, { rule: coordinator, handler: async (req) => recommendations.list(req.actor, req.params.id, req.query.status) });
  route(app, api.createRecommendation, { rule: coordinator, handler: async (req) => recommendations.create(req.ctx(), req.params.id, req.body) });
  route(app, api.getRecommendation, { rule: coordinator, handler: async (req) => recommendations.get(req.actor, req.params.id, req.params.recommendationId) });
  route(app, api.updateRecommendation, {
    rule: coordinator,
    handler: async (req) => recommendations.update(req.ctx(), req.params.id, req.params.recommendationId, req.expectedVersion, req.body),
  });
  route(app, api.addRecommendationUpdate, { rule: coordinator, handler: async (req) => recommendations.addUpdate(req.ctx(), req.params.id, req.params.recommendationId, req.body) });
};

/** Stipends (issue 26): every route answers anyone who does not coordinate the board 404 (stipends.service.ts). */
export const boardStipendRoutes = (app: FastifyInstance, stipends: StipendsService) => {
  const coordinator = rules.signedIn;
  route(app, api.getStipendPolicy, { rule: coordinator, handler: async (req) => stipends.getPolicy(req.actor, req.params.id) });
  route(app, api.updateStipendPolicy, { rule: coordinator, handler: async (req) => stipends.updatePolicy(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.listStipendPayments, { rule: coordinator, handler: async (req) => stipends.list(req.ctx(), req.params.id, req.query) });
  route(app, api.createStipendPayment, { rule: coordinator, handler: async (req) => stipends.create(req.ctx(), req.params.id, req.body) });
  route(app, api.payMeeting, { rule: coordinator, handler: async (req) => stipends.payMeeting(req.ctx(), req.params.id, req.body) });
  route(app, api.getStipendTotals, { rule: coordinator, handler: async (req) => stipends.totals(req.actor, req.params.id, req.query.year) });
  route(app, api.exportStipends, {
    rule: coordinator,
    handler: async (req, reply) => {
      const e = await stipends.exportYear(req.ctx(), req.params.id, req.query.year);
      return wantsCsv(req) ? sendCsv(reply, `stipends-${e.year}.csv`, stipendExportCsv(e)) : e;
    },
  });
  route(app, api.getStipendPayment, { rule: coordinator, handler: async (req) => stipends.get(req.ctx(), req.params.id, req.params.paymentId) });
  route(app, api.updateStipendPayment, { rule: coordinator, handler: async (req) => stipends.update(req.ctx(), req.params.id, req.params.paymentId, req.expectedVersion, req.body) });
  route(app, api.listReportingThresholds, { rule: rules.signedIn, handler: async () => stipends.thresholds() });
  route(app, api.putReportingThreshold, { rule: rules.networkAdmin, handler: async (req) => stipends.putThreshold(req.ctx(), req.params.year, req.expectedVersion, req.body.amountCents) });
};

/** Meetings, attendance, motions and votes, trainings, satisfaction checks: coordinators only (404 for anyone else, from the service). */
export const boardMeetingRoutes = (app: FastifyInstance, meetings: MeetingsService) => {
  const coordinator = rules.signedIn;
  route(app, api.listMeetings, { rule: coordinator, handler: async (req) => meetings.listMeetings(req.actor, req.params.id, req.query.status) });
  route(app, api.createMeeting, { rule: coordinator, handler: async (req) => meetings.createMeeting(req.ctx(), req.params.id, req.body) });
  route(app, api.getMeeting, { rule: coordinator, handler: async (req) => meetings.getMeeting(req.actor, req.params.id, req.params.meetingId) });
  route(app, api.updateMeeting, { rule: coordinator, handler: async (req) => meetings.updateMeeting(req.ctx(), req.params.id, req.params.meetingId, req.expectedVersion, req.body) });
  route(app, api.putMeetingAttendance, { rule: coordinator, handler: async (req) => meetings.putAttendance(req.ctx(), req.params.id, req.params.meetingId, req.expectedVersion, req.body) });

  route(app, api.listMeetingMotions, { rule: coordinator, handler: async (req) => meetings.listMeetingMotions(req.actor, req.params.id, req.params.meetingId) });
  route(app, api.createMotion, { rule: coordinator, handler: async (req) => meetings.createMotion(req.ctx(), req.params.id, req.params.meetingId, req.body) });
  route(app, api.getMotion, { rule: coordinator, handler: async (req) => meetings.getMotion(req.actor, req.params.id, req.params.meetingId, req.params.motionId) });
  route(app, api.putMotionVotes, { rule: coordinator, handler: async (req) => meetings.putVotes(req.ctx(), req.params.id, req.params.meetingId, req.params.motionId, req.expectedVersion, req.body) });
  route(app, api.listBoardMotions, { rule: coordinator, handler: async (req) => meetings.listBoardMotions(req.actor, req.params.id) });

  route(app, api.listTrainings, { rule: coordinator, handler: async (req) => meetings.listTrainings(req.actor, req.params.id) });
  route(app, api.createTraining, { rule: coordinator, handler: async (req) => meetings.createTraining(req.ctx(), req.params.id, req.body) });
  route(app, api.getTraining, { rule: coordinator, handler: async (req) => meetings.getTraining(req.actor, req.params.id, req.params.trainingId) });
  route(app, api.updateTraining, { rule: coordinator, handler: async (req) => meetings.updateTraining(req.ctx(), req.params.id, req.params.trainingId, req.expectedVersion, req.body) });

  route(app, api.createSatisfaction, { rule: coordinator, handler: async (req) => meetings.createSatisfaction(req.ctx(), req.params.id, req.body) });
  route(app, api.getSatisfactionSummary, { rule: coordinator, handler: async (req) => meetings.satisfactionSummary(req.actor, req.params.id, req.query) });
  route(app, api.getSatisfaction, { rule: coordinator, handler: async (req) => meetings.getSatisfaction(req.actor, req.params.id, req.params.responseId) });
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
