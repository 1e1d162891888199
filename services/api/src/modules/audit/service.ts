import type { z } from 'zod';
import type { Db } from '@tandem/db';
import { isReadAction, type AuditListQuerySchema, type AuditLogEntry } from '@tandem/contract';
import { forbidden } from '../../lib/app-error';
import { isNetworkAdmin, type Actor } from '../../lib/actor';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { auditRepo } from './repo';


export const createAuditService = ({ db }: { db: Db }) => ({
  /** Network admins read every row; an org admin the rows of the organizations they administer. */
  async list(actor: Actor, q: z.output<typeof AuditListQuerySchema>) {
    const adminOf = actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId) : [];
    if (!isNetworkAdmin(actor) && !adminOf.length) throw forbidden('Only org admins and network admins read the audit trail.');
    const { cursor, ...filters } = q;
    const rows = await auditRepo.page(db, { ...filters, orgIds: isNetworkAdmin(actor) ? null : adminOf, after: decodeCursor(cursor, KeyCursor) });
    const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.a.id]);
    return {
      data: page.data.map(({ a, actorName, actorOrganizationName, organizationName }): AuditLogEntry => ({
        id: a.id,
        at: a.at.toISOString(),
        actorUserId: a.actorUserId,
        actorApiKeyId: a.actorApiKeyId,
        actorName,
        actorOrganizationId: a.actorOrgId,
        actorOrganizationName,
        action: a.action,
        read: isReadAction(a.action),
        entityType: a.entityType,
        entityId: a.entityId,
        organizationId: a.organizationId,
        organizationName,
        requestId: a.requestId,
      })),
      nextCursor: page.nextCursor,
    };
  },
});
