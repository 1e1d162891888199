import type { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import type {
  CreateServiceBodySchema,
  OrgType,
  ReplaceScheduleBodySchema,
  Service,
  ServiceDetail,
  UpdateCapacityBodySchema,
  UpdateServiceBodySchema,
} from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, decodeSyncCursor, toPage } from '../../lib/pagination';
import { assertCanEditOrg, isAnonymous, isSignedIn } from './access';
import { hhmm, toContact, toLocation, toService, type ServiceRow } from './mappers';
import { organizationsRepo } from './repo';
import { servicesRepo, type ExceptionRow, type ScheduleRow } from './services.repo';
import { NameCursor } from './cursors';

type CreateInput = z.output<typeof CreateServiceBodySchema>;
type UpdateInput = z.output<typeof UpdateServiceBodySchema>;

const EDITABLE = [
  'name', 'description', 'nameEs', 'descriptionEs', 'eligibilityEs', 'categories', 'communitySupport', 'eligibility', 'minAge', 'maxAge', 'focusPopulations', 'languages', 'fees',
  'applicationProcess', 'spas', 'url', 'email', 'phone', 'status', 'ackSlaHours', 'firstContactSlaHours',
] as const satisfies readonly (keyof ServiceRow)[];

const toSchedule = (ivs: ScheduleRow[], exs: ExceptionRow[]) => ({
  intervals: ivs.map((i) => ({ weekday: i.weekday, opensAt: hhmm(i.opensAt), closesAt: hhmm(i.closesAt), locationId: i.locationId })),
  exceptions: exs.map((e) => ({ date: e.date, closed: e.closed, opensAt: e.opensAt && hhmm(e.opensAt), closesAt: e.closesAt && hhmm(e.closesAt), reason: e.reason })),
});

/** Location ids must be the organization's own: 422 names the ones that are not. */
const assertOwnLocations = async (db: DbOrTx, orgId: string, ids: readonly (string | null | undefined)[], path: string) => {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const own = new Set(await servicesRepo.orgLocationIds(db, orgId, wanted));
  const missing = wanted.filter((id) => !own.has(id));
  if (missing.length) {
    throw new AppError('reference_not_found', `No such location of this organization: ${missing.join(', ')}.`, { errors: missing.map(() => ({ path, message: 'Unknown location' })) });
  }
};

/** What the public (anonymous callers) sees of a service: capacity without the note for referrers or who confirmed it. */
const forActor = (actor: Actor, s: Service): Service => {
  if (!isAnonymous(actor)) return s;
  const { note: _n, confirmedByUserId: _b, ...capacity } = s.capacity;
  return { ...s, capacity };
};

/** Loads and locks a service the actor may edit: 404 when missing, 403 when not theirs. */
const lockEditable = async (tx: DbOrTx, actor: Actor, id: string) => {
  const row = await servicesRepo.lock(tx, id);
  if (!row) throw notFound('service');
  assertCanEditOrg(actor, row.organizationId);
  return row;
};

