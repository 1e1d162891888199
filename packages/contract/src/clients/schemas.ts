import { z } from 'zod';
import { DateSchema, EmailSchema, IdSchema, optionalText, PhoneSchema, text, TimestampSchema, UrlSchema, VersionSchema, WriteVersionSchema } from '../common/ids';
import { LANGUAGES, LanguageSchema, SdohCategorySchema } from '../common/enums';
import { pageOf, PageQuerySchema } from '../common/pagination';
import { ConsentMethodSchema, ConsentScopeSchema, ContactMethodSchema, ReferralStatusSchema } from '../referrals/enums';
import { MIN_NAME_LETTERS, MIN_PHONE_DIGITS, parseClientSearch } from './search';

// The client (PHI), its consents and likely matches; finding a client and listing their
// referrals (the client record). Served by services/api/src/modules/clients.

// ---- Clients ---------------------------------------------------------------------------------

export const AddressSchema = z
  .object({
    line1: text(200),
    line2: optionalText(200),
    city: text(100),
    state: z.string().trim().toUpperCase().length(2).default('CA').describe('Two-letter US state code'),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'Use a 5-digit ZIP code (or ZIP+4)'),
  })
  .meta({ id: 'Address', example: { line1: '1200 N State St', city: 'Los Angeles', state: 'CA', postalCode: '90033' } });
export type Address = z.infer<typeof AddressSchema>;

export const ClientSchema = z
  .object({
    id: IdSchema,
    givenName: z.string(),
    middleName: z.string().nullable(),
    familyName: z.string(),
    preferredName: z.string().nullable().describe('Name the client wants to be called'),
    dateOfBirth: DateSchema.nullable(),
    phones: z.array(z.string()),
    email: z.string().nullable(),
    address: z
      .object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), state: z.string(), postalCode: z.string() })
      .nullable(),
    preferredLanguage: LanguageSchema.nullable(),
    preferredContactMethod: ContactMethodSchema.nullable(),
    preferredContactTimes: z.string().nullable().describe('When the client can be reached, in their words (e.g. "weekdays after 3pm")'),
    pronouns: z.string().nullable(),
    safeContactNotes: z.string().nullable().describe('What is safe: e.g. "do not leave voicemail", "text only"'),
    createdByOrganizationId: IdSchema,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Client', description: 'The person being referred (PHI: visible only to organizations on their referrals)' });
export type Client = z.infer<typeof ClientSchema>;
export const ClientPageSchema = pageOf(ClientSchema);

// No defaults here, so the update body (a partial) never resets a field the caller left out.
const clientFields = {
  givenName: text(100),
  middleName: optionalText(100),
  familyName: text(100),
  preferredName: optionalText(100),
  dateOfBirth: DateSchema.refine((d) => d >= '1900-01-01', 'Date of birth is too far in the past').nullish(),
  phones: z.array(PhoneSchema).max(5),
  email: EmailSchema.nullish(),
  address: AddressSchema.nullish(),
  preferredLanguage: LanguageSchema.nullish(),
  preferredContactMethod: ContactMethodSchema.nullish(),
  preferredContactTimes: optionalText(200),
  pronouns: optionalText(50),
  safeContactNotes: optionalText(1000),
};

export const CreateClientBodySchema = z.object({ ...clientFields, phones: clientFields.phones.default([]) }).meta({
  id: 'CreateClientBody',
  example: {
    givenName: 'Rosa',
    familyName: 'Martinez',
    dateOfBirth: '1984-06-02',
    phones: ['(323) 555-0100'],
    preferredLanguage: 'es',
    preferredContactMethod: 'text',
    preferredContactTimes: 'Weekdays after 3pm',
    safeContactNotes: 'Do not leave voicemail',
  },
});
export type CreateClientBody = z.input<typeof CreateClientBodySchema>;

export const UpdateClientBodySchema = z
  .object({ ...clientFields, version: WriteVersionSchema })
  .partial()
  .meta({ id: 'UpdateClientBody' });
export type UpdateClientBody = z.input<typeof UpdateClientBodySchema>;

export const ClientMatchSchema = z
  .object({
    id: IdSchema,
    name: z.string().describe('Display name of the existing client'),
    dateOfBirth: DateSchema.nullable(),
    score: z.number().min(0).max(1).describe('Match strength from 0 to 1 (name + date of birth)'),
  })
  .meta({ id: 'ClientMatch', description: 'An existing client who may be the same person' });
export type ClientMatch = z.infer<typeof ClientMatchSchema>;

export const CreateClientResponseSchema = z
  .object({
    client: ClientSchema,
    matches: z.array(ClientMatchSchema).describe('Likely existing records of the same person, best first'),
  })
  .meta({ id: 'CreateClientResponse' });

export const ClientMatchQuerySchema = z.strictObject({
  name: z.string().trim().min(2).max(200).describe('Full name as typed; accents and case are ignored'),
  dateOfBirth: DateSchema.optional().describe('When given, only clients born that day match'),
});
export const ClientMatchListSchema = z.object({ data: z.array(ClientMatchSchema) }).meta({ id: 'ClientMatchList' });

// ---- Consents --------------------------------------------------------------------------------

export const CONSENT_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
/** Revocation wins over expiry; expiring exactly now counts as expired (as checkSendPacket does). */
export const consentStatus = (c: { revokedAt?: string | Date | null; expiresAt?: string | Date | null }, now: Date): ConsentStatus =>
  c.revokedAt ? 'revoked' : c.expiresAt != null && !(new Date(c.expiresAt).getTime() > now.getTime()) ? 'expired' : 'active';

