import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../client';
import { clients, consents, referrals } from '../schema';

// Referral-domain factories: each inserts one valid row and returns it. Tests that exercise the
// API's rules create through the API; these build the world around them.
const uniq = () => randomBytes(3).toString('hex');

export const newClient = async (db: DbOrTx, org: { id: string }, over: Partial<typeof clients.$inferInsert> = {}) =>
  (
    await db
      .insert(clients)
      .values({
        givenName: 'Rosa',
        familyName: `Test-${uniq()}`,
        dateOfBirth: '1984-06-02',
        phones: ['(323) 555-0100'],
        preferredLanguage: 'es',
        preferredContactMethod: 'text',
        createdByOrgId: org.id,
        ...over,
      })
      .returning()
  )[0]!;

/** A network-wide written consent signed yesterday, valid for a year unless overridden. */
export const newConsent = async (db: DbOrTx, client: { id: string }, over: Partial<typeof consents.$inferInsert> = {}) =>
  (
    await db
      .insert(consents)
      .values({
        clientId: client.id,
        scope: 'network',
        method: 'written',
        signedAt: new Date(Date.now() - 86_400_000),
        expiresAt: new Date(Date.now() + 365 * 86_400_000),
        ...over,
      })
      .returning()
  )[0]!;

/** A draft with a complete packet (send it through the API to exercise the rules). */
export const newReferral = async (
  db: DbOrTx,
  opts: { from: { id: string }; to: { id: string }; client: { id: string } } & Partial<typeof referrals.$inferInsert>,
) => {
  const { from, to, client, ...over } = opts;
  return (
    await db
      .insert(referrals)
      .values({
        sendingOrgId: from.id,
        receivingOrgId: to.id,
        clientId: client.id,
        needs: ['food-insecurity'],
        reason: 'Food runs out mid-month',
        senderContactName: 'Dana Cruz',
        senderContactEmail: 'dana@test.example',
        status: 'draft',
        ...over,
      })
      .returning()
  )[0]!;
};
