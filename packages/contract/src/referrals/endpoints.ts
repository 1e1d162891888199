import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema, IdSchema } from '../common/ids';
import { PageQuerySchema } from '../common/pagination';
import { ProblemSchema } from '../common/problem';
import {
  AssignReferralBodySchema,
  AuditListQuerySchema,
  AuditPageSchema,
  ClientMatchListSchema,
  ClientMatchQuerySchema,
  ClientSchema,
  ConsentSchema,
  CreateClientBodySchema,
  CreateClientResponseSchema,
  CreateConsentBodySchema,
  CreateMessageBodySchema,
  CreateReferralBodySchema,
  FirstContactBodySchema,
  ForwardBodySchema,
  MessagePageSchema,
  MessageSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSchema,
  NotificationsMarkedSchema,
  ReadStateSchema,
  ReferralCountsQuerySchema,
  ReferralCountsSchema,
  ReferralDetailSchema,
  ReferralListQuerySchema,
  ReferralPageSchema,
  RevokeConsentBodySchema,
  SendReferralBodySchema,
  TimelineSchema,
  TransitionBodySchema,
  UpdateClientBodySchema,
  UpdateReferralBodySchema,
} from './schemas';

// Clients, consents, referrals, in-app notifications and the audit trail. Everything with PHI
// answers 404 to callers who are not on the record (ARCHITECTURE §4): `404` below also means
// "not yours".
const BOTH = ['session', 'apiKey'] as const;
const READ = { security: BOTH, scope: 'referrals:read' } as const;
const WRITE = { security: BOTH, scope: 'referrals:write' } as const;
const ConsentListSchema = z.object({ data: z.array(ConsentSchema) }).meta({ id: 'ConsentList' });

const NETWORK_BOX =
  '`box=network` lists every referral that was sent, anywhere in the network (never a draft, nor a draft cancelled before sending), ' +
  'for network admins and the collaboration team only: anyone else, API keys included, gets 403. It is read-only (a referral is ' +
  'changed only by its two organizations, and a network admin only marks one entered in error) and each page read is audited. ' +
  'Filters: organizationId (either side), spa, need, status, overdue; q (client name) is for network admins only. ' +
  'The collaboration team sees what was referred where and when (organizations, service, needs, status, dates, overdue) but no ' +
  'client details: clientId, clientName, reason, statusNote, outcome and consentId are null for them, and opening the referral ' +
  'answers 404 unless their organization is on it (ARCHITECTURE §4; docs/decisions/0006-network-referral-box.md). ' +
  'organizationId and spa apply to box=network only.';

export const clientEndpoints = {
  createClient: defineEndpoint({
    method: 'POST',
    path: '/api/v1/clients',
    operationId: 'createClient',
    summary: 'Register a client; answers likely existing records of the same person',
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
    tags: ['Clients'],
    ...READ,
    query: ClientMatchQuerySchema,
    responses: { 200: ClientMatchListSchema },
  }),
  getClient: defineEndpoint({
    method: 'GET',
    path: '/api/v1/clients/{id}',
    operationId: 'getClient',
    summary: 'One client (audited read)',
    tags: ['Clients'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: ClientSchema, 404: ProblemSchema },
  }),
  updateClient: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/clients/{id}',
    operationId: 'updateClient',
    summary: "Change a client's details (version or If-Match)",
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
    summary: "Record a client's consent to share for referrals",
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
    tags: ['Consents'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: ConsentListSchema, 404: ProblemSchema },
  }),
  revokeConsent: defineEndpoint({
    method: 'POST',
    path: '/api/v1/consents/{id}/revoke',
    operationId: 'revokeConsent',
    summary: 'Record that the client withdrew consent; new referrals under it stop at once',
    tags: ['Consents'],
    ...WRITE,
    params: IdParamsSchema,
    body: RevokeConsentBodySchema,
    responses: { 200: ConsentSchema, 404: ProblemSchema, 409: ProblemSchema },
  }),
};

const ref = (path: string) => `/api/v1/referrals${path}`;

