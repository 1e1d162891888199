import type { FastifyInstance } from 'fastify';
import { notifier } from '../notifications';
import { createApplicationsService, DEFAULT_SPAM_RULES, type SpamRules } from './applications.service';
import { createBudgetService } from './budget.service';
import { boardRoutes, budgetRoutes } from './routes';
import { createBoardsService } from './service';

/** Community advisory boards (issue 26): boards, charters, public applications, review, members. */
export const boardsModule = async (app: FastifyInstance, opts: { spam?: Partial<SpamRules> } = {}) => {
  const spam = { ...DEFAULT_SPAM_RULES, ...opts.spam };
  boardRoutes(app, createBoardsService({ db: app.db }), createApplicationsService({ db: app.db, notifier, spam }));
  budgetRoutes(app, createBudgetService({ db: app.db }));
};
