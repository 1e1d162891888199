import { z } from 'zod';
import { FocusPopulationSchema, SpaSchema } from '../common/enums';
import { DateSchema, IdSchema, text, TimestampSchema, WriteVersionSchema } from '../common/ids';
import { pageOf, PageQuerySchema } from '../common/pagination';
import { EngagementEventTypeSchema, EventModalitySchema, SeriesFrequencySchema } from './enums';
import { attendeeProblems } from './rules';

const distinct = (xs: readonly string[]) => new Set(xs).size === xs.length;
const Count = z.number().int().min(0).max(100_000);

/** Attendees by group; a group not counted is null or absent. See rules.ts for how they relate to the total. */
export const AttendeesByGroupSchema = z
  .strictObject({
    communityMembers: Count.nullish().describe('Community members (residents, clients, advocates)'),
    cboStaff: Count.nullish().describe('Staff of community-based organizations'),
    countyStaff: Count.nullish().describe('County agency staff (mental health, public health, social services…)'),
    healthSystemStaff: Count.nullish().describe('Health-system staff (CHWs, navigators, clinicians…)'),
    livedExperience: Count.nullish().describe('People with lived experience, counted across the groups above (so it overlaps them)'),
  })
  .meta({ id: 'AttendeesByGroup' });
export type AttendeesByGroup = z.infer<typeof AttendeesByGroupSchema>;

export const FollowUpSchema = z
  .strictObject({
    text: text(1000).describe('What is to be done'),
    owner: z.string().trim().max(200).nullish().describe('Who does it (a name; may be someone outside Tandem)'),
    dueDate: DateSchema.nullish(),
    done: z.boolean().default(false),
  })
  .meta({ id: 'EngagementFollowUp' });
export type FollowUp = z.output<typeof FollowUpSchema>;

const Named = z.object({ id: IdSchema, name: z.string() });

export const EngagementEventSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    type: EngagementEventTypeSchema,
    startsAt: TimestampSchema,
    durationMinutes: z.number().int().nullable(),
    spas: z.array(SpaSchema),
    modality: EventModalitySchema,
    address: z.string().nullable(),
    focusPopulations: z.array(FocusPopulationSchema),
    organizationIds: z.array(IdSchema).describe('Partner organizations that took part (directory ids)'),
    organizations: z.array(Named).describe('The same organizations with their directory names'),
    staffLeadIds: z.array(IdSchema).describe('Network staff who led the event (user ids)'),
    staffLeads: z.array(Named).describe('The same people with their names'),
    attendeeCount: z.number().int(),
    attendeesByGroup: z.object({
      communityMembers: z.number().int().nullable(),
      cboStaff: z.number().int().nullable(),
      countyStaff: z.number().int().nullable(),
      healthSystemStaff: z.number().int().nullable(),
      livedExperience: z.number().int().nullable(),
    }),
    view: z
      .enum(['full', 'partner'])
      .describe("full: the network's record; partner: what a partner organization that took part sees (summary, followUps and gapIds are internal and left out)"),
    summary: z.string().nullable().optional().describe('Internal: absent in the partner view'),
    followUps: z.array(FollowUpSchema).optional().describe('Internal: absent in the partner view'),
    gapIds: z.array(IdSchema).optional().describe('Internal: linked service gaps; absent in the partner view'),
    seriesId: IdSchema.nullable().describe('The recurring series this occurrence was created in, if any'),
    sourceId: z.string().nullable().describe('Row id in the spreadsheet the event was imported from, if any'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'EngagementEvent' });
export type EngagementEvent = z.infer<typeof EngagementEventSchema>;
export const EngagementEventPageSchema = pageOf(EngagementEventSchema);

const ids = (max: number, what: string) =>
  z.array(IdSchema).max(max).refine(distinct, `Each ${what} may be named once`);

