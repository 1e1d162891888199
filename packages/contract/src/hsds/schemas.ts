import { z } from 'zod';

// Open Referral HSDS 3.0 objects as Tandem serves them (shared/reference/hsds-3.0/schema). Field
// names are HSDS's snake_case on purpose: these objects are read by other HSDS tools. Optional
// fields are omitted rather than null, because the HSDS JSON Schemas type them as plain strings.

const Id = z.string().describe('HSDS identifier (UUID)');
const opt = z.string().optional();

export const HsdsTaxonomySchema = z
  .object({ id: Id, name: z.string(), description: z.string(), uri: opt, version: opt })
  .meta({ id: 'HsdsTaxonomy', description: 'HSDS taxonomy: Gravity Project SDOH categories or Medi-Cal Community Supports' });
export type HsdsTaxonomy = z.infer<typeof HsdsTaxonomySchema>;

export const HsdsTaxonomyTermSchema = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    description: z.string(),
    taxonomy: z.string(),
    taxonomy_id: Id,
    taxonomy_detail: HsdsTaxonomySchema.optional(),
    parent_id: opt.describe("The broader term; absent on top-level terms (both of Tandem's taxonomies are flat)"),
    term_uri: opt,
    language: opt,
  })
  .meta({ id: 'HsdsTaxonomyTerm' });
export type HsdsTaxonomyTerm = z.infer<typeof HsdsTaxonomyTermSchema>;

export const HsdsAttributeSchema = z
  .object({
    id: Id,
    link_id: Id,
    taxonomy_term_id: Id,
    link_type: z.string(),
    link_entity: z.string(),
    value: opt,
    taxonomy_term: HsdsTaxonomyTermSchema,
  })
  .meta({ id: 'HsdsAttribute' });

export const HsdsLanguageSchema = z
  .object({ id: Id, service_id: opt, location_id: opt, name: z.string(), code: z.string() })
  .meta({ id: 'HsdsLanguage' });

export const HsdsPhoneSchema = z
  .object({
    id: Id,
    organization_id: opt,
    service_id: opt,
    contact_id: opt,
    location_id: opt,
    number: z.string(),
    extension: z.number().optional(),
    type: opt,
    languages: z.array(HsdsLanguageSchema),
  })
  .meta({ id: 'HsdsPhone' });

export const HsdsScheduleSchema = z
  .object({
    id: Id,
    service_id: opt,
    location_id: opt,
    valid_from: opt.describe('An exception (holiday closure, special hours) is a one-day schedule: valid_from = valid_to = its date'),
    valid_to: opt,
    dtstart: opt,
    until: opt,
    timezone: z
      .number()
      .optional()
      .describe(
        "UTC offset in hours of the service's time zone (America/Los_Angeles: -8 or -7): today's for weekly hours, the date's for an exception",
      ),
    freq: z.enum(['WEEKLY', 'MONTHLY']),
    interval: z.number().optional(),
    wkst: z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']).optional(),
    byday: z.string().describe('Comma-separated RFC 5545 days, e.g. MO,TU'),
    opens_at: z.string().optional().describe('Local time HH:MM:SS in the service time zone; absent on a day the service is closed'),
    closes_at: z.string().optional(),
    description: opt.describe('On an exception: "Closed: <reason>" or "Special hours: <reason>"'),
  })
  .meta({ id: 'HsdsSchedule' });

export const HsdsContactSchema = z
  .object({
    id: Id,
    organization_id: opt,
    service_id: opt,
    name: opt,
    title: opt,
    department: opt,
    email: opt,
    phones: z.array(HsdsPhoneSchema),
  })
  .meta({ id: 'HsdsContact' });

export const HsdsAddressSchema = z
  .object({
    id: Id,
    location_id: Id,
    address_1: z.string(),
    address_2: opt,
    city: z.string(),
    state_province: z.string(),
    postal_code: z.string(),
    country: z.string(),
    address_type: z.enum(['physical', 'postal', 'virtual']),
  })
  .meta({ id: 'HsdsAddress' });

export const HsdsAccessibilitySchema = z.object({ id: Id, location_id: Id, description: z.string() }).meta({ id: 'HsdsAccessibility' });

