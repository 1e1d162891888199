import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema } from '../common/ids';
import { ProblemSchema } from '../common/problem';
import { ClientReferralPageSchema, ClientReferralQuerySchema, ClientSearchPageSchema, ClientSearchQuerySchema } from './schemas';

// The client record: search and the client's referrals. Like every client route, only clients
// the caller may already read (the registering organization, organizations on its sent
// referrals, network admins) appear; anyone else gets an empty search or a 404.
const BOTH = ['session', 'apiKey'] as const;

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