export const ConsentSchema = z
  .object({
    id: IdSchema,
    clientId: IdSchema,
    scope: ConsentScopeSchema,
    organizationIds: z.array(IdSchema).describe('Organizations covered when scope is listed_orgs; empty for network'),
    method: ConsentMethodSchema,
    language: LanguageSchema.describe('Language the consent was explained and signed in'),
    signedAt: TimestampSchema,
    expiresAt: TimestampSchema.nullable(),
    revokedAt: TimestampSchema.nullable(),
    revokedReason: z.string().nullable(),
    witnessName: z.string().nullable().describe('Who witnessed a verbal consent'),
    documentUrl: z.string().nullable().describe('Link to the signed form'),
    revokedByUserId: IdSchema.nullable().describe('Who recorded the revocation'),
    status: z.enum(CONSENT_STATUSES).describe('active, expired or revoked, as of the moment of reading'),
    recordedByUserId: IdSchema.nullable().describe('Null when recorded through an API key'),
    recordedByOrganizationId: IdSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Consent', description: "A client's consent to share their information for referrals" });
export type Consent = z.infer<typeof ConsentSchema>;

export const CreateConsentBodySchema = z
  .object({
    scope: ConsentScopeSchema,
    organizationIds: z.array(IdSchema).max(200).default([]),
    method: ConsentMethodSchema,
    language: LanguageSchema.optional().describe('Language the consent was explained and signed in; when left out, the client’s preferred language (else en)'),
    signedAt: TimestampSchema,
    expiresAt: TimestampSchema.nullish(),
    witnessName: optionalText(120),
    documentUrl: UrlSchema.nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.scope === 'listed_orgs' && c.organizationIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['organizationIds'], message: 'List at least one organization', params: { code: 'consent.organizations_required' } });
    }
    if (c.scope === 'network' && c.organizationIds.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['organizationIds'], message: 'A network consent lists no organizations', params: { code: 'consent.organizations_not_allowed' } });
    }
    if (c.method === 'verbal_witnessed' && !c.witnessName) {
      ctx.addIssue({ code: 'custom', path: ['witnessName'], message: 'Name the witness of a verbal consent', params: { code: 'consent.witness_required' } });
    }
    if (c.expiresAt && Date.parse(c.expiresAt) <= Date.parse(c.signedAt)) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'Expiry must be after signing', params: { code: 'consent.expiry_before_signing' } });
    }
  })
  .meta({
    id: 'CreateConsentBody',
    example: { scope: 'network', method: 'written', language: 'es', signedAt: '2026-03-02T17:30:00Z', expiresAt: '2027-03-02T17:30:00Z' },
  });
export type CreateConsentBody = z.input<typeof CreateConsentBodySchema>;

/** The language a consent is explained in unless someone says otherwise: the client's preferred one, else English. */
export const consentLanguageFor = (preferredLanguage: string | null | undefined): (typeof LANGUAGES)[number] =>
  (LANGUAGES as readonly string[]).includes(preferredLanguage ?? '') ? (preferredLanguage as (typeof LANGUAGES)[number]) : 'en';

export const RevokeConsentBodySchema = z
  .object({ reason: optionalText(500).describe('Why the client withdrew consent, if they said') })
  .meta({ id: 'RevokeConsentBody' });
export type RevokeConsentBody = z.input<typeof RevokeConsentBodySchema>;

// ---- The client record ---------------------------------------------------------------------------


export const ClientSearchQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(200)
    .refine((q) => parseClientSearch(q) !== null, {
      message: `Type at least ${MIN_NAME_LETTERS} letters of a name, a date of birth (YYYY-MM-DD) or ${MIN_PHONE_DIGITS} digits of a phone number`,
    })
    .describe(
      'A name, date of birth or phone. Name: each word starts a word of the given, middle, family or preferred name ' +
        `(at least ${MIN_NAME_LETTERS} letters; "Garc" finds "García", "garcia" finds "García", "María" finds "Maria"). ` +
        'Date of birth: YYYY-MM-DD. Phone: digits only, any formatting (at least 4 digits; a number contains them). ' +
        'Parts combine: "Garc 1984-06-02".',
    ),
});
export type ClientSearchQuery = z.input<typeof ClientSearchQuerySchema>;

export const ClientSearchResultSchema = z
  .object({
    id: IdSchema,
    givenName: z.string(),
    familyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: DateSchema.nullable(),
    phones: z.array(z.string()),
  })
  .meta({ id: 'ClientSearchResult', description: 'A client found by search: enough to tell people apart (each result is an audited read)' });
export type ClientSearchResult = z.infer<typeof ClientSearchResultSchema>;
export const ClientSearchPageSchema = pageOf(ClientSearchResultSchema).meta({ id: 'ClientSearchPage' });

export const ClientReferralSchema = z
  .object({
    id: IdSchema,
    status: ReferralStatusSchema,
    needs: z.array(SdohCategorySchema),
    sendingOrganizationId: IdSchema,
    sendingOrganizationName: z.string(),
    receivingOrganizationId: IdSchema.nullable(),
    receivingOrganizationName: z.string().nullable(),
    receivingServiceName: z.string().nullable(),
    createdAt: TimestampSchema,
    sentAt: TimestampSchema.nullable(),
    closedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ClientReferral', description: "One of the client's referrals, as a row of the client record" });
export type ClientReferral = z.infer<typeof ClientReferralSchema>;
export const ClientReferralPageSchema = pageOf(ClientReferralSchema).meta({ id: 'ClientReferralPage' });
export const ClientReferralQuerySchema = PageQuerySchema;
