import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from '../common/ids';
import { SdohCategorySchema } from '../common/enums';
import { pageOf, PageQuerySchema } from '../common/pagination';
import { ReferralStatusSchema } from '../referrals/enums';
import { MIN_NAME_LETTERS, MIN_PHONE_DIGITS, parseClientSearch } from './search';

// Finding a client and listing their referrals (the client record). The client itself, its
// consents and likely matches are in ../referrals/schemas.ts (ClientSchema, ConsentSchema).

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
