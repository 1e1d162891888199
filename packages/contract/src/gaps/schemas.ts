import { z } from 'zod';
import { CommunitySupportSchema, FocusPopulationSchema, SdohCategorySchema, SpaSchema } from '../common/enums';
import { DateSchema, IdSchema, optionalText, text, TimestampSchema, VersionSchema, WriteVersionSchema } from '../common/ids';
import { pageOf, PageQuerySchema } from '../common/pagination';
import { CoverageAxisSchema, GapEventKindSchema, GapSeveritySchema, GapStatusSchema } from './enums';

/** A gap is about one SDOH category or one Community Support, never both, never neither. */
const oneSubject = (g: { category?: unknown; communitySupport?: unknown }) => (g.category == null) !== (g.communitySupport == null);
const SUBJECT = { message: 'Name exactly one of category and communitySupport', path: ['category'] };

export const GapSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    spa: SpaSchema,
    category: SdohCategorySchema.nullable().describe('The SDOH category the region lacks (or null when communitySupport is set)'),
    communitySupport: CommunitySupportSchema.nullable().describe('The Medi-Cal Community Support the region lacks (or null when category is set)'),
    focusPopulation: FocusPopulationSchema.nullable(),
    description: z.string().nullable(),
    severity: GapSeveritySchema,
    status: GapStatusSchema,
    statusRationale: z.string().nullable().describe('Why the gap reached its status (required for not_pursued)'),
    statusChangedAt: TimestampSchema,
    ownerUserId: IdSchema.nullable().describe('The collaboration team member or network admin who carries the gap'),
    ownerName: z.string().nullable(),
    linkedAgreementIds: z.array(IdSchema).describe('Agreements (the MOU or contract) that closed or address the gap'),
    allowedTransitions: z.array(GapStatusSchema).describe('The statuses the gap may move to next'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: VersionSchema,
  })
  .meta({ id: 'ServiceGap' });
export type Gap = z.infer<typeof GapSchema>;
export const GapPageSchema = pageOf(GapSchema);

const gapFields = {
  title: text(200),
  spa: SpaSchema,
  category: SdohCategorySchema.nullish(),
  communitySupport: CommunitySupportSchema.nullish(),
  focusPopulation: FocusPopulationSchema.nullish(),
  description: optionalText(4000),
  severity: GapSeveritySchema,
  ownerUserId: IdSchema.nullish().describe('A collaboration team member or network admin (422 otherwise)'),
  linkedAgreementIds: z
    .array(IdSchema)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'Each agreement may be named once')
    .describe('Agreements that address the gap (422 reference_not_found for an unknown id)'),
};

export const CreateGapBodySchema = z
  .object({ ...gapFields, severity: GapSeveritySchema.default('medium'), linkedAgreementIds: gapFields.linkedAgreementIds.default([]) })
  .refine(oneSubject, SUBJECT)
  .meta({
    id: 'CreateGapBody',
    description: 'A new gap starts as identified',
    example: { title: 'No sobering center in the Antelope Valley', spa: 'spa1', communitySupport: 'sobering_centers', severity: 'high' },
  });
export type CreateGapBody = z.input<typeof CreateGapBodySchema>;

export const UpdateGapBodySchema = z
  .object({ ...gapFields, version: WriteVersionSchema })
  .partial()
  // Naming a category or a Community Support replaces the subject (the other is cleared); never both, never only a null.
  .refine((g) => (g.category === undefined && g.communitySupport === undefined) || (g.category != null) !== (g.communitySupport != null), SUBJECT)
  .meta({
    id: 'UpdateGapBody',
    description: 'Changes the fields given. Naming category or communitySupport replaces the subject: the other one is cleared.',
    example: { severity: 'critical', version: 1 },
  });
export type UpdateGapBody = z.input<typeof UpdateGapBodySchema>;

export const GapTransitionBodySchema = z
  .object({
    to: GapStatusSchema,
    rationale: optionalText(2000).describe('Why; required for not_pursued'),
    version: WriteVersionSchema,
  })
  .meta({ id: 'GapTransitionBody', example: { to: 'escalated', rationale: 'Taken to the contracts division', version: 1 } });
