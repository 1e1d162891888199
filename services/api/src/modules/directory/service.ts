import type { z } from 'zod';
import type { Db } from '@tandem/db';
import type { CreateOrganizationBodySchema, Organization, OrgType, UpdateOrganizationBodySchema } from '@tandem/contract';
import { AppError, forbidden, notFound } from '../../lib/app-error';
import type { Actor, Ctx } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, decodeSyncCursor, toPage } from '../../lib/pagination';
import { assertCanEditOrg, isAnonymous, isNetworkStaff, isSignedIn } from './access';
import { NameCursor, TimeCursor } from './cursors';
import { organizationsRepo, type OrganizationRow } from './repo';

const ORG_FIELDS = ['name', 'type', 'description', 'website', 'email', 'phone', 'spas', 'focusPopulations', 'languages'] as const;
// Partnership tracking is the network's own record about a partner: only network staff write it.
const NETWORK_FIELDS = ['partnershipStage', 'stageDates', 'liaisonUserId', 'internalNotes'] as const;

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

/** What the public (anonymous callers) sees: no partnership record, which is the network's own. */
const forActor = (actor: Actor, o: Organization): Organization => {
  if (!isAnonymous(actor)) return o;
  const { partnershipStage: _s, stageDates: _d, liaisonUserId: _l, ...open } = o;
  return open;
};

const today = () => new Date().toISOString().slice(0, 10);

export const createOrganizationsService = ({ db }: { db: Db }) => ({
  async list(actor: Actor, f: { limit: number; cursor?: string; q?: string; type?: OrgType; spa?: string; updatedSince?: string }) {
    if (f.updatedSince) {
      const rows = await organizationsRepo.page(db, { ...f, since: f.updatedSince, after: decodeSyncCursor(f.cursor) });
      const page = toPage(rows, f.limit, (r) => ['u', r.updatedKey, r.id]);
      return { data: page.data.map((r) => forActor(actor, toOrganization(r))), nextCursor: page.nextCursor };
    }
    const rows = await organizationsRepo.page(db, { ...f, after: decodeCursor(f.cursor, NameCursor) });
    const page = toPage(rows, f.limit, (r) => [r.name.toLowerCase(), r.id]);
    return { data: page.data.map((r) => forActor(actor, toOrganization(r))), nextCursor: page.nextCursor };
  },
  /** Internal notes are added for signed-in users only; the public and API keys never see them, the public no partnership record either. */
  async get(actor: Actor, id: string) {
    const row = await organizationsRepo.one(db, id);
    if (!row) throw notFound('organization');
    return isSignedIn(actor) ? { ...toOrganization(row), internalNotes: row.internalNotes } : forActor(actor, toOrganization(row));
  },

  async update(ctx: Ctx, id: string, expected: number | undefined, input: z.output<typeof UpdateOrganizationBodySchema>) {
    return db.transaction(async (tx) => {
      const before = await organizationsRepo.lock(tx, id);
      if (!before) throw notFound('organization');
      assertCanEditOrg(ctx.actor, id);
      const { version: _v, stageDates: givenDates, ...fields } = input;
      const touchesNetwork = NETWORK_FIELDS.some((f) => input[f] !== undefined);
      if (touchesNetwork && !isNetworkStaff(ctx.actor)) throw forbidden('Only network admins and the collaboration team change partnership stage, liaison or internal notes.');
      assertVersion(before.version, expected);
      // Partnered is a person's confirmation weighed against evidence (partnership.ts), recorded with who and when; never a stage edit.
      if (fields.partnershipStage === 'partnered' && before.partnershipStage !== 'partnered') {
        throw new AppError('partnership_confirm_required', `Partnered is set by confirming the partnership: POST /api/v1/organizations/${id}/partnership/confirm (it weighs the evidence and records who confirmed it).`);
      }
      const stage = fields.partnershipStage ?? before.partnershipStage;
      const stageDates = { ...before.stageDates, ...givenDates };
      if (fields.partnershipStage && fields.partnershipStage !== before.partnershipStage && !stageDates[stage as keyof typeof stageDates]) {
        stageDates[stage as keyof typeof stageDates] = today();
      }
      const after = { ...fields, stageDates };
      const changes = diffFields(before as Record<string, unknown>, after, [...ORG_FIELDS, ...NETWORK_FIELDS]);
      // Nothing changes: no write, no new version, no audit row.
      if (!Object.keys(changes).length) return { ...toOrganization(before), internalNotes: before.internalNotes };
      const row = await organizationsRepo.update(tx, id, after);
      await recordAudit(tx, ctx, { action: 'organization.update', entityType: 'organization', entityId: id, organizationId: id, changes });
      return { ...toOrganization(row), internalNotes: row.internalNotes };
    });
  },

  async history(id: string, limit: number, cursor?: string) {
    if (!(await organizationsRepo.one(db, id))) throw notFound('organization');
    const rows = await organizationsRepo.history(db, id, limit, decodeCursor(cursor, TimeCursor));
    const page = toPage(rows, limit, (r) => [r.atKey, r.id]);
    return { data: page.data.map(({ atKey: _k, ...r }) => ({ ...r, at: r.at.toISOString() })), nextCursor: page.nextCursor };
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
