import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema } from '../common/ids';
import { ProblemSchema } from '../common/problem';
import {
  CreateEngagementEventBodySchema,
  CreateEngagementSeriesBodySchema,
  DeleteEngagementEventBodySchema,
  EngagementEventListQuerySchema,
  EngagementEventPageSchema,
  EngagementEventRemovalSchema,
  EngagementEventSchema,
  EngagementImportBodySchema,
  EngagementImportQuerySchema,
  EngagementImportReportSchema,
  EngagementSeriesSchema,
  UpdateEngagementEventBodySchema,
} from './schemas';
import { EngagementReportQuerySchema, EngagementReportSchema, StateQuarterlyQuerySchema, StateQuarterlySchema } from './reports';
import { StaffMonthlyQuerySchema, StaffMonthlySchema } from './staff-report';

const tags = ['Engagement'];
const base = '/api/v1/engagement';
// Reads: network staff (collaboration team, board coordinators, network admins) see every event;
// a partner organization's members and API keys (engagement:read) see the events their
// organization took part in, without the internal fields. Writes: the collaboration team and
// network admins, signed in.
const readers = { security: ['session', 'apiKey'], scope: 'engagement:read' } as const;
const writers = { security: ['session'] } as const;
const REFS = ['reference_not_found'] as const;

