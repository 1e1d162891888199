import type { z } from 'zod';
import type { SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@tandem/db';
import {
  COMMUNITY_SUPPORTS,
  decideGapTransition,
  SDOH_CATEGORIES,
  SPA_CODES,
  type api,
  type Coverage,
  type CoverageAxis,
  type GapEvidence,
} from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { userIdOf, type Ctx } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import type { SupplyRow } from '../directory';
import type { DemandQuery, DemandRow } from '../referrals';
import { toGap, toGapEvent } from './mappers';
import { gapsRepo, type GapRow } from './repo';

type ListQuery = z.output<typeof api.listGaps.query>;
type CreateBody = z.output<typeof api.createGap.body>;
type UpdateBody = z.output<typeof api.updateGap.body>;
type TransitionBody = z.output<typeof api.transitionGap.body>;

/** What the directory supplies (wired in index.ts): services as coverage units, their supply, agreement ids. */
export interface GapDirectory {
  units(axis: CoverageAxis): SQL;
  supplyBy(db: DbOrTx, axis: CoverageAxis, cell?: { spa: string; key: string }): Promise<SupplyRow[]>;
  existingAgreementIds(db: DbOrTx, ids: string[]): Promise<Set<string>>;
}
/** What the referrals module supplies: sent and declined counts by SPA × key × period. */
export interface GapReferrals {
  demandBy(db: DbOrTx, q: DemandQuery): Promise<DemandRow[]>;
}
/** What the members module supplies: who may own a gap, and names. */
export interface GapPeople {
  networkStaffNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>>;
  userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>>;
}
export interface GapDeps {
  db: Db;
  directory: GapDirectory;
  referrals: GapReferrals;
  people: GapPeople;
}

const FIELDS = ['title', 'spa', 'category', 'communitySupport', 'focusPopulation', 'description', 'severity', 'ownerUserId', 'linkedAgreementIds'] as const;

const refError = (path: string, what: string, ids: string[]) =>
  new AppError('reference_not_found', `No ${what} with id ${ids.join(', ')}.`, { errors: [{ path, message: `No such ${what}`, code: 'unknown_reference' as const }] });

// Periods are Los Angeles calendar dates, whatever the server's time zone.
const laDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The period asked for, an end left out filled in: `to` today (LA), `from` a year before it plus a day. */
export const periodOf = (q: { from?: string; to?: string }, now = new Date()) => {
  const to = q.to ?? laDate.format(now);
  if (q.from) return { from: q.from, to };
  const d = new Date(`${to}T00:00:00Z`);
  // The day after `to`, a year back (so a 29 February ends a period starting 1 March).
  d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  const from = d.toISOString().slice(0, 10);
  // A `to` given without `from` before the default start still makes an ordered period.
  return { from: from <= to ? from : to, to };
};

/** The gap's subject: its axis and key (a category or a Community Support). */
const subjectOf = (g: GapRow): { axis: CoverageAxis; key: string } =>
  g.category ? { axis: 'category', key: g.category } : { axis: 'community_support', key: g.communitySupport! };

export const createGapsService = ({ db, directory, referrals, people }: GapDeps) => {
  /** Owner and agreements named by a write exist (422 naming the field otherwise). */
  const checkRefs = async (tx: DbOrTx, input: { ownerUserId?: string | null; linkedAgreementIds?: string[] }) => {
    if (input.ownerUserId && !(await people.networkStaffNames(tx, [input.ownerUserId])).has(input.ownerUserId)) {
      throw refError('body.ownerUserId', 'collaboration team member or network admin', [input.ownerUserId]);
    }
    const ids = input.linkedAgreementIds ?? [];
    const found = await directory.existingAgreementIds(tx, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw refError('body.linkedAgreementIds', 'agreement', missing);
  };
  const present = async (rows: GapRow[]) => {
    const names = await people.userNames(db, [...new Set(rows.map((r) => r.ownerUserId).filter((x): x is string => !!x))]);
    return rows.map((r) => toGap(r, r.ownerUserId ? (names.get(r.ownerUserId) ?? null) : null));
  };
  const get = async (id: string) => {
    const row = await gapsRepo.one(db, id);
    if (!row) throw notFound('gap');
    return (await present([row]))[0]!;
  };
  const audit = (tx: DbOrTx, ctx: Ctx, action: string, id: string, changes: Record<string, { from: unknown; to: unknown }>) =>
    recordAudit(tx, ctx, { action, entityType: 'service_gap', entityId: id, changes });

  return {
    get,
    async list(q: ListQuery) {
      const rows = await gapsRepo.page(db, { ...q, after: decodeCursor(q.cursor, KeyCursor) });
      const page = toPage(rows, q.limit, (r) => [r.key, r.id]);
      return { data: await present(page.data), nextCursor: page.nextCursor };
    },

    async create(ctx: Ctx, input: CreateBody) {
      const id = await db.transaction(async (tx) => {
        await checkRefs(tx, input);
        const row = await gapsRepo.insert(tx, { ...input, createdBy: userIdOf(ctx.actor) });
        await gapsRepo.addEvent(tx, { gapId: row.id, actorUserId: userIdOf(ctx.actor), kind: 'created', toStatus: 'identified' });
        await audit(tx, ctx, 'service_gap.create', row.id, diffFields({} as Record<string, unknown>, input, FIELDS));
        return row.id;
      });
      return get(id);
    },

    async update(ctx: Ctx, id: string, expected: number | undefined, input: UpdateBody) {
      const { version: _v, ...given } = input;
      // A new subject replaces the old one (the contract allows naming only one of the two).
      const fields = given.category ? { ...given, communitySupport: null } : given.communitySupport ? { ...given, category: null } : given;
      await db.transaction(async (tx) => {
        const before = await gapsRepo.lock(tx, id);
        if (!before) throw notFound('gap');
        assertVersion(before.version, expected);
        const changes = diffFields(before as Record<string, unknown>, fields, FIELDS);
        // Nothing changes: no write, no new version, no history row.
        if (!Object.keys(changes).length) return;
        await checkRefs(tx, fields);
        await gapsRepo.update(tx, id, fields);
        await gapsRepo.addEvent(tx, { gapId: id, actorUserId: userIdOf(ctx.actor), kind: 'updated', changes });
        await audit(tx, ctx, 'service_gap.update', id, changes);
      });
      return get(id);
    },

    async transition(ctx: Ctx, id: string, expected: number | undefined, input: TransitionBody) {
      await db.transaction(async (tx) => {
        const before = await gapsRepo.lock(tx, id);
        if (!before) throw notFound('gap');
        assertVersion(before.version, expected);
        const d = decideGapTransition({ from: before.status, to: input.to, rationale: input.rationale });
        if (!d.ok) {
          throw new AppError(d.code, d.message, d.code === 'validation_failed' ? { errors: [{ path: 'body.rationale', message: 'Required' }] } : undefined);
        }
        const rationale = input.rationale ?? null;
        await gapsRepo.update(tx, id, { status: input.to, statusRationale: rationale, statusChangedAt: new Date() });
        await gapsRepo.addEvent(tx, { gapId: id, actorUserId: userIdOf(ctx.actor), kind: 'status_changed', fromStatus: before.status, toStatus: input.to, note: rationale });
        await audit(tx, ctx, 'service_gap.transition', id, { status: { from: before.status, to: input.to } });
      });
      return get(id);
    },

    async addNote(ctx: Ctx, id: string, note: string) {
      const event = await db.transaction(async (tx) => {
        if (!(await gapsRepo.lock(tx, id))) throw notFound('gap');
        const row = await gapsRepo.addEvent(tx, { gapId: id, actorUserId: userIdOf(ctx.actor), kind: 'note', note });
        await audit(tx, ctx, 'service_gap.note', id, {});
        return row;
      });
      const names = await people.userNames(db, event.actorUserId ? [event.actorUserId] : []);
      return toGapEvent(event, event.actorUserId ? (names.get(event.actorUserId) ?? null) : null);
    },

    async history(id: string, limit: number, cursor: string | undefined) {
      if (!(await gapsRepo.one(db, id))) throw notFound('gap');
      const page = toPage(await gapsRepo.history(db, id, limit, decodeCursor(cursor, KeyCursor)), limit, (r) => [r.key, r.id]);
      const names = await people.userNames(db, [...new Set(page.data.map((r) => r.actorUserId).filter((x): x is string => !!x))]);
      return { data: page.data.map((r) => toGapEvent(r, r.actorUserId ? (names.get(r.actorUserId) ?? null) : null)), nextCursor: page.nextCursor };
    },

    /** The evidence for one gap in a period: its SPA × subject cell of the matrix, plus its notes. */
    async evidence(id: string, period: { from?: string; to?: string }): Promise<GapEvidence> {
      const { from, to } = periodOf(period);
      const gap = await gapsRepo.one(db, id);
      if (!gap) throw notFound('gap');
      const { axis, key } = subjectOf(gap);
      const cell = { spa: gap.spa, key };
      const [[demand], [supply], notes] = await Promise.all([
        referrals.demandBy(db, { from, to, units: directory.units(axis), matchNeeds: axis === 'category', cell }),
        directory.supplyBy(db, axis, cell),
        gapsRepo.notesIn(db, id, from, to),
      ]);
      const d = { no_capacity: demand?.no_capacity ?? 0, out_of_area: demand?.out_of_area ?? 0, not_eligible: demand?.not_eligible ?? 0 };
      return {
        gapId: id,
        from,
        to,
        declines: { ...d, total: d.no_capacity + d.out_of_area + d.not_eligible },
        referralsSent: demand?.sent ?? 0,
        servicesFull: supply?.full ?? 0,
        servicesWaitlist: supply?.waitlist ?? 0,
        notes,
      };
    },

    /** The matrix: three grouped queries (supply, demand, open gaps) merged by cell. */
    async coverage(query: { from?: string; to?: string; axis: CoverageAxis }): Promise<Coverage> {
      const q = { ...periodOf(query), axis: query.axis };
      const [supply, demand, open] = await Promise.all([
        directory.supplyBy(db, q.axis),
        referrals.demandBy(db, { ...q, units: directory.units(q.axis), matchNeeds: q.axis === 'category' }),
        gapsRepo.openBy(db, q.axis),
      ]);
      const cells = new Map<string, Coverage['cells'][number]>();
      const cell = (spa: string, key: string) => {
        const k = `${spa}|${key}`;
        if (!cells.has(k)) cells.set(k, { spa: spa as Coverage['spas'][number], key, activeServices: 0, acceptingServices: 0, referralsSent: 0, unmetDemand: 0, openGaps: 0 });
        return cells.get(k)!;
      };
      for (const s of supply) Object.assign(cell(s.spa, s.key), { activeServices: s.active, acceptingServices: s.accepting });
      for (const d of demand) Object.assign(cell(d.spa, d.key), { referralsSent: d.sent, unmetDemand: d.no_capacity + d.out_of_area + d.not_eligible });
      for (const g of open) cell(g.spa, g.key).openGaps = g.n;
      const keys: readonly string[] = q.axis === 'category' ? SDOH_CATEGORIES : COMMUNITY_SUPPORTS;
      const order = (c: { spa: string; key: string }) => SPA_CODES.indexOf(c.spa as (typeof SPA_CODES)[number]) * 100 + keys.indexOf(c.key);
      return { from: q.from, to: q.to, axis: q.axis, spas: [...SPA_CODES], keys: [...keys], cells: [...cells.values()].sort((a, b) => order(a) - order(b)) };
    },
  };
};
export type GapsService = ReturnType<typeof createGapsService>;
