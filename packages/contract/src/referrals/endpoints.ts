import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema, IdSchema } from '../common/ids';
import { NoQuerySchema } from '../common/pagination';
import { ProblemSchema } from '../common/problem';
import { ClosedLoopMappingSchema, ClosedLoopQuerySchema, ClosedLoopReportSchema, UpdateClosedLoopMappingBodySchema } from './closed-loop';
import { ReferralMetricsQuerySchema, ReferralMetricsSchema } from './metrics';
import {
  AssignReferralBodySchema,
  CorrectFirstContactBodySchema,
  CreateMessageBodySchema,
  CreateReferralBodySchema,
  FirstContactBodySchema,
  FollowStateSchema,
  ForwardBodySchema,
  MessageListQuerySchema,
  LoopClosedBodySchema,
  MessagePageSchema,
  MessageSchema,
  ReadStateSchema,
  ReferralCountsQuerySchema,
  ReferralCountsSchema,
  ReferralWorklistSchema,
  ReferralDetailSchema,
  ReferralListQuerySchema,
  ReferralPageSchema,
  SendReferralBodySchema,
  TimelineSchema,
  TransitionBodySchema,
  UpdateReferralBodySchema,
} from './schemas';

// Referrals and in-app notifications. Everything with PHI
// answers 404 to callers who are not on the record (ARCHITECTURE §4): `404` below also means
// "not yours".
const BOTH = ['session', 'apiKey'] as const;
const READ = { security: BOTH, scope: 'referrals:read' } as const;
const WRITE = { security: BOTH, scope: 'referrals:write' } as const;

const NETWORK_BOX =
  '`box=network` lists every referral that was sent, anywhere in the network (never a draft, nor a draft cancelled before sending), ' +
  'for network admins and the collaboration team only: anyone else, API keys included, gets 403. It is read-only (a referral is ' +
  'changed only by its two organizations, and a network admin only marks one entered in error) and each page read is audited. ' +
  'Filters: organizationId (either side), spa, need, status, overdue; q (client name) is for network admins only. ' +
  'The collaboration team sees what was referred where and when (organizations, service, needs, status, dates, overdue) but no ' +
  'client details: clientId, clientName, reason, statusNote, outcome and consentId are null for them, and opening the referral ' +
  'answers 404 unless their organization is on it (ARCHITECTURE §4; docs/decisions/0009-network-referral-box.md). ' +
  'organizationId and spa apply to box=network only.';

const ref = (path: string) => `/api/v1/referrals${path}`;

