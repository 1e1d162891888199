import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common/ids';
import { pageOf, PageQuerySchema } from '../common/pagination';

// The append-only audit trail, served by services/api/src/modules/audit.

export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    at: TimestampSchema,
    actorUserId: IdSchema.nullable(),
    actorApiKeyId: IdSchema.nullable(),
    actorName: z.string().nullable().describe("The person's name, or the API key's; null for Tandem itself or a deleted record"),
    actorOrganizationId: IdSchema.nullable(),
    actorOrganizationName: z.string().nullable(),
    action: z.string(),
    read: z.boolean().describe('The row records a read (someone saw records), not a change'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    organizationId: IdSchema.nullable(),
    organizationName: z.string().nullable().describe('The organization the record belongs to'),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry', description: 'One row of the append-only audit trail' });
export type AuditLogEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = pageOf(AuditEntrySchema);
export const AuditListQuerySchema = PageQuerySchema.extend({
  from: TimestampSchema.optional().describe('Rows at or after this time (give a range: only its monthly partitions are read)'),
  to: TimestampSchema.optional().describe('Rows before this time'),
  actorUserId: IdSchema.optional().describe('Who: rows of this person'),
  actorApiKeyId: IdSchema.optional().describe('Who: rows of this API key'),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*\.?$/, 'An action such as referral.read, or a prefix ending in a dot such as referral.')
    .max(60)
    .optional()
    .describe('What: an action (referral.read), or every action under a prefix ending in a dot (referral.)'),
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  clientId: IdSchema.optional().describe("Which client: rows about the client, its consents and its referrals"),
})
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { path: ['to'], message: 'Must be after from' });
export type AuditListQuery = z.input<typeof AuditListQuerySchema>;

/**
 * Audit actions that record a read (someone saw records), not a change: change history leaves
 * them out, the audit page shows them as reads.
 */
export const isReadAction = (action: string) => /\.(read|list)$/.test(action) || action === 'client.match';
