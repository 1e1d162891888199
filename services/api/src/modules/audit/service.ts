import type { z } from 'zod';
import type { Db } from '@tandem/db';
import type { AuditListQuerySchema } from '@tandem/contract';
import type { Actor } from '../../lib/actor';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { readableOrgIds } from './access';
import { toAuditEntry } from './mappers';
import { auditRepo } from './repo';

export const createAuditService = ({ db }: { db: Db }) => ({
  /** Network admins read every row; an org admin the rows of the organizations they administer. */
  async list(actor: Actor, q: z.output<typeof AuditListQuerySchema>) {
    const orgIds = readableOrgIds(actor);
    const { cursor, ...filters } = q;
    const rows = await auditRepo.page(db, { ...filters, orgIds, after: decodeCursor(cursor, KeyCursor) });
    const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.a.id]);
    return { data: page.data.map(toAuditEntry), nextCursor: page.nextCursor };
  },
});
export type AuditService = ReturnType<typeof createAuditService>;
