import { and, asc, desc, eq, getTableColumns, inArray, or, sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm';
import { type PgTable, type SelectedFields } from 'drizzle-orm/pg-core';
import { reuse, schema, type DbOrTx } from '@tandem/db';
import { OPEN_STATUSES, TERMINAL_STATUSES, type NotificationData, type ReferralDirection, type ReferralSide, type ReferralStatus } from '@tandem/contract';
import { withParts, type WritePart } from '../../lib/batch';
import type { Notifier } from '../notifications';
import { activeBaaBetween, apiKeys, clients, consents, contacts, memberships, organizations, services, users } from './foreign-tables';

const { referrals, referralEvents, referralFollows, referralMessages, referralReads, referralOrgReads, referralViews, outbox } = schema;

/** One entry of a referral's timeline as the timeline query returns it. */
export type TimelineRow = {
  kind: 'event' | 'message' | 'view';
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_name: string | null;
  actor_key_name: string | null;
  actor_org_id: string | null;
  actor_org_name: string | null;
  event_type: string | null;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  note: string | null;
  body: string | null;
  assignee_name: string | null;
  outcome: string | null;
  /** For first_contact events: { at, method, previousAt, previousMethod } as the event recorded it. */
  first_contact: { at: string; method: string | null; previousAt: string | null; previousMethod: string | null } | null;
};

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;
export type EventInsert = typeof referralEvents.$inferInsert;

/** What notifyRows needs of a referral: the row as the caller read it. */
export type NotifyTarget = Pick<ReferralRow, 'id' | 'clientId' | 'sendingOrgId' | 'sendingUserId' | 'receivingOrgId' | 'assigneeUserId'>;

/** "A. L.": the client's initials (null without a client), what a notification names them by. */
const initialsOf = (clientId: SQL) =>
  sql`(select upper(left(c.given_name, 1)) || '. ' || upper(left(c.family_name, 1)) || '.' from ${clients} c where c.id = ${clientId})`;

/** Referrals one overdue sweep marks at most (a backlog is worked off over several sweeps). */
export const SWEEP_BATCH = 500;

/** Views by the same person closer together than this are one view on the timeline. */
const VIEW_WINDOW = '15 minutes';

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * The referral was sent (access.ts wasSent): one never sent — a draft, or a draft cancelled before
 * sending — is the sender's alone, so it is in no received box and gives no one else sight of its
 * client. Sending sets sent_at, and nothing clears it.
 */
export const wasSentSql = sql`(${referrals.status} <> 'draft' and ${referrals.sentAt} is not null)`;

/** Still waiting on a step whose due time has passed (what the "overdue" tab and count show). */
export const overdueNow = sql`(${referrals.status} in (${OPEN}) and ((${referrals.acknowledgedAt} is null and now() > ${referrals.acknowledgeDueAt}) or (${referrals.firstContactAt} is null and now() > ${referrals.firstContactDueAt})))`;

const TERMINAL = sql.raw(TERMINAL_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * Came back to the sender without the service (declined, unable to complete), the loop not marked
 * closed, and this user has not opened its thread since it closed (referral_reads, as unread
 * messages): opening it, or marking the loop closed, takes it off the worklist.
 */
const returnedFor = (userId: string | Placeholder) =>
  sql`(${referrals.status} in ('declined', 'unable_to_complete') and ${referrals.loopClosedAt} is null and not exists (select 1 from ${referralReads} rr where rr.referral_id = ${outer(referrals.id)} and rr.user_id = ${userId}::uuid and rr.last_read_at >= ${outer(referrals.closedAt)}))`;

/** sort=urgency: emergent 2, urgent 1, routine 0 (urgencyRank is the same in JS, for the cursor). */
const urgencyRankSql = sql`(case ${referrals.urgency} when 'emergent' then 2 when 'urgent' then 1 else 0 end)`;
export const urgencyRank = (u: string) => (u === 'emergent' ? 2 : u === 'urgent' ? 1 : 0);

/**
 * A column of the outer `referrals` row, always qualified. Drizzle leaves columns unqualified in a
 * select from one table, and an unqualified "id" inside a subquery on referral_messages would be
 * the message's id.
 */
const outer = (column: { name: string }) => sql.raw(`"referrals"."${column.name}"`);

/**
 * Whose read state a read counts unread messages against: a signed-in person's own
 * (referral_reads), or for an API key its organization's marker (referral_org_reads), which only
 * keys set. Null: nobody's (the network box; unread counts 0).
 */
export type Reader = { kind: 'user' | 'org'; id: string } | null;
type ReaderSql = { kind: 'user' | 'org'; id: string | Placeholder } | null;
/** The same reader as a placeholder named `reader` (prepared statements: one per kind). */
const readerParam = (r: Reader): ReaderSql => (r ? { kind: r.kind, id: sql.placeholder('reader') } : null);

/**
 * A person: messages from others after their last read. An organization (its keys): messages
 * from the other side (another organization) after the organization's marker.
 */
const unreadFor = (reader: ReaderSql) =>
  reader?.kind === 'user'
    ? sql<number>`(select count(*)::int from ${referralMessages} m where m.referral_id = ${outer(referrals.id)} and m.author_user_id is distinct from ${reader.id}::uuid and m.created_at > coalesce((select r.last_read_at from ${referralReads} r where r.referral_id = ${outer(referrals.id)} and r.user_id = ${reader.id}::uuid), '-infinity'))`
    : reader?.kind === 'org'
      ? sql<number>`(select count(*)::int from ${referralMessages} m where m.referral_id = ${outer(referrals.id)} and m.author_org_id is distinct from ${reader.id}::uuid and m.created_at > coalesce((select r.last_read_at from ${referralOrgReads} r where r.referral_id = ${outer(referrals.id)} and r.organization_id = ${reader.id}::uuid), '-infinity'))`
      : sql<number>`0`;

/**
 * A referral with the names an inbox row shows, in one query (no N+1). The names are scalar
 * subqueries by primary key rather than joins: each plans on its own in microseconds, where five
 * outer joins made PostgreSQL weigh every join order (~3.5 ms of planning for ~0.5 ms of work).
 */
export const itemCols = (reader: ReaderSql) => ({
  r: referrals,
  clientName: sql<string | null>`(select c.given_name || ' ' || c.family_name from ${clients} c where c.id = ${outer(referrals.clientId)})`,
  sendingOrganizationName: sql<string>`(select o.name from ${organizations} o where o.id = ${outer(referrals.sendingOrgId)})`,
  receivingOrganizationName: sql<string | null>`(select o.name from ${organizations} o where o.id = ${outer(referrals.receivingOrgId)})`,
  receivingServiceName: sql<string | null>`(select s.name from ${services} s where s.id = ${outer(referrals.receivingServiceId)})`,
  assigneeName: sql<string | null>`(select u.name from ${users} u where u.id = ${outer(referrals.assigneeUserId)})`,
  // Who marked the loop closed: the person, else the API key (null until then).
  loopClosedByName: sql<string | null>`case when ${outer(referrals.loopClosedAt)} is not null then coalesce((select u.name from ${users} u where u.id = ${outer(referrals.loopClosedByUserId)}), (select k.name from ${apiKeys} k where k.id = ${outer(referrals.loopClosedByApiKeyId)})) end`,
  unreadMessages: unreadFor(reader),
  // Text keeps PostgreSQL's microseconds: a JS Date would round them and break the keyset.
  cursorAt: sql<string>`${referrals.createdAt}::text`,
  updatedKey: sql<string>`${referrals.updatedAt}::text`,
});
export type ItemRow = { r: ReferralRow; clientName: string | null; sendingOrganizationName: string; receivingOrganizationName: string | null; receivingServiceName: string | null; assigneeName: string | null; loopClosedByName: string | null; unreadMessages: number; cursorAt: string; updatedKey: string };
type ClientRow = typeof clients.$inferSelect;
type ConsentRow = typeof consents.$inferSelect;
/**
 * The item plus what the detail view shows of the client and the consent the referral was sent
 * under; for a draft with a receiver, also what its packet check needs: the client's consents
 * (newest first) and whether an active BAA joins the two organizations. Null/false otherwise.
 */
export type DetailRow = ItemRow & { client: ClientRow | null; consent: ConsentRow | null; clientConsents: ConsentRow[] | null; hasActiveBaa: boolean; following: boolean };
/** An open referral of the same client sharing a need (who holds it, never client details). */
export type DuplicateRow = { referralId: string; organizationName: string; contactName: string | null; status: string; sentAt: string | null; needs: string[] };
/** The detail plus the rest of what sending checks: the open duplicates and the receiving service's SLA targets. */
export type SendContext = DetailRow & { duplicates: DuplicateRow[]; ackSlaHours: number | null; firstContactSlaHours: number | null };
/** What creating or editing a draft checks: the author's contact details, the client (see orgIdsOnClientOf) and the service. */
export type DraftContext = {
  me: { name: string; email: string } | null;
  client: ClientRow | null;
  orgIdsOnClient: string[];
  service: { organizationId: string; ackSlaHours: number; firstContactSlaHours: number } | null;
};

/**
 * A row that json_agg(t) carried back into the shape drizzle returns for the table: JSON keys are
 * column names, and each value is decoded as its column decodes it (timestamps arrive as strings).
 */
const fromJsonRow = <T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] =>
  Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, col]) => [key, json[col.name] == null ? null : col.mapFromDriverValue(json[col.name])]));

