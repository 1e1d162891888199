import type { FastifyInstance } from 'fastify';
import { createAgreementsService } from './agreements.service';
import { createContactsService } from './contacts.service';
import { createLocationsService } from './locations.service';
import { createPartnershipService, type ReferralCounts } from './partnership';
import { directoryRoutes } from './routes';
import { createSearchService } from './search.service';
import { createOrganizationsService } from './service';
import { createServicesService } from './services.service';
import { servicesRepo } from './services.repo';

/**
 * Partner directory: organizations, services, locations, contacts, search and agreements. Who may
 * read and write what: routes.ts, agreements.routes.ts and access.ts. The partnership confirmation's
 * evidence counts referrals received through the referrals module's function (app.ts hands it in).
 */
export const directoryModule = async (app: FastifyInstance, opts: { referrals: ReferralCounts }) => {
  const db = app.db;
  directoryRoutes(app, {
    orgs: createOrganizationsService({ db }),
    services: createServicesService({ db }),
    locations: createLocationsService({ db }),
    contacts: createContactsService({ db }),
    search: createSearchService({ db }),
    agreements: createAgreementsService({ db }),
    partnership: createPartnershipService({ db, referrals: opts.referrals }),
  });
};

/** What the referrals module asks of the directory (its DirectoryLookup); app.ts hands it over. */
export const directoryLookup = {
  serviceInfo: servicesRepo.slaInfo,
};

/** The one definition of "a BAA stands in for consent", as SQL for the referral fast paths (ADR 0012). */
export { activeBaaBetween } from './agreements.repo';

/** The directory's side of the service gaps' coverage matrix and evidence, and their agreement links (issue 25). */
export { coverageRepo, coverageUnits, type SupplyRow } from './coverage';

/** Organization names by id, for modules that name partners (engagement events). */
export { organizationLookup } from './lookup';

/** The partnership pipeline's automatic stage moves, for the engagement module's events (issue 25). */
export { advancePartnershipStage } from './pipeline';

/** The organizations and services reads, for the FHIR facade's Organization and HealthcareService. */
export { createOrganizationsService } from './service';
export { createServicesService } from './services.service';
/** The partnership funnel's counts, for the network overview (issue 25). */
export { pipelineReport } from './pipeline';