export const HsdsServiceAreaSchema = z
  .object({ id: Id, service_id: Id, name: z.string(), description: opt, extent_type: opt })
  .meta({ id: 'HsdsServiceArea', description: 'An LA County Service Planning Area the service covers' });

const locationFields = {
  id: Id,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  organization_id: Id,
  name: z.string(),
  transportation: opt,
  latitude: z.number().optional(),
  longitude: z.number().optional(),
};

/** A location's one-to-one fields only, as list pages show it. */
export const HsdsLocationSummarySchema = z.object(locationFields).meta({ id: 'HsdsLocationSummary' });

export const HsdsLocationSchema = z
  .object({
    ...locationFields,
    addresses: z.array(HsdsAddressSchema),
    accessibility: z.array(HsdsAccessibilitySchema),
    phones: z.array(HsdsPhoneSchema),
    languages: z.array(HsdsLanguageSchema),
    contacts: z.array(HsdsContactSchema),
    schedules: z.array(HsdsScheduleSchema),
  })
  .meta({ id: 'HsdsLocation' });

const ServiceStatus = z.enum(['active', 'inactive', 'defunct', 'temporarily closed']);
const LastModified = z
  .string()
  .describe('Latest change to the service or anything it embeds: its organization, locations and contacts (UTC, ms precision)');
const serviceOneToOne = {
  id: Id,
  organization_id: Id,
  name: z.string(),
  description: opt,
  url: opt,
  email: opt,
  status: ServiceStatus,
  application_process: opt,
  fees_description: opt,
  eligibility_description: opt,
  minimum_age: z.number().optional(),
  maximum_age: z.number().optional(),
  last_modified: LastModified,
};
const serviceFields = {
  ...serviceOneToOne,
  phones: z.array(HsdsPhoneSchema),
  schedules: z.array(HsdsScheduleSchema),
  service_areas: z.array(HsdsServiceAreaSchema),
  languages: z.array(HsdsLanguageSchema),
  contacts: z.array(HsdsContactSchema),
  attributes: z.array(HsdsAttributeSchema),
};

const organizationOneToOne = { id: Id, name: z.string(), description: z.string(), email: opt, website: opt };
/** An organization's one-to-one fields only, as list pages embed it. */
export const HsdsOrganizationSummarySchema = z.object(organizationOneToOne).meta({ id: 'HsdsOrganizationSummary' });
export const HsdsOrganizationBaseSchema = z
  .object({ ...organizationOneToOne, phones: z.array(HsdsPhoneSchema) })
  .meta({ id: 'HsdsOrganizationBase' });

export const HsdsServiceAtLocationSchema = z
  .object({ id: Id, service_id: Id, location_id: Id, location: HsdsLocationSchema.optional() })
  .meta({ id: 'HsdsServiceAtLocation' });

export const HsdsServiceSchema = z
  .object({
    ...serviceFields,
    organization: HsdsOrganizationBaseSchema.optional(),
    service_at_locations: z.array(HsdsServiceAtLocationSchema),
  })
  .meta({ id: 'HsdsService', description: 'HSDS service, fully nested' });
export type HsdsService = z.infer<typeof HsdsServiceSchema>;

/** The default item of GET /hsds/services: one-to-one fields and the organization's. */
export const HsdsServiceSummarySchema = z
  .object({ ...serviceOneToOne, organization: HsdsOrganizationSummarySchema })
  .meta({ id: 'HsdsServiceSummary', description: 'HSDS service, one-to-one fields only (the list default)' });

/** `minimal=true`: the smallest object that is still a valid HSDS service (id, name, status are required there). */
export const HsdsServiceMinimalSchema = z
  .object({ id: Id, name: z.string(), status: ServiceStatus, last_modified: LastModified })
  .meta({ id: 'HsdsServiceMinimal', description: 'HSDS service reduced to id and last_modified (plus the required name and status)' });

// Fully nested first: the serializer takes the first option that fits, and would strip a full
// service down to a summary if the summary came first.
export const HsdsServiceListItemSchema = z.union([HsdsServiceSchema, HsdsServiceSummarySchema, HsdsServiceMinimalSchema]);

