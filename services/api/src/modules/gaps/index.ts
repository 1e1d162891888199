import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '@tandem/db';
import { gapsRepo } from './repo';
import { gapRoutes } from './routes';
import { createGapsService, type GapDirectory, type GapPeople, type GapReferrals } from './service';

/**
 * Service gaps (issue 25): the register, its history and notes, the evidence counted from
 * referrals and the directory, and the coverage matrix. It reads no other module's tables: the
 * directory, referrals and members modules hand it their counts and look-ups in app.ts.
 */
export const gapsModule = async (app: FastifyInstance, deps: { directory: GapDirectory; referrals: GapReferrals; people: GapPeople }) => {
  gapRoutes(app, createGapsService({ db: app.db, ...deps }));
};

/**
 * What another module may know about gaps: which ids exist. The engagement module links its
 * events to gaps by id in its own table and checks them through this.
 */
export interface GapLookup {
  existing(db: DbOrTx, ids: string[]): Promise<Set<string>>;
}
export const gapLookup: GapLookup = { existing: gapsRepo.existing };

/** The network overview's gap figures: open by severity, escalated and unanswered (issue 25). */
export { gapOverview } from './overview';
