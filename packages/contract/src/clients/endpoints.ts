import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema } from '../common/ids';
import { NoQuerySchema } from '../common/pagination';
import { ProblemSchema } from '../common/problem';
import {
  ClientMatchListSchema,
  ClientMatchQuerySchema,
  ClientReferralPageSchema,
  ClientReferralQuerySchema,
  ClientSchema,
  ClientSearchPageSchema,
  ClientSearchQuerySchema,
  ConsentSchema,
  CreateClientBodySchema,
  CreateClientResponseSchema,
  CreateConsentBodySchema,
  RevokeConsentBodySchema,
  UpdateClientBodySchema,
} from './schemas';

// The client record: search and the client's referrals. Like every client route, only clients
// the caller may already read (the registering organization, organizations on its sent
// referrals, network admins) appear; anyone else gets an empty search or a 404.
const BOTH = ['session', 'apiKey'] as const;
const READ = { security: BOTH, scope: 'referrals:read' } as const;
const WRITE = { security: BOTH, scope: 'referrals:write' } as const;
const ConsentListSchema = z.object({ data: z.array(ConsentSchema) }).meta({ id: 'ConsentList' });

// Clients and their consents. Everything with PHI answers 404 to callers who are not on the
// record (ARCHITECTURE §4): `404` below also means "not yours".
export const clientEndpoints = {
  createClient: defineEndpoint({
    method: 'POST',
    path: '/api/v1/clients',
    operationId: 'createClient',
    location: '/api/v1/clients/{client.id}',
    summary: 'Register a client; answers likely existing records of the same person',
    description:
      "Creates the client record (PHI) in the caller's organization's reach, and answers existing records that may be the same person so the caller can use one instead. Audited.",
    tags: ['Clients'],
    ...WRITE,
    body: CreateClientBodySchema,
    responses: { 201: CreateClientResponseSchema },
  }),
  findClientMatches: defineEndpoint({
    method: 'GET',
    path: '/api/v1/clients/matches',
    operationId: 'findClientMatches',
    summary: 'Clients in your reach who may be this person (name similarity + date of birth)',
    description:
      'Possible existing records of a person, by name similarity and date of birth, among clients the caller may see. Changes nothing but the audit trail.',
    tags: ['Clients'],
    ...READ,
    query: ClientMatchQuerySchema,
    responses: { 200: ClientMatchListSchema },
  }),
  getClient: defineEndpoint({
    method: 'GET',
    path: '/api/v1/clients/{id}',
    operationId: 'getClient',
    concurrency: 'read',
    summary: 'One client (audited read)',
    description:
      "The client's details (PHI). Records the read in the audit trail; changes nothing else. 404 also when the caller is not on the client.",
    tags: ['Clients'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: ClientSchema, 404: ProblemSchema },
  }),
  updateClient: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/clients/{id}',
    operationId: 'updateClient',
    concurrency: 'required',
    summary: "Change a client's details (version or If-Match)",
    description: 'Changes the fields given. Takes `If-Match`. Audited.',
    tags: ['Clients'],
    ...WRITE,
    params: IdParamsSchema,
    body: UpdateClientBodySchema,
    responses: { 200: ClientSchema, 404: ProblemSchema, 409: ProblemSchema },
  }),
  createConsent: defineEndpoint({
    method: 'POST',
    path: '/api/v1/clients/{id}/consents',
    operationId: 'createConsent',
    location: '/api/v1/consents/{id}',
    summary: "Record a client's consent to share for referrals",
    description:
      "Records the client's consent (method, scope, organizations covered, expiry). Referrals to those organizations can then be sent. Audited.",
    tags: ['Consents'],
    ...WRITE,
    params: IdParamsSchema,
    body: CreateConsentBodySchema,
    responses: { 201: ConsentSchema, 404: ProblemSchema },
  }),
  listConsents: defineEndpoint({
    method: 'GET',
    path: '/api/v1/clients/{id}/consents',
    operationId: 'listConsents',
    summary: "A client's consents, newest first, each with its current status",
    description: "The client's consents and whether each is active, expired or revoked. Changes nothing but the audit trail.",
    tags: ['Consents'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: ConsentListSchema, 404: ProblemSchema },
  }),
  getConsent: defineEndpoint({
    method: 'GET',
    path: '/api/v1/consents/{id}',
    operationId: 'getConsent',
    summary: 'One consent, with its current status',
    description:
      "A consent as listConsents shows it, where createConsent says it lives. Only for those who may read the client (404 like an unknown id otherwise). Records the read in the audit trail; changes nothing else.",
    tags: ['Consents'],
    ...READ,
    params: IdParamsSchema,
    query: NoQuerySchema,
    responses: { 200: ConsentSchema, 404: ProblemSchema },
  }),
  revokeConsent: defineEndpoint({
    method: 'POST',
    path: '/api/v1/consents/{id}/revoke',
    operationId: 'revokeConsent',
    summary: 'Record that the client withdrew consent; new referrals under it stop at once',
    description:
      'Marks the consent revoked: new referrals under it are refused; sent ones are not recalled. 409 conflict when already revoked. Audited.',
    problems: ['conflict'],
    tags: ['Consents'],
    ...WRITE,
    params: IdParamsSchema,
    body: RevokeConsentBodySchema,
    responses: { 200: ConsentSchema, 404: ProblemSchema, 409: ProblemSchema },
  }),
};

export const clientRecordEndpoints = {
  searchClients: defineEndpoint({
    method: 'GET',
    path: '/api/v1/clients',
    operationId: 'searchClients',
    summary: 'Find clients in your reach by partial name, date of birth or phone',
    description:
      'Searches only clients the caller may read (GET /clients/{id} would answer 200); each result is written to the audit log as a read. ' +
      'Sorted by family name, then given name; cursor-paginated. For "is this person already registered?" while creating a client, see /clients/matches (similarity scores).',
    tags: ['Clients'],
    security: BOTH,
    scope: 'referrals:read',
    query: ClientSearchQuerySchema,
    responses: { 200: ClientSearchPageSchema, 400: ProblemSchema },
  }),
  listClientReferrals: defineEndpoint({
    method: 'GET',
    path: '/api/v1/clients/{id}/referrals',
    operationId: 'listClientReferrals',
    summary: "The client's referrals that you may see, newest first, with status",
    description:
      "Only referrals the caller may open: those its organization sent (drafts included) or received once sent; network admins see every sent one. Never another organization's drafts. 404 when the client is not yours.",
    tags: ['Clients'],
    security: BOTH,
    scope: 'referrals:read',
    params: IdParamsSchema,
    query: ClientReferralQuerySchema,
    responses: { 200: ClientReferralPageSchema, 404: ProblemSchema },
  }),
};
