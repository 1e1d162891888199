import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common/ids';
import { ApiScopeSchema } from './enums';

export const ApiKeySchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    name: z.string(),
    prefix: z.string().describe('First characters of the key, to recognise it'),
    scopes: z.array(ApiScopeSchema),
    createdAt: TimestampSchema,
    lastUsedAt: TimestampSchema.nullable(),
    revokedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const CreateApiKeyBodySchema = z
  .object({ name: z.string().trim().min(1).max(120), scopes: z.array(ApiScopeSchema).min(1) })
  .meta({ example: { name: 'Case management sync', scopes: ['directory:read', 'referrals:read'] } });
export const CreatedApiKeySchema = ApiKeySchema.extend({
  secret: z.string().describe('The key itself. Shown once; store it now.'),
}).meta({ id: 'CreatedApiKey' });
