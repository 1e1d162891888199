import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { AgreementKindSchema, AgreementStatusSchema } from '../common/enums';
import { DateSchema, IdParamsSchema, IdSchema, TimestampSchema, UrlSchema, WriteVersionSchema } from '../common/ids';
import { pageOf, PageQuerySchema } from '../common/pagination';
import { ProblemSchema } from '../common/problem';

/** An organization named on an agreement. */
export const AgreementPartySchema = z.object({ id: IdSchema, name: z.string() }).meta({ id: 'AgreementParty' });

export const AgreementSchema = z
  .object({
    id: IdSchema,
    kind: AgreementKindSchema,
    status: AgreementStatusSchema,
    title: z.string(),
    startDate: DateSchema.nullable(),
    endDate: DateSchema.nullable(),
    renewalDue: DateSchema.nullable(),
    documentUrl: z.string().nullable(),
    notes: z.string().nullable(),
    parties: z.array(AgreementPartySchema).describe('Organizations bound by the agreement, by name'),
    approvals: z
      .array(
        z.object({
          organizationId: IdSchema,
          approvedAt: TimestampSchema,
          approvedByName: z.string().nullable().describe('Who approved for the party (null if that account was deleted)'),
        }),
      )
      .describe('Parties whose org admin approved this BAA; a BAA turns active when every party approved it, or a network admin did'),
    createdByUserId: IdSchema.nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof AgreementSchema>;
export const AgreementPageSchema = pageOf(AgreementSchema);

const datesInOrder = (a: { startDate?: string | null; endDate?: string | null }) => !a.startDate || !a.endDate || a.startDate <= a.endDate;
const distinct = (ids: string[]) => new Set(ids).size === ids.length;

const agreementFields = {
  kind: AgreementKindSchema,
  status: AgreementStatusSchema.describe(
    'A BAA becomes active only by approval (POST /api/v1/agreements/{id}/approve): only a network admin may write a BAA as active (403 approval_required)',
  ),
  title: z.string().trim().min(2).max(300),
  startDate: DateSchema.nullish(),
  endDate: DateSchema.nullish(),
  renewalDue: DateSchema.nullish().describe('When renewal must be negotiated (often some weeks before endDate)'),
  documentUrl: UrlSchema.nullish().describe('Link to the signed document in the network document store'),
  notes: z.string().trim().max(4000).nullish(),
  partyOrganizationIds: z
    .array(IdSchema)
    .min(2)
    .max(50)
    .refine(distinct, 'Each organization may be named once')
    .describe('At least two organizations bound by the agreement'),
};

export const CreateAgreementBodySchema = z
  .object({ ...agreementFields, status: AgreementStatusSchema.default('draft') })
  .refine(datesInOrder, { message: 'startDate must not be after endDate', path: ['endDate'] })
  .meta({
    id: 'CreateAgreementBody',
    example: {
      kind: 'mou',
      status: 'active',
      title: 'Food security referral MOU',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      renewalDue: '2026-11-01',
      partyOrganizationIds: ['0b5e1c8e-6b0e-4c59-9a57-1f0f4f0b7a11', '5d7c0a3e-2f8b-4f55-8a7e-3c9a4b2d1e22'],
    },
  });
export type CreateAgreementBody = z.input<typeof CreateAgreementBodySchema>;

export const UpdateAgreementBodySchema = z
  .object({ ...agreementFields, version: WriteVersionSchema.describe('Version you last read (or send If-Match)') })
  .partial()
  .refine(datesInOrder, { message: 'startDate must not be after endDate', path: ['endDate'] })
  .meta({ id: 'UpdateAgreementBody', example: { status: 'active', endDate: '2027-06-30', version: 1 } });
export type UpdateAgreementBody = z.input<typeof UpdateAgreementBodySchema>;

export const AgreementListQuerySchema = PageQuerySchema.extend({
  organizationId: IdSchema.optional().describe('Only agreements this organization is a party to'),
  kind: AgreementKindSchema.optional(),
  status: AgreementStatusSchema.optional(),
  expiringWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('Only agreements whose end date falls between today and today + N days (Los Angeles dates)'),
});

/** Approving needs only the version approved, which may come as If-Match instead (then no body). */
export const ApproveAgreementBodySchema = z
  .object({ version: WriteVersionSchema.describe('The version whose terms you approve (or send it as If-Match)') })
  .nullish()
  .meta({ id: 'ApproveAgreementBody' });

// Agreements are the network's internal record: never public. An API key with directory:read
// reads those its organization is a party to; only people write them.
const signedIn = { security: ['session'] } as const;
const readers = { security: ['session', 'apiKey'], scope: 'directory:read' } as const;

export const agreementEndpoints = {
  listAgreements: defineEndpoint({
    method: 'GET',
    path: '/api/v1/agreements',
    operationId: 'listAgreements',
    summary: 'Agreements between partners (network staff see all; others those their organization is a party to)',
    description: 'Changes nothing. Sorted by end date (open-ended last), then id. An API key sees the agreements its organization is a party to.',
    tags: ['Agreements'],
    ...readers,
    query: AgreementListQuerySchema,
    responses: { 200: AgreementPageSchema },
  }),
  getAgreement: defineEndpoint({
    method: 'GET',
    path: '/api/v1/agreements/{id}',
    operationId: 'getAgreement',
    concurrency: 'read',
    summary: 'One agreement with its parties',
    description: 'The agreement, its parties and their approvals. Changes nothing.',
    tags: ['Agreements'],
    ...readers,
    params: IdParamsSchema,
    responses: { 200: AgreementSchema },
  }),
  createAgreement: defineEndpoint({
    method: 'POST',
    path: '/api/v1/agreements',
    operationId: 'createAgreement',
    location: '/api/v1/agreements/{id}',
    summary: 'Record an agreement between two or more organizations (network admins, collaboration team)',
    description: 'Records the agreement and its parties. An active BAA needs approvals first (403 approval_required). Audited.',
    problems: ['approval_required'],
    tags: ['Agreements'],
    ...signedIn,
    body: CreateAgreementBodySchema,
    responses: { 201: AgreementSchema, 403: ProblemSchema },
  }),
  updateAgreement: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/agreements/{id}',
    operationId: 'updateAgreement',
    concurrency: 'required',
    summary: 'Edit an agreement; partyOrganizationIds replaces the parties (If-Match or version required)',
    description:
      'Changes the fields given; changing the terms of an active BAA needs approval again (403 approval_required). Takes `If-Match`. Audited.',
    problems: ['approval_required'],
    tags: ['Agreements'],
    ...signedIn,
    params: IdParamsSchema,
    body: UpdateAgreementBodySchema,
    responses: { 200: AgreementSchema, 403: ProblemSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
  approveAgreement: defineEndpoint({
    method: 'POST',
    path: '/api/v1/agreements/{id}/approve',
    operationId: 'approveAgreement',
    concurrency: 'required',
    summary: "Approve a BAA: for your organization (a party's org admin), or for the network (a network admin)",
    problems: ['invalid_transition'],
    description:
      'Records the approval; the BAA becomes active when every required approval is in. Takes `If-Match`. Audited. ' +
      'A BAA stands in for client consent on referrals between its parties, so it turns active only when every party approved it through one of its org admins, or when a network admin approves it. Approvals are cleared when the parties, kind, title, dates or document change; send If-Match with the version you read (409 stale_version if it changed, 428 without). 409 invalid_transition unless the agreement is a BAA in draft or negotiating.',
    tags: ['Agreements'],
    ...signedIn,
    params: IdParamsSchema,
    body: ApproveAgreementBodySchema,
    responses: { 200: AgreementSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
};
