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
    freq: z.enum(['WEEKLY', 'MONTHLY']),
    interval: z.number().optional(),
    wkst: z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']).optional(),
    byday: z.string().describe('Comma-separated RFC 5545 days, e.g. MO,TU'),
    opens_at: z.string().describe('Local time HH:MM:SS in the service time zone'),
    closes_at: z.string(),
    description: opt,
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

export const HsdsLocationSchema = z
  .object({
    id: Id,
    location_type: z.enum(['physical', 'postal', 'virtual']),
    organization_id: Id,
    name: z.string(),
    transportation: opt,
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    addresses: z.array(HsdsAddressSchema),
    accessibility: z.array(HsdsAccessibilitySchema),
    phones: z.array(HsdsPhoneSchema),
    languages: z.array(HsdsLanguageSchema),
    contacts: z.array(HsdsContactSchema),
    schedules: z.array(HsdsScheduleSchema),
  })
  .meta({ id: 'HsdsLocation' });

const serviceFields = {
  id: Id,
  organization_id: Id,
  name: z.string(),
  description: opt,
  url: opt,
  email: opt,
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  application_process: opt,
  fees_description: opt,
  eligibility_description: opt,
  minimum_age: z.number().optional(),
  maximum_age: z.number().optional(),
  last_modified: opt,
  phones: z.array(HsdsPhoneSchema),
  schedules: z.array(HsdsScheduleSchema),
  service_areas: z.array(HsdsServiceAreaSchema),
  languages: z.array(HsdsLanguageSchema),
  contacts: z.array(HsdsContactSchema),
  attributes: z.array(HsdsAttributeSchema),
};

export const HsdsOrganizationBaseSchema = z
  .object({ id: Id, name: z.string(), description: z.string(), email: opt, website: opt, phones: z.array(HsdsPhoneSchema) })
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

export const HsdsOrganizationSchema = HsdsOrganizationBaseSchema.extend({
  contacts: z.array(HsdsContactSchema),
  locations: z.array(HsdsLocationSchema),
  services: z
    .array(z.object({ ...serviceFields, service_at_locations: z.array(HsdsServiceAtLocationSchema) }))
    .describe('Services (one-to-one fields and nested lists)'),
}).meta({ id: 'HsdsOrganization' });
export type HsdsOrganization = z.infer<typeof HsdsOrganizationSchema>;

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

export const HsdsPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1'),
  per_page: z.coerce.number().int().min(1).max(100).default(25).describe('Items per page (1..100)'),
  search: z.string().trim().max(200).optional().describe('Full-text search'),
});
export const HsdsServiceQuerySchema = HsdsPageQuerySchema.extend({
  taxonomy_term_id: z.string().max(100).optional().describe('Only services tagged with this term (id or code)'),
  taxonomy_id: z.string().max(100).optional().describe('Only services with any term of this taxonomy'),
  organization_id: z.string().max(100).optional(),
});
export const HsdsOrganizationQuerySchema = HsdsPageQuerySchema.extend({
  full_service: flag.describe('Nest full services (default: services without organization detail)'),
});
export const HsdsTaxonomyTermQuerySchema = HsdsPageQuerySchema.extend({ taxonomy_id: z.string().max(100).optional() });

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

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const HsdsImportReportSchema = Counts.extend({
  errors: z.array(HsdsImportProblemSchema).describe('Rows that made the import fail; nothing was written when non-empty'),
  warnings: z.array(HsdsImportProblemSchema).describe('Values dropped or defaulted; the import still ran'),
  tables: z.record(z.string(), Counts).describe('Counts per Tandem table'),
}).meta({ id: 'HsdsImportReport' });
export type HsdsImportReport = z.infer<typeof HsdsImportReportSchema>;

export const HsdsExportSchema = z
  .object({ files: z.record(z.string(), z.string()).describe('File name → CSV text (RFC 4180, header row)') })
  .meta({ id: 'HsdsExport' });
export type HsdsExport = z.infer<typeof HsdsExportSchema>;
