import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdSchema } from '../common/ids';
import { NoQuerySchema } from '../common/pagination';
import { ProblemSchema } from '../common/problem';
import { ApiKeySchema, CreateApiKeyBodySchema, CreatedApiKeySchema } from './schemas';

// An organization's keys for integrations (docs/decisions/0006-integrator-api.md), served by
// services/api/src/modules/api-keys.
export const apiKeyEndpoints = {
  listApiKeys: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations/{id}/api-keys',
    operationId: 'listApiKeys',
    summary: "List an organization's API keys (org admins)",
    description: "An organization's keys with their scopes, creator and last use; never the secret. Changes nothing.",
    tags: ['API keys'],
    security: ['session'],
    params: z.object({ id: IdSchema }),
    responses: { 200: z.object({ data: z.array(ApiKeySchema) }) },
  }),
  createApiKey: defineEndpoint({
    method: 'POST',
    path: '/api/v1/organizations/{id}/api-keys',
    operationId: 'createApiKey',
    location: '/api/v1/organizations/{params.id}/api-keys/{id}',
    summary: 'Create an API key with scopes; the secret is returned once',
    description: 'Creates a key for the organization with the scopes given. The secret is in this answer only; the server keeps its hash.',
    tags: ['API keys'],
    security: ['session'],
    params: z.object({ id: IdSchema }),
    body: CreateApiKeyBodySchema,
    responses: { 201: CreatedApiKeySchema },
  }),
  getApiKey: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations/{id}/api-keys/{keyId}',
    operationId: 'getApiKey',
    summary: 'One API key of the organization (org admins)',
    description:
      "A key as listApiKeys shows it, where createApiKey says it lives; never the secret. Another organization's key is the 404 of an unknown id. Changes nothing.",
    tags: ['API keys'],
    security: ['session'],
    params: z.object({ id: IdSchema, keyId: IdSchema }),
    query: NoQuerySchema,
    responses: { 200: ApiKeySchema, 404: ProblemSchema },
  }),
  revokeApiKey: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/organizations/{id}/api-keys/{keyId}',
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key; it stops working at once',
    description: 'Revokes the key: requests with it are refused at once (401). The key stays listed as revoked.',
    tags: ['API keys'],
    security: ['session'],
    params: z.object({ id: IdSchema, keyId: IdSchema }),
    responses: { 200: ApiKeySchema },
  }),
};