export const referralEndpoints = {
  createReferral: defineEndpoint({
    method: 'POST',
    path: ref(''),
    operationId: 'createReferral',
    location: '/api/v1/referrals/{id}',
    summary: "Start a draft referral from the caller's organization",
    description: "Creates a draft referral for a client from the caller's organization; nothing is sent until POST /send. Audited.",
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
    description: `Referrals sent by or to the caller's organization, with names for the inbox row; changes nothing. ${NETWORK_BOX}`,
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
    description: 'Counts per status, open, overdue and unread messages for one box. Changes nothing.',
    tags: ['Referrals'],
    ...READ,
    query: ReferralCountsQuerySchema,
    responses: { 200: ReferralCountsSchema },
  }),
  getReferralWorklist: defineEndpoint({
    method: 'GET',
    path: ref('/worklist'),
    operationId: 'getReferralWorklist',
    summary: 'What needs the signed-in user: my drafts, returned, overdue and unread; to acknowledge, assigned to me',
    description:
      'One number per home worklist bucket; WORKLIST_FILTERS in the contract names the inbox query each number counts. Signed-in users only (it is about "me"). Changes nothing.',
    tags: ['Referrals'],
    security: ['session'],
    responses: { 200: ReferralWorklistSchema },
  }),
  getReferral: defineEndpoint({
    method: 'GET',
    path: ref('/{id}'),
    operationId: 'getReferral',
    concurrency: 'read',
    summary: "One referral with packet, consent status and next actions; receiving staff's first open acknowledges it, an API key's read does not",
    description:
      'The referral with its packet and what the caller may do next. When receiving staff first open a sent referral in the web app it becomes `acknowledged`; a read by an API key does not (a key acknowledges with POST /transitions to=acknowledged). The read is audited.',
    tags: ['Referrals'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema },
  }),
  updateReferral: defineEndpoint({
    method: 'PATCH',
    path: ref('/{id}'),
    operationId: 'updateReferral',
    concurrency: 'required',
    summary: 'Edit a draft (sender only; version or If-Match)',
    description: 'Changes the fields given on a draft (409 conflict once sent). Takes `If-Match`. Audited.',
    problems: ['conflict'],
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
    concurrency: 'optional',
    summary: 'Send a draft: checks the packet (422 packet_incomplete) and open duplicates (409 duplicate_referral)',
    description:
      'Sends the draft to the receiving organization: status `sent`, SLA due dates set, the receiver notified. Refused with everything the packet lacks, or with the open duplicates unless `confirmDuplicate`. Audited.',
    problems: ['packet_incomplete', 'duplicate_referral'],
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
    concurrency: 'required',
    summary: 'Change status (409 invalid_transition lists what is allowed; 409 stale_version); an API key acknowledges a sent referral with to=acknowledged',
    description:
      "Moves the referral to another status as the state machine allows for the caller's side (409 invalid_transition with `allowed`); closing needs a reason. Notifies the other side. Takes `If-Match`. Audited.",
    problems: ['invalid_transition'],
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
    concurrency: 'required',
    location: '/api/v1/referrals/{id}',
    summary: 'Receiver: decline as referred_elsewhere and send a linked referral to another partner, in one step',
    description:
      'The receiver declines as `referred_elsewhere` and a new linked referral goes to another partner, with the same packet checks as sending. Takes `If-Match`. Audited.',
    problems: ['invalid_transition', 'packet_incomplete', 'duplicate_referral'],
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
    concurrency: 'optional',
    summary: 'Receiver: assign the referral to a staff member of the receiving organization',
    description:
      'Sets (or clears) the staff member of the receiving organization who owns the referral. Audited. The version is optional: assigning names who works the referral now and the last assignment wins, as on a whiteboard. Send If-Match (or `version`) to be told (409 stale_version) when the referral changed since you read it.',
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
    concurrency: 'optional',
    summary: 'Receiver: record when and how the client was first reached (once; 409 if already recorded: correct it instead)',
    description:
      'Records when and how (`method`) the client was first reached; stops the first-contact SLA. 409 conflict if already recorded (correct it with PATCH) or the referral is closed. Audited.',
    problems: ['conflict'],
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: FirstContactBodySchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema },
  }),
  correctFirstContact: defineEndpoint({
    method: 'PATCH',
    path: ref('/{id}/first-contact'),
    operationId: 'correctFirstContact',
    concurrency: 'required',
    description:
      'Changes the recorded time or method of first contact; the timeline event keeps what it replaced. Only until the sender marks the loop closed. Takes `If-Match`. Audited.',
    summary: 'Receiver: correct when or how the client was first reached; the timeline keeps the change (until the loop is closed)',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: CorrectFirstContactBodySchema,
    responses: { 200: ReferralDetailSchema, 404: ProblemSchema, 409: ProblemSchema },
  }),
  markLoopClosed: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/loop-closed'),
    operationId: 'markLoopClosed',
    concurrency: 'optional',
    description:
      "Records that the sending side saw the outcome (who and when), once, on a completed or unable_to_complete referral; the status does not change. The version is optional: the mark is written once (409 conflict when it is), so a second writer cannot overwrite it. Audited.",
    summary: 'Sender: mark the outcome of a completed / unable_to_complete referral seen (loop closed), once; the status does not change',
    tags: ['Referrals'],
    ...WRITE,
    params: IdParamsSchema,
    body: LoopClosedBodySchema,
    responses: { 200: ReferralDetailSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema },
  }),
  listReferralMessages: defineEndpoint({
    method: 'GET',
    path: ref('/{id}/messages'),
    operationId: 'listReferralMessages',
    summary: 'The message thread between both sides, oldest first',
    description: 'Messages between the two organizations on the referral. Changes nothing.',
    tags: ['Referrals'],
    ...READ,
    params: IdParamsSchema,
    query: MessageListQuerySchema,
    responses: { 200: MessagePageSchema, 404: ProblemSchema },
  }),
  getReferralMessage: defineEndpoint({
    method: 'GET',
    path: ref('/{id}/messages/{messageId}'),
    operationId: 'getReferralMessage',
    summary: 'One message of the thread',
    description:
      "A message as the thread shows it, where createReferralMessage says it lives. Only for those who see the referral (404 like an unknown id otherwise; a message of another referral is 404 too). Records the read in the audit trail; changes nothing else.",
    tags: ['Referrals'],
    ...READ,
    params: z.object({ id: IdSchema, messageId: IdSchema }),
    query: NoQuerySchema,
    responses: { 200: MessageSchema, 404: ProblemSchema },
  }),
  createReferralMessage: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/messages'),
    operationId: 'createReferralMessage',
    location: '/api/v1/referrals/{referralId}/messages/{id}',
    summary: 'Write to the other side',
    description: 'Adds a message to the thread and notifies the other side.',
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
    summary: 'Mark the thread read: for the signed-in user, or for an API key its organization',
    description:
      'Marks every message in the thread read, and changes nothing else. A signed-in user marks it read for themselves: their own unread counts. ' +
      "An API key marks it read on behalf of its organization: the organization's read marker, which is what its API keys see as unread " +
      '(`unreadMessages` on the referral, the inbox and the counts, and `unread=true`: messages from the other organization after the marker) ' +
      "and what sets a message's `readAt` for the other side. A key's mark never changes a person's read state, nor a person's the organization's marker: " +
      "each person's unread counts still show what they have not read. Only the organizations on the referral: anyone else gets the 404 of an unknown id.",
    tags: ['Referrals'],
    security: ['session', 'apiKey'],
    scope: 'referrals:write',
    params: IdParamsSchema,
    responses: { 200: ReadStateSchema, 404: ProblemSchema },
  }),
  followReferral: defineEndpoint({
    method: 'POST',
    path: ref('/{id}/follow'),
    operationId: 'followReferral',
    summary: "Follow a referral: be notified of its changes",
    description:
      "The caller is notified of the referral's status changes and messages from now on, as its sender and holder are. Following twice is following. Changes nothing else.",
    tags: ['Referrals'],
    security: ['session'],
    params: IdParamsSchema,
    responses: { 200: FollowStateSchema, 404: ProblemSchema },
  }),
  unfollowReferral: defineEndpoint({
    method: 'DELETE',
    path: ref('/{id}/follow'),
    operationId: 'unfollowReferral',
    summary: 'Stop following a referral',
    description: 'The caller is no longer notified as a follower (still as its sender, holder or assignee). Changes nothing else.',
    tags: ['Referrals'],
    security: ['session'],
    params: IdParamsSchema,
    responses: { 200: FollowStateSchema, 404: ProblemSchema },
  }),
  getReferralTimeline: defineEndpoint({
    method: 'GET',
    path: ref('/{id}/timeline'),
    operationId: 'getReferralTimeline',
    summary: 'Changes, messages and views in time order, with who and when',
    description: "The referral's history: status changes, messages, views. Changes nothing.",
    tags: ['Referrals'],
    ...READ,
    params: IdParamsSchema,
    responses: { 200: TimelineSchema, 404: ProblemSchema },
  }),
};


