import type { ContactMethod } from './enums';

// "Minimum packet to send" (ARCHITECTURE §3): what a draft must hold before it can be sent.
// The API answers 422 packet_incomplete with `missing` as the problem's errors[], and the web
// app runs the same check to show what is left before the Send button.

/** Stable field paths reported in `missing`, in the order the form shows them. */
export const PACKET_FIELDS = [
  'receivingOrganization',
  'client',
  'client.name',
  'client.contact',
  'client.preferredLanguage',
  'needs',
  'reason',
  'senderContact',
  'consent',
] as const;
export type PacketField = (typeof PACKET_FIELDS)[number];

/**
 * Stable codes of the checklist items, one per way an item can be missing: clients show the
 * item in their own language by code (the message is the English fallback).
 */
export const PACKET_CHECK_CODES = [
  'packet.receiving_organization',
  'packet.client',
  'packet.client_name',
  'packet.contact',
  'packet.sender_contact_for_client',
  'packet.language',
  'packet.needs',
  'packet.reason',
  'packet.sender_contact',
  'packet.consent',
  'packet.consent_revoked',
  'packet.consent_not_covering',
  'packet.consent_expired',
] as const;
export type PacketCheckCode = (typeof PACKET_CHECK_CODES)[number];

export interface SendPacket {
  /** The organization the referral goes to (a draft may not have chosen it yet). */
  receivingOrganizationId: string | null;
  client: {
    name?: string | null;
    phones: string[];
    email?: string | null;
    preferredContactMethod?: ContactMethod | null;
    preferredLanguage?: string | null;
  } | null;
  needs: string[];
  reason?: string | null;
  senderContact: { name?: string | null; phone?: string | null; email?: string | null } | null;
  /** The client's consent that best covers the receiving org (the caller picks it), or null. */
  consent: { coversReceiver: boolean; expiresAt?: string | null; revokedAt?: string | null } | null;
  /** An active BAA between the sending and receiving organizations stands in for consent. */
  hasActiveBaa: boolean;
  now: Date;
}

export interface PacketCheck {
  complete: boolean;
  missing: { field: PacketField; code: PacketCheckCode; message: string }[];
}

const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/** Why the consent does not allow sending, or null when it does. */
const consentProblem = (consent: SendPacket['consent'], now: Date): [PacketCheckCode, string] | null => {
  if (!consent) return ['packet.consent', 'Record the client’s consent to share with the receiving organization'];
  // Revocation wins over everything else: a revoked consent is never used again.
  if (filled(consent.revokedAt)) return ['packet.consent_revoked', 'The client revoked this consent; record a new one'];
  if (!consent.coversReceiver) return ['packet.consent_not_covering', 'The client’s consent does not cover the receiving organization'];
  if (filled(consent.expiresAt)) {
    const expires = new Date(consent.expiresAt).getTime();
    // An unreadable date counts as expired: fail closed when PHI is at stake.
    if (!(expires > now.getTime())) return ['packet.consent_expired', 'The client’s consent has expired; record a new one'];
  }
  return null;
};

/**
 * Checks a referral packet before sending. Every missing item is reported, not only the first.
 * A null client is reported once as `client` (pick or create the client first) rather than as
 * each of its fields.
 */
export const checkSendPacket = (p: SendPacket): PacketCheck => {
  const missing: PacketCheck['missing'] = [];
  const add = (field: PacketField, code: PacketCheckCode, message: string) => missing.push({ field, code, message });
  const sender = p.senderContact;
  const senderReachable = !!sender && (filled(sender.phone) || filled(sender.email));

  if (!filled(p.receivingOrganizationId)) add('receivingOrganization', 'packet.receiving_organization', 'Choose the organization to refer to');
  if (!p.client) add('client', 'packet.client', 'Choose or create the client');
  else {
    const c = p.client;
    if (!filled(c.name)) add('client.name', 'packet.client_name', 'Add the client’s name');
    const direct = c.phones.some(filled) || filled(c.email);
    const throughSender = c.preferredContactMethod === 'through_sender' && senderReachable;
    if (!direct && !throughSender) {
      if (c.preferredContactMethod === 'through_sender') {
        add('client.contact', 'packet.sender_contact_for_client', 'The client is reached through the sender: add a phone or email for the sender’s contact');
      } else add('client.contact', 'packet.contact', 'Add a phone or email for the client, or choose to reach them through the sender');
    }
    if (!filled(c.preferredLanguage)) add('client.preferredLanguage', 'packet.language', 'Add the client’s preferred language');
  }
  if (!p.needs.some(filled)) add('needs', 'packet.needs', 'Choose at least one need');
  if (!filled(p.reason)) add('reason', 'packet.reason', 'Say why you are referring the client');
  if (!sender || !filled(sender.name) || !senderReachable) {
    add('senderContact', 'packet.sender_contact', 'Name the sending contact, with a phone or email the receiver can use');
  }
  // Consent is judged against the receiver: until one is chosen there is nothing to check it against.
  if (filled(p.receivingOrganizationId) && !p.hasActiveBaa) {
    const problem = consentProblem(p.consent, p.now);
    if (problem) add('consent', ...problem);
  }
  return { complete: missing.length === 0, missing };
};
