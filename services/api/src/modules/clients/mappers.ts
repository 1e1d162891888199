import {
  consentStatus,
  type Client,
  type ClientReferral,
  type Consent,
  type ReferralStatus,
  type SdohCategory,
  type SendPacket,
} from '@tandem/contract';
import { covers } from './access';
import type { ClientReferralRow, ClientRow, ConsentRow } from './repo';

type Language = NonNullable<Client['preferredLanguage']>;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The client's part of the send packet and the consent that best covers the receiver: the one
 * named on the referral if any, else an active covering one, else the latest covering one (so
 * the packet check can say it was revoked or expired). `consentsOfClient` newest first.
 */
export const packetOf = (row: ClientRow | undefined, consentsOfClient: ConsentRow[], receivingOrgId: string | null, consentId: string | null, now: Date) => {
  const client: SendPacket['client'] = row
    ? { name: `${row.givenName} ${row.familyName}`.trim(), phones: row.phones, email: row.email, preferredContactMethod: row.preferredContactMethod, preferredLanguage: row.preferredLanguage }
    : null;
  let chosen: ConsentRow | undefined;
  const anyConsent = Boolean(row && receivingOrgId) && consentsOfClient.length > 0;
  if (row && receivingOrgId) {
    const all = consentsOfClient.filter((c) => covers(c, receivingOrgId));
    chosen = (consentId ? all.find((c) => c.id === consentId) : undefined) ?? all.find((c) => consentStatus(c, now) === 'active') ?? all[0];
  }
  // Consents on file that leave this receiver out say so, rather than "record a consent".
  const consent: SendPacket['consent'] = chosen
    ? { coversReceiver: true, expiresAt: iso(chosen.expiresAt), revokedAt: iso(chosen.revokedAt) }
    : anyConsent
      ? { coversReceiver: false }
      : null;
  // The consent a send records is one in force: under a BAA a revoked or expired one is not "the
  // consent it was sent under".
  return { client, consent, consentId: chosen && consentStatus(chosen, now) === 'active' ? chosen.id : null };
};

/** The consent a referral was sent under, with its status now. */
export const consentSummaryOf = (c: ConsentRow | null | undefined, now: Date) => {
  if (!c) return null;
  const full = toConsent(c, now);
  return { id: full.id, status: full.status, scope: full.scope, signedAt: full.signedAt, expiresAt: full.expiresAt, revokedAt: full.revokedAt, revokedReason: full.revokedReason };
};

export const toClient = (r: ClientRow): Client => ({
  id: r.id,
  givenName: r.givenName,
  middleName: r.middleName,
  familyName: r.familyName,
  preferredName: r.preferredName,
  dateOfBirth: r.dateOfBirth,
  phones: r.phones,
  email: r.email,
  address: r.address ? { line2: null, ...r.address } : null,
  preferredLanguage: r.preferredLanguage,
  preferredContactMethod: r.preferredContactMethod,
  preferredContactTimes: r.preferredContactTimes,
  pronouns: r.pronouns,
  safeContactNotes: r.safeContactNotes,
  createdByOrganizationId: r.createdByOrgId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export const toConsent = (r: ConsentRow, now = new Date()): Consent => ({
  id: r.id,
  clientId: r.clientId,
  scope: r.scope,
  organizationIds: r.organizationIds,
  method: r.method,
  language: r.language as Language, // no CHECK on consents.language yet, so the column stays a string
  signedAt: r.signedAt.toISOString(),
  expiresAt: iso(r.expiresAt),
  revokedAt: iso(r.revokedAt),
  revokedReason: r.revocationReason,
  revokedByUserId: r.revokedByUserId,
  status: consentStatus(r, now),
  witnessName: r.witnessName,
  documentUrl: r.documentUrl,
  recordedByUserId: r.recordedByUserId,
  recordedByOrganizationId: r.recordedByOrgId,
  createdAt: r.createdAt.toISOString(),
});

export const toClientReferral = (r: ClientReferralRow): ClientReferral => ({
  id: r.id,
  status: r.status as ReferralStatus,
  needs: r.needs as SdohCategory[],
  sendingOrganizationId: r.sendingOrgId,
  sendingOrganizationName: r.sendingOrganizationName,
  receivingOrganizationId: r.receivingOrgId,
  receivingOrganizationName: r.receivingOrganizationName,
  receivingServiceName: r.receivingServiceName,
  createdAt: r.createdAt.toISOString(),
  sentAt: iso(r.sentAt),
  closedAt: iso(r.closedAt),
});
