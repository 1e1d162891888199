import type { FastifyInstance } from 'fastify';
import { organizationLookup } from '../directory';
import { staffLookup } from '../members';
import { createEngagementImport } from './import';
import { createEngagementReports } from './reports';
import { reportsRepo } from './repo';
import { engagementRoutes } from './routes';
import { createStaffReport } from './staff-report';
import { createEngagementService, type GapLookup, type PartnershipPipeline } from './service';

/** Until the gaps module is wired in, no gap id is known: every gapIds entry answers 422. */
export const noGaps: GapLookup = { existing: async () => [] };

/**
 * Engagement events (issue 25). Partner organizations are checked and named by the directory,
 * staff leads by the members module, gap links by the gaps module: each through the small
 * interface it supplies here; this module reads only its own tables. Partnership stages move
 * through the directory's `advancePartnershipStage`, which app.ts passes in: this module never
 * writes the directory's tables.
 */
export const engagementModule = async (app: FastifyInstance, opts: { gaps?: GapLookup; partnership: PartnershipPipeline }) => {
  const staff = { networkStaff: (ids: string[]) => staffLookup.networkStaff(app.db, ids), named: (ids: string[]) => staffLookup.named(app.db, ids) };
  const events = createEngagementService({
    db: app.db,
    organizations: { named: (ids) => organizationLookup.named(app.db, ids) },
    staff,
    gaps: opts.gaps ?? noGaps,
    partnership: opts.partnership,
  });
  engagementRoutes(app, {
    events, imports: createEngagementImport({ db: app.db, events }), reports: createEngagementReports({ db: app.db, staff }),
    staffReport: createStaffReport({ db: app.db, staff }),
  });
};

/** Events and attendees in a range (optionally one SPA), for the network overview (issue 25). */
export const engagementTotals = reportsRepo.totals;
