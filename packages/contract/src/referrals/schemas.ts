import { z } from 'zod';
import { EmailSchema, IdSchema, optionalText, PhoneSchema, text, TimestampSchema, VersionSchema, WriteVersionSchema } from '../common/ids';
import { ClientSchema, CONSENT_STATUSES } from '../clients/schemas';
import { SdohCategorySchema, SpaSchema } from '../common/enums';
import { pageOf, PageQuerySchema, UpdatedSinceSchema } from '../common/pagination';
import {
  ClosureReasonSchema,
  FirstContactMethodSchema,
  LOOP_CLOSURE_REASONS,
  LoopClosureReasonSchema,
  ConsentScopeSchema,
  ReferralBoxSchema,
  ReferralDirectionSchema,
  ReferralEventTypeSchema,
  REFERRAL_STATUSES,
  ReferralStatusSchema,
  UrgencySchema,
} from './enums';
import { PACKET_CHECK_CODES, PACKET_FIELDS } from './send-packet';

// API shapes for referrals (ARCHITECTURE §2-3); clients and consents are in ../clients. Field names are the
// database columns in camelCase; response schemas have no transforms so OpenAPI can render them.

const nullableId = (description: string) => IdSchema.nullable().describe(description);

// ---- Referrals -------------------------------------------------------------------------------

export const ACTOR_KINDS = ['user', 'api_key', 'system', 'unknown'] as const;
export const ActorRefSchema = z
  .object({
    kind: z
      .enum(ACTOR_KINDS)
      .describe('user: a person; api_key: an organization’s integration; system: Tandem itself; unknown: the record of who acted is gone'),
    id: IdSchema.nullable().describe('The user or API key; null for system and unknown, or when the user was deleted'),
    name: z.string().nullable().describe('The person’s name, or the API key’s name'),
    organizationId: IdSchema.nullable().describe('The organization the actor acted for'),
    organizationName: z.string().nullable(),
  })
  .meta({ id: 'ActorRef', description: 'Who wrote or did something: a person, or an API key acting for its organization' });
export type ActorRef = z.infer<typeof ActorRefSchema>;