const STALE = 'stale_version';
/** The error tandem_assert raised for a version check that matched no row (drizzle wraps the driver's error as `cause`). */
const isStaleAssertion = (e: unknown): boolean => {
  const err = e as { code?: string; message?: string; hint?: string; cause?: unknown } | null;
  if (!err) return false;
  if (err.code === 'P0001' && err.hint === 'tandem_assert' && err.message === STALE) return true;
  return err.cause !== undefined && isStaleAssertion(err.cause);
};

/** Only a draft with a receiver has a packet to check (a draft without one is missing the receiver first). */
const packetNeeded = sql`${referrals.status} = 'draft' and ${referrals.receivingOrgId} is not null`;

const detailCols = (reader: ReaderSql) => ({
  ...itemCols(reader),
  client: clients,
  consent: consents,
  clientConsents: sql<Record<string, unknown>[] | null>`case when ${packetNeeded} then (
    select coalesce(json_agg(c order by c.signed_at desc, c.id desc), '[]'::json) from ${consents} c where c.client_id = ${referrals.clientId}) end`,
  hasActiveBaa: sql<boolean>`case when ${packetNeeded} then ${activeBaaBetween(referrals.sendingOrgId, referrals.receivingOrgId)} else false end`,
  // Whether the reading person follows it (keys and nobody: false). One primary-key probe.
  following:
    reader?.kind === 'user'
      ? sql<boolean>`exists (select 1 from ${referralFollows} f where f.referral_id = ${referrals.id} and f.user_id = ${reader.id}::uuid)`
      : sql<boolean>`false`,
});

/**
 * Open referrals of the same client sharing a need with this draft, anywhere in the network,
 * oldest sent first (referrals_client_idx on (client_id, status)).
 * Inside, `referrals` is aliased `d`, so ${referrals.needs} and ${referrals.id} name the outer row.
 */
const duplicatesOfDraft = sql<DuplicateRow[]>`case when ${referrals.status} = 'draft' then (
  select coalesce(json_agg(json_build_object(
      'referralId', d.id, 'organizationName', o.name, 'contactName', coalesce(u.name, k.name), 'status', d.status, 'sentAt', d.sent_at,
      'needs', array(select unnest(d.needs) intersect select unnest(${referrals.needs}))
    ) order by d.sent_at), '[]'::json)
  from ${referrals} d
  join ${organizations} o on o.id = d.receiving_org_id
  left join ${users} u on u.id = d.assignee_user_id
  left join ${contacts} k on k.id = d.receiving_contact_id
  where d.client_id = ${referrals.clientId} and d.status in (${OPEN}) and d.needs && ${referrals.needs} and d.id <> ${referrals.id}) else '[]'::json end`;

