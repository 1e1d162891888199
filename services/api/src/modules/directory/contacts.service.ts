import type { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import type { CreateContactBodySchema, UpdateContactBodySchema } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import type { Actor, Ctx } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { decodeCursor, toPage } from '../../lib/pagination';
import { assertCanEditOrg, canEditOrg, isSignedIn } from './access';
import { NameCursor } from './cursors';
import { toContact, type ContactRow } from './mappers';
import { contactsRepo } from './contacts.repo';
import { organizationsRepo } from './repo';

const FIELDS = ['serviceId', 'name', 'title', 'department', 'email', 'phone', 'isPublic', 'isReferralContact'] as const satisfies readonly (keyof ContactRow)[];

const assertOwnService = async (db: DbOrTx, orgId: string, serviceId: string | null | undefined) => {
  if (serviceId && !(await contactsRepo.serviceOfOrg(db, orgId, serviceId))) {
    throw new AppError('reference_not_found', 'No such service of this organization.', { errors: [{ path: 'body.serviceId', message: 'Unknown service' }] });
  }
};

/**
 * The contact to change, locked. A non-public contact is as unknown as a random id (the same
 * 404) to whoever may not edit it: a 403 would confirm that the hidden person exists.
 */
const lockEditable = async (tx: DbOrTx, actor: Actor, id: string) => {
  const before = await contactsRepo.lock(tx, id);
  if (!before || (!before.isPublic && !canEditOrg(actor, before.organizationId))) throw notFound('contact');
  assertCanEditOrg(actor, before.organizationId);
  return before;
};

/**
 * Contacts are named people. Public ones are directory facts; non-public ones are shown only to
 * signed-in users. A non-public contact is still 404 to the public when fetched by id.
 */
export const createContactsService = ({ db }: { db: Db }) => ({
  /** As list shows it: a non-public contact only to signed-in users, else the 404 of an unknown id. */
  async get(actor: Actor, id: string) {
    const row = await contactsRepo.one(db, id);
    if (!row || (!row.isPublic && !isSignedIn(actor))) throw notFound('contact');
    return toContact(row);
  },
  async list(actor: Actor, orgId: string, limit: number, cursor?: string) {
    if (!(await organizationsRepo.one(db, orgId))) throw notFound('organization');
    const rows = await contactsRepo.page(db, orgId, isSignedIn(actor), limit, decodeCursor(cursor, NameCursor));
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.id]);
    return { data: page.data.map(toContact), nextCursor: page.nextCursor };
  },
  async create(ctx: Ctx, orgId: string, input: z.output<typeof CreateContactBodySchema>) {
    return db.transaction(async (tx) => {
      if (!(await organizationsRepo.one(tx, orgId))) throw notFound('organization');
      assertCanEditOrg(ctx.actor, orgId);
      await assertOwnService(tx, orgId, input.serviceId);
      const row = await contactsRepo.insert(tx, { ...input, organizationId: orgId });
      await recordAudit(tx, ctx, { action: 'contact.create', entityType: 'contact', entityId: row.id, organizationId: orgId, changes: diffFields({} as Record<string, unknown>, input, FIELDS) });
      return toContact(row);
    });
  },
  async update(ctx: Ctx, id: string, input: z.output<typeof UpdateContactBodySchema>) {
    return db.transaction(async (tx) => {
      const before = await lockEditable(tx, ctx.actor, id);
      await assertOwnService(tx, before.organizationId, input.serviceId);
      const row = await contactsRepo.update(tx, id, input);
      await recordAudit(tx, ctx, { action: 'contact.update', entityType: 'contact', entityId: id, organizationId: before.organizationId, changes: diffFields(before, input, FIELDS) });
      return toContact(row);
    });
  },
  async remove(ctx: Ctx, id: string) {
    await db.transaction(async (tx) => {
      const before = await lockEditable(tx, ctx.actor, id);
      await contactsRepo.remove(tx, id);
      await recordAudit(tx, ctx, { action: 'contact.delete', entityType: 'contact', entityId: id, organizationId: before.organizationId, changes: Object.fromEntries(FIELDS.map((f) => [f, { from: before[f], to: null }])) });
    });
  },
});
