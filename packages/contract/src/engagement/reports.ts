import { z } from 'zod';
import { DateSchema, IdSchema } from '../common/ids';
import { FOCUS_POPULATIONS, FocusPopulationSchema, SpaSchema, type FocusPopulation } from '../common/enums';
import { EngagementEventTypeSchema } from './enums';
import { METRIC_PERIODS } from '../referrals/metrics';

// Engagement reports (issue 25, "Reports"): events and attendees per period, and the State's
// quarterly roll-up by month and focus population.

export const ENGAGEMENT_REPORT_DIMENSIONS = ['spa', 'population', 'type', 'staff'] as const;
export type EngagementReportDimension = (typeof ENGAGEMENT_REPORT_DIMENSIONS)[number];

/** How `by` reads: a comma list of dimensions, each at most once; its order is the order of the key columns. */
export const parseReportDimensions = (v: string): string[] => v.split(',').map((d) => d.trim());

const ReportDimensionsSchema = z
  .string()
  .regex(/^[a-z]+(,[a-z]+)*$/, 'A comma list of dimensions: spa, population, type, staff')
  .transform(parseReportDimensions)
  .pipe(
    z
      .array(z.enum(ENGAGEMENT_REPORT_DIMENSIONS))
      .min(1)
      .max(ENGAGEMENT_REPORT_DIMENSIONS.length)
      .refine((ds) => new Set(ds).size === ds.length, 'Each dimension at most once'),
  );

