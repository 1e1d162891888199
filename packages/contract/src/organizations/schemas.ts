import { z } from 'zod';
import { DateSchema, EmailSchema, IdSchema, PhoneSchema, TimestampSchema, UrlSchema, WriteVersionSchema } from '../common/ids';
import { FocusPopulationSchema, LanguageSchema, SpaSchema } from '../common/enums';
import { pageOf, PageQuerySchema, UpdatedSinceSchema } from '../common/pagination';
import { OrgTypeSchema, PartnershipStageSchema } from './enums';

// The network's organizations: public directory facts and the network's partnership record.
// Served by services/api/src/modules/directory; members are in ../members.

export const StageDatesSchema = z
  .object({
    prospect: DateSchema.nullable(),
    outreach: DateSchema.nullable(),
    assessed: DateSchema.nullable(),
    partnered: DateSchema.nullable(),
  })
  .describe('Date the organization reached each partnership stage');

export const OrganizationSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    type: OrgTypeSchema,
    description: z.string().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    spas: z.array(SpaSchema),
    focusPopulations: z.array(FocusPopulationSchema),
    languages: z.array(LanguageSchema),
    partnershipStage: PartnershipStageSchema.optional().describe("The network's partnership record; absent for anonymous callers (the public directory)"),
    stageDates: StageDatesSchema.optional().describe('Absent for anonymous callers'),
    liaisonUserId: IdSchema.nullable().optional().describe('Absent for anonymous callers'),
    internalNotes: z.string().nullable().optional().describe('Network-internal notes; only present for signed-in users'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;
export const OrganizationPageSchema = pageOf(OrganizationSchema);

export const CreateOrganizationBodySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    type: OrgTypeSchema,
    description: z.string().trim().max(4000).nullish(),
    website: UrlSchema.nullish(),
    email: EmailSchema.nullish(),
    phone: PhoneSchema.nullish(),
    spas: z.array(SpaSchema).max(8).default([]),
    focusPopulations: z.array(FocusPopulationSchema).default([]),
    languages: z.array(LanguageSchema).default(['en']),
    partnershipStage: PartnershipStageSchema.default('prospect'),
  })
  .meta({
    id: 'CreateOrganizationBody',
    example: { name: 'Harbor Gateway Food Collective', type: 'cbo', spas: ['spa8'], focusPopulations: ['homelessness'], languages: ['en', 'es'] },
  });
export type CreateOrganizationBody = z.input<typeof CreateOrganizationBodySchema>;

export const OrganizationListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Name contains'),
  type: OrgTypeSchema.optional(),
  spa: SpaSchema.optional(),
  updatedSince: UpdatedSinceSchema,
});
export const UpdateOrganizationBodySchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    type: OrgTypeSchema,
    description: z.string().trim().max(4000).nullable(),
    website: UrlSchema.nullable(),
    email: EmailSchema.nullable(),
    phone: PhoneSchema.nullable(),
    spas: z.array(SpaSchema).max(8),
    focusPopulations: z.array(FocusPopulationSchema),
    languages: z.array(LanguageSchema),
    partnershipStage: PartnershipStageSchema.describe('Network admins and the collaboration team only; the date of a new stage is set to today unless given. Not to partnered (409 partnership_confirm_required): confirm it with POST /api/v1/organizations/{id}/partnership/confirm'),
    stageDates: StageDatesSchema.partial().describe('Network admins and the collaboration team only'),
    liaisonUserId: IdSchema.nullable().describe('Network admins and the collaboration team only'),
    internalNotes: z.string().trim().max(8000).nullable().describe('Network admins and the collaboration team only'),
    version: WriteVersionSchema.describe('Version you last read (or send If-Match)'),
  })
  .partial()
  .meta({ id: 'UpdateOrganizationBody', example: { description: 'Food pantry and CalFresh help', partnershipStage: 'assessed', version: 2 } });
export type UpdateOrganizationBody = z.input<typeof UpdateOrganizationBodySchema>;

export const OrganizationSummarySchema = z.object({ id: IdSchema, name: z.string(), type: OrgTypeSchema, website: z.string().nullable(), phone: z.string().nullable() });
