import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { setEtag } from '../../lib/concurrency';
import { sendCsv, wantsCsv } from '../../lib/csv';
import { route } from '../../lib/routes';
import { registerAgreementRoutes } from './agreements.routes';
import type { PartnershipService } from './partnership';
import { pipelineReport, pipelineReportCsv } from './pipeline';
import type { AgreementsService } from './agreements.service';
import type { createContactsService } from './contacts.service';
import type { createLocationsService } from './locations.service';
import type { createSearchService } from './search.service';
import type { createOrganizationsService } from './service';
import type { createServicesService } from './services.service';

interface Services {
  orgs: ReturnType<typeof createOrganizationsService>;
  services: ReturnType<typeof createServicesService>;
  locations: ReturnType<typeof createLocationsService>;
  contacts: ReturnType<typeof createContactsService>;
  search: ReturnType<typeof createSearchService>;
  agreements: AgreementsService;
  partnership: PartnershipService;
}

/**
 * Organizations, services, locations, contacts and search (agreements' own are in agreements.routes.ts).
 * Reads are public (non-public contacts and internal notes only for signed-in users; partnership
 * records and capacity notes not for anonymous callers); writes need a signed-in user or a
 * directory:write key, then the per-organization check in the services (assertCanEditOrg).
 */
export const directoryRoutes = (app: FastifyInstance, { orgs, services, locations, contacts, search, agreements, partnership }: Services) => {
  const writer = rules.authenticated;

  route(app, api.listOrganizations, { rule: rules.public, handler: async (req) => orgs.list(req.actor, req.query) });
  route(app, api.getOrganization, { rule: rules.public, handler: async (req) => orgs.get(req.actor, req.params.id) });
  route(app, api.createOrganization, { rule: rules.networkAdmin, handler: async (req) => orgs.create(req.ctx(), req.body) });
  route(app, api.updateOrganization, { rule: writer, handler: async (req) => orgs.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  // The partnership funnel is the network's own record: network staff, signed in (no keys).
  route(app, api.getPipelineReport, {
    rule: rules.anyRole('collaboration_team', 'network_admin'),
    handler: async (req, reply) => {
      const r = await pipelineReport(app.db, req.query);
      return wantsCsv(req) ? sendCsv(reply, `partnership-pipeline${req.query.spa ? `-${req.query.spa}` : ''}.csv`, pipelineReportCsv(r)) : r;
    },
  });
  // Partnered is confirmed by a person, evidence beside it (issue 25): network staff, signed in.
  route(app, api.getPartnership, { rule: rules.anyRole('collaboration_team', 'network_admin'), handler: async (req) => partnership.get(req.params.id) });
  route(app, api.confirmPartnership, {
    rule: rules.anyRole('collaboration_team', 'network_admin'),
    handler: async (req) => partnership.confirm(req.ctx(), req.params.id, req.expectedVersion, req.body),
  });
  route(app, api.getOrganizationHistory, { rule: rules.signedIn, handler: async (req) => orgs.history(req.params.id, req.query.limit, req.query.cursor) });

  route(app, api.searchServices, { rule: rules.public, handler: async (req) => search.search(req.actor, req.query) });
  // Its ETag digests the whole answer (route(), ADR 0007): editing a location, contact or the
  // organization it shows moves the tag though not the service's version.
  route(app, api.getService, { rule: rules.public, handler: async (req) => services.get(req.actor, req.params.id) });
  route(app, api.listOrganizationServices, { rule: rules.public, handler: async (req) => services.listByOrg(req.actor, req.params.id, req.query.limit, req.query.cursor, req.query.updatedSince) });
  route(app, api.createService, { rule: writer, handler: async (req) => services.create(req.ctx(), req.params.id, req.body) });
  route(app, api.updateService, { rule: writer, handler: async (req) => services.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.replaceServiceSchedule, {
    rule: writer,
    handler: async (req, reply) => {
      // The answer is the schedule alone; its ETag is the service's version it moved to.
      const { schedule, version } = await services.replaceSchedule(req.ctx(), req.params.id, req.expectedVersion, req.body);
      setEtag(reply, version);
      return schedule;
    },
  });
  route(app, api.updateServiceCapacity, { rule: writer, handler: async (req) => services.updateCapacity(req.ctx(), req.params.id, req.expectedVersion, req.body) });

  route(app, api.listOrganizationLocations, { rule: rules.public, handler: async (req) => locations.list(req.params.id, req.query.limit, req.query.cursor) });
  route(app, api.createLocation, { rule: writer, handler: async (req) => locations.create(req.ctx(), req.params.id, req.body) });
  route(app, api.getLocation, { rule: rules.public, handler: async (req) => locations.get(req.params.id) });
  route(app, api.updateLocation, { rule: writer, handler: async (req) => locations.update(req.ctx(), req.params.id, req.body) });

  registerAgreementRoutes(app, agreements);

  route(app, api.listOrganizationContacts, { rule: rules.public, handler: async (req) => contacts.list(req.actor, req.params.id, req.query.limit, req.query.cursor) });
  route(app, api.createContact, { rule: writer, handler: async (req) => contacts.create(req.ctx(), req.params.id, req.body) });
  route(app, api.getContact, { rule: rules.public, handler: async (req) => contacts.get(req.actor, req.params.id) });
  route(app, api.updateContact, { rule: writer, handler: async (req) => contacts.update(req.ctx(), req.params.id, req.body) });
  route(app, api.deleteContact, {
    rule: writer,
    handler: async (req) => {
      await contacts.remove(req.ctx(), req.params.id);
      return undefined;
    },
  });
};
