import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import {
  CLOSURE_REASONS,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CONTACT_METHODS,
  FIRST_CONTACT_METHODS,
  LANGUAGES,
  LOOP_CLOSURE_REASONS,
  REFERRAL_EVENT_TYPES,
  REFERRAL_STATUSES,
  SDOH_CATEGORIES,
  URGENCIES,
  type ClosedLoopMappingEntry,
} from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, type OneOf, ts, updatedAt, version } from './helpers';
import { apiKeys, users } from './accounts';
import { contacts, organizations, services } from './directory';

// Enum values come from the contract's `as const` arrays, so the check constraints cannot drift.

export type ClientAddress = { line1: string; line2?: string | null; city: string; state: string; postalCode: string };

/** The person being referred. PHI: read only through the referrals/clients services, which audit every read. */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    // Column names follow the contract (ClientSchema): givenName / middleName / familyName.
    givenName: text('given_name').notNull(),
    middleName: text('middle_name'),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    address: jsonb('address').$type<ClientAddress>(),
    preferredLanguage: text('preferred_language').$type<OneOf<typeof LANGUAGES>>(),
    preferredContactMethod: text('preferred_contact_method').$type<OneOf<typeof CONTACT_METHODS>>(),
    preferredContactTimes: text('preferred_contact_times'),
    pronouns: text('pronouns'),
    safeContactNotes: text('safe_contact_notes'),
    // The organization that registered the client: its staff can find the record.
    createdByOrgId: uuid('created_by_org_id')
      .notNull()
      .references(() => organizations.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // Inbox `q` search (ILIKE on the full name). Match suggestions filter on date of birth first
    // (clients_dob_idx) and score the few rows left with unaccented similarity: unaccent() is
    // not IMMUTABLE, so it cannot sit in an index expression.
    index('clients_name_trgm_idx').using('gin', sql`lower(${t.givenName} || ' ' || ${t.familyName}) gin_trgm_ops`),
    // Client search (GET /clients?q=): word prefixes of the folded name and digits of the phones,
    // through the IMMUTABLE key functions of migration 0022 (clients/repo.ts uses the very same
    // expressions, so the planner matches them to these indexes).
    index('clients_name_key_idx').using('gin', sql`tandem_name_key(${t.givenName} || ' ' || coalesce(${t.middleName}, '') || ' ' || ${t.familyName} || ' ' || coalesce(${t.preferredName}, '')) gin_trgm_ops`),
    index('clients_phone_key_idx').using('gin', sql`tandem_phone_key(${t.phones}) gin_trgm_ops`),
    index('clients_dob_idx').on(t.dateOfBirth),
    index('clients_org_idx').on(t.createdByOrgId),
    check('clients_language_check', sql`${t.preferredLanguage} is null or ${inList(t.preferredLanguage, LANGUAGES)}`),
    check('clients_contact_method_check', sql`${t.preferredContactMethod} is null or ${inList(t.preferredContactMethod, CONTACT_METHODS)}`),
  ],
);

