import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdSchema } from '../common/ids';
import { NoQuerySchema } from '../common/pagination';
import { ProblemSchema } from '../common/problem';
import {
  AcceptInvitationBodySchema,
  ApiKeySchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
  LoginBodySchema,
  MeResponseSchema,
  UpdateMeBodySchema,
} from './schemas';

const tags = ['Auth'] as const;

export const authEndpoints = {
  login: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/login',
    operationId: 'login',
    summary: 'Sign in with email and password; sets the session cookie',
    description:
      'Checks the password and starts a session: sets the httpOnly `tandem_session` cookie. Failed attempts are throttled per account and address (429 with `Retry-After`). Changes only the session and the throttle counters. A deactivated account with the right password is 403 account_deactivated (a wrong password is 401 as for anyone).',
    problems: ['invalid_credentials', 'account_deactivated'],
    tags,
    security: [],
    body: LoginBodySchema,
    responses: { 200: MeResponseSchema, 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema },
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    summary: 'Sign out: ends the session',
    description: "Ends the caller's session (deletes it) and clears the cookie.",
    tags,
    security: ['session'],
    responses: { 204: null },
  }),
  acceptInvitation: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/accept-invitation',
    operationId: 'acceptInvitation',
    summary: 'Set a password for an invited account and sign in',
    description:
      'For someone invited by email who has no account yet: sets their password from the invitation token, makes them a member, and signs them in (sets the session cookie). A deactivated account is 403 account_deactivated.',
    problems: ['account_deactivated'],
    tags,
    security: [],
    body: AcceptInvitationBodySchema,
    responses: { 200: MeResponseSchema, 403: ProblemSchema, 404: ProblemSchema },
  }),
  getMe: defineEndpoint({
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'The signed-in user and their memberships',
    description: "The caller's account, memberships, roles and language. Changes nothing.",
    tags,
    security: ['session'],
    responses: { 200: MeResponseSchema, 401: ProblemSchema },
  }),
  updateMe: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/me',
    operationId: 'updateMe',
    summary: 'Change your name or language',
    description: "Changes the caller's own display name or interface language; nothing else.",
    tags,
    security: ['session'],
    body: UpdateMeBodySchema,
    responses: { 200: MeResponseSchema },
  }),
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