/** One referral with the names, client and consent the detail shows (`fields` picks the columns; callers type the row). */
const selectDetail = (db: DbOrTx, id: string | Placeholder, fields: SelectedFields) =>
  db
    .select(fields)
    .from(referrals)
    .leftJoin(clients, eq(clients.id, referrals.clientId))
    .leftJoin(services, eq(services.id, referrals.receivingServiceId))
    .leftJoin(consents, eq(consents.id, referrals.consentId))
    .where(eq(referrals.id, id));

type RawConsents = { clientConsents: Record<string, unknown>[] | null };
const withConsents = <R extends RawConsents>(row: R): Omit<R, 'clientConsents'> & { clientConsents: ConsentRow[] | null } => ({
  ...row,
  clientConsents: row.clientConsents?.map((c) => fromJsonRow(consents, c)) ?? null,
});

/**
 * Organizations that see a client through its referrals: both organizations on a referral that
 * was sent. A referral never sent (draft, or cancelled as one) gives no one reach; its sender
 * had reach already to attach the client (clients/service reachOf).
 */
const orgIdsOnClientOf = (clientId: SQLWrapper) =>
  sql<string[]>`array(select distinct o::text from ${referrals} r cross join lateral unnest(array[r.sending_org_id, r.receiving_org_id]) o where r.client_id = ${clientId} and r.status <> 'draft' and r.sent_at is not null and o is not null)`;

/** Which referrals belong in a box for these organizations. One never sent is in no one's received box. */
const boxFilter = (box: ReferralDirection, orgIds: (string | Placeholder)[]) =>
  box === 'sent' ? inArray(referrals.sendingOrgId, orgIds) : and(inArray(referrals.receivingOrgId, orgIds), wasSentSql);

export interface ListFilter {
  box: ReferralDirection;
  orgIds: string[];
  status?: ReferralStatus;
  need?: string;
  overdue?: boolean;
  assignee?: string | 'none';
  /** Only referrals this user started (sending_user_id). */
  sentBy?: string;
  closed?: boolean;
  /** Only referrals that came back to this user (see returnedFor). */
  returnedTo?: string;
  /** Only referrals with messages this reader has not read. */
  unreadBy?: NonNullable<Reader>;
  q?: string;
  limit: number;
  /** Sync: changed at or after this instant, in (updated_at, id) order; `after` is then that keyset. */
  since?: string;
  /** urgency: by urgencyRank desc, then newest; `after` is then [rank, created_at, id]. */
  sort?: 'newest' | 'urgency';
  after?: [string, string] | [number, string, string];
}

/**
 * Messages as the thread shows them; readAt is the first time a reader other than the author
 * caught up past it: a person, or an organization other than the author's through its API key's
 * marker.
 */
const selectMessages = (db: DbOrTx) =>
  db
    .select({
      m: referralMessages,
      userName: users.name,
      keyName: apiKeys.name,
      orgName: organizations.name,
      readAt: sql<Date | null>`least(
        (select min(r.last_read_at) from ${referralReads} r where r.referral_id = ${referralMessages.referralId} and r.user_id is distinct from ${referralMessages.authorUserId} and r.last_read_at >= ${referralMessages.createdAt}),
        (select min(o.last_read_at) from ${referralOrgReads} o where o.referral_id = ${referralMessages.referralId} and o.organization_id <> ${referralMessages.authorOrgId} and o.last_read_at >= ${referralMessages.createdAt}))`,
      cursorAt: sql<string>`${referralMessages.createdAt}::text`,
    })
    .from(referralMessages)
    .leftJoin(users, eq(users.id, referralMessages.authorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, referralMessages.authorApiKeyId))
    .leftJoin(organizations, eq(organizations.id, referralMessages.authorOrgId));

