import { defineEndpoint } from '../common/endpoint';
import { ProblemSchema } from '../common/problem';
import {
  AcceptInvitationBodySchema,
  LoginBodySchema,
  MeResponseSchema,
  PasswordResetAcceptedSchema,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
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
  requestPasswordReset: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset',
    operationId: 'requestPasswordReset',
    summary: 'Ask for a password reset link by email',
    description:
      'Emails a single-use link to reset the password (valid for one hour) when an active account has this email. The answer is 202 whatever the email, so it tells nobody whether an account exists; at most 3 links an hour are sent per account, and requests are limited per address (429 with `Retry-After`).',
    problems: ['too_many_requests'],
    tags,
    security: [],
    body: PasswordResetRequestBodySchema,
    responses: { 202: PasswordResetAcceptedSchema, 429: ProblemSchema },
  }),
  confirmPasswordReset: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset/confirm',
    operationId: 'confirmPasswordReset',
    summary: 'Set a new password with the token from a reset email',
    description:
      "Sets the account's new password from the emailed token, uses the token up, and ends every session of the account (sign in again with the new password). A used, expired or unknown token is 400 invalid_reset_token.",
    problems: ['invalid_reset_token'],
    tags,
    security: [],
    body: PasswordResetConfirmBodySchema,
    responses: { 204: null, 400: ProblemSchema },
  }),
};