export const referralEndpoints = {
  createReferral: defineEndpoint({
    method: 'POST',
    path: ref(''),
    operationId: 'createReferral',
    summary: "Start a draft referral from the caller's organization",
    tags: ['Referrals'],
    ...WRITE,
    body: CreateReferralBodySchema,
    responses: { 201: ReferralDetailSchema },
  }),
  listReferrals: defineEndpoint({
    method: 'GET',
    path: ref(''),
    operationId: 'listReferrals',
    summary: "The caller's organization inbox: received or sent, newest first",
    description: NETWORK_BOX,
    tags: ['Referrals'],
    ...READ,
    query: ReferralListQuerySchema,
    responses: { 200: ReferralPageSchema, 403: ProblemSchema },
  }),
  countReferrals: defineEndpoint({
    method: 'GET',
    path: ref('/counts'),
    operationId: 'countReferrals',
    summary: 'Counts per status and overdue for one inbox box',
    tags: ['Referrals'],
    ...READ,
    query: ReferralCountsQuerySchema,
    responses: { 200: ReferralCountsSchema },
  }),
  getReferral: defineEndpoint({
    method: 'GET',
    path: ref('/{id}'),
    operationId: 'getReferral',
    summary: 'One referral with packet, consent status and next actions; the first open by the receiver acknowledges it',
    tags: ['Referrals'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema },
  }),
  updateReferral: defineEndpoint({
    method: 'PATCH',
    path: ref('/{id}'),
    operationId: 'updateReferral',
    summary: 'Edit a draft (sender only; version or If-Match)',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: UpdateReferralBodySchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema, 409: ProblemSchema },
  }),
  sendReferral: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/send'),
    operationId: 'sendReferral',
    summary: 'Send a draft: checks the packet (422 packet_incomplete) and open duplicates (409 duplicate_referral)',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: SendReferralBodySchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema },
  }),
  transitionReferral: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/transitions'),
    operationId: 'transitionReferral',
    summary: 'Change status (409 invalid_transition lists what is allowed; 409 stale_version)',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: TransitionBodySchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema },
  }),
  forwardReferral: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/forward'),
    operationId: 'forwardReferral',
    summary: 'Receiver: decline as referred_elsewhere and send a linked referral to another partner, in one step',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: ForwardBodySchema,
    responses: { 201: ReferralDetailSchema, 404: ProblemSchema },
  }),
  assignReferral: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/assign'),
    operationId: 'assignReferral',
    summary: 'Receiver: assign the referral to a staff member of the receiving organization',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: AssignReferralBodySchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema },
  }),
  recordFirstContact: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/first-contact'),
    operationId: 'recordFirstContact',
    summary: 'Receiver: record when the client was first reached',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: FirstContactBodySchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema },
  }),
  listReferralMessages: defineEndpoint({
    method: 'GET',
    path: ref('/{id}/messages'),
    operationId: 'listReferralMessages',
    summary: 'The message thread between both sides, oldest first',
    tags: ['Referrals'],
    ...READ,
    params: IdParamsSchema,
    query: PageQuerySchema,
    responses: { 200: MessagePageSchema, 404: ProblemSchema },
  }),
  createReferralMessage: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/messages'),
    operationId: 'createReferralMessage',
    summary: 'Write to the other side',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: CreateMessageBodySchema,
    responses: { 201: MessageSchema, 404: ProblemSchema },
  }),
  markReferralRead: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/read'),
    operationId: 'markReferralRead',
    summary: "Mark the thread read for the signed-in user",
    tags: ['Referrals'],
    security: ['session'],
    params: IdParamsSchema,
    responses: { 200: ReadStateSchema, 404: ProblemSchema },
  }),
  getReferralTimeline: defineEndpoint({
    method: 'GET',
    path: ref('/{id}/timeline'),
    operationId: 'getReferralTimeline',
    summary: 'Changes, messages and views in time order, with who and when',
    tags: ['Referrals'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: TimelineSchema, 404: ProblemSchema },
  }),
};

export const notificationEndpoints = {
  listNotifications: defineEndpoint({
    method: 'GET',
    path: '/api/v1/notifications',
    operationId: 'listNotifications',
    summary: "The signed-in user's notifications, newest first",
    tags: ['Notifications'],
    security: ['session'],
    query: NotificationListQuerySchema,
    responses: { 200: NotificationPageSchema },
  }),
  markNotificationRead: defineEndpoint({
    method: 'POST',
    path: '/api/v1/notifications/{id}/read',
    operationId: 'markNotificationRead',
    summary: 'Mark one of your notifications read',
    tags: ['Notifications'],
    security: ['session'],
    params: z.object({ id: IdSchema }),
    responses: { 200: NotificationSchema, 404: ProblemSchema },
  }),
  markAllNotificationsRead: defineEndpoint({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: 'Mark every one of your unread notifications read',
    tags: ['Notifications'],
    security: ['session'],
    responses: { 200: NotificationsMarkedSchema },
  }),
};

export const auditEndpoints = {
  listAudit: defineEndpoint({
    method: 'GET',
    path: '/api/v1/audit',
    operationId: 'listAudit',
    summary: "Audit trail: org admins see their organization's rows, network admins all",
    description:
      'Newest first. Filters: who (actorUserId or actorApiKeyId), what (action, or a prefix such as `referral.`), when (from/to), ' +
      'which record (entityType, entityId) and which client (clientId: the client, its consents and its referrals). ' +
      'Give from/to whenever you can: the log is partitioned by month and only the months in range are read.',
    tags: ['Audit'],
    security: ['session'],
    query: AuditListQuerySchema,
    responses: { 200: AuditPageSchema, 403: ProblemSchema },
  }),
};

/** Every endpoint of this folder, spread into `api`. */
export const referralApi = { ...clientEndpoints, ...referralEndpoints, ...notificationEndpoints, ...auditEndpoints };
