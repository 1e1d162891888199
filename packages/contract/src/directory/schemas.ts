import { z } from 'zod';
import { DateSchema, EmailSchema, IdSchema, PhoneSchema, TimestampSchema, UrlSchema, WriteVersionSchema } from '../common/ids';
import {
  CapacityStatusSchema,
  CommunitySupportSchema,
  FocusPopulationSchema,
  LanguageSchema,
  SdohCategorySchema,
  ServiceStatusSchema,
  SpaSchema,
} from '../common/enums';
import { pageOf, PageQuerySchema, UpdatedSinceSchema } from '../common/pagination';
import { PartnershipStageSchema } from '../organizations/enums';
import { OrganizationSummarySchema } from '../organizations/schemas';

export const ServiceListQuerySchema = PageQuerySchema.extend({
  updatedSince: UpdatedSinceSchema.describe(
    'Sync: only services changed at or after this instant (an edit, capacity, hours), oldest change first. Inclusive: deduplicate by id',
  ),
});

// --- Services, locations, schedules, contacts, history, search ---

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$|^24:00(:00)?$/;
export const LocalTimeSchema = z.string().regex(TIME, 'Use HH:MM (24-hour)').describe('Local wall-clock time HH:MM in the service time zone');

export const CapacitySchema = z
  .object({
    status: CapacityStatusSchema,
    note: z.string().nullable().optional().describe('Note for referrers; absent for anonymous callers (the public directory)'),
    confirmedAt: TimestampSchema.nullable(),
    confirmedByUserId: IdSchema.nullable().optional().describe('Who confirmed it; null when an API key did; absent for anonymous callers'),
    stale: z.boolean().describe('True when capacity was never confirmed or not in the last 90 days'),
  })
  .meta({ id: 'Capacity' });
export type Capacity = z.infer<typeof CapacitySchema>;

