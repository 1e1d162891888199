import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { sendCsv, wantsCsv } from '../../lib/csv';
import type { createEngagementImport } from './import';
import { engagementReportCsv, stateQuarterlyCsv, type EngagementReports } from './reports';
import type { EngagementService } from './service';
import { staffMonthlyCsv, type StaffReport } from './staff-report';

/**
 * Engagement events. Reads: signed-in users and API keys with engagement:read (which events and
 * which fields is decided per record in the service). Writes: the collaboration team and network admins.
 */
export const engagementRoutes = (
  app: FastifyInstance,
  {
    events,
    imports,
    reports,
    staffReport,
  }: { events: EngagementService; imports: ReturnType<typeof createEngagementImport>; reports: EngagementReports; staffReport: StaffReport },
) => {
  const writers = rules.anyRole('collaboration_team', 'network_admin');
  // Reports: network staff who read every event (the endpoints take sessions only: keys are refused).
  const reportReaders = rules.anyRole('collaboration_team', 'board_coordinator', 'network_admin');
  route(app, api.listEngagementEvents, { rule: rules.authenticated, handler: async (req) => events.list(req.actor, req.query) });
  route(app, api.getEngagementEvent, { rule: rules.authenticated, handler: async (req) => events.get(req.actor, req.params.id) });
  route(app, api.createEngagementEvent, { rule: writers, handler: async (req) => events.create(req.ctx(), req.body) });
  route(app, api.createEngagementSeries, { rule: writers, handler: async (req) => events.createSeries(req.ctx(), req.body) });
  route(app, api.updateEngagementEvent, { rule: writers, handler: async (req) => events.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.getEngagementSeries, { rule: rules.authenticated, handler: async (req) => events.getSeries(req.actor, req.params.id) });
  route(app, api.deleteEngagementEvent, { rule: writers, handler: async (req) => events.remove(req.ctx(), req.params.id, req.expectedVersion, req.body.reason) });
  route(app, api.getEngagementImportTemplate, { rule: writers, handler: async (_req, reply) => sendCsv(reply, 'tandem-engagement-events-template.csv', imports.template()) });
  route(app, api.importEngagementEvents, { rule: writers, handler: async (req) => imports.run(req.ctx(), req.body.csv, req.query.dryRun) });
  route(app, api.getEngagementReport, {
    rule: reportReaders,
    handler: async (req, reply) => {
      const r = await reports.byPeriod(req.ctx(), req.query);
      return wantsCsv(req) ? sendCsv(reply, `engagement-${r.from}-${r.to}.csv`, engagementReportCsv(r)) : r;
    },
  });
  route(app, api.getEngagementStateQuarterly, {
    rule: reportReaders,
    handler: async (req, reply) => {
      const r = await reports.stateQuarterly(req.ctx(), req.query);
      return wantsCsv(req) ? sendCsv(reply, `engagement-state-${r.year}-Q${r.quarter}.csv`, stateQuarterlyCsv(r)) : r;
    },
  });
  route(app, api.getEngagementStaffMonthly, {
    rule: reportReaders,
    handler: async (req, reply) => {
      const r = await staffReport.monthly(req.ctx(), req.query);
      return wantsCsv(req) ? sendCsv(reply, `engagement-staff-${r.month}.csv`, staffMonthlyCsv(r)) : r;
    },
  });
};