/** One universal consent, reusable across agencies: the whole network or listed organizations. */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    scope: text('scope').$type<OneOf<typeof CONSENT_SCOPES>>().notNull(),
    organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    method: text('method').$type<OneOf<typeof CONSENT_METHODS>>().notNull(),
    language: text('language').notNull().default('en'),
    witnessName: text('witness_name'),
    signedAt: ts('signed_at').notNull(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revocationReason: text('revocation_reason'),
    documentUrl: text('document_url'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    recordedByOrgId: uuid('recorded_by_org_id').references(() => organizations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('consents_client_idx').on(t.clientId),
    check('consents_scope_check', inList(t.scope, CONSENT_SCOPES)),
    check('consents_method_check', inList(t.method, CONSENT_METHODS)),
    check('consents_witness_check', sql`${t.method} <> 'verbal_witnessed' or ${t.witnessName} is not null`),
    check('consents_listed_check', sql`${t.scope} <> 'listed_orgs' or cardinality(${t.organizationIds}) > 0`),
    check('consents_dates_check', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.signedAt}`),
  ],
);

export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    clientId: uuid('client_id').references(() => clients.id),
    sendingOrgId: uuid('sending_org_id')
      .notNull()
      .references(() => organizations.id),
    sendingUserId: uuid('sending_user_id').references(() => users.id, { onDelete: 'set null' }),
    senderContactName: text('sender_contact_name'),
    senderContactPhone: text('sender_contact_phone'),
    senderContactEmail: text('sender_contact_email'),
    // Null only on an unfinished draft (the contract allows drafts without a receiver).
    receivingOrgId: uuid('receiving_org_id').references(() => organizations.id),
    receivingServiceId: uuid('receiving_service_id').references(() => services.id, { onDelete: 'set null' }),
    receivingContactId: uuid('receiving_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    needs: text('needs').array().$type<OneOf<typeof SDOH_CATEGORIES>[]>().notNull().default(sql`'{}'::text[]`),
    reason: text('reason'),
    urgency: text('urgency').$type<OneOf<typeof URGENCIES>>().notNull().default('routine'),
    status: text('status').$type<OneOf<typeof REFERRAL_STATUSES>>().notNull().default('draft'),
    statusReason: text('status_reason').$type<OneOf<typeof CLOSURE_REASONS>>(),
    statusNote: text('status_note'),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    consentId: uuid('consent_id').references(() => consents.id),
    forwardedFromId: uuid('forwarded_from_id'),
    duplicateOverrideReason: text('duplicate_override_reason'),
    sentAt: ts('sent_at'),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgeDueAt: ts('acknowledge_due_at'),
    firstContactDueAt: ts('first_contact_due_at'),
    firstContactAt: ts('first_contact_at'),
    firstContactMethod: text('first_contact_method').$type<OneOf<typeof FIRST_CONTACT_METHODS>>(),
    // When the overdue sweep notified each side that the step was late (once per step).
    ackOverdueNotifiedAt: ts('ack_overdue_notified_at'),
    contactOverdueNotifiedAt: ts('contact_overdue_notified_at'),
    closedAt: ts('closed_at'),
    // The receiver's outcome, recorded with completed / unable_to_complete (DHCS loop-closure reason).
    outcome: text('outcome').$type<OneOf<typeof LOOP_CLOSURE_REASONS>>(),
    // The sender marked the outcome seen ("loop closed"): when, and who (a person or an API key).
    loopClosedAt: ts('loop_closed_at'),
    loopClosedByUserId: uuid('loop_closed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    loopClosedByApiKeyId: uuid('loop_closed_by_api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // Inbox: received/sent, newest first, keyset-paginated on (created_at, id). The *_status_*
    // indexes serve a status tab (equality on org + status, then the sort); the plain ones serve
    // "all statuses", where status in the second column would break the order. Ascending on
    // purpose: scanned backward they give ORDER BY created_at DESC, id DESC (= DESC NULLS FIRST);
    // a .desc() index is DESC NULLS LAST here and does not match, so PostgreSQL sorted whole inboxes.
    index('referrals_receiving_inbox_idx').on(t.receivingOrgId, t.status, t.createdAt, t.id),
    index('referrals_sending_inbox_idx').on(t.sendingOrgId, t.status, t.createdAt, t.id),
    index('referrals_receiving_recent_idx').on(t.receivingOrgId, t.createdAt, t.id),
    index('referrals_sending_recent_idx').on(t.sendingOrgId, t.createdAt, t.id),
    // Sync (`updatedSince`, docs/sync.md): a box's changes in (updated_at, id) order, keyset paged.
    index('referrals_receiving_updated_idx').on(t.receivingOrgId, t.updatedAt, t.id),
    index('referrals_sending_updated_idx').on(t.sendingOrgId, t.updatedAt, t.id),
    index('referrals_assignee_idx').on(t.assigneeUserId, t.status),
    // The network box (network admins, collaboration team): every referral that was sent, newest
    // first, all statuses or one. Partial on the "was sent" test the box's query repeats.
    index('referrals_network_recent_idx').on(t.createdAt, t.id).where(sql`${t.status} <> 'draft' and ${t.sentAt} is not null`),
    index('referrals_network_status_idx').on(t.status, t.createdAt, t.id).where(sql`${t.status} <> 'draft' and ${t.sentAt} is not null`),
    // A client's referrals: the duplicate guard (open ones, status filtered on the few rows of one
    // client) and who sees a client through its referrals. A partial index on open statuses left
    // the second to scan all referrals.
    index('referrals_client_idx').on(t.clientId, t.status),
    index('referrals_needs_idx').using('gin', t.needs),
    // The overdue sweep: open referrals whose step is late and not yet notified, by due time.
    // Partial, so they hold only the few referrals waiting on a step.
    index('referrals_ack_overdue_idx')
      .on(t.acknowledgeDueAt)
      .where(sql`${t.acknowledgedAt} is null and ${t.ackOverdueNotifiedAt} is null and ${t.status} in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold')`),
    index('referrals_contact_overdue_idx')
      .on(t.firstContactDueAt)
      .where(sql`${t.firstContactAt} is null and ${t.contactOverdueNotifiedAt} is null and ${t.status} in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold')`),
    // The network overview's "overdue now per organization" (modules/referrals metrics.repo.ts):
    // open referrals past a due time, notified or not; one partial index per step, OR-ed in a bitmap.
    index('referrals_open_ack_due_idx').on(t.acknowledgeDueAt).where(sql`${t.acknowledgedAt} is null and ${t.closedAt} is null and ${t.sentAt} is not null`),
    index('referrals_open_contact_due_idx').on(t.firstContactDueAt).where(sql`${t.firstContactAt} is null and ${t.closedAt} is null and ${t.sentAt} is not null`),
    // Service gaps' evidence and coverage matrix (modules/gaps through referralsRepo.demandBy):
    // referrals sent in a period, grouped by their service's SPA and need.
    index('referrals_sent_at_idx').on(t.sentAt, t.receivingServiceId).where(sql`${t.sentAt} is not null`),
    index('referrals_forwarded_from_idx').on(t.forwardedFromId),
    index('referrals_consent_idx').on(t.consentId),
    check('referrals_status_check', inList(t.status, REFERRAL_STATUSES)),
    check('referrals_reason_check', sql`${t.statusReason} is null or ${inList(t.statusReason, CLOSURE_REASONS)}`),
    check('referrals_urgency_check', inList(t.urgency, URGENCIES)),
    check('referrals_outcome_check', sql`${t.outcome} is null or ${inList(t.outcome, LOOP_CLOSURE_REASONS)}`),
    check('referrals_first_contact_method_check', sql`${t.firstContactMethod} is null or ${inList(t.firstContactMethod, FIRST_CONTACT_METHODS)}`),
    // Terminal states stay terminal: the loop closes only on a referral that recorded an outcome.
    check('referrals_loop_closed_check', sql`${t.loopClosedAt} is null or ${t.status} in ('completed', 'unable_to_complete', 'entered_in_error')`),
    check('referrals_needs_check', arrayWithin(t.needs, SDOH_CATEGORIES)),
  ],
);

/** Append-only timeline: status changes, assignment, forwarding, first contact. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: id(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    // Set when an API key acted (actor_user_id is then null): the timeline names the key.
    actorApiKeyId: uuid('actor_api_key_id'),
    actorOrgId: uuid('actor_org_id'),
    kind: text('kind').$type<OneOf<typeof REFERRAL_EVENT_TYPES>>().notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at), check('referral_events_kind_check', inList(t.kind, REFERRAL_EVENT_TYPES))],
);

export const referralMessages = pgTable(
  'referral_messages',
  {
    id: id(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    // Set when an API key posted it (author_user_id is then null): the thread names the key.
    authorApiKeyId: uuid('author_api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    authorOrgId: uuid('author_org_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('referral_messages_referral_idx').on(t.referralId, t.createdAt)],
);

/** Read state per user and referral: messages after last_read_at are unread. */
export const referralReads = pgTable(
  'referral_reads',
  {
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: ts('last_read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.userId] })],
);

/**
 * Read state per organization and referral, set by the organization's API keys ("mark the thread
 * read on behalf of the organization"): what its keys see as unread are the other side's messages
 * after last_read_at. Apart from referral_reads on purpose: a key marking read never changes a
 * person's read state, nor a person's marking the organization's.
 */
export const referralOrgReads = pgTable(
  'referral_org_reads',
  {
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    lastReadAt: ts('last_read_at').notNull().defaultNow(),
    // The key that marked it last (null once that key is deleted).
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.organizationId] })],
);