export const HsdsOrganizationSchema = HsdsOrganizationBaseSchema.extend({
  contacts: z.array(HsdsContactSchema),
  locations: z.array(HsdsLocationSchema),
  services: z
    .array(z.object({ ...serviceFields, service_at_locations: z.array(HsdsServiceAtLocationSchema) }))
    .describe('Services (one-to-one fields and nested lists)'),
}).meta({ id: 'HsdsOrganization' });
export type HsdsOrganization = z.infer<typeof HsdsOrganizationSchema>;

// Fully nested first, for the same reason as HsdsServiceListItemSchema.
export const HsdsOrganizationListItemSchema = z.union([HsdsOrganizationSchema, HsdsOrganizationSummarySchema]);

/** service_at_location, fully nested: the service with the location it is delivered at. */
export const HsdsServiceAtLocationFullSchema = z
  .object({
    id: Id,
    service_id: Id,
    location_id: Id,
    service: HsdsServiceSchema,
    location: HsdsLocationSchema,
    schedules: z.array(HsdsScheduleSchema),
  })
  .meta({ id: 'HsdsServiceAtLocationFull' });

/** The default item of GET /hsds/service_at_locations: the link with its location's and service's one-to-one fields. */
export const HsdsServiceAtLocationSummarySchema = z
  .object({
    id: Id,
    service_id: Id,
    location_id: Id,
    location: HsdsLocationSummarySchema,
    service: HsdsServiceSummarySchema,
  })
  .meta({ id: 'HsdsServiceAtLocationSummary' });

// Fully nested first, for the same reason as HsdsServiceListItemSchema.
export const HsdsServiceAtLocationListItemSchema = z.union([HsdsServiceAtLocationFullSchema, HsdsServiceAtLocationSummarySchema]);

export const hsdsPageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int().describe('1-based'),
    size: z.number().int().describe('Items on this page'),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const HSDS_FORMATS = ['json', 'ndjson'] as const;
export const HSDS_PAGE_MAX = 100;
/** `minimal=true` aims to answer every service in one call (the spec's advice), so its pages may be this long. */
export const HSDS_MINIMAL_PAGE_MAX = 10_000;
/** Half the earth's circumference: no two points are farther apart. */
export const HSDS_PROXIMITY_MAX_M = 20_000_000;

export const HsdsPageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1'),
  per_page: z.coerce.number().int().min(1).max(HSDS_PAGE_MAX).default(25).describe('Items per page (1..100)'),
  search: z.string().trim().max(200).optional().describe('Full-text search'),
  format: z
    .enum(HSDS_FORMATS)
    .default('json')
    .describe(
      '`json` (default): one page. `ndjson`: every result, one JSON object per line (application/x-ndjson); page and per_page are ignored',
    ),
});

const modifiedAfter = z.iso
  .datetime({ offset: true })
  .optional()
  .describe(
    'ISO 8601 date-time with Z or an offset, e.g. 2025-01-31T00:00:00Z. Only results whose `last_modified` is at or after it ' +
      '(the service, or its organization, locations or contacts, changed since)',
  );

const serviceFilters = {
  taxonomy_term_id: z.string().max(100).optional().describe('Only services tagged with this term (id or code)'),
  taxonomy_id: z.string().max(100).optional().describe('Only services with any term of this taxonomy'),
  organization_id: z.string().max(100).optional(),
  modified_after: modifiedAfter,
  full: flag.describe('Fully nested items (default: one-to-one fields only)'),
};

export const HsdsServiceQuerySchema = HsdsPageQuerySchema.extend({
  ...serviceFilters,
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .max(HSDS_MINIMAL_PAGE_MAX)
    .optional()
    .describe('Items per page: 1..100, default 25; with minimal=true up to 10000, default 10000'),
  minimal: flag.describe(
    'Only id and last_modified of each service (with the name and status HSDS requires); cannot be combined with full',
  ),
}).superRefine((q, ctx) => {
  if (q.minimal && q.full) ctx.addIssue({ code: 'custom', path: ['minimal'], message: 'minimal and full cannot be combined' });
  if (!q.minimal && q.per_page !== undefined && q.per_page > HSDS_PAGE_MAX)
    ctx.addIssue({ code: 'custom', path: ['per_page'], message: `Too big: expected at most ${HSDS_PAGE_MAX} (10000 with minimal=true)` });
});