export type GapTransitionBody = z.input<typeof GapTransitionBodySchema>;

export const GapNoteBodySchema = z
  .object({ note: text(4000).describe('CHW or partner feedback on access to the service (hours, eligibility, waiting)') })
  .meta({ id: 'GapNoteBody', example: { note: 'Three clients this week turned away: the only shelter in SPA 1 is full.' } });

export const GapEventSchema = z
  .object({
    id: IdSchema,
    kind: GapEventKindSchema,
    at: TimestampSchema,
    actorName: z.string().nullable(),
    fromStatus: GapStatusSchema.nullable(),
    toStatus: GapStatusSchema.nullable(),
    note: z.string().nullable().describe('The rationale of a status change, or the note'),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable().describe('Fields an update changed'),
  })
  .meta({ id: 'ServiceGapEvent' });
export const GapEventPageSchema = pageOf(GapEventSchema);

export const GapListQuerySchema = PageQuerySchema.extend({
  spa: SpaSchema.optional(),
  category: SdohCategorySchema.optional(),
  communitySupport: CommunitySupportSchema.optional(),
  status: GapStatusSchema.optional(),
  severity: GapSeveritySchema.optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only identified, escalated and in_progress; false: only resolved and not_pursued'),
});

/** A reporting period, inclusive, as Los Angeles calendar dates; either end left out: the twelve months up to today. */
const periodFields = {
  from: DateSchema.optional().describe('First day of the period (Los Angeles date); default: a year before `to`, plus one day'),
  to: DateSchema.optional().describe('Last day of the period, inclusive (Los Angeles date); default: today'),
};
const inOrder = (p: { from?: string; to?: string }) => !p.from || !p.to || p.from <= p.to;
export const PeriodQuerySchema = z.strictObject(periodFields).refine(inOrder, { message: 'from must not be after to', path: ['to'] });

export const GapEvidenceSchema = z
  .object({
    gapId: IdSchema,
    from: DateSchema,
    to: DateSchema,
    declines: z
      .object({ no_capacity: z.number().int(), out_of_area: z.number().int(), not_eligible: z.number().int(), total: z.number().int() })
      .describe("Referrals sent in the period to a service in the gap's SPA for its category (or Community Support) and declined for lack of capacity, region or eligibility"),
    referralsSent: z.number().int().describe('Referrals sent in the period for the same SPA and category'),
    servicesFull: z.number().int().describe('Active services in the SPA and category marked full now'),
    servicesWaitlist: z.number().int().describe('Active services in the SPA and category with a waitlist now'),
    notes: z.number().int().describe('Notes (CHW feedback) recorded on the gap in the period'),
  })
  .meta({ id: 'ServiceGapEvidence' });
export type GapEvidence = z.infer<typeof GapEvidenceSchema>;

export const CoverageQuerySchema = z
  .strictObject({ ...periodFields, axis: CoverageAxisSchema.default('category').describe('Columns: SDOH categories or Community Supports') })
  .refine(inOrder, { message: 'from must not be after to', path: ['to'] });

export const CoverageCellSchema = z
  .object({
    spa: SpaSchema,
    key: z.string().describe('The SDOH category or Community Support code'),
    activeServices: z.number().int().describe('Active services serving the SPA (now)'),
    acceptingServices: z.number().int().describe('Of those, accepting referrals (now)'),
    referralsSent: z.number().int().describe('Referrals sent in the period to services in the SPA'),
    unmetDemand: z.number().int().describe('Of those, declined as no_capacity, out_of_area or not_eligible'),
    openGaps: z.number().int().describe('Open gaps recorded for the cell'),
  })
  .meta({ id: 'CoverageCell' });
export type CoverageCell = z.infer<typeof CoverageCellSchema>;

export const CoverageSchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    axis: CoverageAxisSchema,
    spas: z.array(SpaSchema),
    keys: z.array(z.string()).describe('The columns, in order'),
    cells: z.array(CoverageCellSchema).describe('Only cells with something to count; a missing cell is all zeros'),
  })
  .meta({ id: 'Coverage' });
export type Coverage = z.infer<typeof CoverageSchema>;