export const engagementEndpoints = {
  listEngagementEvents: defineEndpoint({
    method: 'GET',
    path: `${base}/events`,
    operationId: 'listEngagementEvents',
    summary: 'Engagement events, newest first, with filters',
    description:
      'Changes nothing. Sorted by start (newest first), then id. Network staff see every event; a partner organization sees those it took part in (partner view: no summary, follow-ups or gap links). Removed events are not listed.',
    tags,
    ...readers,
    query: EngagementEventListQuerySchema,
    responses: { 200: EngagementEventPageSchema },
  }),
  getEngagementEvent: defineEndpoint({
    method: 'GET',
    path: `${base}/events/{id}`,
    operationId: 'getEngagementEvent',
    concurrency: 'read',
    summary: 'One engagement event',
    description: 'Changes nothing. A partner organization that took part gets the partner view; anyone else the 404 of a random id.',
    tags,
    ...readers,
    params: IdParamsSchema,
    responses: { 200: EngagementEventSchema, 404: ProblemSchema },
  }),
  createEngagementEvent: defineEndpoint({
    method: 'POST',
    path: `${base}/events`,
    operationId: 'createEngagementEvent',
    location: `${base}/events/{id}`,
    summary: 'Log an engagement event (collaboration team, network admins)',
    description:
      'Records the event with its partner organizations, staff leads, follow-ups and gap links. Only title, type, startsAt, spas, focusPopulations and attendeeCount are required; the rest can be added later. Unknown organizations, staff leads or gaps → 422 reference_not_found naming each. Audited.',
    problems: REFS,
    tags,
    ...writers,
    body: CreateEngagementEventBodySchema,
    responses: { 201: EngagementEventSchema },
  }),
  updateEngagementEvent: defineEndpoint({
    method: 'PATCH',
    path: `${base}/events/{id}`,
    operationId: 'updateEngagementEvent',
    concurrency: 'required',
    summary: 'Edit an engagement event (If-Match or version required)',
    description:
      'Changes the fields given; organizationIds, staffLeadIds, followUps and gapIds replace the lists. The attendee groups are checked against the total after the change. Takes `If-Match`. Audited with the changes.',
    problems: REFS,
    tags,
    ...writers,
    params: IdParamsSchema,
    body: UpdateEngagementEventBodySchema,
    responses: { 200: EngagementEventSchema, 404: ProblemSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
  deleteEngagementEvent: defineEndpoint({
    method: 'DELETE',
    path: `${base}/events/{id}`,
    operationId: 'deleteEngagementEvent',
    concurrency: 'required',
    summary: 'Remove an engagement event, with a reason (If-Match or version required)',
    description:
      'Soft delete: the event leaves lists and reads (404 from then on) and stops counting; the row, the reason and who removed it stay in the history. Answers the removal (its new version as ETag). Takes `If-Match`. Audited.',
    tags,
    ...writers,
    params: IdParamsSchema,
    body: DeleteEngagementEventBodySchema,
    responses: { 200: EngagementEventRemovalSchema, 404: ProblemSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
  createEngagementSeries: defineEndpoint({
    method: 'POST',
    path: `${base}/series`,
    operationId: 'createEngagementSeries',
    location: `${base}/series/{id}`,
    summary: 'Create a recurring series (a monthly workgroup): each occurrence its own event',
    description:
      'Creates `count` events with the same fields, the first at startsAt, then weekly, every two weeks or monthly at the same Los Angeles time; they share a seriesId and are edited one by one afterwards. All or nothing. Audited per event.',
    problems: REFS,
    tags,
    ...writers,
    body: CreateEngagementSeriesBodySchema,
    responses: { 201: EngagementSeriesSchema },
  }),
  getEngagementSeries: defineEndpoint({
    method: 'GET',
    path: `${base}/series/{id}`,
    operationId: 'getEngagementSeries',
    summary: 'The occurrences of a series',
    description: 'Changes nothing. The occurrences the caller may see (partner view for a partner organization), in time order; none → the 404 of a random id.',
    tags,
    ...readers,
    params: IdParamsSchema,
    responses: { 200: EngagementSeriesSchema, 404: ProblemSchema },
  }),
  getEngagementImportTemplate: defineEndpoint({
    method: 'GET',
    path: `${base}/events/import/template`,
    operationId: 'getEngagementImportTemplate',
    summary: 'The CSV template for importing past events',
    description: 'Changes nothing. Answers text/csv: the header row and one example row, with the columns POST /api/v1/engagement/events/import reads.',
    tags,
    ...writers,
    produces: ['text/csv'],
    responses: { 200: z.string().describe('The template (text/csv)') },
  }),
  importEngagementEvents: defineEndpoint({
    method: 'POST',
    path: `${base}/events/import`,
    operationId: 'importEngagementEvents',
    summary: 'Import past events from a spreadsheet (CSV): dry run, then all or nothing',
    description:
      'With dryRun=true: checks every row and answers the report (every bad row: row, column, problem), importing nothing. Without: imports every new row in one transaction, or — if any row is bad — nothing (422 import_rejected with the same problems). Rows whose source_id was imported before are left as they are, so importing the same file again changes nothing. Audited per event.',
    problems: ['import_rejected'],
    tags,
    ...writers,
    query: EngagementImportQuerySchema,
    body: EngagementImportBodySchema,
    responses: { 200: EngagementImportReportSchema },
  }),
};

/** Reports over the engagement module's own tables: network staff who read every event, signed in. */
export const engagementReportEndpoints = {
  getEngagementReport: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/engagement',
    operationId: 'getEngagementReport',
    summary: 'Engagement events and attendees by period, optionally by SPA, focus population, event type or staff lead',
    description:
      "Events that started between `from` and `to` (Los Angeles days, both included), per month, quarter or year, optionally split by SPA, focus population, event type or staff lead, and optionally only the events matching `spa`, `population`, `type` and `staffId` (the events list's filters: a matching event counts whole, under all its values of a dimension). Each period has a total row (key null); `counting` says how an event in several SPAs or populations counts. Removed events never count. With `Accept: text/csv`, the same rows as CSV (the total rows say TOTAL and how they count). For the collaboration team, board coordinators and network admins. Changes nothing.",
    tags: ['Reports'],
    security: ['session'],
    query: EngagementReportQuerySchema,
    responses: { 200: EngagementReportSchema, 403: ProblemSchema },
    produces: ['text/csv'],
  }),
  getEngagementStateQuarterly: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/engagement/state-quarterly',
    operationId: 'getEngagementStateQuarterly',
    summary: "The State's quarterly engagement roll-up: events and attendees by month and the State's focus-population categories",
    description:
      "Events that started in the quarter (Los Angeles time), by month and by the State's focus-population category (each of our focus populations mapped to one), with month and quarter totals and every cell, zeros included. Removed events never count. With `Accept: text/csv`, the same rows as CSV. For the collaboration team, board coordinators and network admins. Changes nothing.",
    tags: ['Reports'],
    security: ['session'],
    query: StateQuarterlyQuerySchema,
    responses: { 200: StateQuarterlySchema, 403: ProblemSchema },
    produces: ['text/csv'],
  }),
  getEngagementStaffMonthly: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/engagement/staff-monthly',
    operationId: 'getEngagementStaffMonthly',
    summary: "A staff member's monthly engagement report: events led, attendees, and each event",
    description:
      "Events the staff member (`staffId`, default: the caller) led as a staff lead that started in `month` (Los Angeles time, default: the current month): how many, their attendees (each event's count once), and each event with its date, title, type and focus populations. Removed events never count. With `Accept: text/csv`, one row per event. For the collaboration team, board coordinators and network admins. Changes nothing.",
    tags: ['Reports'],
    security: ['session'],
    query: StaffMonthlyQuerySchema,
    responses: { 200: StaffMonthlySchema, 403: ProblemSchema },
    produces: ['text/csv'],
  }),
};
