import type { ApiKey } from '@tandem/contract';
import type { ApiKeyRow } from './repo';

export const toApiKey = (r: ApiKeyRow): ApiKey => ({
  ...r,
  scopes: r.scopes,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});
