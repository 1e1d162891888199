import { z } from 'zod';
import {
  CreateMessageBodySchema,
  CreateReferralBodySchema,
  ForwardBodySchema,
  InboxCountsSchema,
  ReferralWorklistSchema,
  WORKLIST_FILTERS,
  MessageSchema,
  ReferralDetailSchema,
  ReferralEventSchema,
  ReferralListQuerySchema,
  ReferralSchema,
  TransitionBodySchema,
  UpdateReferralBodySchema,
} from './schemas';
import {
  ClientMatchSchema,
  consentLanguageFor,
  ClientSchema,
  ConsentSchema,
  CreateClientBodySchema,
  CreateConsentBodySchema,
  RevokeConsentBodySchema,
  UpdateClientBodySchema,
} from '../clients/schemas';

const id = '5f0c7a36-1c1e-4a7e-9b0e-2f2b7d6f9a10';
const at = '2026-03-02T17:30:00Z';

describe('request bodies', () => {
  it.each<[string, z.ZodType, unknown, boolean]>([
    ['an empty draft', CreateReferralBodySchema, {}, true],
    ['a draft with an unknown need', CreateReferralBodySchema, { needs: ['rent'] }, false],
    ['a draft with a bad receiving org id', CreateReferralBodySchema, { receivingOrganizationId: '42' }, false],
    // The version may come as If-Match instead (route() answers 428 when neither is sent).
    ['an update without version', UpdateReferralBodySchema, { reason: 'x' }, true],
    ['an update with version 0', UpdateReferralBodySchema, { reason: 'x', version: 0 }, false],
    ['an update with only version', UpdateReferralBodySchema, { version: 1 }, true],
    ['a transition', TransitionBodySchema, { to: 'declined', reason: 'no_capacity', version: 2 }, true],
    ['a transition to an unknown status', TransitionBodySchema, { to: 'closed', version: 2 }, false],
    ['a transition without version', TransitionBodySchema, { to: 'accepted' }, true],
    ['a transition with a version past the column', TransitionBodySchema, { to: 'accepted', version: 2 ** 31 }, false],
    ['a transition with an unknown reason', TransitionBodySchema, { to: 'declined', reason: 'busy', version: 2 }, false],
    ['a forward', ForwardBodySchema, { receivingOrganizationId: id, note: 'Closer to home', version: 4 }, true],
    ['a forward without a note', ForwardBodySchema, { receivingOrganizationId: id, note: '  ', version: 4 }, false],
    ['a message', CreateMessageBodySchema, { body: 'Intake Thursday' }, true],
    ['an empty message', CreateMessageBodySchema, { body: '' }, false],
    ['a minimal client', CreateClientBodySchema, { givenName: 'Rosa', familyName: 'Martinez' }, true],
    ['a client without family name', CreateClientBodySchema, { givenName: 'Rosa' }, false],
    ['a client born in 1850', CreateClientBodySchema, { givenName: 'Rosa', familyName: 'M', dateOfBirth: '1850-01-01' }, false],
    [
      'a client with a bad ZIP',
      CreateClientBodySchema,
      { givenName: 'R', familyName: 'M', address: { line1: '1 Main', city: 'LA', postalCode: '9003' } },
      false,
    ],
    [
      'a client with an unknown contact method',
      CreateClientBodySchema,
      { givenName: 'R', familyName: 'M', preferredContactMethod: 'fax' },
      false,
    ],
    ['a client update with only version', UpdateClientBodySchema, { version: 3 }, true],
    ['a network consent', CreateConsentBodySchema, { scope: 'network', method: 'written', signedAt: at }, true],
    ['a listed-orgs consent with no orgs', CreateConsentBodySchema, { scope: 'listed_orgs', method: 'written', signedAt: at }, false],
    [
      'a listed-orgs consent',
      CreateConsentBodySchema,
      { scope: 'listed_orgs', organizationIds: [id], method: 'electronic', signedAt: at },
      true,
    ],
    [
      'a network consent listing orgs',
      CreateConsentBodySchema,
      { scope: 'network', organizationIds: [id], method: 'written', signedAt: at },
      false,
    ],
    ['a verbal consent without witness', CreateConsentBodySchema, { scope: 'network', method: 'verbal_witnessed', signedAt: at }, false],
    [
      'a verbal consent with witness',
      CreateConsentBodySchema,
      { scope: 'network', method: 'verbal_witnessed', witnessName: 'Dana Lee', signedAt: at },
      true,
    ],
    [
      'a consent expiring before signing',
      CreateConsentBodySchema,
      { scope: 'network', method: 'written', signedAt: at, expiresAt: '2026-01-01T00:00:00Z' },
      false,
    ],
    ['a revocation without reason', RevokeConsentBodySchema, {}, true],
  ])('%s: valid=%s', (_name, schema, input, valid) => {
    expect(schema.safeParse(input).success).toBe(valid);
  });

  it('fills draft defaults', () => {
    expect(CreateReferralBodySchema.parse({})).toEqual({ needs: [], urgency: 'routine' });
  });

  it('does not reset fields a client update leaves out', () => {
    expect(UpdateClientBodySchema.parse({ version: 3 })).toEqual({ version: 3 });
  });

  it('normalises client contact fields', () => {
    const c = CreateClientBodySchema.parse({
      givenName: ' Rosa ',
      familyName: 'Martinez',
      email: ' Rosa@Example.ORG ',
      address: { line1: '1 Main St', city: 'LA', state: 'ca', postalCode: '90033' },
    });
    expect(c).toMatchObject({ givenName: 'Rosa', email: 'rosa@example.org', phones: [], address: { state: 'CA' } });
  });
});

