import type { Db } from '@tandem/db';
import type { ApiScope } from '@tandem/contract';
import { notFound } from '../../lib/app-error';
import { type Ctx, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken, sha256 } from '../../lib/crypto';
import { changingAuth } from '../../lib/auth-cache';
import { toApiKey } from './mappers';
import { apiKeysRepo } from './repo';

export const createApiKeysService = ({ db }: { db: Db }) => ({
  async list(orgId: string) {
    return { data: (await apiKeysRepo.list(db, orgId)).map(toApiKey) };
  },
  /** Another organization's key, through this organization's path, is as unknown as a random id. */
  async get(orgId: string, keyId: string) {
    const r = await apiKeysRepo.one(db, orgId, keyId);
    if (!r) throw notFound('API key');
    return toApiKey(r);
  },
  async create(ctx: Ctx, orgId: string, input: { name: string; scopes: ApiScope[] }) {
    const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
    const secret = `tdm_${prefix}_${randomToken(32)}`;
    const row = await db.transaction(async (tx) => {
      const r = await apiKeysRepo.insert(tx, {
        organizationId: orgId,
        name: input.name,
        prefix: `tdm_${prefix}`,
        secretHash: sha256(secret),
        scopes: [...new Set(input.scopes)],
        createdBy: userIdOf(ctx.actor),
      });
      await recordAudit(tx, ctx, { action: 'api_key.create', entityType: 'api_key', entityId: r.id, organizationId: orgId });
      return r;
    });
    return { ...toApiKey(row), secret };
  },
  async revoke(ctx: Ctx, orgId: string, keyId: string) {
    // A revoked key is refused on the next request, not when a cached lookup runs out.
    return changingAuth(() =>
      db.transaction(async (tx) => {
        const r = await apiKeysRepo.revoke(tx, orgId, keyId);
        if (!r) throw notFound('API key');
        await recordAudit(tx, ctx, { action: 'api_key.revoke', entityType: 'api_key', entityId: keyId, organizationId: orgId });
        return toApiKey(r);
      }),
    );
  },
});
export type ApiKeysService = ReturnType<typeof createApiKeysService>;
