import { defineEndpoint } from '../common/endpoint';
import { ProblemSchema } from '../common/problem';
import {
  AcceptInvitationBodySchema,
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
};