/** A distance in meters, as the spec's `proximity` is: a plain non-negative decimal number. */
const meters = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Expected a distance in meters: a non-negative number')
  .transform(Number)
  .pipe(z.number().max(HSDS_PROXIMITY_MAX_M));

export const HsdsServiceAtLocationQuerySchema = HsdsPageQuerySchema.extend({
  ...serviceFilters,
  postcode: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .describe('Only locations with exactly this postal code (with proximity: the centre to measure from)'),
  proximity: meters
    .optional()
    .describe(
      'Meters from the centroid of `postcode` (the mean position of the geocoded locations with that postal code); ' +
        'requires postcode. Locations without coordinates never match',
    ),
}).superRefine((q, ctx) => {
  if (q.proximity !== undefined && !q.postcode)
    ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'proximity needs a postcode to measure from' });
});

export const HsdsOrganizationQuerySchema = HsdsPageQuerySchema.extend({
  full: flag.describe('Fully nested items: phones, contacts, locations and services (default: one-to-one fields only)'),
  full_service: flag.describe('Nest full services (default: services without organization detail)'),
});
export const HsdsTaxonomyTermQuerySchema = HsdsPageQuerySchema.extend({
  taxonomy_id: z.string().max(100).optional(),
  top_only: flag.describe('Only top-level terms: those without a parent_id'),
  parent_id: z.string().max(100).optional().describe('Only the terms whose parent is this term (id or code)'),
});

export const HsdsApiInfoSchema = z.object({
  version: z.string().describe('HSDS version of this API'),
  profile: z.string().describe('URL of the HSDS profile'),
  openapi_url: z.string(),
});

// Import and export of the tabular (CSV) form.
export const HsdsImportProblemSchema = z
  .object({
    file: z.string(),
    row: z.number().int().describe('Line in the file: the header is line 1, the first data row line 2'),
    field: z.string(),
    problem: z.string(),
  })
  .meta({ id: 'HsdsImportProblem' });
export type HsdsImportProblem = z.infer<typeof HsdsImportProblemSchema>;

/**
 * Why an uploaded file was not read, as a stable code: `unrecognized_file` (not a file of the HSDS
 * tabular package), `not_imported` (an HSDS file whose data Tandem does not keep: programs.csv,
 * funding.csv...), `duplicate_file` (a second file of the same name, e.g. in another folder of a zip).
 */
export const HSDS_SKIPPED_FILE_CODES = ['unrecognized_file', 'not_imported', 'duplicate_file'] as const;
export type HsdsSkippedFileCode = (typeof HSDS_SKIPPED_FILE_CODES)[number];
export const HsdsSkippedFileSchema = z
  .object({
    file: z.string().describe('The name as uploaded (a path inside a zip)'),
    code: z.enum(HSDS_SKIPPED_FILE_CODES),
    reason: z.string(),
  })
  .meta({ id: 'HsdsSkippedFile' });
export type HsdsSkippedFile = z.infer<typeof HsdsSkippedFileSchema>;

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const HsdsImportReportSchema = Counts.extend({
  dryRun: z.boolean().describe('True when nothing was written: the counts say what the import would do'),
  files: z.array(z.string()).describe('The files that were read, in the order HSDS lists them'),
  skippedFiles: z.array(HsdsSkippedFileSchema).describe('Uploaded files that were not read, each with a stable code'),
  errors: z.array(HsdsImportProblemSchema).describe('Rows that made the import fail; nothing was written when non-empty'),
  warnings: z.array(HsdsImportProblemSchema).describe('Values dropped or defaulted; the import still ran'),
  tables: z.record(z.string(), Counts).describe('Counts per Tandem table'),
}).meta({ id: 'HsdsImportReport' });
export type HsdsImportReport = z.infer<typeof HsdsImportReportSchema>;

export const HsdsExportSchema = z
  .object({ files: z.record(z.string(), z.string()).describe('File name → CSV text (RFC 4180, header row)') })
  .meta({ id: 'HsdsExport' });
export type HsdsExport = z.infer<typeof HsdsExportSchema>;

export const HsdsImportQuerySchema = z.strictObject({
  dryRun: flag.describe(
    '`true`: check everything and count what would change, write nothing, and answer 200 with the report even when rows are bad',
  ),
});