export const ServiceSchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    name: z.string(),
    description: z.string().nullable(),
    categories: z.array(SdohCategorySchema),
    communitySupport: CommunitySupportSchema.nullable(),
    eligibility: z.string().nullable(),
    nameEs: z.string().nullable().describe('Spanish name, shown to Spanish users when present'),
    descriptionEs: z.string().nullable().describe('Spanish description'),
    eligibilityEs: z.string().nullable().describe('Spanish eligibility'),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    focusPopulations: z.array(FocusPopulationSchema),
    languages: z.array(LanguageSchema),
    fees: z.string().nullable(),
    applicationProcess: z.string().nullable(),
    spas: z.array(SpaSchema),
    url: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: ServiceStatusSchema,
    timeZone: z.string(),
    capacity: CapacitySchema,
    ackSlaHours: z.number().int(),
    firstContactSlaHours: z.number().int(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Service' });
export type Service = z.infer<typeof ServiceSchema>;
export const ServicePageSchema = pageOf(ServiceSchema);

const serviceFields = {
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(4000).nullish(),
  categories: z.array(SdohCategorySchema).max(23),
  communitySupport: CommunitySupportSchema.nullish(),
  eligibility: z.string().trim().max(4000).nullish(),
  nameEs: z.string().trim().min(2).max(200).nullish(),
  descriptionEs: z.string().trim().max(4000).nullish(),
  eligibilityEs: z.string().trim().max(4000).nullish(),
  minAge: z.number().int().min(0).max(120).nullish(),
  maxAge: z.number().int().min(0).max(120).nullish(),
  focusPopulations: z.array(FocusPopulationSchema),
  languages: z.array(LanguageSchema).min(1),
  fees: z.string().trim().max(2000).nullish(),
  applicationProcess: z.string().trim().max(4000).nullish(),
  spas: z.array(SpaSchema).max(8),
  url: UrlSchema.nullish(),
  email: EmailSchema.nullish(),
  phone: PhoneSchema.nullish(),
  status: ServiceStatusSchema,
  ackSlaHours: z.number().int().min(1).max(800),
  firstContactSlaHours: z.number().int().min(1).max(800),
  locationIds: z.array(IdSchema).max(50).describe("Locations (of the same organization) where the service is delivered"),
};
const agesInOrder = (v: { minAge?: number | null; maxAge?: number | null }) => v.minAge == null || v.maxAge == null || v.minAge <= v.maxAge;

export const CreateServiceBodySchema = z
  .object({
    ...serviceFields,
    categories: serviceFields.categories.default([]),
    focusPopulations: serviceFields.focusPopulations.default([]),
    languages: serviceFields.languages.default(['en']),
    spas: serviceFields.spas.default([]),
    status: serviceFields.status.default('active'),
    ackSlaHours: serviceFields.ackSlaHours.default(16),
    firstContactSlaHours: serviceFields.firstContactSlaHours.default(40),
    locationIds: serviceFields.locationIds.default([]),
  })
  .refine(agesInOrder, { message: 'minAge must not exceed maxAge', path: ['maxAge'] })
  .meta({
    id: 'CreateServiceBody',
    example: { name: 'Food Pantry', categories: ['food-insecurity'], languages: ['en', 'es'], spas: ['spa6'], description: 'Weekly groceries' },
  });
export type CreateServiceBody = z.input<typeof CreateServiceBodySchema>;

export const UpdateServiceBodySchema = z
  .object({ ...serviceFields, version: WriteVersionSchema.describe('Version you last read (or send If-Match)') })
  .partial()
  .refine(agesInOrder, { message: 'minAge must not exceed maxAge', path: ['maxAge'] })
  .meta({ id: 'UpdateServiceBody', example: { description: 'Weekly groceries and hot meals', version: 1 } });
export type UpdateServiceBody = z.input<typeof UpdateServiceBodySchema>;

export const UpdateCapacityBodySchema = z
  .object({
    status: CapacityStatusSchema,
    note: z.string().trim().max(500).nullish(),
    version: WriteVersionSchema.describe('Version you last read (or send If-Match); without one the status is recorded whatever changed meanwhile'),
  })
  .meta({ id: 'UpdateCapacityBody', example: { status: 'waitlist', note: 'About two weeks' } });

export const LocationSchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    name: z.string(),
    address1: z.string(),
    address2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    spa: SpaSchema.nullable(),
    accessibility: z.string().nullable(),
    transit: z.string().nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Location' });
export type Location = z.infer<typeof LocationSchema>;
export const LocationPageSchema = pageOf(LocationSchema);

// Coordinates are kept to 7 decimals (about 1 cm): PostgreSQL's earth distance (ll_to_earth)
// raises "value out of range: underflow" on a subnormal one such as 5e-324, which JSON allows.
const toCentimetres = (n: number) => Math.round(n * 1e7) / 1e7;
const locationFields = {
  name: z.string().trim().min(1).max(200),
  address1: z.string().trim().min(1).max(200),
  address2: z.string().trim().max(200).nullish(),
  city: z.string().trim().min(1).max(100),
  state: z.string().trim().length(2),
  postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'ZIP or ZIP+4'),
  latitude: z.number().min(-90).max(90).overwrite(toCentimetres).nullish(),
  longitude: z.number().min(-180).max(180).overwrite(toCentimetres).nullish(),
  spa: SpaSchema.nullish(),
  accessibility: z.string().trim().max(2000).nullish(),
  transit: z.string().trim().max(2000).nullish(),
};
const bothOrNeither = (v: { latitude?: number | null; longitude?: number | null }) => (v.latitude == null) === (v.longitude == null);
export const CreateLocationBodySchema = z
  .object({ ...locationFields, state: locationFields.state.default('CA') })
  .refine(bothOrNeither, { message: 'Send latitude and longitude together', path: ['longitude'] })
  .meta({ id: 'CreateLocationBody', example: { name: 'Main site', address1: '1200 W 7th St', city: 'Los Angeles', postalCode: '90017', latitude: 34.05, longitude: -118.26, spa: 'spa4' } });
export const UpdateLocationBodySchema = z
  .object(locationFields)
  .partial()
  .refine(bothOrNeither, { message: 'Send latitude and longitude together', path: ['longitude'] })
  .meta({ id: 'UpdateLocationBody' });

export const ScheduleIntervalSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday .. 7 = Sunday'),
    opensAt: LocalTimeSchema,
    closesAt: LocalTimeSchema,
    locationId: IdSchema.nullish().describe('Location these hours apply to; omitted = every location of the service'),
  })
  .meta({ id: 'ScheduleInterval' });
export type ScheduleInterval = z.infer<typeof ScheduleIntervalSchema>;

export const ScheduleExceptionSchema = z
  .object({
    date: DateSchema,
    closed: z.boolean().default(true),
    opensAt: LocalTimeSchema.nullish(),
    closesAt: LocalTimeSchema.nullish(),
    reason: z.string().trim().max(200).nullish(),
  })
  .meta({ id: 'ScheduleException' });
export type ScheduleException = z.output<typeof ScheduleExceptionSchema>;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * Problems of a weekly schedule: each interval must open before it closes, and intervals of one
 * day (at one location) must not overlap. Pure; the API answers 400 with one error per problem.
 */