/** Every endpoint of this folder, spread into `api`. */
/** Reports over the referrals module's own tables. */
export const referralReportEndpoints = {
  getReferralMetrics: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/referrals',
    operationId: 'getReferralMetrics',
    summary: 'Referral network metrics by period: volume, acceptance, time to acknowledge and to first contact, loop closure, overdue share',
    description:
      'Referrals sent between `from` and `to` (Los Angeles days, both included), per month, quarter or year, optionally split by flow (health system → CBO, CBO → health system, CBO → CBO), receiving organization, SPA served or need. Each period has a total row (key null). With `Accept: text/csv`, the same rows as CSV. Network-wide: for the collaboration team and network admins. Changes nothing.',
    tags: ['Reports'],
    security: ['session'],
    query: ReferralMetricsQuerySchema,
    responses: { 200: ReferralMetricsSchema, 403: ProblemSchema },
    produces: ['text/csv'],
  }),
  getClosedLoopReport: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/closed-loop',
    operationId: 'getClosedLoopReport',
    summary: 'Medi-Cal closed-loop referral export: one row per referral with its status, status date and loop-closure reason',
    description:
      'Referrals sent between `from` and `to` (Los Angeles days, both included; entered-in-error ones left out), optionally only those to one receiving organization or to services offering one Community Support: client id, Community Support and needs, referring and receiving organization, date referred, current status and its date, loop-closure reason (under the closed-loop mapping) and days to acknowledge and to close. With `Accept: text/csv`, the same rows as CSV. Carries client ids: for the collaboration team and network admins, audited, never cached. Changes nothing.',
    tags: ['Reports'],
    security: ['session'],
    query: ClosedLoopQuerySchema,
    responses: { 200: ClosedLoopReportSchema, 403: ProblemSchema },
    produces: ['text/csv'],
  }),
  getClosedLoopMapping: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/closed-loop/mapping',
    operationId: 'getClosedLoopMapping',
    concurrency: 'read',
    summary: 'How terminal referral states and reasons map to Medi-Cal loop-closure reasons',
    description:
      'Every terminal status (completed, declined, unable_to_complete, cancelled) with every status reason and with none, and the loop-closure reason it is reported as; the defaults until a network admin saves a change (version 1). An outcome the receiver recorded is reported as itself. For the collaboration team and network admins. Changes nothing.',
    tags: ['Reports'],
    security: ['session'],
    responses: { 200: ClosedLoopMappingSchema, 403: ProblemSchema },
  }),
  updateClosedLoopMapping: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/reports/closed-loop/mapping',
    operationId: 'updateClosedLoopMapping',
    concurrency: 'required',
    summary: 'Replace the loop-closure mapping (network admins; If-Match or version required)',
    description:
      'Sets the loop-closure reason of the rows named; a status and reason not named takes its default. Takes `If-Match` with the version you read (never saved: version 1). The same mapping again writes nothing. Network admins only. Audited.',
    tags: ['Reports'],
    security: ['session'],
    body: UpdateClosedLoopMappingBodySchema,
    responses: { 200: ClosedLoopMappingSchema, 403: ProblemSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
};

export const referralApi = { ...referralEndpoints, ...referralReportEndpoints };
