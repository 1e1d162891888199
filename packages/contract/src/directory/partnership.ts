import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema, IdSchema, optionalText, VersionSchema, WriteVersionSchema } from '../common/ids';
import { ProblemSchema } from '../common/problem';
import { PartnershipStageSchema } from '../organizations/enums';
import { StageDatesSchema } from '../organizations/schemas';

// The partnership pipeline's last step (issue 25): "partnered" needs a person's confirmation, with
// evidence (an agreement the organization is a party to, or a referral it received) shown beside
// the button, or an explicit note when there is none yet.

export const PartnershipEvidenceSchema = z
  .object({
    agreements: z.number().int().min(0).describe('Agreements (MOU, contract, BAA, data sharing…) the organization is a party to, in negotiation, active or past; drafts do not count'),
    referralsReceived: z.number().int().min(0).describe('Referrals sent to the organization (drafts do not count)'),
  })
  .meta({ id: 'PartnershipEvidence' });
export type PartnershipEvidence = z.infer<typeof PartnershipEvidenceSchema>;

/** True when there is something to show beside the button. */
export const hasPartnershipEvidence = (e: PartnershipEvidence) => e.agreements > 0 || e.referralsReceived > 0;

export const PartnershipSchema = z
  .object({
    organizationId: IdSchema,
    stage: PartnershipStageSchema,
    stageDates: StageDatesSchema,
    evidence: PartnershipEvidenceSchema,
    canConfirm: z.boolean().describe('True unless the organization is already partnered; without evidence, confirming needs a note'),
    confirmedAt: z.iso.datetime().nullable().describe('When a person last confirmed partnered (null if never)'),
    confirmedBy: z.string().nullable().describe('Who confirmed it (their name), null if never'),
    version: VersionSchema.describe("The organization's version: send it back to confirm"),
  })
  .meta({ id: 'Partnership' });
export type Partnership = z.infer<typeof PartnershipSchema>;

export const ConfirmPartnershipBodySchema = z
  .object({
    version: WriteVersionSchema,
    note: optionalText(2000).describe('Why partnered: required when the organization has no agreement and has received no referral'),
  })
  .nullish()
  .meta({ id: 'ConfirmPartnershipBody', example: { version: 4, note: 'Signed MOU on file with the county, not yet entered' } });
export type ConfirmPartnershipBody = z.input<typeof ConfirmPartnershipBodySchema>;

const staff = { security: ['session'] } as const;

export const partnershipEndpoints = {
  getPartnership: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations/{id}/partnership',
    operationId: 'getPartnership',
    concurrency: 'read',
    summary: "An organization's partnership stage with the evidence for partnered (network staff)",
    description:
      "The stage, the dates it reached each stage, and the evidence a person weighs before confirming partnered: how many agreements the organization is a party to (not drafts) and how many referrals it has received (not drafts). For network admins and the collaboration team, signed in. Changes nothing.",
    tags: ['Organizations'],
    ...staff,
    params: IdParamsSchema,
    responses: { 200: PartnershipSchema, 403: ProblemSchema, 404: ProblemSchema },
  }),
  confirmPartnership: defineEndpoint({
    method: 'POST',
    path: '/api/v1/organizations/{id}/partnership/confirm',
    operationId: 'confirmPartnership',
    concurrency: 'required',
    summary: 'Confirm the organization as partnered, with evidence or a note (network staff; If-Match or version required)',
    problems: ['partnership_evidence_missing', 'invalid_transition'],
    description:
      "Moves the organization to partnered (today's date for the stage) when it has an agreement or has received a referral, or when a `note` says why; with neither → 422 partnership_evidence_missing. Already partnered → 409 invalid_transition. Recorded in the organization's history (`organization.partnership_confirm`) with who, when, the evidence counted and the note. Takes `If-Match` (the organization's version). For network admins and the collaboration team, signed in.",
    tags: ['Organizations'],
    ...staff,
    params: IdParamsSchema,
    body: ConfirmPartnershipBodySchema,
    responses: { 200: PartnershipSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
};