export const scheduleProblems = (intervals: readonly ScheduleInterval[], exceptions: readonly z.input<typeof ScheduleExceptionSchema>[] = []) => {
  const out: { path: (string | number)[]; message: string }[] = [];
  intervals.forEach((iv, i) => {
    if (minutes(iv.opensAt) >= minutes(iv.closesAt)) out.push({ path: ['intervals', i, 'closesAt'], message: 'closesAt must be after opensAt' });
  });
  const sorted = intervals.map((iv, i) => ({ ...iv, i })).sort((a, b) => a.weekday - b.weekday || minutes(a.opensAt) - minutes(b.opensAt));
  for (let k = 1; k < sorted.length; k++) {
    for (let j = k - 1; j >= 0; j--) {
      const a = sorted[j]!;
      const b = sorted[k]!;
      if (a.weekday !== b.weekday) break;
      const sameSite = a.locationId == null || b.locationId == null || a.locationId === b.locationId;
      if (sameSite && minutes(b.opensAt) < minutes(a.closesAt)) {
        out.push({ path: ['intervals', b.i], message: `Overlaps interval ${a.i} on weekday ${b.weekday}` });
        break;
      }
    }
  }
  const dates = new Set<string>();
  exceptions.forEach((ex, i) => {
    if (dates.has(ex.date)) out.push({ path: ['exceptions', i, 'date'], message: 'One exception per date' });
    dates.add(ex.date);
    const closed = ex.closed ?? true;
    if (!closed && (!ex.opensAt || !ex.closesAt || minutes(ex.opensAt) >= minutes(ex.closesAt))) {
      out.push({ path: ['exceptions', i, 'closesAt'], message: 'An open exception needs opensAt before closesAt' });
    }
  });
  return out;
};

export const ReplaceScheduleBodySchema = z
  .object({
    intervals: z.array(ScheduleIntervalSchema).max(100),
    exceptions: z.array(ScheduleExceptionSchema).max(400).default([]),
    version: WriteVersionSchema.describe("The service's version you last read (or send If-Match); without one the hours replace whatever is there"),
  })
  .superRefine((v, ctx) => {
    for (const p of scheduleProblems(v.intervals, v.exceptions)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  })
  .meta({
    id: 'ReplaceScheduleBody',
    example: { intervals: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }, { weekday: 1, opensAt: '13:00', closesAt: '17:00' }], exceptions: [{ date: '2026-12-25', closed: true, reason: 'Holiday' }] },
  });

export const WeeklyScheduleSchema = z
  .object({ intervals: z.array(ScheduleIntervalSchema), exceptions: z.array(ScheduleExceptionSchema) })
  .meta({ id: 'WeeklySchedule' });

