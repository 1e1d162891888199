import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import {
  HsdsApiInfoSchema,
  HsdsExportSchema,
  HsdsImportQuerySchema,
  HsdsImportReportSchema,
  HsdsOrganizationListItemSchema,
  HsdsOrganizationQuerySchema,
  HsdsOrganizationSchema,
  HsdsPageQuerySchema,
  HsdsServiceAtLocationFullSchema,
  HsdsServiceAtLocationListItemSchema,
  HsdsServiceAtLocationQuerySchema,
  HsdsServiceListItemSchema,
  HsdsServiceQuerySchema,
  HsdsServiceSchema,
  HsdsTaxonomySchema,
  HsdsTaxonomyTermQuerySchema,
  HsdsTaxonomyTermSchema,
  hsdsPageOf,
} from './schemas';

const tags = ['HSDS'] as const;
const HsdsIdParams = z.object({ id: z.string().min(1).max(100).describe('HSDS id (UUID)') });
const NDJSON = 'With `format=ndjson`: every matching item, one per line, as application/x-ndjson (no page envelope).';

/** Open Referral HSDS 3.0 read API (public, like the directory) plus tabular import/export. */
export const hsdsEndpoints = {
  getHsdsApiInfo: defineEndpoint({
    method: 'GET',
    // HSDS's root is `/` under its base URL; `/hsds/` answers the same (services/api hsds module).
    path: '/hsds',
    operationId: 'getHsdsApiInfo',
    summary: 'HSDS API meta information',
    description: 'The HSDS version and profile this API implements. Changes nothing.',
    tags,
    security: [],
    responses: { 200: HsdsApiInfoSchema },
  }),
  listHsdsServices: defineEndpoint({
    method: 'GET',
    path: '/hsds/services',
    operationId: 'listHsdsServices',
    summary: 'Paginated HSDS services',
    description:
      'Changes nothing. ' +
      `Items have the one-to-one fields and the organization's; \`full=true\` nests everything, \`minimal=true\` keeps only id and last_modified. ${NDJSON}`,
    tags,
    security: [],
    query: HsdsServiceQuerySchema,
    responses: { 200: hsdsPageOf(HsdsServiceListItemSchema) },
    produces: ['application/x-ndjson'],
  }),
  getHsdsService: defineEndpoint({
    method: 'GET',
    path: '/hsds/services/{id}',
    operationId: 'getHsdsService',
    summary: 'One HSDS service, fully nested',
    description: 'The service in HSDS 3.0 form with every related object. Changes nothing.',
    tags,
    security: [],
    params: HsdsIdParams,
    responses: { 200: HsdsServiceSchema },
  }),
  listHsdsOrganizations: defineEndpoint({
    method: 'GET',
    path: '/hsds/organizations',
    operationId: 'listHsdsOrganizations',
    summary: 'Paginated HSDS organizations',
    description: `Changes nothing. Items have the organization's one-to-one fields; \`full=true\` nests its phones, contacts, locations and services. ${NDJSON}`,
    tags,
    security: [],
    query: HsdsOrganizationQuerySchema,
    responses: { 200: hsdsPageOf(HsdsOrganizationListItemSchema) },
    produces: ['application/x-ndjson'],
  }),
  getHsdsOrganization: defineEndpoint({
    method: 'GET',
    path: '/hsds/organizations/{id}',
    operationId: 'getHsdsOrganization',
    summary: 'One HSDS organization with its locations and services',
    description: 'The organization in HSDS 3.0 form. Changes nothing.',
    tags,
    security: [],
    params: HsdsIdParams,
    query: HsdsOrganizationQuerySchema.pick({ full_service: true }),
    responses: { 200: HsdsOrganizationSchema },
  }),
  listHsdsServiceAtLocations: defineEndpoint({
    method: 'GET',
    path: '/hsds/service_at_locations',
    operationId: 'listHsdsServiceAtLocations',
    summary: 'Paginated HSDS service_at_locations',
    description:
      'Changes nothing. ' +
      `Items have the one-to-one fields of the location and of the service; \`full=true\` nests both fully, with the schedules that apply there. ${NDJSON}`,
    tags,
    security: [],
    query: HsdsServiceAtLocationQuerySchema,
    responses: { 200: hsdsPageOf(HsdsServiceAtLocationListItemSchema) },
    produces: ['application/x-ndjson'],
  }),
  getHsdsServiceAtLocation: defineEndpoint({
    method: 'GET',
    path: '/hsds/service_at_locations/{id}',
    operationId: 'getHsdsServiceAtLocation',
    summary: 'One HSDS service_at_location with its service and location',
    description: 'The service_at_location in HSDS 3.0 form. Changes nothing.',
    tags,
    security: [],
    params: HsdsIdParams,
    responses: { 200: HsdsServiceAtLocationFullSchema },
  }),
  listHsdsTaxonomies: defineEndpoint({
    method: 'GET',
    path: '/hsds/taxonomies',
    operationId: 'listHsdsTaxonomies',
    summary: 'HSDS taxonomies: Gravity Project SDOH categories, Medi-Cal Community Supports',
    description: 'Changes nothing. ' + NDJSON,
    tags,
    security: [],
    query: HsdsPageQuerySchema,
    responses: { 200: hsdsPageOf(HsdsTaxonomySchema) },
    produces: ['application/x-ndjson'],
  }),
  getHsdsTaxonomy: defineEndpoint({
    method: 'GET',
    path: '/hsds/taxonomies/{id}',
    operationId: 'getHsdsTaxonomy',
    summary: 'One HSDS taxonomy',
    description: 'The taxonomy in HSDS 3.0 form. Changes nothing.',
    tags,
    security: [],
    params: HsdsIdParams,
    responses: { 200: HsdsTaxonomySchema },
  }),
  listHsdsTaxonomyTerms: defineEndpoint({
    method: 'GET',
    path: '/hsds/taxonomy_terms',
    operationId: 'listHsdsTaxonomyTerms',
    summary: 'HSDS taxonomy terms',
    description: 'Changes nothing. ' + NDJSON,
    tags,
    security: [],
    query: HsdsTaxonomyTermQuerySchema,
    responses: { 200: hsdsPageOf(HsdsTaxonomyTermSchema) },
    produces: ['application/x-ndjson'],
  }),
  getHsdsTaxonomyTerm: defineEndpoint({
    method: 'GET',
    path: '/hsds/taxonomy_terms/{id}',
    operationId: 'getHsdsTaxonomyTerm',
    summary: 'One HSDS taxonomy term (by id or code)',
    description: 'The term in HSDS 3.0 form. Changes nothing.',
    tags,
    security: [],
    params: HsdsIdParams,
    responses: { 200: HsdsTaxonomyTermSchema },
  }),
  importHsdsDirectory: defineEndpoint({
    method: 'POST',
    path: '/api/v1/directory/imports',
    operationId: 'importHsdsDirectory',
    summary: 'Import an HSDS 3.0 tabular data package (multipart upload of a zip or of its CSV files)',
    problems: ['malformed_multipart', 'malformed_archive', 'constraint_violation'],
    description:
      'Creates or updates organizations, services and locations from the dataset. ' +
      'multipart/form-data with one part per CSV file, named by the file (organizations.csv, services.csv, ...), ' +
      'or one .zip part holding the data package (datapackage.json and the CSV files, as GET /api/v1/directory/export/package answers). ' +
      'Files that are not read are listed in `skippedFiles` with a code (`unrecognized_file`, `not_imported`, `duplicate_file`). ' +
      'Rows match existing records on their HSDS id, so re-importing the same data changes nothing. Every row is checked first: ' +
      'if any is bad nothing is written and the answer is 422 with `report.errors[]` ({file,row,field,problem}). ' +
      'With `dryRun=true` nothing is written: the answer is 200 with the report, its counts and any bad rows.',
    tags,
    security: ['session'],
    query: HsdsImportQuerySchema,
    uploads:
      'One file part per CSV (organizations.csv, services.csv, ...), or one .zip part holding the data package; ' +
      'the part name is free, the file name says which file it is. At most 40 parts of 50 MB each.',
    responses: { 200: HsdsImportReportSchema },
  }),
  exportHsdsDirectory: defineEndpoint({
    method: 'GET',
    path: '/api/v1/directory/export',
    operationId: 'exportHsdsDirectory',
    summary: 'Export the whole directory as an HSDS 3.0 tabular dataset (CSV texts in JSON)',
    description:
      'Changes nothing. ' +
      'Write each entry of `files` to a folder to get a dataset that POST /api/v1/directory/imports re-imports with no changes.',
    tags,
    security: ['session'],
    responses: { 200: HsdsExportSchema },
  }),
  exportHsdsPackage: defineEndpoint({
    method: 'GET',
    path: '/api/v1/directory/export/package',
    operationId: 'exportHsdsPackage',
    summary: 'Download the whole directory as an HSDS 3.0 tabular data package (zip)',
    description:
      'Changes nothing. Answers application/zip (Content-Disposition: attachment) holding datapackage.json ' +
      '(Frictionless tabular-data-package, HSDS 3.0 resources and field schemas) and one CSV per resource, ' +
      'the same files as GET /api/v1/directory/export. Uploading the zip to POST /api/v1/directory/imports changes nothing.',
    tags,
    security: ['session'],
    produces: ['application/zip'],
    responses: { 200: z.string().describe('The zip archive (application/zip)') },
  }),
};