/**
 * Who follows a referral (issue 24): besides its sender, holder and assignee, they are notified of
 * its changes. Only someone who may read the referral can follow it (referrals service).
 */
export const referralFollows = pgTable(
  'referral_follows',
  {
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.userId] }), index('referral_follows_user_idx').on(t.userId)],
);

/** Who opened a referral, when: proof of delivery. */
export const referralViews = pgTable(
  'referral_views',
  {
    id: id(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    // Set when an API key read it (user_id is then null).
    apiKeyId: uuid('api_key_id'),
    orgId: uuid('org_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('referral_views_referral_idx').on(t.referralId, t.at)],
);

/** Transactional outbox: events written with the change, delivered after commit by the worker. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    event: text('event').notNull(),
    organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    availableAt: ts('available_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.availableAt).where(sql`${t.deliveredAt} is null`)],
);

/**
 * The network's loop-closure mapping for the Medi-Cal closed-loop export (issue 27): one row at
 * most (id 1), holding the entries a network admin saved over the defaults
 * (defaultClosedLoopMapping). No row: the defaults, at version 1. Validated by the contract's
 * schema on write.
 */
export const closedLoopMapping = pgTable(
  'closed_loop_mapping',
  {
    id: integer('id').primaryKey().default(1),
    entries: jsonb('entries').$type<ClosedLoopMappingEntry[]>().notNull().default(sql`'[]'::jsonb`),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [check('closed_loop_mapping_one_row_check', sql`${t.id} = 1`), check('closed_loop_mapping_entries_check', sql`jsonb_typeof(${t.entries}) = 'array'`)],
);