export const ContactSchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    serviceId: IdSchema.nullable(),
    name: z.string(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isPublic: z.boolean(),
    isReferralContact: z.boolean(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;
export const ContactPageSchema = pageOf(ContactSchema);

const contactFields = {
  serviceId: IdSchema.nullish(),
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).nullish(),
  department: z.string().trim().max(200).nullish(),
  email: EmailSchema.nullish(),
  phone: PhoneSchema.nullish(),
  isPublic: z.boolean(),
  isReferralContact: z.boolean(),
};
export const CreateContactBodySchema = z
  .object({ ...contactFields, isPublic: contactFields.isPublic.default(true), isReferralContact: contactFields.isReferralContact.default(false) })
  .meta({ id: 'CreateContactBody', example: { name: 'Ana Ruiz', title: 'Intake coordinator', email: 'ana@example.org', isReferralContact: true } });
export const UpdateContactBodySchema = z.object(contactFields).partial().meta({ id: 'UpdateContactBody' });

export const ServiceDetailSchema = ServiceSchema.extend({
  organization: OrganizationSummarySchema,
  locations: z.array(LocationSchema),
  schedule: WeeklyScheduleSchema,
  contacts: z.array(ContactSchema).describe('Public contacts; signed-in users also see non-public ones'),
}).meta({ id: 'ServiceDetail' });
export type ServiceDetail = z.infer<typeof ServiceDetailSchema>;

export const HistoryEntrySchema = z
  .object({
    id: IdSchema,
    at: TimestampSchema,
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    actorUserId: IdSchema.nullable(),
    actorName: z.string().nullable(),
    actorApiKeyId: IdSchema.nullable(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  })
  .meta({ id: 'HistoryEntry' });
export const HistoryPageSchema = pageOf(HistoryEntrySchema);

const NEAR_FORMAT = /^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;
/** A `lat,lng` pair on the earth: search's `near` (the API refuses others; the web drops them from a link). */
export const isNearPoint = (v: string): boolean => {
  if (!NEAR_FORMAT.test(v)) return false;
  const [lat, lng] = v.split(',').map(Number) as [number, number];
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
};

export const ServiceSearchQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional().describe('Free text; typo-tolerant on service names'),
  category: SdohCategorySchema.optional(),
  communitySupport: CommunitySupportSchema.optional(),
  spa: SpaSchema.optional().describe('Service area'),
  focusPopulation: FocusPopulationSchema.optional(),
  language: LanguageSchema.optional(),
  age: z.coerce.number().int().min(0).max(120).optional().describe("Client's age; services whose age range excludes it are left out"),
  openNow: z.stringbool().optional().describe('Only services open right now (America/Los_Angeles)'),
  openAt: TimestampSchema.optional().describe('Only services open at this instant; also the day used for todayHours'),
  accepting: z.stringbool().optional().describe('Only services whose capacity is accepting'),
  near: z
    .string()
    .regex(NEAR_FORMAT, 'Use lat,lng')
    .refine(isNearPoint, 'Latitude must be within -90..90 and longitude within -180..180')
    .optional()
    .describe('lat,lng: ranks by distance when no q is given and reports distanceKm'),
  zip: z
    .string()
    .regex(/^\d{5}$/, 'Use a five-digit ZIP code')
    .optional()
    .describe('Five-digit US ZIP code, instead of near: its centroid is the point (ranks by distance, reports distanceKm, radiusKm applies). A ZIP code the API does not know is a 400 naming query.zip; near and zip together are a 400'),
  radiusKm: z.coerce.number().positive().max(500).optional().describe('With near or zip: only services with a location within this distance'),
});
export type ServiceSearchQuery = z.input<typeof ServiceSearchQuerySchema>;

export const HoursIntervalSchema = z.object({ opensAt: LocalTimeSchema, closesAt: LocalTimeSchema });

export const ServiceSearchHitSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    description: z.string().nullable(),
    nameEs: z.string().nullable().describe('Spanish name, shown to Spanish users when present'),
    descriptionEs: z.string().nullable().describe('Spanish description'),
    status: ServiceStatusSchema,
    organization: z.object({ id: IdSchema, name: z.string() }),
    location: z
      .object({ id: IdSchema, name: z.string(), address1: z.string(), city: z.string(), spa: SpaSchema.nullable(), latitude: z.number().nullable(), longitude: z.number().nullable(), distanceKm: z.number().nullable() })
      .nullable()
      .describe('Nearest location when near is given, else the first'),
    todayHours: z.object({ date: DateSchema, closedReason: z.string().nullable(), intervals: z.array(HoursIntervalSchema) }),
    openNow: z.boolean().describe('Open at openAt (or now)'),
    capacity: CapacitySchema.omit({ confirmedByUserId: true }),
    languages: z.array(LanguageSchema),
    categories: z.array(SdohCategorySchema),
    spas: z.array(SpaSchema),
    rank: z.number().nullable().describe('Text relevance when q is given'),
  })
  .meta({ id: 'ServiceSearchHit' });
export type ServiceSearchHit = z.infer<typeof ServiceSearchHitSchema>;
export const ServiceSearchPageSchema = pageOf(ServiceSearchHitSchema);

export * from './capacity';

/** The partnership funnel (issue 25): `GET /api/v1/reports/pipeline`. */
export const PipelineReportQuerySchema = z.strictObject({
  spa: SpaSchema.optional().describe('Only this SPA: its row and a total row over organizations serving it'),
});
export type PipelineReportQuery = z.input<typeof PipelineReportQuerySchema>;
const StageCountsSchema = z.object({ prospect: z.number().int(), outreach: z.number().int(), assessed: z.number().int(), partnered: z.number().int() });
export const PipelineReportSchema = z
  .object({
    stages: z.array(PartnershipStageSchema).describe('The stages in pipeline order'),
    rows: z.array(
      z.object({
        spa: SpaSchema.nullable().describe('The SPA; null on the total row'),
        counts: StageCountsSchema.describe('Organizations at each stage'),
        total: z.number().int(),
      }),
    ),
  })
  .describe('Organizations at each partnership stage by SPA: an organization serving several SPAs counts in each, once in the total row');
export type PipelineReport = z.infer<typeof PipelineReportSchema>;