export const referralsRepo = {
  one: async (db: DbOrTx, id: string): Promise<ReferralRow | undefined> =>
    (await reuse(db, 'referrals.one', () => db.select().from(referrals).where(eq(referrals.id, sql.placeholder('id'))).prepare('referrals_one')).execute({ id }))[0],
  /**
   * Everything the detail view reads, in one statement: the item, its client and its consent,
   * and for a draft its packet-check inputs.
   */
  detail: async (db: DbOrTx, id: string, reader: Reader): Promise<DetailRow | undefined> => {
    const kind = reader?.kind ?? 'none';
    const query = reuse(db, `referrals.detail:${kind}`, () => selectDetail(db, sql.placeholder('id'), detailCols(readerParam(reader))).prepare(`referrals_detail_${kind}`));
    const [row] = (await query.execute({ id, reader: reader?.id })) as (Omit<DetailRow, 'clientConsents'> & RawConsents)[];
    return row && withConsents(row);
  },
  /** Everything sending checks, with the detail it answers with, in one statement (see SendContext). */
  sendContext: async (db: DbOrTx, id: string, reader: Reader): Promise<SendContext | undefined> => {
    const kind = reader?.kind ?? 'none';
    const query = reuse(db, `referrals.sendContext:${kind}`, () => {
      const fields = { ...detailCols(readerParam(reader)), duplicates: duplicatesOfDraft, ackSlaHours: services.ackSlaHours, firstContactSlaHours: services.firstContactSlaHours };
      return selectDetail(db, sql.placeholder('id'), fields).prepare(`referrals_send_context_${kind}`);
    });
    const [row] = (await query.execute({ id, reader: reader?.id })) as (Omit<SendContext, 'clientConsents'> & RawConsents)[];
    return row && withConsents(row);
  },
  /**
   * The author's name and email, the client and the service a draft names, in one statement. The
   * organizations on the client's referrals are read only when none of `orgIds` registered it,
   * as clients/service reachOf needs them only then.
   */
  draftContext: async (db: DbOrTx, q: { userId: string | null; clientId: string | null; serviceId: string | null; orgIds: string[] }): Promise<DraftContext> => {
    if (!q.userId && !q.clientId && !q.serviceId) return { me: null, client: null, orgIdsOnClient: [], service: null };
    const shape = `${q.userId ? 'u' : ''}${q.clientId ? 'c' : ''}${q.serviceId ? 's' : ''}${q.orgIds.length}`;
    const query = reuse(db, `referrals.draftContext:${shape}`, () => {
      const p = sql.placeholder;
      return db
        .select({
          me: { name: users.name, email: users.email },
          client: clients,
          orgIdsOnClient: sql<string[]>`case when ${clients.id} is null or ${inArray(clients.createdByOrgId, q.orgIds.map((_, i) => p(`o${i}`)))} then '{}'::text[] else ${orgIdsOnClientOf(clients.id)} end`,
          service: { organizationId: services.organizationId, ackSlaHours: services.ackSlaHours, firstContactSlaHours: services.firstContactSlaHours },
        })
        .from(sql`(select) as draft_context`)
        .leftJoin(users, q.userId ? eq(users.id, p('user')) : sql`false`)
        .leftJoin(clients, q.clientId ? eq(clients.id, p('client')) : sql`false`)
        .leftJoin(services, q.serviceId ? eq(services.id, p('service')) : sql`false`)
        .prepare(`referrals_draft_context_${shape}`);
    });
    const values: Record<string, unknown> = { user: q.userId, client: q.clientId, service: q.serviceId };
    q.orgIds.forEach((o, i) => (values[`o${i}`] = o));
    const [row] = await query.execute(values);
    return row as DraftContext;
  },
  insert: async (db: DbOrTx, row: ReferralInsert): Promise<ReferralRow> => (await db.insert(referrals).values(row).returning())[0]!,

  /**
   * The only way a referral row changes: `where id = $1 and version = $2`, so of two concurrent
   * writers that read the same version exactly one matches; the other gets no row (stale).
   */
  updateVersioned: async (db: DbOrTx, id: string, version: number, set: Partial<ReferralInsert>): Promise<ReferralRow | undefined> =>
    (
      await db
        .update(referrals)
        .set({ ...set, version: sql`${referrals.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(referrals.id, id), eq(referrals.version, version)))
        .returning()
    )[0],

  /**
   * updateVersioned and the rows that record it (`writes`: event, outbox, notifications, audit) in
   * ONE statement and round trip, atomic without a transaction: the writes are WITH parts beside
   * the UPDATE, and when the version check matches no row, tandem_assert (migration 0007) raises,
   * which undoes the whole statement. Undefined when the version was stale, as updateVersioned.
   * The writes must not need the updated row: the caller knows it (the row it read, plus `set`).
   */
  updateVersionedWith: async (db: DbOrTx, id: string, version: number, set: Partial<ReferralInsert>, writes: WritePart[]): Promise<ReferralRow | undefined> => {
    const update = db
      .update(referrals)
      .set({ ...set, version: sql`${referrals.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(referrals.id, id), eq(referrals.version, version)))
      .returning();
    const more = writes.some(Boolean) ? sql`, ${withParts(writes)}` : sql``;
    try {
      const res = await db.execute<{ row: Record<string, unknown> }>(
        sql`with u as (${update.getSQL()})${more} select tandem_assert((select count(*) from u) = 1, ${STALE}) as ok, (select row_to_json(u) from u) as row`,
      );
      return fromJsonRow(referrals, res.rows[0]!.row);
    } catch (e) {
      if (isStaleAssertion(e)) return undefined;
      throw e;
    }
  },

  // The *Insert builders are not run here: callers send them with writeTogether (lib/batch.ts),
  // several in one round trip. They are synchronous so that returning one does not execute it.
  /** A new referral with its id chosen by the caller, so its event and audit rows can go in the same statement. */
  referralInsert: (db: DbOrTx, row: ReferralInsert & { id: string }) => db.insert(referrals).values(row),
  eventInsert: (db: DbOrTx, row: EventInsert) => db.insert(referralEvents).values(row),
  /**
   * A view on the timeline, at most one per person per referral every VIEW_WINDOW: re-reading
   * after each action (the app refetches the referral) would otherwise fill the timeline with
   * "opened" entries. Every read is still audited, one audit row each.
   */
  viewInsert: (referralId: string, userId: string | null, apiKeyId: string | null, orgId: string | null) =>
    sql`insert into ${referralViews} (referral_id, user_id, api_key_id, org_id)
      select ${referralId}::uuid, ${userId}::uuid, ${apiKeyId}::uuid, ${orgId}::uuid
      where not exists (select 1 from ${referralViews} v where v.referral_id = ${referralId}::uuid and v.user_id is not distinct from ${userId}::uuid
        and v.api_key_id is not distinct from ${apiKeyId}::uuid and v.org_id is not distinct from ${orgId}::uuid and v.at > now() - ${VIEW_WINDOW}::interval)`,
  outboxInsert: (db: DbOrTx, event: string, organizationIds: string[], payload: Record<string, unknown>) => db.insert(outbox).values({ event, organizationIds, payload }),

  /**
   * Who hears of a change to referral `r`, as rows (user_id, entity_id, title, data) for the
   * notifications module's Notifier (README "Who is notified"): on each side in `sides`, the
   * person holding it there — the sender (the sending user, else every member of the sending
   * organization when a key sent it) and the receiver (the assignee, else every member of the
   * receiving organization) — plus its followers who may still read it (members of an
   * organization on it, network admins), plus `also`; never the person acting. `data` gets the
   * client's initials, so the reader knows which referral without a name in the inbox.
   */
  notifyRows: (r: NotifyTarget, n: { sides: ReferralSide[]; followers: boolean; also?: string[]; actorUserId: string | null; title: string; data?: NotificationData }): SQL => {
    const members = (orgId: string) => sql`select m.user_id from ${memberships} m where m.organization_id = ${orgId}::uuid`;
    const one = (userId: string) => sql`select ${userId}::uuid as user_id`;
    const parties = [r.sendingOrgId, ...(n.sides.includes('receiver') && r.receivingOrgId ? [r.receivingOrgId] : [])];
    const who: SQL[] = [
      ...(n.sides.includes('sender') ? [r.sendingUserId ? one(r.sendingUserId) : members(r.sendingOrgId)] : []),
      ...(n.sides.includes('receiver') && r.receivingOrgId ? [r.assigneeUserId ? one(r.assigneeUserId) : members(r.receivingOrgId)] : []),
      ...(n.followers
        ? [
            sql`select f.user_id from ${referralFollows} f where f.referral_id = ${r.id}::uuid and exists (select 1 from ${memberships} fm where fm.user_id = f.user_id
              and (fm.organization_id in (${sql.join(parties.map((o) => sql`${o}::uuid`), sql`, `)}) or fm.role = 'network_admin'))`,
          ]
        : []),
      ...(n.also ?? []).map(one),
    ];
    if (!who.length) return sql`select null::uuid as user_id, null::uuid as entity_id, null::text as title, null::jsonb as data where false`;
    return sql`select distinct u.user_id, ${r.id}::uuid as entity_id, ${n.title}::text as title,
        jsonb_strip_nulls(jsonb_build_object('clientInitials', ${initialsOf(sql`${r.clientId}::uuid`)})) || ${JSON.stringify(n.data ?? {})}::jsonb as data
      from (${sql.join(who, sql` union `)}) u where u.user_id is distinct from ${n.actorUserId}::uuid`;
  },

  follow: (db: DbOrTx, referralId: string, userId: string) => db.insert(referralFollows).values({ referralId, userId }).onConflictDoNothing(),
  unfollow: (db: DbOrTx, referralId: string, userId: string) => db.delete(referralFollows).where(and(eq(referralFollows.referralId, referralId), eq(referralFollows.userId, userId))),

  userContact: async (db: DbOrTx, userId: string) => (await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)))[0],
  /** A member who can work a referral: a deactivated account is no assignee (issue 24). */
  isMember: async (db: DbOrTx, orgId: string, userId: string) =>
    (
      await db
        .select({ u: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId), eq(users.active, true)))
    ).length > 0,

  /**
   * One inbox page, in two statements so the plan cannot go wrong at any inbox size:
   * - the pick: the page's ids from `referrals` alone (plus `clients` for a name search), walking
   *   referrals_receiving_recent_idx (org, created_at desc, id desc), or
   *   referrals_receiving_inbox_idx (org, status, created_at desc, id desc) for a status tab, or
   *   the sending_* pair for the sent box, and stopping after limit + 1 rows. The keyset
   *   (created_at, id) < cursor continues the index scan instead of counting an offset. Sent
   *   unnamed, so planned with the values every time: its best plan turns on how big the box is
   *   (a generic plan sized for an average organization sorted a hub's 50,000 referrals: 55 ms
   *   instead of 1). One table keeps that planning cheap (~0.06 ms).
   * - the items: only those ids, joined to the names and unread counts by key, so a named
   *   statement whose generic plan is always right. Joining first let the planner hash-join and
   *   sort a whole inbox; planning the joined statement with the values (~1.4 ms to parse, ~2.3 ms
   *   to plan, ~0.7 ms to run) was most of what a page cost PostgreSQL.
   */
  page: async (db: DbOrTx, f: ListFilter, reader: Reader): Promise<ItemRow[]> => {
    const assignee = f.assignee === 'none' ? 'none' : f.assignee ? 'id' : '';
    // One statement per shape of filter, built once (reuse).
    const shape = [
      f.box,
      f.orgIds.length,
      f.status ? 's' : '',
      f.need ? 'n' : '',
      String(f.overdue),
      assignee,
      f.q ? 'q' : '',
      f.after ? 'a' : '',
      f.since ? 'since' : '',
      f.sentBy ? 'by' : '',
      String(f.closed),
      f.returnedTo ? 'returned' : '',
      f.unreadBy ? `unread-${f.unreadBy.kind}` : '',
      f.sort === 'urgency' ? 'urgency' : '',
    ].join(':');
    const byUrgency = f.sort === 'urgency' && !f.since;
    const pick = reuse(db, `referrals.page:${shape}`, () => {
      const p = sql.placeholder;
      let ids = db.select({ id: referrals.id }).from(referrals).$dynamic();
      if (f.q) ids = ids.innerJoin(clients, eq(clients.id, referrals.clientId));
      return ids
        .where(
          and(
            boxFilter(
              f.box,
              f.orgIds.map((_, i) => p(`o${i}`)),
            ),
            f.status ? eq(referrals.status, p('status')) : undefined,
            f.need ? sql`${referrals.needs} @> array[${p('need')}]::text[]` : undefined,
            f.overdue === true ? overdueNow : f.overdue === false ? sql`not ${overdueNow}` : undefined,
            assignee === 'none'
              ? sql`${referrals.assigneeUserId} is null`
              : assignee === 'id'
                ? eq(referrals.assigneeUserId, p('assignee'))
                : undefined,
            f.q ? sql`lower(${clients.givenName} || ' ' || ${clients.familyName}) like ${p('q')}` : undefined,
            f.sentBy ? eq(referrals.sendingUserId, p('sender')) : undefined,
            f.closed === true ? sql`${referrals.status} in (${TERMINAL})` : f.closed === false ? sql`${referrals.status} not in (${TERMINAL})` : undefined,
            f.returnedTo ? returnedFor(p('returnedTo')) : undefined,
            f.unreadBy ? sql`${unreadFor({ kind: f.unreadBy.kind, id: p('unreadBy') })} > 0` : undefined,
            f.since ? sql`${referrals.updatedAt} >= ${p('since')}::timestamptz` : undefined,
            f.after && f.since ? sql`(${referrals.updatedAt}, ${referrals.id}) > (${p('afterAt')}::timestamptz, ${p('afterId')}::uuid)` : undefined,
            f.after && !f.since && !byUrgency ? sql`(${referrals.createdAt}, ${referrals.id}) < (${p('afterAt')}::timestamptz, ${p('afterId')}::uuid)` : undefined,
            f.after && byUrgency
              ? sql`(${urgencyRankSql}, ${referrals.createdAt}, ${referrals.id}) < (${p('afterRank')}::int, ${p('afterAt')}::timestamptz, ${p('afterId')}::uuid)`
              : undefined,
          ),
        )
        .orderBy(
          ...(f.since
            ? [asc(referrals.updatedAt), asc(referrals.id)]
            : byUrgency
              ? [sql`${urgencyRankSql} desc`, desc(referrals.createdAt), desc(referrals.id)]
              : [desc(referrals.createdAt), desc(referrals.id)]),
        )
        .limit(p('limit'))
        .prepare('');
    });
    const values: Record<string, unknown> = {
      status: f.status,
      need: f.need,
      assignee: f.assignee,
      sender: f.sentBy,
      unreadBy: f.unreadBy?.id,
      returnedTo: f.returnedTo,
      ...(f.after?.length === 3 ? { afterRank: f.after[0], afterAt: f.after[1], afterId: f.after[2] } : { afterAt: f.after?.[0], afterId: f.after?.[1] }),
      since: f.since,
      limit: f.limit + 1,
    };
    if (f.q) values.q = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    f.orgIds.forEach((o, i) => (values[`o${i}`] = o));
    const ids = ((await pick.execute(values)) as { id: string }[]).map((r) => r.id);
    if (ids.length === 0) return [];
    const kind = reader?.kind ?? 'none';
    const items = reuse(db, `referrals.items:${kind}`, () =>
      db
        .select(itemCols(readerParam(reader)))
        .from(referrals)
        .where(sql`${referrals.id} = any(${sql.placeholder('ids')}::uuid[])`)
        .orderBy(desc(referrals.createdAt), desc(referrals.id))
        .prepare(`referrals_items_${kind}`),
    );
    // In the pick's order (newest first, or oldest change first for a sync).
    const byId = new Map(((await items.execute({ ids, reader: reader?.id })) as unknown as ItemRow[]).map((r) => [r.r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  },

  /**
   * Per-status counts of a box in one aggregate over the inbox index, and the unread messages
   * counted from the messages side (far fewer rows than the box) instead of a subquery per referral.
   */
  counts: async (db: DbOrTx, box: ReferralDirection, orgIds: string[], reader: Reader) => {
    const [rows, unread] = await Promise.all([
      // Per status, and within it per closure reason, outcome and loop closed, for the loop-closure rollup.
      db
        .select({
          status: referrals.status,
          statusReason: referrals.statusReason,
          outcome: referrals.outcome,
          loopClosed: sql<boolean>`(${referrals.loopClosedAt} is not null)`,
          n: sql<number>`count(*)::int`,
          overdue: sql<number>`(count(*) filter (where ${overdueNow}))::int`,
        })
        .from(referrals)
        .where(boxFilter(box, orgIds))
        .groupBy(referrals.status, referrals.statusReason, referrals.outcome, sql`(${referrals.loopClosedAt} is not null)`),
      reader?.kind === 'user'
        ? db.execute<{ n: number }>(sql`select count(*)::int as n from ${referralMessages} m
            join ${referrals} on ${referrals.id} = m.referral_id
            left join ${referralReads} rd on rd.referral_id = m.referral_id and rd.user_id = ${reader.id}::uuid
            where ${boxFilter(box, orgIds)} and m.author_user_id is distinct from ${reader.id}::uuid and m.created_at > coalesce(rd.last_read_at, '-infinity')`)
        : reader?.kind === 'org'
          ? db.execute<{ n: number }>(sql`select count(*)::int as n from ${referralMessages} m
            join ${referrals} on ${referrals.id} = m.referral_id
            left join ${referralOrgReads} rd on rd.referral_id = m.referral_id and rd.organization_id = ${reader.id}::uuid
            where ${boxFilter(box, orgIds)} and m.author_org_id is distinct from ${reader.id}::uuid and m.created_at > coalesce(rd.last_read_at, '-infinity')`)
          : Promise.resolve({ rows: [{ n: 0 }] }),
    ]);
    return { rows, unread: unread.rows[0]?.n ?? 0 };
  },

  /**
   * The home worklist of one user in one aggregate (ReferralWorklist): each count is the filter
   * page() applies for the inbox query WORKLIST_FILTERS names, so the numbers and lists agree.
   */
  worklist: async (db: DbOrTx, orgIds: string[], userId: string) => {
    const mine = and(inArray(referrals.sendingOrgId, orgIds), eq(referrals.sendingUserId, userId))!;
    const ours = boxFilter('received', orgIds)!;
    const unread = sql`${unreadFor({ kind: 'user', id: userId })} > 0`;
    const n = (inBox: SQL, where: SQL) => sql<number>`(count(*) filter (where ${inBox} and ${where}))::int`;
    const [row] = await db
      .select({
        drafts: n(mine, sql`${referrals.status} = 'draft'`),
        returned: n(mine, returnedFor(userId)),
        sentOverdue: n(mine, overdueNow),
        sentUnread: n(mine, unread),
        toAcknowledge: n(ours, sql`${referrals.status} = 'sent'`),
        assignedToMe: n(ours, sql`${referrals.assigneeUserId} = ${userId}::uuid and ${referrals.status} not in (${TERMINAL})`),
        receivedOverdue: n(ours, overdueNow),
        receivedUnread: n(ours, unread),
      })
      .from(referrals)
      .where(or(mine, ours));
    return row!;
  },

  /** Organizations that see a client through its referrals (see orgIdsOnClientOf: only sent ones count). */
  orgIdsOnClient: async (db: DbOrTx, clientId: string) =>
    (await db.execute<{ ids: string[] }>(sql`select ${orgIdsOnClientOf(sql`${clientId}::uuid`)} as ids`)).rows[0]!.ids,
  orgIdsOnClientSql: (clientId: SQLWrapper): SQL<string[]> => orgIdsOnClientOf(clientId),
  clientIdsOfOrgs: (orgIds: string[]): SQL =>
    sql`(select ${referrals.clientId} from ${referrals} where ${referrals.clientId} is not null and ${wasSentSql} and (${inArray(referrals.sendingOrgId, orgIds)} or ${inArray(referrals.receivingOrgId, orgIds)}))`,
  /**
   * The client record's referral list (ReferralLinks.referralsOfClient): what each viewer may open,
   * as GET /referrals/{id} decides — the sender (drafts too), the receiver once sent, a network
   * admin once sent. Served by referrals_client_idx.
   */
  referralsOfClient: async (db: DbOrTx, q: { clientId: string; orgIds: string[]; everywhere: boolean; limit: number; after?: [string, string] }) => {
    const sees = or(
      q.orgIds.length ? inArray(referrals.sendingOrgId, q.orgIds) : undefined,
      q.orgIds.length ? and(inArray(referrals.receivingOrgId, q.orgIds), wasSentSql) : undefined,
      q.everywhere ? wasSentSql : undefined,
    );
    return db
      .select({
        id: referrals.id,
        status: referrals.status,
        needs: referrals.needs,
        sendingOrgId: referrals.sendingOrgId,
        receivingOrgId: referrals.receivingOrgId,
        sendingOrganizationName: sql<string>`(select o.name from ${organizations} o where o.id = ${outer(referrals.sendingOrgId)})`,
        receivingOrganizationName: sql<string | null>`(select o.name from ${organizations} o where o.id = ${outer(referrals.receivingOrgId)})`,
        receivingServiceName: sql<string | null>`(select s.name from ${services} s where s.id = ${outer(referrals.receivingServiceId)})`,
        createdAt: referrals.createdAt,
        sentAt: referrals.sentAt,
        closedAt: referrals.closedAt,
        cursorAt: sql<string>`${referrals.createdAt}::text`,
      })
      .from(referrals)
      .where(
        and(
          eq(referrals.clientId, q.clientId),
          sees ?? sql`false`,
          q.after ? sql`(${referrals.createdAt}, ${referrals.id}) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(q.limit + 1);
  },

  /** Every referral linked to this one by forwarding, oldest first. */
  async chain(db: DbOrTx, id: string): Promise<{ id: string; forwardedFromId: string | null }[]> {
    const res = await db.execute<{ id: string; forwarded_from_id: string | null }>(sql`
      with recursive up as (
        select id, forwarded_from_id, 0 as depth from ${referrals} where id = ${id}::uuid
        union all select r.id, r.forwarded_from_id, up.depth + 1 from ${referrals} r join up on r.id = up.forwarded_from_id where up.depth < 50
      ), root as (select id from up order by depth desc limit 1),
      down as (
        select r.id, r.forwarded_from_id, r.created_at, 0 as depth from ${referrals} r join root on r.id = root.id
        union all select r.id, r.forwarded_from_id, r.created_at, down.depth + 1 from ${referrals} r join down on r.forwarded_from_id = down.id where down.depth < 50
      ) select id, forwarded_from_id from down order by depth, created_at`);
    return res.rows.map((r) => ({ id: r.id, forwardedFromId: r.forwarded_from_id }));
  },

  // ---- Messages and read state ------------------------------------------------------------------

  insertMessage: async (db: DbOrTx, row: typeof referralMessages.$inferInsert) => (await db.insert(referralMessages).values(row).returning())[0]!,
  /**
   * A new message is a change to its referral for a sync (docs/sync.md): updated_at moves, the
   * version does not, so the other side's If-Match on a status change still holds.
   */
  touch: (referralId: string) => sql`update ${referrals} set updated_at = now() where id = ${referralId}::uuid`,
  /**
   * insertMessage and the rows that record it (`writes`: notifications, audit) in ONE statement,
   * atomic without a transaction (as updateVersionedWith). The writes must not need the message row.
   */
  insertMessageWith: async (db: DbOrTx, row: typeof referralMessages.$inferInsert, writes: WritePart[]) => {
    const insert = db.insert(referralMessages).values(row).returning();
    const more = writes.some(Boolean) ? sql`, ${withParts(writes)}` : sql``;
    const res = await db.execute<{ row: Record<string, unknown> }>(sql`with m as (${insert.getSQL()})${more} select row_to_json(m) as row from m`);
    return fromJsonRow(referralMessages, res.rows[0]!.row);
  },
  /** The names a message or timeline entry shows for who acted: the person or the API key, and the organization. */
  actorNames: async (db: DbOrTx, who: { userId: string | null; apiKeyId: string | null; orgId: string | null }) =>
    (
      await db.execute<{ user_name: string | null; key_name: string | null; org_name: string | null }>(sql`select
        (select name from ${users} where id = ${who.userId}::uuid) as user_name,
        (select name from ${apiKeys} where id = ${who.apiKeyId}::uuid) as key_name,
        (select name from ${organizations} where id = ${who.orgId}::uuid) as org_name`)
    ).rows[0]!,
  /** Oldest first (selectMessages). */
  messages: async (db: DbOrTx, referralId: string, limit: number, after?: [string, string], since?: string) =>
    selectMessages(db)
      .where(
        and(
          eq(referralMessages.referralId, referralId),
          since ? sql`${referralMessages.createdAt} >= ${since}::timestamptz` : undefined,
          after ? sql`(${referralMessages.createdAt}, ${referralMessages.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(referralMessages.createdAt), asc(referralMessages.id))
      .limit(limit + 1),
  /** One message of this referral, as the thread shows it (undefined: none, or one of another referral). */
  message: async (db: DbOrTx, referralId: string, id: string) =>
    (await selectMessages(db).where(and(eq(referralMessages.referralId, referralId), eq(referralMessages.id, id))))[0],
  markRead: async (db: DbOrTx, referralId: string, userId: string) =>
    (
      await db
        .insert(referralReads)
        .values({ referralId, userId })
        .onConflictDoUpdate({ target: [referralReads.referralId, referralReads.userId], set: { lastReadAt: sql`now()` } })
        .returning()
    )[0]!,
  /** The organization's marker (an API key marked the thread read for it); a person's read state is untouched. */
  markOrgRead: async (db: DbOrTx, referralId: string, organizationId: string, apiKeyId: string) =>
    (
      await db
        .insert(referralOrgReads)
        .values({ referralId, organizationId, apiKeyId })
        .onConflictDoUpdate({ target: [referralOrgReads.referralId, referralOrgReads.organizationId], set: { lastReadAt: sql`now()`, apiKeyId } })
        .returning()
    )[0]!,

  /** Events, messages and views of one referral merged in time order (one query). */
  async timeline(db: DbOrTx, referralId: string) {
    const res = await db.execute<TimelineRow>(sql`
      select t.*, u.name as actor_name, k.name as actor_key_name, o.name as actor_org_name from (
        select 'event' as kind, e.id, e.at, e.actor_user_id, e.actor_api_key_id, e.actor_org_id, e.kind as event_type, e.from_status, e.to_status, e.reason, e.note, null::text as body,
               case when e.kind = 'assigned' then (select a.name from ${users} a where a.id = (e.data->>'to')::uuid) end as assignee_name,
               e.data->>'outcome' as outcome,
               case when e.kind = 'first_contact' then e.data end as first_contact
          from ${referralEvents} e where e.referral_id = ${referralId}::uuid
        union all
        select 'message', m.id, m.created_at, m.author_user_id, m.author_api_key_id, m.author_org_id, null, null, null, null, null, m.body, null, null, null
          from ${referralMessages} m where m.referral_id = ${referralId}::uuid
        union all
        select 'view', v.id, v.at, v.user_id, v.api_key_id, v.org_id, null, null, null, null, null, null, null, null, null
          from ${referralViews} v where v.referral_id = ${referralId}::uuid
      ) t
      left join ${users} u on u.id = t.actor_user_id
      left join ${apiKeys} k on k.id = t.actor_api_key_id
      left join ${organizations} o on o.id = t.actor_org_id
      order by t.at, case t.kind when 'event' then 0 when 'message' then 1 else 2 end, t.id`);
    return res.rows;
  },

  // ---- Notifications ------------------------------------------------------------------------------

  /**
   * The overdue sweep, one statement: picks up to SWEEP_BATCH open referrals whose acknowledgement
   * or first contact is late and not yet notified (referrals_ack_overdue_idx /
   * referrals_contact_overdue_idx), marks the late steps, and notifies both sides once per step —
   * on the receiving side the assignee, else every member; on the sending side the person who
   * sent it, else every member. `for update skip locked`: sweeps in several API processes share
   * the work and never notify twice. Returns how many referrals it marked (SWEEP_BATCH: call again).
   */
  async sweepOverdue(db: DbOrTx, notifier: Notifier): Promise<{ referrals: number; notifications: number }> {
    const late = (done: string, due: string, marker: string) => sql.raw(`(r.${done} is null and r.${marker} is null and r.${due} < now())`);
    const ackLate = late('acknowledged_at', 'acknowledge_due_at', 'ack_overdue_notified_at');
    const contactLate = late('first_contact_at', 'first_contact_due_at', 'contact_overdue_notified_at');
    const res = await db.execute<{ referrals: number; notifications: number }>(sql`
      with pick as (
        select r.id, ${ackLate} as ack_late, ${contactLate} as contact_late from ${referrals} r
        where r.status in (${OPEN}) and (${ackLate} or ${contactLate})
        limit ${SWEEP_BATCH} for update skip locked
      ),
      due as (
        update ${referrals} u set
          ack_overdue_notified_at = case when pick.ack_late then now() else u.ack_overdue_notified_at end,
          contact_overdue_notified_at = case when pick.contact_late then now() else u.contact_overdue_notified_at end
        from pick where u.id = pick.id
        returning u.id, u.client_id, u.sending_org_id, u.sending_user_id, u.receiving_org_id, u.assignee_user_id, u.version, pick.ack_late, pick.contact_late
      ),
      steps as (
        select id, client_id, sending_org_id, sending_user_id, receiving_org_id, assignee_user_id, 'Acknowledgement overdue' as title, 'acknowledge' as step from due where ack_late
        union all
        select id, client_id, sending_org_id, sending_user_id, receiving_org_id, assignee_user_id, 'First contact overdue', 'first_contact' from due where contact_late
      ),
      -- Titles carry no client detail: the step and the organization at the other end (also as
      -- data with the client's initials, so clients word it in the reader's language).
      recipients as (
        select s.id, s.title || ' · from ' || o.name as title, coalesce(s.assignee_user_id, m.user_id) as user_id,
               jsonb_strip_nulls(jsonb_build_object('step', s.step, 'side', 'receiver', 'organizationName', o.name, 'clientInitials', ${initialsOf(sql`s.client_id`)})) as data
          from steps s join ${organizations} o on o.id = s.sending_org_id
          left join ${memberships} m on s.assignee_user_id is null and m.organization_id = s.receiving_org_id
        union
        select s.id, s.title || ' · at ' || o.name, coalesce(s.sending_user_id, m.user_id),
               jsonb_strip_nulls(jsonb_build_object('step', s.step, 'side', 'sender', 'organizationName', o.name, 'clientInitials', ${initialsOf(sql`s.client_id`)}))
          from steps s join ${organizations} o on o.id = s.receiving_org_id
          left join ${memberships} m on s.sending_user_id is null and m.organization_id = s.sending_org_id
      ),
      ins as (
        ${notifier.insert('referral.overdue', 'referral', sql`select user_id, id as entity_id, title, data from recipients`)}
        returning 1
      ),
      -- The webhook event of each late step, for both organizations (ids, step and version only).
      events as (
        insert into ${outbox} (event, organization_ids, payload)
        select 'referral.overdue', array[s.sending_org_id, s.receiving_org_id],
               jsonb_build_object('referralId', s.id, 'step', s.step, 'version', d.version, 'at', now())
          from steps s join due d on d.id = s.id
        returning 1
      )
      select (select count(*)::int from due) as referrals, (select count(*)::int from ins) as notifications`);
    return res.rows[0] ?? { referrals: 0, notifications: 0 };
  },
};
