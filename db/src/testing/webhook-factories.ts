import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../client';
import * as schema from '../schema';

/** A webhook subscription row (a paused one, say, which only the worker makes otherwise). */
export const newWebhookSubscription = async (db: DbOrTx, organizationId: string, over: Partial<typeof schema.webhookSubscriptions.$inferInsert> = {}) =>
  (
    await db
      .insert(schema.webhookSubscriptions)
      .values({ organizationId, url: `https://hooks.example.org/${randomBytes(4).toString('hex')}`, events: ['referral.sent'], secret: randomBytes(24).toString('hex'), ...over })
      .returning()
  )[0]!;
