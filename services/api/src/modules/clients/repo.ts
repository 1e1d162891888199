import { and, asc, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { clients, consents } = schema;

export type ClientRow = typeof clients.$inferSelect;
export type ClientInsert = typeof clients.$inferInsert;
export type ConsentRow = typeof consents.$inferSelect;

/**
 * What the clients module needs to know about referrals, supplied by the referrals module at
 * wiring time so this repo never reads the referrals table itself.
 */
export interface ReferralLinks {
  /** Subquery of client ids on referrals these organizations sent or received, counting only referrals that were sent. */
  clientIdsOfOrgs: (orgIds: string[]) => SQL;
  /** Organizations that may see this client because of its referrals. */
  orgIdsOnClient: (db: DbOrTx, clientId: string) => Promise<string[]>;
  /** The same, as a scalar subquery on a client id column (text[]). */
  orgIdsOnClientSql: (clientId: SQLWrapper) => SQL<string[]>;
  /**
   * The client's referrals a viewer may see, newest first (keyset on createdAt, id): those one of
   * `orgIds` sent (drafts included) or received once sent; with `everywhere` (a network admin)
   * every sent one too. Never another organization's draft.
   */
  referralsOfClient: (db: DbOrTx, q: { clientId: string; orgIds: string[]; everywhere: boolean; limit: number; after?: [string, string] }) => Promise<ClientReferralRow[]>;
}

/** A referral as the client record lists it (names resolved by the referrals module). */
export type ClientReferralRow = {
  id: string;
  status: string;
  needs: string[];
  sendingOrgId: string;
  sendingOrganizationName: string;
  receivingOrgId: string | null;
  receivingOrganizationName: string | null;
  receivingServiceName: string | null;
  createdAt: Date;
  sentAt: Date | null;
  closedAt: Date | null;
  /** createdAt at full precision (microseconds), for the cursor. */
  cursorAt: string;
};

export interface SearchTerms {
  names: string[];
  dateOfBirth: string | null;
  phoneDigits: string | null;
}

/** Full name folded for matching: lower case, accents removed ("María López" = "maria lopez"). */
const foldedName = sql`unaccent(lower(${clients.givenName} || ' ' || ${clients.familyName}))`;

/**
 * Search keys: exactly the expressions of clients_name_key_idx and clients_phone_key_idx (migration
 * 0022 defines the functions), so a LIKE on them is a trigram index scan.
 */
const nameKey = sql`tandem_name_key(${clients.givenName} || ' ' || coalesce(${clients.middleName}, '') || ' ' || ${clients.familyName} || ' ' || coalesce(${clients.preferredName}, ''))`;
const phoneKey = sql`tandem_phone_key(${clients.phones})`;
/** Sort key of a search: family name, then given name, folded. */
const sortKey = sql<string>`tandem_name_key(${clients.familyName} || ' ' || ${clients.givenName})`;
/** A word typed starts a word of the name: ' garc' inside ' maria garcia'. The key has no % or _. */
const startsAWord = (word: string) => sql`${nameKey} like '%' || tandem_name_key(${word}) || '%'`;

export const clientsRepo = {
  one: async (db: DbOrTx, id: string): Promise<ClientRow | undefined> => (await db.select().from(clients).where(eq(clients.id, id)))[0],
  insert: async (db: DbOrTx, row: ClientInsert): Promise<ClientRow> => (await db.insert(clients).values(row).returning())[0]!,
  /** Optimistic update: no row when the version moved on (or the client is gone). */
  update: async (db: DbOrTx, id: string, version: number, set: Partial<ClientInsert>): Promise<ClientRow | undefined> =>
    (
      await db
        .update(clients)
        .set({ ...set, version: sql`${clients.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(clients.id, id), eq(clients.version, version)))
        .returning()
    )[0],

  /**
   * Likely same person among clients in the caller's reach: registered by one of `orgIds`, or on
   * a sent referral of one of them (ReferralLinks), or any client when `everywhere` (a network
   * admin). With a date of birth the equality on clients_dob_idx narrows to a handful of rows,
   * which are then scored by trigram similarity of the unaccented full name; `excludeId` leaves
   * out the record just created. Each row carries what clients/service reachOf decides on (the
   * registering organization, and the organizations on its referrals unless one of `orgIds`
   * registered it), so the caller applies the very rule of GET /clients/{id} and audits each row
   * for the organization it was reached through.
   */
  async matches(db: DbOrTx, opts: { name: string; dateOfBirth?: string | null; orgIds: string[]; everywhere: boolean; links: ReferralLinks; excludeId?: string; limit?: number }) {
    const score = sql<number>`similarity(${foldedName}, unaccent(lower(${opts.name})))`;
    const mine = inArray(clients.createdByOrgId, opts.orgIds);
    const reach = opts.everywhere ? undefined : or(mine, inArray(clients.id, opts.links.clientIdsOfOrgs(opts.orgIds)));
    return db
      .select({
        id: clients.id,
        givenName: clients.givenName,
        familyName: clients.familyName,
        dateOfBirth: clients.dateOfBirth,
        createdByOrgId: clients.createdByOrgId,
        orgIdsOnClient: sql<string[]>`case when ${mine} then '{}'::text[] else ${opts.links.orgIdsOnClientSql(clients.id)} end`,
        score,
      })
      .from(clients)
      .where(
        and(
          reach,
          opts.dateOfBirth ? eq(clients.dateOfBirth, opts.dateOfBirth) : undefined,
          opts.excludeId ? sql`${clients.id} <> ${opts.excludeId}` : undefined,
          sql`${score} >= 0.4`,
        ),
      )
      .orderBy(desc(score), clients.id)
      .limit(opts.limit ?? 10);
  },

  /**
   * Client search among clients in the caller's reach (the same reach as `matches`): every name
   * word starts a word of the name, the date of birth is equal, the phone digits appear in one of
   * the phones. Keyset-paginated on (sortKey, id); rows carry what reachOf decides on. Returns the
   * query (await it; tests read its plan through toSQL()).
   */
  search(db: DbOrTx, opts: { terms: SearchTerms; orgIds: string[]; everywhere: boolean; links: ReferralLinks; limit: number; after?: [string, string] }) {
    const mine = inArray(clients.createdByOrgId, opts.orgIds);
    const reach = opts.everywhere ? undefined : or(mine, inArray(clients.id, opts.links.clientIdsOfOrgs(opts.orgIds)));
    const { names, dateOfBirth, phoneDigits } = opts.terms;
    return db
      .select({
        id: clients.id,
        givenName: clients.givenName,
        familyName: clients.familyName,
        preferredName: clients.preferredName,
        dateOfBirth: clients.dateOfBirth,
        phones: clients.phones,
        createdByOrgId: clients.createdByOrgId,
        orgIdsOnClient: sql<string[]>`case when ${mine} then '{}'::text[] else ${opts.links.orgIdsOnClientSql(clients.id)} end`,
        sortKey,
      })
      .from(clients)
      .where(
        and(
          reach,
          ...names.map(startsAWord),
          dateOfBirth ? eq(clients.dateOfBirth, dateOfBirth) : undefined,
          phoneDigits ? sql`${phoneKey} like ${`%${phoneDigits}%`}` : undefined,
          opts.after ? sql`(${sortKey}, ${clients.id}) > (${opts.after[0]}, ${opts.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(sortKey), asc(clients.id))
      .limit(opts.limit + 1);
  },

  consent: async (db: DbOrTx, id: string): Promise<ConsentRow | undefined> => (await db.select().from(consents).where(eq(consents.id, id)))[0],
  consentsOf: async (db: DbOrTx, clientId: string) => db.select().from(consents).where(eq(consents.clientId, clientId)).orderBy(desc(consents.signedAt), desc(consents.id)),
  insertConsent: async (db: DbOrTx, row: typeof consents.$inferInsert): Promise<ConsentRow> => (await db.insert(consents).values(row).returning())[0]!,
  /** Revokes once: a second revocation finds no row. */
  revokeConsent: async (db: DbOrTx, id: string, by: string | null, reason: string | null): Promise<ConsentRow | undefined> =>
    (
      await db
        .update(consents)
        .set({ revokedAt: sql`now()`, revokedByUserId: by, revocationReason: reason })
        .where(and(eq(consents.id, id), sql`${consents.revokedAt} is null`))
        .returning()
    )[0],
};