/** The event's writable fields (create, PATCH, series, import all use them). */
export const eventFields = {
  title: text(300),
  type: EngagementEventTypeSchema,
  startsAt: TimestampSchema.describe('When it started (ISO 8601 with offset)'),
  durationMinutes: z.number().int().min(1).max(24 * 60).nullish().describe('Length in minutes (null: not recorded)'),
  spas: z.array(SpaSchema).min(1).max(8).refine(distinct, 'Each SPA may be named once').describe('SPAs the event served (one or several)'),
  modality: EventModalitySchema.default('in_person'),
  address: z.string().trim().max(500).nullish().describe('Where, for an in-person event'),
  focusPopulations: z
    .array(FocusPopulationSchema)
    .min(1)
    .max(7)
    .refine(distinct, 'Each population may be named once')
    .describe('Focus populations the event served (la-reference.json wpcLaFocusPopulations codes)'),
  organizationIds: ids(100, 'organization').default([]).describe('Partner organizations from the directory (unknown → 422 reference_not_found)'),
  staffLeadIds: ids(20, 'person').default([]).describe('Staff leads: users holding a network role (unknown → 422 reference_not_found). Kept as sent: omitted means no lead (the event then counts in no one\'s monthly report); the API never adds the caller — the web\'s quick entry names the person logging it'),
  attendeeCount: Count.describe('Attendees in total'),
  attendeesByGroup: AttendeesByGroupSchema.default({}),
  summary: z.string().trim().max(20_000).nullish().describe('Internal notes: what was discussed and decided'),
  followUps: z.array(FollowUpSchema).max(100).default([]).describe('Follow-up actions; a PATCH replaces the list'),
  gapIds: ids(100, 'gap').default([]).describe('Linked service gaps (unknown → 422 reference_not_found)'),
};

/** Adds the attendee rule's issues (rules.ts) at attendeesByGroup.<group>. */
export const checkAttendees = (v: { attendeeCount?: number; attendeesByGroup?: AttendeesByGroup }, ctx: z.RefinementCtx) => {
  if (v.attendeeCount === undefined || !v.attendeesByGroup) return;
  for (const p of attendeeProblems(v.attendeeCount, v.attendeesByGroup)) {
    ctx.addIssue({
      code: 'custom',
      path: p.group === 'sum' ? ['attendeesByGroup'] : ['attendeesByGroup', p.group],
      message: p.message,
      params: { code: 'engagement.attendees_exceed_total' },
    });
  }
};

const EXAMPLE = {
  title: 'Reentry workgroup, March',
  type: 'workgroup',
  startsAt: '2026-03-10T10:00:00-07:00',
  durationMinutes: 90,
  spas: ['spa6', 'spa8'],
  modality: 'in_person',
  address: '1000 S Fremont Ave, Alhambra, CA 91803',
  focusPopulations: ['justice_involvement'],
  attendeeCount: 24,
  attendeesByGroup: { communityMembers: 10, cboStaff: 8, countyStaff: 4, healthSystemStaff: 2, livedExperience: 6 },
  summary: 'Agreed to map reentry housing beds in SPA 6.',
  followUps: [{ text: 'Send the bed list to the workgroup', owner: 'Dana', dueDate: '2026-03-24', done: false }],
};

export const CreateEngagementEventBodySchema = z
  .strictObject(eventFields)
  .superRefine(checkAttendees)
  .meta({ id: 'CreateEngagementEventBody', example: EXAMPLE });
export type CreateEngagementEventBody = z.input<typeof CreateEngagementEventBodySchema>;

/** A PATCH: the fields given replace the stored ones (lists replace whole lists). Defaults do not apply. */
export const UpdateEngagementEventBodySchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v])) as {
      [K in keyof typeof eventFields]: (typeof eventFields)[K] extends z.ZodDefault<infer T> ? T : (typeof eventFields)[K];
    },
    version: WriteVersionSchema,
  })
  .partial()
  .superRefine(checkAttendees)
  .meta({ id: 'UpdateEngagementEventBody', example: { attendeeCount: 26, summary: 'Two more joined late.', version: 1 } });
export type UpdateEngagementEventBody = z.input<typeof UpdateEngagementEventBodySchema>;

export const DeleteEngagementEventBodySchema = z
  .strictObject({ reason: text(500).describe('Why the event is removed (kept in the history)'), version: WriteVersionSchema })
  .meta({ id: 'DeleteEngagementEventBody', example: { reason: 'Logged twice', version: 2 } });

