import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import { attendeeProblems, seriesStarts, type api, type EngagementEvent, type EngagementEventType, type eventFields } from '@tandem/contract';
import { AppError, notFound, type FieldErrorInput } from '../../lib/app-error';
import { actingOrgIds, type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, toPage } from '../../lib/pagination';
import { readsAllEvents, viewOf } from './access';
import { canonicalFollowUps, eventFieldsOf, toEvent } from './mappers';
import { eventsRepo, type EventInsert, type EventRow } from './repo';

/** Validates gap ids through the gaps module (wired in index.ts); this module never reads its tables. */
export interface GapLookup {
  existing(ids: string[]): Promise<string[]>;
}
/** The directory's answer about organizations named by id: those that exist, with their names. */
export interface OrganizationLookup {
  named(ids: string[]): Promise<{ id: string; name: string }[]>;
}
/** The members module's answer about people: who may lead network work, and anyone's name. */
export interface StaffLookup {
  networkStaff(ids: string[]): Promise<string[]>;
  named(ids: string[]): Promise<{ id: string; name: string }[]>;
}
/**
 * The directory's partnership pipeline: moves the stage of the event's partner organizations
 * forward as the event's type evidences (contract `partnershipStageAfter`), recording the event
 * as the cause, in the caller's transaction.
 */
export interface PartnershipPipeline {
  advance(tx: DbOrTx, ctx: Ctx, cause: { organizationIds: string[]; eventType: EngagementEventType; eventId: string }): Promise<void>;
}
export interface EngagementDeps {
  db: Db;
  organizations: OrganizationLookup;
  staff: StaffLookup;
  gaps: GapLookup;
  partnership: PartnershipPipeline;
}

type ListQuery = z.output<typeof api.listEngagementEvents.query>;
type CreateBody = z.output<typeof api.createEngagementEvent.body>;
type UpdateBody = z.output<typeof api.updateEngagementEvent.body>;
type SeriesBody = z.output<typeof api.createEngagementSeries.body>;
/** A full set of event fields, as parsed (create, each series occurrence, each import row). */
export type EventInput = z.output<z.ZodObject<typeof eventFields>>;

const EventCursor = z.tuple([z.string().max(40), z.uuid()]);
const FIELDS = [
  'title', 'type', 'startsAt', 'durationMinutes', 'spas', 'modality', 'address', 'focusPopulations',
  'organizationIds', 'staffLeadIds', 'attendeeCount', 'attendeesByGroup', 'summary', 'followUps', 'gapIds',
] as const;
type Fields = ReturnType<typeof eventFieldsOf>;

/** Contract fields → row columns (only those given). */
const toRow = (f: Partial<EventInput>): Partial<EventInsert> => {
  const g = f.attendeesByGroup;
  return Object.fromEntries(
    Object.entries({
      title: f.title,
      type: f.type,
      startsAt: f.startsAt === undefined ? undefined : new Date(f.startsAt),
      durationMinutes: f.durationMinutes,
      spas: f.spas,
      modality: f.modality,
      address: f.address,
      focusPopulations: f.focusPopulations,
      attendeeCount: f.attendeeCount,
      summary: f.summary,
      followUps: f.followUps && canonicalFollowUps(f.followUps),
      ...(g
        ? { communityMembers: g.communityMembers ?? null, cboStaff: g.cboStaff ?? null, countyStaff: g.countyStaff ?? null, healthSystemStaff: g.healthSystemStaff ?? null, livedExperience: g.livedExperience ?? null }
        : {}),
    }).filter(([, v]) => v !== undefined),
  );
};

/** The given fields in the stored form eventFieldsOf produces, so a diff sees only real changes. */
const normalized = (f: Partial<EventInput>): Partial<Fields> => {
  const out: Record<string, unknown> = { ...f };
  if (f.startsAt !== undefined) out.startsAt = new Date(f.startsAt).toISOString();
  for (const k of ['organizationIds', 'staffLeadIds', 'gapIds'] as const) if (f[k]) out[k] = [...f[k]].sort();
  for (const k of ['durationMinutes', 'address', 'summary'] as const) if (k in f && f[k] === undefined) delete out[k];
  if (f.followUps) out.followUps = canonicalFollowUps(f.followUps);
  if (f.attendeesByGroup) {
    const g = f.attendeesByGroup;
    out.attendeesByGroup = { communityMembers: g.communityMembers ?? null, cboStaff: g.cboStaff ?? null, countyStaff: g.countyStaff ?? null, healthSystemStaff: g.healthSystemStaff ?? null, livedExperience: g.livedExperience ?? null };
  }
  return out as Partial<Fields>;
};

