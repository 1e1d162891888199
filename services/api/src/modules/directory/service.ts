import { z } from 'zod';
import type { Db } from '@tandem/db';
import type { CreateOrganizationBodySchema, Organization } from '@tandem/contract';
import { notFound } from '../../lib/app-error';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { decodeCursor, toPage } from '../../lib/pagination';
import { organizationsRepo, type OrganizationRow } from './repo';

const NameCursor = z.tuple([z.string(), z.uuid()]);

/** Public shape of an organization: internal notes and source ids stay inside. */
export const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  name: r.name,
  type: r.type as Organization['type'],
  description: r.description,
  website: r.website,
  email: r.email,
  phone: r.phone,
  spas: r.spas as Organization['spas'],
  focusPopulations: r.focusPopulations as Organization['focusPopulations'],
  languages: r.languages as Organization['languages'],
  partnershipStage: r.partnershipStage as Organization['partnershipStage'],
  stageDates: r.stageDates,
  liaisonUserId: r.liaisonUserId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

const today = () => new Date().toISOString().slice(0, 10);

export const createOrganizationsService = ({ db }: { db: Db }) => ({
  async list(f: { limit: number; cursor?: string; q?: string; type?: string; spa?: string }) {
    const rows = await organizationsRepo.page(db, { ...f, after: decodeCursor(f.cursor, NameCursor) });
    const page = toPage(rows, f.limit, (r) => [r.name.toLowerCase(), r.id]);
    return { data: page.data.map(toOrganization), nextCursor: page.nextCursor };
  },
  async get(id: string) {
    const row = await organizationsRepo.one(db, id);
    if (!row) throw notFound('organization');
    return toOrganization(row);
  },
  async create(ctx: Ctx, input: z.output<typeof CreateOrganizationBodySchema>) {
    return db.transaction(async (tx) => {
      const stageDates = { prospect: null, outreach: null, assessed: null, partnered: null, [input.partnershipStage]: today() };
      const row = await organizationsRepo.insert(tx, { ...input, stageDates });
      await recordAudit(tx, ctx, { action: 'organization.create', entityType: 'organization', entityId: row.id, organizationId: row.id });
      return toOrganization(row);
    });
  },
});
