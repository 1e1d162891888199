import type { FastifyInstance } from 'fastify';
import type { Notifier } from '../notifications';
import { createConversationService } from './conversation';
import { createLifecycleService } from './lifecycle';
import { referralRoutes } from './routes';
import { createReferralsService, type DirectoryLookup, type ReferralDeps } from './service';

export interface ReferralsModuleOptions {
  /** The directory's answers (service SLAs), from the directory module. */
  directory: DirectoryLookup;
  /** How referrals notify people, from the notifications module (it never touches that module's tables). */
  notifier: Notifier;
}

/**
 * Referrals between organizations, their messages, timeline and followers. app.ts hands in what
 * it needs of other modules (DirectoryLookup, Notifier); the clients module's rules and mappers
 * come through its index.ts. The single-statement reads that JOIN other modules' tables are the
 * recorded exception in foreign-tables.ts.
 */
export const referralsModule = async (app: FastifyInstance, opts: ReferralsModuleOptions) => {
  referralRoutes(app, referralServices({ db: app.db, directory: opts.directory, notifier: opts.notifier }));
};

/**
 * The referral services themselves (read, list, transitions, assignment, timeline), for a module
 * that speaks another protocol over the same referrals (the FHIR facade): the same state machine,
 * audit, outbox and notifications as the REST routes.
 */
export const referralServices = (deps: ReferralDeps) => ({
  referrals: createReferralsService(deps),
  lifecycle: createLifecycleService(deps),
  conversation: createConversationService({ db: deps.db, notifier: deps.notifier }),
});
export type ReferralServices = ReturnType<typeof referralServices>;
/** The FHIR facade's Task / ServiceRequest search over the referrals the caller may see. */
export { searchReferrals, type ReferralSearch, type UpdatedBound } from './fhir-search';

// What other modules, app.ts and the worker may use (through this file only).
export { referralLinks } from './links';
export type { DirectoryLookup } from './service';

/** Referral counts the service gaps module reads (issue 25): sent and declined by SPA × category × period. */
export { demandBy, type DemandQuery, type DemandRow } from './demand';

/** The outbox the webhooks module delivers (claimed and marked in one statement), and the overdue sweep the worker runs. */
export { referralOutbox, type OutboxEvent } from './outbox';
export { sweepOverdueReferrals } from './overdue';

/** Referrals an organization has received, counted: the directory's evidence for "partnered" (issue 25). */
export { referralsReceivedCount } from './counts';

/** The network overview's referral figures: the metrics summary by flow and the overdue per organization (issue 25). */
export { referralOverview, type ReferralSummary } from './overview';