export const createServicesService = ({ db }: { db: Db }) => ({
  async get(actor: Actor, id: string): Promise<ServiceDetail> {
    const row = await servicesRepo.one(db, id);
    if (!row) throw notFound('service');
    const [org, locs, ivs, exs, cts] = await Promise.all([
      servicesRepo.orgSummary(db, row.organizationId),
      servicesRepo.locationsOf(db, id),
      servicesRepo.intervals(db, id),
      servicesRepo.exceptions(db, id),
      servicesRepo.contactsOf(db, row.organizationId, id, isSignedIn(actor)),
    ]);
    return {
      ...forActor(actor, toService(row)),
      organization: { ...org!, type: org!.type as OrgType },
      locations: locs.map(toLocation),
      schedule: toSchedule(ivs, exs),
      contacts: cts.map(toContact),
    };
  },

  async listByOrg(actor: Actor, orgId: string, limit: number, cursor?: string, updatedSince?: string) {
    if (!(await organizationsRepo.one(db, orgId))) throw notFound('organization');
    if (updatedSince) {
      const changed = await servicesRepo.changedByOrg(db, orgId, updatedSince, limit, decodeSyncCursor(cursor));
      const page = toPage(changed, limit, (r) => ['u', r.updatedKey, r.id]);
      return { data: page.data.map((r) => forActor(actor, toService(r))), nextCursor: page.nextCursor };
    }
    const rows = await servicesRepo.pageByOrg(db, orgId, limit, decodeCursor(cursor, NameCursor));
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.id]);
    return { data: page.data.map((r) => forActor(actor, toService(r))), nextCursor: page.nextCursor };
  },

  async create(ctx: Ctx, orgId: string, input: CreateInput) {
    return db.transaction(async (tx) => {
      if (!(await organizationsRepo.one(tx, orgId))) throw notFound('organization');
      assertCanEditOrg(ctx.actor, orgId);
      const { locationIds, ...fields } = input;
      await assertOwnLocations(tx, orgId, locationIds, 'body.locationIds');
      const row = await servicesRepo.insert(tx, { ...fields, organizationId: orgId });
      await servicesRepo.setLocations(tx, row.id, locationIds);
      const changes = diffFields({} as Record<string, unknown>, { ...fields, locationIds }, [...EDITABLE, 'locationIds']);
      await recordAudit(tx, ctx, { action: 'service.create', entityType: 'service', entityId: row.id, organizationId: orgId, changes });
      return toService(row);
    });
  },

  async update(ctx: Ctx, id: string, expected: number | undefined, input: UpdateInput) {
    return db.transaction(async (tx) => {
      const before = await lockEditable(tx, ctx.actor, id);
      assertVersion(before.version, expected);
      const { locationIds, version: _v, ...fields } = input;
      if (fields.minAge !== undefined || fields.maxAge !== undefined) {
        const min = fields.minAge !== undefined ? fields.minAge : before.minAge;
        const max = fields.maxAge !== undefined ? fields.maxAge : before.maxAge;
        if (min != null && max != null && min > max) throw new AppError('validation_failed', 'minAge must not exceed maxAge.', { errors: [{ path: 'body.maxAge', message: 'Below minAge' }] });
      }
      const changes = diffFields(before as Record<string, unknown>, fields, EDITABLE);
      if (locationIds) {
        await assertOwnLocations(tx, before.organizationId, locationIds, 'body.locationIds');
        const old = await servicesRepo.locationIds(tx, id);
        if (JSON.stringify([...old].sort()) !== JSON.stringify([...locationIds].sort())) changes.locationIds = { from: old, to: locationIds };
      }
      // Nothing changes: no write, no new version, no audit row.
      if (!Object.keys(changes).length) return toService(before);
      if (changes.locationIds) await servicesRepo.setLocations(tx, id, locationIds!);
      const row = await servicesRepo.update(tx, id, fields);
      await recordAudit(tx, ctx, { action: 'service.update', entityType: 'service', entityId: id, organizationId: before.organizationId, changes });
      return toService(row);
    });
  },

  /** Confirms the capacity now (so it always writes: the confirmation time moves). */
  async updateCapacity(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof UpdateCapacityBodySchema>) {
    return db.transaction(async (tx) => {
      const before = await lockEditable(tx, ctx.actor, id);
      assertVersion(before.version, expected);
      const after = {
        capacityStatus: input.status,
        capacityNote: input.note ?? null,
        capacityConfirmedAt: new Date(),
        capacityConfirmedBy: userIdOf(ctx.actor),
      };
      const row = await servicesRepo.update(tx, id, after);
      const changes = diffFields(before as Record<string, unknown>, after, ['capacityStatus', 'capacityNote']);
      changes.capacityConfirmedAt = { from: before.capacityConfirmedAt?.toISOString() ?? null, to: row.capacityConfirmedAt?.toISOString() ?? null };
      await recordAudit(tx, ctx, { action: 'service.capacity', entityType: 'service', entityId: id, organizationId: before.organizationId, changes });
      return toService(row);
    });
  },

  /** Replaces weekly hours and exceptions together; the body was already checked for overlaps. */
  async replaceSchedule(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof ReplaceScheduleBodySchema>) {
    return db.transaction(async (tx) => {
      const svc = await lockEditable(tx, ctx.actor, id);
      assertVersion(svc.version, expected);
      await assertOwnLocations(tx, svc.organizationId, input.intervals.map((i) => i.locationId), 'body.intervals.locationId');
      const before = toSchedule(await servicesRepo.intervals(tx, id), await servicesRepo.exceptions(tx, id));
      await servicesRepo.replaceSchedule(
        tx,
        id,
        input.intervals.map((i) => ({ serviceId: id, weekday: i.weekday, opensAt: i.opensAt, closesAt: i.closesAt, locationId: i.locationId ?? null })),
        input.exceptions.map((e) => ({ serviceId: id, date: e.date, closed: e.closed, opensAt: e.closed ? null : (e.opensAt ?? null), closesAt: e.closed ? null : (e.closesAt ?? null), reason: e.reason ?? null })),
      );
      const after = toSchedule(await servicesRepo.intervals(tx, id), await servicesRepo.exceptions(tx, id));
      const changes = diffFields(before, after, ['intervals', 'exceptions']);
      // The same hours again: the rows were rewritten to the same values, but the version and the audit trail stay.
      if (!Object.keys(changes).length) return { schedule: after, version: svc.version };
      const row = await servicesRepo.update(tx, id, {});
      await recordAudit(tx, ctx, { action: 'service.schedule', entityType: 'service', entityId: id, organizationId: svc.organizationId, changes });
      return { schedule: after, version: row.version };
    });
  },
});
