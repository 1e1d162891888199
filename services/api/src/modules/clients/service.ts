import type { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import {
  consentLanguageFor,
  parseClientSearch,
  type ClientSearchResult,
  type ClientMatch,
  type CreateClientBodySchema,
  type CreateConsentBodySchema,
  type UpdateClientBodySchema,
} from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { actingOrgIds, isNetworkAdmin, type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { auditInsert, diffFields, recordAudit } from '../../lib/audit';
import { writeTogether } from '../../lib/batch';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { reachOf, registeredByActor } from './access';
import { iso, toClient, toClientReferral, toConsent } from './mappers';
import { clientsRepo, type ClientRow, type ReferralLinks } from './repo';

type CreateInput = z.output<typeof CreateClientBodySchema>;
type UpdateInput = z.output<typeof UpdateClientBodySchema>;
type ConsentInput = z.output<typeof CreateConsentBodySchema>;

/** The organization an actor registers clients for: a user with several must be explicit elsewhere. */
const homeOrg = (a: Actor) => actingOrgIds(a)[0];

const clientFields = (b: Partial<CreateInput>) => {
  const out: Partial<ClientRow> = {};
  for (const k of ['givenName', 'middleName', 'familyName', 'preferredName', 'dateOfBirth', 'phones', 'email', 'preferredLanguage', 'preferredContactMethod', 'preferredContactTimes', 'pronouns', 'safeContactNotes'] as const) {
    if (b[k] !== undefined) (out as Record<string, unknown>)[k] = b[k];
  }
  if (b.address !== undefined) out.address = b.address ?? null;
  return out;
};

export const createClientsService = ({ db, links }: { db: Db; links: ReferralLinks }) => {
  /** Loads a client the actor may see, or 404 exactly like a random id (ARCHITECTURE §4). */
  const visible = async (tx: DbOrTx, actor: Actor, id: string) => {
    const row = await clientsRepo.one(tx, id);
    const reach = row ? reachOf(actor, row, registeredByActor(actor, row) ? [] : await links.orgIdsOnClient(tx, row.id)) : null;
    if (!row || !reach?.ok) throw notFound('client');
    return { row, orgId: reach.orgId };
  };

  /**
   * Likely matches among the clients the caller may already read (reachOf, the rule of GET
   * /clients/{id}), each shown one audited as `client.match` in the caller's transaction: a match
   * is a read of a name and date of birth (PHI).
   */
  const matches = async (tx: DbOrTx, ctx: Ctx, name: string, dateOfBirth: string | null | undefined, excludeId?: string): Promise<ClientMatch[]> => {
    const { actor } = ctx;
    const rows = await clientsRepo.matches(tx, { name, dateOfBirth, orgIds: actingOrgIds(actor), everywhere: isNetworkAdmin(actor), links, excludeId });
    const shown = rows.flatMap((r) => {
      const reach = reachOf(actor, r, r.orgIdsOnClient);
      return reach.ok ? [{ r, orgId: reach.orgId }] : [];
    });
    await writeTogether(
      tx,
      shown.map(({ r, orgId }) => auditInsert(tx, ctx, { action: 'client.match', entityType: 'client', entityId: r.id, organizationId: orgId, read: true })),
    );
    return shown.map(({ r }) => ({ id: r.id, name: `${r.givenName} ${r.familyName}`, dateOfBirth: r.dateOfBirth, score: Math.min(1, Number(r.score)) }));
  };

  return {
    matches: (ctx: Ctx, q: { name: string; dateOfBirth?: string }) => db.transaction((tx) => matches(tx, ctx, q.name, q.dateOfBirth)),

    /**
     * Client search (partial name, date of birth, phone) among the clients the caller may already
     * read — the rule of GET /clients/{id}, applied again to each row with reachOf — each result
     * audited as a `client.search` read for the organization it was reached through.
     */
    async search(ctx: Ctx, q: { q: string; limit: number; cursor?: string | undefined }): Promise<{ data: ClientSearchResult[]; nextCursor: string | null }> {
      const terms = parseClientSearch(q.q);
      if (!terms) return { data: [], nextCursor: null }; // the query schema refuses this first
      const after = decodeCursor(q.cursor, KeyCursor);
      const { actor } = ctx;
      return db.transaction(async (tx) => {
        const rows = await clientsRepo.search(tx, { terms, orgIds: actingOrgIds(actor), everywhere: isNetworkAdmin(actor), links, limit: q.limit, after });
        const page = toPage(rows, q.limit, (r) => [r.sortKey, r.id]);
        const shown = page.data.flatMap((r) => {
          const reach = reachOf(actor, r, r.orgIdsOnClient);
          return reach.ok ? [{ r, orgId: reach.orgId }] : [];
        });
        await writeTogether(
          tx,
          shown.map(({ r, orgId }) => auditInsert(tx, ctx, { action: 'client.search', entityType: 'client', entityId: r.id, organizationId: orgId, read: true })),
        );
        return {
          data: shown.map(({ r }) => ({ id: r.id, givenName: r.givenName, familyName: r.familyName, preferredName: r.preferredName, dateOfBirth: r.dateOfBirth, phones: r.phones })),
          nextCursor: page.nextCursor,
        };
      });
    },

    /** The client's referrals the caller may open (ReferralLinks decides which), one audited read. */
    async referrals(ctx: Ctx, id: string, q: { limit: number; cursor?: string | undefined }) {
      const after = decodeCursor(q.cursor, KeyCursor);
      return db.transaction(async (tx) => {
        const { orgId } = await visible(tx, ctx.actor, id);
        const rows = await links.referralsOfClient(tx, { clientId: id, orgIds: actingOrgIds(ctx.actor), everywhere: isNetworkAdmin(ctx.actor), limit: q.limit, after });
        await recordAudit(tx, ctx, { action: 'client.referrals.read', entityType: 'client', entityId: id, organizationId: orgId });
        const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.id]);
        return { data: page.data.map(toClientReferral), nextCursor: page.nextCursor };
      });
    },

    async create(ctx: Ctx, input: CreateInput) {
      const org = homeOrg(ctx.actor);
      if (!org) throw new AppError('forbidden', 'Clients are registered by a member of an organization.');
      return db.transaction(async (tx) => {
        const row = await clientsRepo.insert(tx, { ...(clientFields(input) as ClientRow), createdByOrgId: org, createdByUserId: userIdOf(ctx.actor) });
        await recordAudit(tx, ctx, { action: 'client.create', entityType: 'client', entityId: row.id, organizationId: org });
        const found = input.dateOfBirth ? await matches(tx, ctx, `${input.givenName} ${input.familyName}`, input.dateOfBirth, row.id) : [];
        return { client: toClient(row), matches: found };
      });
    },

    /** Every read of a client is audited, in the same transaction as the read. */
    // The read, then its audit row, without BEGIN/COMMIT (two of four round trips): the row is
    // answered only once its audit row is written, and a transaction adds nothing to a read.
    async get(ctx: Ctx, id: string) {
      const { row, orgId } = await visible(db, ctx.actor, id);
      await recordAudit(db, ctx, { action: 'client.read', entityType: 'client', entityId: id, organizationId: orgId });
      return toClient(row);
    },

    async update(ctx: Ctx, id: string, expected: number | undefined, input: UpdateInput) {
      return db.transaction(async (tx) => {
        const { row, orgId } = await visible(tx, ctx.actor, id);
        assertVersion(row.version, expected);
        const set = clientFields(input);
        const changed = Object.keys(diffFields(row as unknown as Record<string, unknown>, set, Object.keys(set)));
        // Nothing changes: no write, no new version, no audit row.
        if (!changed.length) return toClient(row);
        const next = await clientsRepo.update(tx, id, row.version, set);
        if (!next) throw new AppError('stale_version', 'The client changed since you read it. Reload and try again.');
        // Field names only: the audit trail must not become a second copy of the PHI.
        await recordAudit(tx, ctx, { action: 'client.update', entityType: 'client', entityId: id, organizationId: orgId, changes: Object.fromEntries(changed.map((f) => [f, { from: '[redacted]', to: '[redacted]' }])) });
        return toClient(next);
      });
    },

    async createConsent(ctx: Ctx, clientId: string, input: ConsentInput) {
      return db.transaction(async (tx) => {
        const { row: client, orgId } = await visible(tx, ctx.actor, clientId);
        const row = await clientsRepo.insertConsent(tx, {
          clientId,
          scope: input.scope,
          organizationIds: input.organizationIds,
          method: input.method,
          // Consent is explained in the client's language unless the caller says otherwise.
          language: input.language ?? consentLanguageFor(client.preferredLanguage),
          witnessName: input.witnessName ?? null,
          signedAt: new Date(input.signedAt),
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
          documentUrl: input.documentUrl ?? null,
          recordedByUserId: userIdOf(ctx.actor),
          recordedByOrgId: orgId ?? homeOrg(ctx.actor) ?? null,
        });
        await recordAudit(tx, ctx, { action: 'consent.create', entityType: 'consent', entityId: row.id, organizationId: orgId });
        return toConsent(row);
      });
    },

    async listConsents(ctx: Ctx, clientId: string) {
      return db.transaction(async (tx) => {
        const { orgId } = await visible(tx, ctx.actor, clientId);
        await recordAudit(tx, ctx, { action: 'client.read', entityType: 'client', entityId: clientId, organizationId: orgId });
        return { data: (await clientsRepo.consentsOf(tx, clientId)).map((c) => toConsent(c)) };
      });
    },

    /** One consent, to whoever may read its client (the 404 of an unknown id otherwise); audited as a read. */
    async getConsent(ctx: Ctx, consentId: string) {
      return db.transaction(async (tx) => {
        const consent = await clientsRepo.consent(tx, consentId);
        if (!consent) throw notFound('consent');
        const { orgId } = await visible(tx, ctx.actor, consent.clientId).catch(() => {
          throw notFound('consent');
        });
        await recordAudit(tx, ctx, { action: 'consent.read', entityType: 'consent', entityId: consentId, organizationId: orgId });
        return toConsent(consent);
      });
    },

    async revokeConsent(ctx: Ctx, consentId: string, reason: string | null | undefined) {
      return db.transaction(async (tx) => {
        const consent = await clientsRepo.consent(tx, consentId);
        if (!consent) throw notFound('consent');
        const { orgId } = await visible(tx, ctx.actor, consent.clientId).catch(() => {
          throw notFound('consent');
        });
        const row = await clientsRepo.revokeConsent(tx, consentId, userIdOf(ctx.actor), reason ?? null);
        if (!row) throw new AppError('conflict', 'This consent was already revoked.');
        await recordAudit(tx, ctx, { action: 'consent.revoke', entityType: 'consent', entityId: consentId, organizationId: orgId, changes: { revokedAt: { from: null, to: iso(row.revokedAt) } } });
        return toConsent(row);
      });
    },
  };
};
export type ClientsService = ReturnType<typeof createClientsService>;