export const EngagementEventListQuerySchema = PageQuerySchema.extend({
  from: DateSchema.optional().describe('Only events starting on or after this Los Angeles date'),
  to: DateSchema.optional().describe('Only events starting on or before this Los Angeles date'),
  spa: SpaSchema.optional().describe('Only events that served this SPA'),
  population: FocusPopulationSchema.optional().describe('Only events for this focus population'),
  type: EngagementEventTypeSchema.optional(),
  staffId: IdSchema.optional().describe('Only events this person led'),
  organizationId: IdSchema.optional().describe('Only events this partner organization took part in'),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Must not be before from' });

export const CreateEngagementSeriesBodySchema = z
  .strictObject({
    ...eventFields,
    frequency: SeriesFrequencySchema,
    count: z.number().int().min(2).max(60).describe('How many occurrences, the first at startsAt'),
  })
  .superRefine(checkAttendees)
  .meta({
    id: 'CreateEngagementSeriesBody',
    example: { ...EXAMPLE, attendeeCount: 0, attendeesByGroup: {}, summary: null, followUps: [], frequency: 'monthly', count: 12 },
  });
export type CreateEngagementSeriesBody = z.input<typeof CreateEngagementSeriesBodySchema>;

export const EngagementSeriesSchema = z
  .object({
    id: IdSchema.describe("The series id: each occurrence's seriesId"),
    events: z.array(EngagementEventSchema).describe('Each occurrence, its own event, in time order (those the caller may see, removed ones left out)'),
  })
  .meta({ id: 'EngagementSeries' });

export const EngagementEventRemovalSchema = z
  .object({ id: IdSchema, version: z.number().int(), deletedAt: TimestampSchema, deleteReason: z.string() })
  .meta({ id: 'EngagementEventRemoval' });


/** The spreadsheet columns of an import, in the template's order (GET .../import/template). */
export const EVENT_IMPORT_COLUMNS = [
  'source_id',
  'title',
  'type',
  'date',
  'start_time',
  'duration_minutes',
  'spas',
  'modality',
  'address',
  'focus_populations',
  'attendee_count',
  'community_members',
  'cbo_staff',
  'county_staff',
  'health_system_staff',
  'lived_experience',
  'summary',
  'organization_ids',
  'staff_lead_ids',
] as const;
export type EventImportColumn = (typeof EVENT_IMPORT_COLUMNS)[number];

export const EngagementImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: check every row and report, import nothing'),
});

export const EngagementImportBodySchema = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .max(5_000_000)
      .describe(
        'The spreadsheet saved as CSV (UTF-8, header row first: the template’s columns). Lists in a cell (spas, focus_populations, organization_ids, staff_lead_ids) are separated by `;`. date is a Los Angeles date (YYYY-MM-DD), start_time a Los Angeles time (HH:MM, default 12:00). source_id, the row’s id in your spreadsheet, is required and unique: a row whose source_id was imported before is left as it is.',
      ),
  })
  .meta({ id: 'EngagementImportBody', example: { csv: 'source_id,title,type,date,spas,focus_populations,attendee_count\r\nQ1-014,Reentry workgroup,workgroup,2019-02-12,spa6,justice_involvement,24\r\n' } });

export const ImportProblemSchema = z
  .object({
    row: z.number().int().describe('Spreadsheet row (the header is row 1; 0 for the file as a whole)'),
    column: z.string().describe('Column name, or empty for the whole row'),
    problem: z.string(),
  })
  .meta({ id: 'EngagementImportProblem' });

export const EngagementImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().describe('Data rows read'),
    created: z.number().int().describe('Rows that become (or became) new events'),
    unchanged: z.number().int().describe('Rows whose source_id was imported before: left as they are'),
    problems: z.array(ImportProblemSchema).describe('Every bad row and column; a real import with any problem imports nothing (422 import_rejected)'),
    eventIds: z.array(IdSchema).describe('The events created (empty on a dry run)'),
  })
  .meta({ id: 'EngagementImportReport' });