describe('ReferralListQuery', () => {
  it('defaults to the received box, page size and newest first', () => {
    expect(ReferralListQuerySchema.parse({})).toEqual({ box: 'received', limit: 25, sort: 'newest' });
  });
  it.each<[Record<string, string>, boolean]>([
    [{ box: 'sent', status: 'on_hold', need: 'housing-instability', limit: '50' }, true],
    [{ box: 'elsewhere' }, false],
    [{ overdue: 'yes' }, false],
    [{ assigneeId: 'me' }, true],
    [{ assigneeId: 'none' }, true],
    [{ assigneeId: id }, true],
    [{ assigneeId: 'someone' }, false],
  ])('%j valid=%s', (query, valid) => {
    expect(ReferralListQuerySchema.safeParse(query).success).toBe(valid);
  });
  it.each([
    ['true', true],
    ['false', false],
  ])('reads overdue=%s as %s', (raw, value) => {
    expect(ReferralListQuerySchema.parse({ overdue: raw }).overdue).toBe(value);
  });
});

describe('WORKLIST_FILTERS', () => {
  it.each(Object.entries(WORKLIST_FILTERS).flatMap(([side, buckets]) => Object.entries(buckets).map(([b, f]) => [`${side}.${b}`, f] as const)))(
    '%s is a valid inbox query',
    (_name, filter) => {
      expect(ReferralListQuerySchema.safeParse(filter).success).toBe(true);
    },
  );
  it('names a filter for every bucket of the worklist', () => {
    const zero = ReferralWorklistSchema.parse({
      sent: { drafts: 0, returned: 0, overdue: 0, unreadMessages: 0 },
      received: { toAcknowledge: 0, assignedToMe: 0, overdue: 0, unreadMessages: 0 },
    });
    expect(Object.keys(WORKLIST_FILTERS.sent).sort()).toEqual(Object.keys(zero.sent).sort());
    expect(Object.keys(WORKLIST_FILTERS.received).sort()).toEqual(Object.keys(zero.received).sort());
  });
});

describe('OpenAPI', () => {
  const responses = {
    ReferralSchema,
    ReferralDetailSchema,
    ReferralEventSchema,
    MessageSchema,
    ClientSchema,
    ClientMatchSchema,
    ConsentSchema,
    InboxCountsSchema,
    ReferralWorklistSchema,
  };
  const requests = {
    CreateReferralBodySchema,
    UpdateReferralBodySchema,
    TransitionBodySchema,
    ForwardBodySchema,
    CreateMessageBodySchema,
    CreateClientBodySchema,
    UpdateClientBodySchema,
    CreateConsentBodySchema,
    RevokeConsentBodySchema,
    ReferralListQuerySchema,
  };

  it.each(Object.entries(responses))('%s renders as JSON Schema (output)', (_name, schema) => {
    expect(() => z.toJSONSchema(schema, { io: 'output' })).not.toThrow();
  });
  it.each(Object.entries(requests))('%s renders as JSON Schema (input)', (_name, schema) => {
    expect(() => z.toJSONSchema(schema, { io: 'input' })).not.toThrow();
  });
  it.each(Object.entries({ ...responses, ...requests }).filter(([n]) => n !== 'ReferralListQuerySchema'))(
    '%s has an OpenAPI id',
    (_name, schema) => {
      expect(z.globalRegistry.get(schema)?.id).toEqual(expect.any(String));
    },
  );
});

describe('consentLanguageFor (issue 24)', () => {
  it('is the client’s preferred language, else English', () => {
    expect([consentLanguageFor('es'), consentLanguageFor('vi'), consentLanguageFor(null), consentLanguageFor(undefined), consentLanguageFor('xx')]).toEqual(['es', 'vi', 'en', 'en', 'en']);
  });
});