export const EngagementReportQuerySchema = z
  .strictObject({
    from: DateSchema.optional().describe('First day (Los Angeles time), included; default: a year before `to`, plus a day'),
    to: DateSchema.optional().describe('Last day (Los Angeles time), included; default: today'),
    groupBy: z.enum(METRIC_PERIODS).default('month').describe("Period of each row, by the event's start (Los Angeles time)"),
    by: ReportDimensionsSchema.optional().describe(
      'Dimensions to split each period by, as a comma list (each at most once; the order given is the order of the key columns): spa, population, type, staff (a user id). `by=spa` gives one row per SPA; `by=spa,population` one row per SPA × focus population combination. An unknown or repeated dimension → 400 validation_failed on `by`.',
    ),
    // The events list's filters (GET /api/v1/engagement/events), same meaning: an event that matches counts, whole.
    spa: SpaSchema.optional().describe('Only events that served this SPA (an event in several SPAs still counts under each of them with by=spa)'),
    population: FocusPopulationSchema.optional().describe('Only events for this focus population (an event for several still counts under each with by=population)'),
    type: EngagementEventTypeSchema.optional().describe('Only events of this type'),
    staffId: IdSchema.optional().describe('Only events this person led (an event with several leads still counts under each with by=staff)'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Must be on or after from' });
export type EngagementReportQuery = z.input<typeof EngagementReportQuerySchema>;

export const EngagementReportKeysSchema = z
  .object({
    spa: z.string().optional(),
    population: z.string().optional(),
    type: z.string().optional(),
    staff: z.string().optional().describe("A staff lead's user id"),
  })
  .meta({ id: 'EngagementReportKeys' });

export const EngagementReportRowSchema = z
  .object({
    period: z.string().describe('2026-03 (month), 2026-Q1 (quarter) or 2026 (year)'),
    key: z
      .string()
      .nullable()
      .describe(
        "The row's value of the dimension (an SPA, a focus population, an event type, a staff lead's user id); with several dimensions, their values in the order of `by` joined by `|` (spa4|homelessness); null on the period's total",
      ),
    keys: EngagementReportKeysSchema.describe("The row's value of each dimension of `by`, by name; empty on the period's total"),
    label: z.string().nullable().describe("The staff lead's name when `by` includes staff; else null"),
    events: z.number().int().min(0).describe('Events that started in the period (removed events never count)'),
    attendees: z.number().int().min(0).describe('Their attendees (each event’s attendee count, once)'),
  })
  .meta({ id: 'EngagementReportRow' });
export type EngagementReportRow = z.infer<typeof EngagementReportRowSchema>;

export const EngagementReportSchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    groupBy: z.enum(METRIC_PERIODS),
    by: z.string().nullable().describe('The dimensions, as asked (spa, or spa,population); null with none'),
    dimensions: z.array(z.enum(ENGAGEMENT_REPORT_DIMENSIONS)).describe('The dimensions of `by`, in order (empty with none)'),
    rows: z
      .array(EngagementReportRowSchema)
      .describe('Per period: its total (key null) first, then one row per value (or combination of values) of `by`, ordered by the keys in the order of `by`'),
    counting: z.string().describe('How an event in several SPAs, populations or with several staff leads is counted'),
  })
  .meta({ id: 'EngagementReport' });
export type EngagementReport = z.infer<typeof EngagementReportSchema>;

/** Said in every answer and on the CSV's total rows. */
export const ENGAGEMENT_COUNTING =
  "An event in several SPAs or focus populations (or with several staff leads) counts once, with all its attendees, in each of their rows (with several dimensions, in each combination of its values) and once in its period's total (key null), so the rows of a period can add up to more than its total; an event with no staff lead counts only in the total when by includes staff.";

// ---- The State's quarterly roll-up ----------------------------------------------------------------

/** The State's focus-population categories, in the order of its form. */
export const STATE_POPULATION_CATEGORIES = [
  'homelessness',
  'justice_involvement',
  'healthy_pregnancy',
  'mental_health',
  'substance_use',
  'complex_health_conditions',
  'other',
] as const;
export type StatePopulationCategory = (typeof STATE_POPULATION_CATEGORIES)[number];

/** The State's names for its categories (the CSV's `categoryName`). */
export const STATE_CATEGORY_NAMES: Record<StatePopulationCategory, string> = {
  homelessness: 'Homelessness',
  justice_involvement: 'Justice involvement',
  healthy_pregnancy: 'Barriers to a healthy pregnancy',
  mental_health: 'Mental health',
  substance_use: 'Substance use',
  complex_health_conditions: 'Complex health conditions',
  other: 'Other',
};

const STATE_CATEGORY_OF: Record<FocusPopulation, StatePopulationCategory> = {
  homelessness: 'homelessness',
  justice_involvement: 'justice_involvement',
  healthy_pregnancy: 'healthy_pregnancy',
  mental_health: 'mental_health',
  substance_use: 'substance_use',
  complex_health: 'complex_health_conditions',
  other: 'other',
};

/**
 * The State's category of one of our focus populations (the reference's wpcLaFocusPopulations
 * codes). An unknown code (a population added later, an old import) is the State's "other".
 */
export const stateCategoryOf = (population: string): StatePopulationCategory =>
  (Object.hasOwn(STATE_CATEGORY_OF, population) ? STATE_CATEGORY_OF[population as FocusPopulation] : 'other');

/** Every focus population with its State category: the table the report's SQL joins. */
export const STATE_CATEGORY_TABLE = FOCUS_POPULATIONS.map((p) => [p, stateCategoryOf(p)] as const);

/** Said in the roll-up's answer and on its CSV's total rows. */
export const STATE_QUARTERLY_COUNTING =
  "An event whose focus populations fall in several of the State's categories counts once, with all its attendees, in each of them and once in the month's total (category null), so a month's categories can add up to more than its total; two populations in the same category count once there.";

export const StateQuarterlyQuerySchema = z
  .strictObject({
    year: z.coerce.number().int().min(2000).max(2100).optional().describe('With quarter; default (neither given): the last quarter that has ended, in Los Angeles'),
    quarter: z.coerce.number().int().min(1).max(4).optional().describe('1–4, with year'),
  })
  .refine((q) => (q.year === undefined) === (q.quarter === undefined), { path: ['quarter'], message: 'Give year and quarter together, or neither' });
export type StateQuarterlyQuery = z.input<typeof StateQuarterlyQuerySchema>;

/** The last quarter that has ended before `today` (YYYY-MM-DD). */
export const lastEndedQuarter = (today: string): { year: number; quarter: number } => {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
};

export const StateQuarterlyRowSchema = z
  .object({
    month: z.string().nullable().describe('2026-01; null on the quarter’s rows'),
    category: z.enum(STATE_POPULATION_CATEGORIES).nullable().describe("The State's focus-population category; null on the month's (or the quarter's) total"),
    events: z.number().int().min(0),
    attendees: z.number().int().min(0),
  })
  .meta({ id: 'StateQuarterlyRow' });
export type StateQuarterlyRow = z.infer<typeof StateQuarterlyRowSchema>;

export const StateQuarterlySchema = z
  .object({
    year: z.number().int(),
    quarter: z.number().int().min(1).max(4),
    from: DateSchema,
    to: DateSchema,
    rows: z
      .array(StateQuarterlyRowSchema)
      .describe("Every month of the quarter, then the quarter (month null); each with its total (category null) first, then every category in the State's order, zeros included"),
    counting: z.string(),
  })
  .meta({ id: 'StateQuarterly' });
export type StateQuarterly = z.infer<typeof StateQuarterlySchema>;
