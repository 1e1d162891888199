import { z } from 'zod';
import { DateSchema, EmailSchema, IdSchema, PhoneSchema, TimestampSchema, UrlSchema } from '../common/ids';
import { FocusPopulationSchema, LanguageSchema, OrgTypeSchema, PartnershipStageSchema, SpaSchema } from '../common/enums';
import { pageOf, PageQuerySchema } from '../common/pagination';

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
    partnershipStage: PartnershipStageSchema,
    stageDates: StageDatesSchema,
    liaisonUserId: IdSchema.nullable(),
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
});
