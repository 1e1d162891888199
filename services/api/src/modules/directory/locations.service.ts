import type { z } from 'zod';
import type { Db } from '@tandem/db';
import type { CreateLocationBodySchema, UpdateLocationBodySchema } from '@tandem/contract';
import { notFound } from '../../lib/app-error';
import type { Ctx } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { decodeCursor, toPage } from '../../lib/pagination';
import { assertCanEditOrg } from './access';
import { NameCursor } from './cursors';
import { toLocation, type LocationRow } from './mappers';
import { locationsRepo } from './locations.repo';
import { organizationsRepo } from './repo';

const FIELDS = ['name', 'address1', 'address2', 'city', 'state', 'postalCode', 'latitude', 'longitude', 'spa', 'accessibility', 'transit'] as const satisfies readonly (keyof LocationRow)[];

export const createLocationsService = ({ db }: { db: Db }) => ({
  /** Locations are public directory facts, as in list. */
  async get(id: string) {
    const row = await locationsRepo.one(db, id);
    if (!row) throw notFound('location');
    return toLocation(row);
  },
  async list(orgId: string, limit: number, cursor?: string) {
    if (!(await organizationsRepo.one(db, orgId))) throw notFound('organization');
    const rows = await locationsRepo.page(db, orgId, limit, decodeCursor(cursor, NameCursor));
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.id]);
    return { data: page.data.map(toLocation), nextCursor: page.nextCursor };
  },
  async create(ctx: Ctx, orgId: string, input: z.output<typeof CreateLocationBodySchema>) {
    return db.transaction(async (tx) => {
      if (!(await organizationsRepo.one(tx, orgId))) throw notFound('organization');
      assertCanEditOrg(ctx.actor, orgId);
      const row = await locationsRepo.insert(tx, { ...input, organizationId: orgId });
      await recordAudit(tx, ctx, { action: 'location.create', entityType: 'location', entityId: row.id, organizationId: orgId, changes: diffFields({} as Record<string, unknown>, input, FIELDS) });
      return toLocation(row);
    });
  },
  async update(ctx: Ctx, id: string, input: z.output<typeof UpdateLocationBodySchema>) {
    return db.transaction(async (tx) => {
      const before = await locationsRepo.lock(tx, id);
      if (!before) throw notFound('location');
      assertCanEditOrg(ctx.actor, before.organizationId);
      const row = await locationsRepo.update(tx, id, input);
      await recordAudit(tx, ctx, { action: 'location.update', entityType: 'location', entityId: id, organizationId: before.organizationId, changes: diffFields(before, input, FIELDS) });
      return toLocation(row);
    });
  },
});