/** Engagement events: see README.md for who reads and writes what. */
export const createEngagementService = ({ db, organizations, staff, gaps, partnership }: EngagementDeps) => {
  /** Field errors for partner organizations, staff leads and gaps the owning modules do not know. */
  const referenceProblems = async (f: Partial<Pick<EventInput, 'organizationIds' | 'staffLeadIds' | 'gapIds'>>, prefix: string): Promise<FieldErrorInput[]> => {
    const checks = [
      ['organizationIds', 'No such organization', async (ids: string[]) => (await organizations.named(ids)).map((o) => o.id)],
      ['staffLeadIds', 'No such person with a network role', staff.networkStaff],
      ['gapIds', 'No such service gap', gaps.existing],
    ] as const;
    const out: FieldErrorInput[] = [];
    for (const [field, message, known] of checks) {
      const ids = f[field];
      if (!ids?.length) continue;
      const found = new Set(await known(ids));
      ids.forEach((id, i) => found.has(id) || out.push({ path: `${prefix}.${field}.${i}`, message, code: 'unknown_reference' }));
    }
    return out;
  };
  const assertReferences = async (f: Parameters<typeof referenceProblems>[0]) => {
    const errors = await referenceProblems(f, 'body');
    if (errors.length) throw new AppError('reference_not_found', 'Some referenced records do not exist.', { errors });
  };

  const withLinks = async (actor: Actor, rows: EventRow[]): Promise<EngagementEvent[]> => {
    const links = await eventsRepo.links(db, rows.map((r) => r.id));
    const orgIds = [...new Set([...links.orgs.values()].flat())];
    const staffIds = [...new Set([...links.staff.values()].flat())];
    const [orgNames, staffNames] = await Promise.all([organizations.named(orgIds), staff.named(staffIds)]);
    const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    const pick = (all: { id: string; name: string }[], ids: string[] = []) => all.filter((x) => ids.includes(x.id)).sort(byName);
    return rows.flatMap((r) => {
      const orgs = links.orgs.get(r.id) ?? [];
      const view = viewOf(actor, orgs);
      return view ? [toEvent(r, { organizations: pick(orgNames, orgs), staffLeads: pick(staffNames, links.staff.get(r.id)), gapIds: links.gaps.get(r.id) ?? [] }, view)] : [];
    });
  };

  const get = async (actor: Actor, id: string) => {
    const row = await eventsRepo.one(db, id);
    // Someone whose organization did not take part gets the same 404 as a random id.
    const [event] = row ? await withLinks(actor, [row]) : [];
    if (!event) throw notFound('engagement event');
    return event;
  };

  const getSeries = async (actor: Actor, id: string) => {
    const events = await withLinks(actor, await eventsRepo.series(db, id));
    if (!events.length) throw notFound('engagement series');
    return { id, events };
  };

  /** Inserts one event with its links and its audit row, in the caller's transaction. */
  const insertEvent = async (tx: DbOrTx, ctx: Ctx, input: EventInput, extra: { seriesId?: string; sourceId?: string } = {}) => {
    const row = await eventsRepo.insert(tx, { ...(toRow(input) as EventInsert), ...extra, createdBy: userIdOf(ctx.actor) });
    await eventsRepo.replaceOrganizations(tx, row.id, input.organizationIds);
    await eventsRepo.replaceStaff(tx, row.id, input.staffLeadIds);
    await eventsRepo.replaceGaps(tx, row.id, input.gapIds);
    const changes = diffFields({} as Fields, normalized(input), FIELDS);
    await recordAudit(tx, ctx, { action: 'engagement_event.create', entityType: 'engagement_event', entityId: row.id, changes });
    if (input.organizationIds.length) await partnership.advance(tx, ctx, { organizationIds: input.organizationIds, eventType: input.type, eventId: row.id });
    return row.id;
  };

  return {
    referenceProblems,
    insertEvent,
    get,

    async list(actor: Actor, q: ListQuery) {
      const rows = await eventsRepo.page(db, {
        ...q,
        visibleTo: readsAllEvents(actor) ? undefined : actingOrgIds(actor),
        after: decodeCursor(q.cursor, EventCursor),
      });
      const page = toPage(rows, q.limit, (r) => [r.startsKey, r.id]);
      return { data: await withLinks(actor, page.data), nextCursor: page.nextCursor };
    },

    async create(ctx: Ctx, input: CreateBody) {
      await assertReferences(input);
      const id = await db.transaction((tx) => insertEvent(tx, ctx, input));
      return get(ctx.actor, id);
    },

    /** Every occurrence its own event, sharing a seriesId; all or nothing. */
    async createSeries(ctx: Ctx, input: SeriesBody) {
      const { frequency, count, ...fields } = input;
      await assertReferences(fields);
      const seriesId = randomUUID();
      const starts = seriesStarts(new Date(fields.startsAt), frequency, count);
      await db.transaction(async (tx) => {
        for (const s of starts) await insertEvent(tx, ctx, { ...fields, startsAt: s.toISOString() }, { seriesId });
      });
      return getSeries(ctx.actor, seriesId);
    },

    getSeries,

    async update(ctx: Ctx, id: string, expected: number | undefined, input: UpdateBody) {
      const { version: _v, ...given } = input;
      await assertReferences(given);
      await db.transaction(async (tx) => {
        const row = await eventsRepo.lock(tx, id);
        if (!row) throw notFound('engagement event');
        assertVersion(row.version, expected);
        const links = await eventsRepo.links(tx, [id]);
        const before = eventFieldsOf(row, { organizationIds: links.orgs.get(id) ?? [], staffLeadIds: links.staff.get(id) ?? [], gapIds: links.gaps.get(id) ?? [] });
        const after = normalized(given as Partial<EventInput>);
        const merged = { ...before, ...after };
        const problems = attendeeProblems(merged.attendeeCount, merged.attendeesByGroup);
        if (problems.length) {
          throw new AppError('validation_failed', 'The attendee groups add up to more than the total.', {
            errors: problems.map((p) => ({ path: p.group === 'sum' ? 'body.attendeesByGroup' : `body.attendeesByGroup.${p.group}`, message: p.message, code: 'engagement.attendees_exceed_total' as const })),
          });
        }
        const changes = diffFields(before, after, FIELDS);
        // Nothing changes: no write, no new version, no history row.
        if (!Object.keys(changes).length) return;
        await eventsRepo.update(tx, id, toRow(given as Partial<EventInput>));
        if (changes.organizationIds) await eventsRepo.replaceOrganizations(tx, id, merged.organizationIds);
        if (changes.staffLeadIds) await eventsRepo.replaceStaff(tx, id, merged.staffLeadIds);
        if (changes.gapIds) await eventsRepo.replaceGaps(tx, id, merged.gapIds);
        await recordAudit(tx, ctx, { action: 'engagement_event.update', entityType: 'engagement_event', entityId: id, changes });
        // A new type or new partners may be evidence of a stage (moves only forward, so re-applying is harmless).
        if ((changes.type || changes.organizationIds) && merged.organizationIds.length) {
          await partnership.advance(tx, ctx, { organizationIds: merged.organizationIds, eventType: merged.type as EngagementEventType, eventId: id });
        }
      });
      return get(ctx.actor, id);
    },

    /** Soft delete: the row, who removed it and why stay for the history; reads and lists no longer show it. */
    async remove(ctx: Ctx, id: string, expected: number | undefined, reason: string) {
      return db.transaction(async (tx) => {
        const row = await eventsRepo.lock(tx, id);
        if (!row) throw notFound('engagement event');
        assertVersion(row.version, expected);
        const after = await eventsRepo.update(tx, id, { deletedAt: new Date(), deletedBy: userIdOf(ctx.actor), deleteReason: reason });
        await recordAudit(tx, ctx, { action: 'engagement_event.delete', entityType: 'engagement_event', entityId: id, changes: { deleteReason: { from: null, to: reason } } });
        return { id, version: after.version, deletedAt: after.deletedAt!.toISOString(), deleteReason: reason };
      });
    },
  };
};
export type EngagementService = ReturnType<typeof createEngagementService>;
