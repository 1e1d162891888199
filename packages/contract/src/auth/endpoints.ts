import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdSchema } from '../common/ids';
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
    tags,
    security: [],
    body: LoginBodySchema,
    responses: { 200: MeResponseSchema, 401: ProblemSchema, 429: ProblemSchema },
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    summary: 'Sign out: ends the session',
    tags,
    security: ['session'],
    responses: { 204: null },
  }),
  acceptInvitation: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/accept-invitation',
    operationId: 'acceptInvitation',
    summary: 'Set a password for an invited account and sign in',
    tags,
    security: [],
    body: AcceptInvitationBodySchema,
    responses: { 200: MeResponseSchema, 404: ProblemSchema },
  }),
  getMe: defineEndpoint({
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'The signed-in user and their memberships',
    tags,
    security: ['session'],
    responses: { 200: MeResponseSchema, 401: ProblemSchema },
  }),
  updateMe: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/me',
    operationId: 'updateMe',
    summary: 'Change your name or language',
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
    tags: ['API keys'],
    security: ['session'],
    params: z.object({ id: IdSchema }),
    body: CreateApiKeyBodySchema,
    responses: { 201: CreatedApiKeySchema },
  }),
  revokeApiKey: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/organizations/{id}/api-keys/{keyId}',
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key; it stops working at once',
    tags: ['API keys'],
    security: ['session'],
    params: z.object({ id: IdSchema, keyId: IdSchema }),
    responses: { 200: ApiKeySchema },
  }),
};