export const ReferralSchema = z
  .object({
    id: IdSchema,
    clientId: nullableId('The person referred; null only on an unfinished draft'),
    sendingOrganizationId: IdSchema,
    sendingUserId: nullableId('Who created it; null when created through an API key'),
    receivingOrganizationId: nullableId('Null only on an unfinished draft'),
    receivingServiceId: nullableId('The service referred to, when one was chosen'),
    receivingContactId: nullableId('Named contact at the receiving organization'),
    assigneeId: nullableId('Receiving staff member working the referral'),
    consentId: nullableId("The client's consent that covers the receiving organization"),
    needs: z.array(SdohCategorySchema),
    reason: z.string().nullable().describe('Why the client is referred, in the sender’s words'),
    urgency: UrgencySchema,
    status: ReferralStatusSchema,
    statusReason: ClosureReasonSchema.nullable().describe(
      'Reason for the current status (declined, unable_to_complete, cancelled, on_hold)',
    ),
    statusNote: z.string().nullable(),
    outcome: LoopClosureReasonSchema.nullable().describe(
      'The outcome the receiver recorded on completed / unable_to_complete (DHCS loop-closure reason); null before',
    ),
    senderContactName: z.string().nullable(),
    senderContactPhone: z.string().nullable(),
    senderContactEmail: z.string().nullable(),
    sentAt: TimestampSchema.nullable(),
    acknowledgedAt: TimestampSchema.nullable(),
    firstContactAt: TimestampSchema.nullable().describe('When the receiver first reached the client'),
    firstContactMethod: FirstContactMethodSchema.nullable().describe('How the receiver first reached the client'),
    closedAt: TimestampSchema.nullable().describe('When the referral reached a terminal status'),
    acknowledgeBy: TimestampSchema.nullable().describe('Acknowledgement due time (business hours from sentAt)'),
    firstContactBy: TimestampSchema.nullable().describe('First-contact due time (business hours from sentAt)'),
    forwardedFromId: nullableId('The referral this one was forwarded from'),
    loopClosedAt: TimestampSchema.nullable().describe('When the sender marked the outcome seen (loop closed); the status stays as it was'),
    loopClosedBy: ActorRefSchema.nullable().describe('Who at the sending organization marked the loop closed'),
    version: VersionSchema,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof ReferralSchema>;

export const ReferralListItemSchema = ReferralSchema.extend({
  clientName: z.string().nullable(),
  sendingOrganizationName: z.string(),
  receivingOrganizationName: z.string().nullable(),
  receivingServiceName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  overdue: z.object({ acknowledge: z.boolean(), firstContact: z.boolean() }).describe('Whether each SLA was missed'),
  unreadMessages: z
    .number()
    .int()
    .min(0)
    .describe("Messages the caller has not read: a person's own; for an API key, the other organization's messages after its organization's read marker (markReferralRead)"),
}).meta({ id: 'ReferralListItem', description: 'A referral with the names an inbox row shows' });
export type ReferralListItem = z.infer<typeof ReferralListItemSchema>;
export const ReferralPageSchema = pageOf(ReferralListItemSchema);

export const PacketMissingSchema = z
  .object({
    field: z.enum(PACKET_FIELDS),
    code: z.enum(PACKET_CHECK_CODES).describe('Stable code of the item: translate by it; message is the English fallback'),
    message: z.string(),
  })
  .meta({ id: 'PacketMissing', description: 'One item the referral packet still lacks before it can be sent' });

export const ReferralConsentSchema = z
  .object({
    id: IdSchema,
    status: z.enum(CONSENT_STATUSES),
    scope: ConsentScopeSchema,
    signedAt: TimestampSchema,
    expiresAt: TimestampSchema.nullable(),
    revokedAt: TimestampSchema.nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'ReferralConsent', description: 'The consent a referral was sent under, and whether it still holds' });

export const ReferralDetailSchema = ReferralListItemSchema.extend({
  client: ClientSchema.nullable(),
  consent: ReferralConsentSchema.nullable().describe('Revoked or expired consent shows here on every open referral it covered'),
  forwardChain: z.array(IdSchema).describe('Ids of the forwarding chain this referral belongs to, oldest first (itself included)'),
  forwardedToId: nullableId('The referral this one was forwarded to'),
  allowedTransitions: z.array(ReferralStatusSchema).describe('Statuses the caller may move the referral to now'),
  packetMissing: z.array(PacketMissingSchema).describe('For a draft: what is missing before it can be sent'),
  following: z.boolean().describe('Whether you follow it (POST/DELETE …/follow): notified of its changes and messages. Always false for API keys'),
}).meta({ id: 'ReferralDetail' });
export type ReferralDetail = z.infer<typeof ReferralDetailSchema>;

const referralFields = {
  clientId: IdSchema.nullish(),
  receivingOrganizationId: IdSchema.nullish(),
  receivingServiceId: IdSchema.nullish(),
  receivingContactId: IdSchema.nullish(),
  consentId: IdSchema.nullish(),
  needs: z.array(SdohCategorySchema).max(10),
  reason: optionalText(4000),
  urgency: UrgencySchema,
  senderContactName: optionalText(120),
  senderContactPhone: PhoneSchema.nullish(),
  senderContactEmail: EmailSchema.nullish(),
};

export const CreateReferralBodySchema = z
  .object({
    ...referralFields,
    needs: referralFields.needs.default([]),
    urgency: UrgencySchema.default('routine'),
    sendingOrganizationId: IdSchema.optional().describe('Required when the caller belongs to several organizations'),
  })
  .meta({
    id: 'CreateReferralBody',
    description: 'Creates a draft; every field may be filled later. Sending checks the packet.',
    example: {
      clientId: '5f0c7a36-1c1e-4a7e-9b0e-2f2b7d6f9a10',
      receivingOrganizationId: '0b8e7c1d-4a0e-4f7e-8a51-6a3c2d1e0f99',
      needs: ['food-insecurity'],
      reason: 'Family of four; food runs out mid-month',
      urgency: 'routine',
    },
  });
export type CreateReferralBody = z.input<typeof CreateReferralBodySchema>;

export const UpdateReferralBodySchema = z
  .object({
    ...referralFields,
    assigneeId: IdSchema.nullish().describe('Receiver only'),
    outcome: LoopClosureReasonSchema.nullish().describe('Not editable here: sent with the completed / unable_to_complete transition'),
    firstContactAt: TimestampSchema.nullish().describe('Receiver only: when the client was first reached'),
    version: WriteVersionSchema,
  })
  .partial()
  .meta({ id: 'UpdateReferralBody', description: 'Changes only the fields present. Which fields a side may change depends on status.' });
export type UpdateReferralBody = z.input<typeof UpdateReferralBodySchema>;

export const TransitionBodySchema = z
  .object({
    to: ReferralStatusSchema,
    reason: ClosureReasonSchema.nullish().describe('Required for declined, unable_to_complete and cancelled (except from draft)'),
    note: optionalText(2000).describe('Required when reason or outcome is other'),
    outcome: LoopClosureReasonSchema.nullish().describe(
      'Required for completed (services_received, other) and unable_to_complete (client_declined, client_unreachable, not_eligible, no_capacity, referred_elsewhere, duplicate, other); refused on any other status',
    ),
    version: WriteVersionSchema,
    confirmDuplicate: z.boolean().default(false).describe('Send even though the client has an open referral for the same need'),
  })
  .meta({
    id: 'TransitionReferralBody',
    example: { to: 'declined', reason: 'no_capacity', note: 'Waitlist closed until May', version: 3 },
  });
export type TransitionBody = z.input<typeof TransitionBodySchema>;

export const ForwardBodySchema = z
  .object({
    receivingOrganizationId: IdSchema.describe('The partner to forward to (the same name as when creating a referral)'),
    receivingServiceId: IdSchema.nullish().describe('A service of that partner'),
    note: text(2000).describe('Why the new partner fits; shown to both sides'),
    version: WriteVersionSchema,
  })
  .meta({
    id: 'ForwardReferralBody',
    description: 'Declines this referral as referred_elsewhere and creates a linked one to the new partner, in one step',
  });
export type ForwardBody = z.input<typeof ForwardBodySchema>;

export const ReferralEventSchema = z
  .object({
    id: IdSchema,
    referralId: IdSchema,
    type: ReferralEventTypeSchema,
    actorUserId: IdSchema.nullable().describe('Null for system changes and API keys'),
    actorName: z.string().nullable(),
    actorOrganizationId: IdSchema.nullable(),
    fromStatus: ReferralStatusSchema.nullable(),
    toStatus: ReferralStatusSchema.nullable(),
    reason: ClosureReasonSchema.nullable(),
    note: z.string().nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'ReferralEvent', description: 'One entry of the append-only referral timeline' });
export type ReferralEvent = z.infer<typeof ReferralEventSchema>;
export const ReferralEventListSchema = z.object({ data: z.array(ReferralEventSchema) });


export const MessageSchema = z
  .object({
    id: IdSchema,
    referralId: IdSchema,
    authorUserId: IdSchema.nullable().describe('Null when an API key posted it (see author), or the user was deleted'),
    authorName: z.string().describe('The person’s name; for an API key, the key’s name'),
    authorOrganizationId: IdSchema,
    author: ActorRefSchema,
    body: z.string(),
    createdAt: TimestampSchema,
    readAt: TimestampSchema.nullable().describe('When someone at the other organization first read it'),
  })
  .meta({ id: 'ReferralMessage' });
export type Message = z.infer<typeof MessageSchema>;
export const MessagePageSchema = pageOf(MessageSchema);

export const MessageListQuerySchema = PageQuerySchema.extend({
  updatedSince: UpdatedSinceSchema.describe(
    'Sync: only messages written at or after this instant (messages are never edited, so createdAt is when they changed). ' +
      'A new message also moves its referral’s updatedAt, so a referral sync finds the threads to read',
  ),
});

export const CreateMessageBodySchema = z
  .object({ body: text(4000) })
  .meta({ id: 'CreateReferralMessageBody', example: { body: 'Reached Rosa today; intake Thursday 10am.' } });
export type CreateMessageBody = z.input<typeof CreateMessageBodySchema>;

export const ReferralListQuerySchema = PageQuerySchema.extend({
  box: ReferralBoxSchema.default('received'),
  organizationId: IdSchema.optional().describe('box=network only: referrals this organization sent or received'),
  spa: SpaSchema.optional().describe("box=network only: referrals served in this SPA (the receiving service's SPAs, else the receiving organization's)"),
  status: ReferralStatusSchema.optional(),
  need: SdohCategorySchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only referrals past an SLA'),
  assigneeId: z
    .union([IdSchema, z.enum(['me', 'none'])])
    .optional()
    .describe('The receiving staff member working it, in either box: a user id, me, or none (unassigned). For "the ones I sent" use sentBy=me'),
  sentBy: z.enum(['me']).optional().describe('me: only referrals the caller started (their drafts and what they sent); signed-in users only'),
  closed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('false: only referrals not closed (drafts and open ones); true: only closed ones (a terminal status)'),
  returned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(
      'true: came back to the caller: declined or unable to complete, the loop not marked closed, and the caller has not opened its thread since it closed (signed-in users only; false is refused)',
    ),
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only referrals with messages the caller has not read (signed-in users only; false is refused)'),
  sort: z
    .enum(['newest', 'urgency'])
    .default('newest')
    .describe('newest: newest first; urgency: emergent, then urgent, then routine, newest first within each. Not with updatedSince'),
  q: z.string().trim().min(1).max(200).optional().describe('Client name or reason contains'),
  updatedSince: UpdatedSinceSchema.describe(
    'Sync: only referrals changed at or after this instant, oldest change first (by updatedAt, then id). A status change, an edit, ' +
      'an assignment, first contact and a new message each count as a change. Inclusive: store the last row’s updatedAt, ask again from it, deduplicate by id',
  ),
});
export type ReferralListQuery = z.input<typeof ReferralListQuerySchema>;

export const InboxCountsSchema = z
  .object({
    received: z.object({
      new: z.number().int().min(0).describe('Sent to us and not yet opened'),
      open: z.number().int().min(0),
      overdue: z.number().int().min(0),
      unassigned: z.number().int().min(0),
    }),
    sent: z.object({
      draft: z.number().int().min(0),
      open: z.number().int().min(0),
      overdue: z.number().int().min(0),
    }),
    unreadMessages: z.number().int().min(0),
  })
  .meta({ id: 'InboxCounts', description: "Counts for the caller's organization inbox badges" });
export type InboxCounts = z.infer<typeof InboxCountsSchema>;

export const DuplicateReferralSchema = z
  .object({
    referralId: IdSchema,
    need: SdohCategorySchema,
    status: ReferralStatusSchema,
    receivingOrganizationId: IdSchema,
    receivingOrganizationName: z.string(),
  })
  .meta({
    id: 'DuplicateReferral',
    description: 'An open referral for the same client and need (listed in a 409 duplicate_referral problem)',
  });

// ---- Sending, assignment, first contact --------------------------------------------------------

export const SendReferralBodySchema = z
  .object({
    version: WriteVersionSchema,
    confirmDuplicate: z.boolean().default(false).describe('Send even though the client has an open referral for the same need'),
    duplicateReason: optionalText(1000).describe('Required with confirmDuplicate: why a second referral is needed'),
  })
  .superRefine((b, ctx) => {
    if (b.confirmDuplicate && !b.duplicateReason) {
      ctx.addIssue({ code: 'custom', path: ['duplicateReason'], message: 'Say why a second open referral is needed', params: { code: 'referral.duplicate_reason_required' } });
    }
  })
  .meta({ id: 'SendReferralBody', example: { version: 2 } });
export type SendReferralBody = z.input<typeof SendReferralBodySchema>;

export const DuplicateHolderSchema = z
  .object({
    referralId: IdSchema,
    organizationName: z.string().describe('Who holds the open referral'),
    contactName: z.string().nullable().describe('Named contact: the assignee, else the receiving contact'),
    status: ReferralStatusSchema,
    sentAt: TimestampSchema.nullable(),
    needs: z.array(SdohCategorySchema).describe('The overlapping needs'),
  })
  .meta({ id: 'DuplicateHolder', description: 'In a 409 duplicate_referral problem: who already holds an open referral (no client details)' });
export type DuplicateHolder = z.infer<typeof DuplicateHolderSchema>;

export const AssignReferralBodySchema = z
  .object({
    assigneeId: IdSchema.nullable().describe('A member of the receiving organization (GET /api/v1/organizations/{id}/colleagues); null unassigns'),
    version: WriteVersionSchema,
  })
  .meta({ id: 'AssignReferralBody' });

export const FirstContactBodySchema = z
  .object({
    firstContactAt: TimestampSchema.optional().describe('When the client was first reached; default now'),
    method: FirstContactMethodSchema,
    note: optionalText(2000),
    version: WriteVersionSchema,
  })
  .meta({ id: 'FirstContactBody', example: { firstContactAt: '2026-03-03T17:30:00.000Z', method: 'phone' } });
export type FirstContactBody = z.input<typeof FirstContactBodySchema>;

export const CorrectFirstContactBodySchema = z
  .object({
    firstContactAt: TimestampSchema.optional().describe('The corrected time; unchanged when left out'),
    method: FirstContactMethodSchema.optional().describe('The corrected method; unchanged when left out'),
    note: optionalText(2000).describe('Why it is corrected (shown on the timeline)'),
    version: WriteVersionSchema,
  })
  .superRefine((b, ctx) => {
    if (b.firstContactAt === undefined && b.method === undefined) ctx.addIssue({ code: 'custom', path: ['firstContactAt'], message: 'Give the corrected time, method, or both', params: { code: 'referral.correction_empty' } });
  })
  .meta({ id: 'CorrectFirstContactBody', example: { method: 'in_person', version: 5 } });
export type CorrectFirstContactBody = z.input<typeof CorrectFirstContactBodySchema>;

export const LoopClosedBodySchema = z
  .object({
    note: optionalText(2000).describe('Shown on the timeline'),
    version: WriteVersionSchema,
  })
  .meta({ id: 'LoopClosedBody', example: { version: 7 } });
export type LoopClosedBody = z.input<typeof LoopClosedBodySchema>;

export const ReadStateSchema = z
  .object({ referralId: IdSchema, lastReadAt: TimestampSchema, unreadMessages: z.number().int().min(0) })
  .meta({ id: 'ReferralReadState' });

export const FollowStateSchema = z
  .object({
    referralId: IdSchema,
    following: z.boolean().describe('Whether you are notified of this referral\'s changes as a follower'),
  })
  .meta({ id: 'ReferralFollowState' });

export const TIMELINE_KINDS = ['event', 'message', 'view'] as const;
export const TimelineEntrySchema = z
  .object({
    kind: z.enum(TIMELINE_KINDS),
    id: IdSchema,
    at: TimestampSchema,
    actorUserId: IdSchema.nullable().describe('Null for API keys (see actor) and system changes'),
    actorName: z.string().nullable().describe('The person’s name; for an API key, the key’s name'),
    actorOrganizationId: IdSchema.nullable(),
    actorOrganizationName: z.string().nullable(),
    actor: ActorRefSchema.describe('Who: the person, or the API key, and the organization they acted for'),
    eventType: ReferralEventTypeSchema.nullable().describe('For kind=event'),
    fromStatus: ReferralStatusSchema.nullable(),
    toStatus: ReferralStatusSchema.nullable(),
    reason: ClosureReasonSchema.nullable(),
    note: z.string().nullable(),
    body: z.string().nullable().describe('For kind=message'),
    assigneeName: z.string().nullable().describe('For eventType=assigned: who it was assigned to (null: unassigned, or another event)'),
    outcome: LoopClosureReasonSchema.nullable().describe('For a status change to completed / unable_to_complete: the outcome recorded'),
    firstContact: z
      .object({
        at: TimestampSchema,
        method: FirstContactMethodSchema.nullable(),
        previousAt: TimestampSchema.nullable().describe('For a correction: the time it replaced'),
        previousMethod: FirstContactMethodSchema.nullable().describe('For a correction: the method it replaced'),
      })
      .nullable()
      .describe('For eventType=first_contact: what was recorded, and for a correction what it replaced'),
  })
  .meta({ id: 'TimelineEntry', description: 'One line of a referral timeline: a change, a message, or someone opening it' });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export const TimelineSchema = z.object({ data: z.array(TimelineEntrySchema) }).meta({ id: 'ReferralTimeline' });

const byReasonShape = Object.fromEntries(LOOP_CLOSURE_REASONS.map((r) => [r, z.number().int().min(0)])) as Record<(typeof LOOP_CLOSURE_REASONS)[number], z.ZodNumber>;
const byStatusShape = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<(typeof REFERRAL_STATUSES)[number], z.ZodNumber>;
export const ReferralCountsQuerySchema = z.strictObject({ box: ReferralDirectionSchema.default('received') });
export const ReferralCountsSchema = z
  .object({
    box: ReferralDirectionSchema,
    // An object with one property per status (not z.record): every status is listed in the document.
    byStatus: z.object(byStatusShape),
    open: z.number().int().min(0),
    overdue: z.number().int().min(0),
    unreadMessages: z.number().int().min(0).describe('Unread messages for the caller across the box'),
    loopClosure: z
      .object({
        awaiting: z.number().int().min(0).describe('Completed / unable to complete, outcome not yet marked seen by the sender'),
        closed: z.number().int().min(0).describe('Marked loop closed by the sender'),
        byReason: z.object(byReasonShape).describe('Closed referrals by DHCS loop-closure reason'),
      })
      .describe('Closed-loop referral counts for the box'),
  })
  .meta({ id: 'ReferralCounts', description: 'Counts per status and overdue, for the inbox tabs' });
export type ReferralCounts = z.infer<typeof ReferralCountsSchema>;

/**
 * The home worklist: what needs the signed-in user, one number per bucket. Each bucket is the
 * count of the inbox list WORKLIST_FILTERS names, so a number links to exactly its rows.
 */
export const ReferralWorklistSchema = z
  .object({
    sent: z
      .object({
        drafts: z.number().int().min(0).describe('My drafts, not yet sent'),
        returned: z.number().int().min(0).describe('Mine, declined or unable to complete, loop not marked closed, not opened by me since'),
        overdue: z.number().int().min(0).describe('Mine, open and past a step due at the partner'),
        unreadMessages: z.number().int().min(0).describe('Mine with messages I have not read'),
      })
      .describe('Referrals the caller started (sentBy=me)'),
    received: z
      .object({
        toAcknowledge: z.number().int().min(0).describe('Sent to my organizations and not yet acknowledged'),
        assignedToMe: z.number().int().min(0).describe('Not closed and assigned to me'),
        overdue: z.number().int().min(0).describe('Open and past a step due'),
        unreadMessages: z.number().int().min(0).describe('With messages I have not read'),
      })
      .describe("Referrals sent to the caller's organizations"),
  })
  .meta({ id: 'ReferralWorklist', description: 'What needs the signed-in user: counts per worklist bucket' });
export type ReferralWorklist = z.infer<typeof ReferralWorklistSchema>;

/** The inbox query (GET /api/v1/referrals, string values as in a URL) behind each worklist number. */
export const WORKLIST_FILTERS = {
  sent: {
    drafts: { box: 'sent', sentBy: 'me', status: 'draft' },
    returned: { box: 'sent', sentBy: 'me', returned: 'true' },
    overdue: { box: 'sent', sentBy: 'me', overdue: 'true' },
    unreadMessages: { box: 'sent', sentBy: 'me', unread: 'true' },
  },
  received: {
    toAcknowledge: { box: 'received', status: 'sent' },
    assignedToMe: { box: 'received', assigneeId: 'me', closed: 'false' },
    overdue: { box: 'received', overdue: 'true' },
    unreadMessages: { box: 'received', unread: 'true' },
  },
} as const satisfies { [B in keyof ReferralWorklist]: { [K in keyof ReferralWorklist[B]]: Record<string, string> } };

