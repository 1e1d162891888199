import { checkSendPacket, type SendPacket } from './send-packet';

const now = new Date('2026-03-10T18:00:00Z');
const complete = (): SendPacket => ({
  receivingOrganizationId: '0190a6f0-0000-7000-8000-000000000001',
  client: { name: 'Rosa Martinez', phones: ['(323) 555-0100'], email: null, preferredContactMethod: 'phone', preferredLanguage: 'es' },
  needs: ['food-insecurity'],
  reason: 'Family of four, food runs out mid-month',
  senderContact: { name: 'Dana Lee', phone: '(213) 555-0199', email: 'dlee@dhs.example' },
  consent: { coversReceiver: true, expiresAt: '2027-03-10T00:00:00Z', revokedAt: null },
  hasActiveBaa: false,
  now,
});
type Edit = (p: SendPacket) => SendPacket;
const withClient =
  (c: Partial<NonNullable<SendPacket['client']>>): Edit =>
  (p) => ({ ...p, client: { ...p.client!, ...c } });

describe('checkSendPacket', () => {
  it('passes a complete packet', () => {
    expect(checkSendPacket(complete())).toEqual({ complete: true, missing: [] });
  });

  it.each<[string, Edit, string]>([
    ['no client at all', (p) => ({ ...p, client: null }), 'client'],
    ['no client name', withClient({ name: null }), 'client.name'],
    ['a blank client name', withClient({ name: '   ' }), 'client.name'],
    ['no phone and no email', withClient({ phones: [], email: null }), 'client.contact'],
    ['only blank phones', withClient({ phones: [' '], email: '' }), 'client.contact'],
    ['no preferred language', withClient({ preferredLanguage: null }), 'client.preferredLanguage'],
    ['no needs', (p) => ({ ...p, needs: [] }), 'needs'],
    ['no reason', (p) => ({ ...p, reason: null }), 'reason'],
    ['a blank reason', (p) => ({ ...p, reason: ' \n' }), 'reason'],
    ['no sender contact', (p) => ({ ...p, senderContact: null }), 'senderContact'],
    ['a sender contact without a name', (p) => ({ ...p, senderContact: { name: '', phone: '(213) 555-0199' } }), 'senderContact'],
    [
      'a sender contact with no phone or email',
      (p) => ({ ...p, senderContact: { name: 'Dana Lee', phone: null, email: ' ' } }),
      'senderContact',
    ],
    ['no consent', (p) => ({ ...p, consent: null }), 'consent'],
    ['a consent that does not cover the receiver', (p) => ({ ...p, consent: { coversReceiver: false } }), 'consent'],
    ['an expired consent', (p) => ({ ...p, consent: { coversReceiver: true, expiresAt: '2026-03-01T00:00:00Z' } }), 'consent'],
    ['a consent expiring exactly now', (p) => ({ ...p, consent: { coversReceiver: true, expiresAt: now.toISOString() } }), 'consent'],
    ['a consent with an unreadable expiry', (p) => ({ ...p, consent: { coversReceiver: true, expiresAt: 'soon' } }), 'consent'],
    [
      'a revoked consent',
      (p) => ({ ...p, consent: { coversReceiver: true, expiresAt: null, revokedAt: '2026-03-09T00:00:00Z' } }),
      'consent',
    ],
  ])('reports %s, and only that', (_name, edit, field) => {
    const result = checkSendPacket(edit(complete()));
    expect(result.complete).toBe(false);
    expect(result.missing.map((m) => m.field)).toEqual([field]);
    expect(result.missing[0]!.message).toMatch(/\w/);
  });

  it('reports both the client contact and the sender contact when the client is reached through a sender with no phone or email', () => {
    const p = withClient({ phones: [], preferredContactMethod: 'through_sender' })({
      ...complete(),
      senderContact: { name: 'Dana Lee', phone: null, email: null },
    });
    const result = checkSendPacket(p);
    expect(result.missing.map((m) => m.field)).toEqual(['client.contact', 'senderContact']);
    expect(result.missing[0]!.message).toMatch(/through the sender/);
    expect(result.missing.map((m) => m.code)).toEqual(['packet.sender_contact_for_client', 'packet.sender_contact']);
  });

  it('tells an expired consent from a revoked one', () => {
    const expired = checkSendPacket({ ...complete(), consent: { coversReceiver: true, expiresAt: '2026-01-01T00:00:00Z' } });
    const revoked = checkSendPacket({ ...complete(), consent: { coversReceiver: true, revokedAt: '2026-01-01T00:00:00Z' } });
    expect(expired.missing[0]!.message).toMatch(/expired/);
    expect(revoked.missing[0]!.message).toMatch(/revoked/);
    // Clients tell them apart by a stable code, not by the English wording.
    expect([expired.missing[0]!.code, revoked.missing[0]!.code]).toEqual(['packet.consent_expired', 'packet.consent_revoked']);
  });

  it.each<[string, Edit]>([
    ['an email only', withClient({ phones: [], email: 'rosa@example.org' })],
    [
      'through the sender with a sender phone',
      (p) =>
        withClient({ phones: [], preferredContactMethod: 'through_sender' })({
          ...p,
          senderContact: { name: 'Dana Lee', phone: '(213) 555-0199' },
        }),
    ],
    [
      'through the sender with a sender email',
      (p) =>
        withClient({ phones: [], preferredContactMethod: 'through_sender' })({
          ...p,
          senderContact: { name: 'Dana Lee', email: 'dlee@dhs.example' },
        }),
    ],
    ['a consent with no expiry', (p) => ({ ...p, consent: { coversReceiver: true, expiresAt: null } })],
    ['an active BAA and no consent', (p) => ({ ...p, consent: null, hasActiveBaa: true })],
    [
      'an active BAA and an expired consent',
      (p) => ({ ...p, consent: { coversReceiver: true, expiresAt: '2020-01-01T00:00:00Z' }, hasActiveBaa: true }),
    ],
    [
      'an active BAA and a revoked consent',
      (p) => ({ ...p, consent: { coversReceiver: true, revokedAt: '2026-01-01T00:00:00Z' }, hasActiveBaa: true }),
    ],
  ])('accepts %s', (_name, edit) => {
    expect(checkSendPacket(edit(complete()))).toEqual({ complete: true, missing: [] });
  });

  it('lists everything missing from an empty draft, in form order', () => {
    const result = checkSendPacket({ receivingOrganizationId: null, client: null, needs: [], reason: null, senderContact: null, consent: null, hasActiveBaa: false, now });
    expect(result.missing.map((m) => m.field)).toEqual(['receivingOrganization', 'client', 'needs', 'reason', 'senderContact']);
  });

  it('judges consent only once a receiver is chosen', () => {
    const noConsent = { ...complete(), consent: null };
    expect(checkSendPacket(noConsent).missing.map((m) => m.field)).toEqual(['consent']);
    expect(checkSendPacket({ ...noConsent, receivingOrganizationId: null }).missing.map((m) => m.field)).toEqual(['receivingOrganization']);
  });

  it('lists every client field of an empty client', () => {
    const result = checkSendPacket({ ...complete(), client: { phones: [] } });
    expect(result.missing.map((m) => m.field)).toEqual(['client.name', 'client.contact', 'client.preferredLanguage']);
  });
});
