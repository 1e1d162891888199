import type { FastifyInstance } from 'fastify';
import { notifier } from '../notifications';
import { createApplicationsService, DEFAULT_SPAM_RULES, type SpamRules } from './applications.service';
import { createBudgetService } from './budget.service';
import { createMeetingsService } from './meetings.service';
import { createRecommendationsService } from './recommendations.service';
import { boardMeetingRoutes, boardRoutes, boardStipendRoutes, budgetRoutes } from './routes';
import { createBoardsService } from './service';
import { createStipendsService } from './stipends.service';

/** Community advisory boards (issue 26): boards, charters, public applications, review, members. */
export const boardsModule = async (app: FastifyInstance, opts: { spam?: Partial<SpamRules> } = {}) => {
  const spam = { ...DEFAULT_SPAM_RULES, ...opts.spam };
  boardRoutes(app, createBoardsService({ db: app.db }), createApplicationsService({ db: app.db, notifier, spam }), createRecommendationsService({ db: app.db }));
  boardStipendRoutes(app, createStipendsService({ db: app.db }));
  boardMeetingRoutes(app, createMeetingsService({ db: app.db }));
  budgetRoutes(app, createBudgetService({ db: app.db }));
};

export { sweepOverdueRecommendations } from './recommendations.service';
