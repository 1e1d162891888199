import type { schema } from '@tandem/db';
import type {
  Api,
  ApiKey,
  Client,
  Consent,
  EndpointOutput,
  Member,
  Organization,
  Referral,
  ReferralEventType,
  Service,
  Location,
  User,
} from '@tandem/contract';

/*
 * Compile-time only (tsc -p services/api reads it; nothing imports it at run time): every enum
 * column of the database (typed with `$type<…>()` from the contract's `as const` arrays, beside
 * the CHECK built from the same array) has exactly the type the contract answers. If a contract
 * enum gains a value the column does not know, or a column is retyped, this file stops compiling,
 * so mappers never need `as` to turn a row into an answer.
 */

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
type Agreement = EndpointOutput<Api['getAgreement']>;

type Org = Row<typeof schema.organizations>;
type Svc = Row<typeof schema.services>;
type Ref = Row<typeof schema.referrals>;

export type RowsMatchContract = [
  Expect<Equal<Row<typeof schema.users>['locale'], User['locale']>>,
  Expect<Equal<Row<typeof schema.memberships>['role'], Member['role']>>,
  Expect<Equal<Row<typeof schema.invitations>['role'], Member['role'] | null>>,
  Expect<Equal<Row<typeof schema.apiKeys>['scopes'], ApiKey['scopes']>>,

  Expect<Equal<Org['type'], Organization['type']>>,
  Expect<Equal<Org['partnershipStage'], NonNullable<Organization['partnershipStage']>>>,
  Expect<Equal<Org['spas'], Organization['spas']>>,
  Expect<Equal<Org['focusPopulations'], Organization['focusPopulations']>>,
  Expect<Equal<Org['languages'], Organization['languages']>>,

  Expect<Equal<Svc['categories'], Service['categories']>>,
  Expect<Equal<Svc['communitySupport'], Service['communitySupport']>>,
  Expect<Equal<Svc['focusPopulations'], Service['focusPopulations']>>,
  Expect<Equal<Svc['languages'], Service['languages']>>,
  Expect<Equal<Svc['spas'], Service['spas']>>,
  Expect<Equal<Svc['status'], Service['status']>>,
  Expect<Equal<Svc['capacityStatus'], Service['capacity']['status']>>,
  Expect<Equal<Row<typeof schema.locations>['spa'], Location['spa']>>,

  Expect<Equal<Row<typeof schema.agreements>['kind'], Agreement['kind']>>,
  Expect<Equal<Row<typeof schema.agreements>['status'], Agreement['status']>>,

  Expect<Equal<Row<typeof schema.clients>['preferredLanguage'], Client['preferredLanguage']>>,
  Expect<Equal<Row<typeof schema.clients>['preferredContactMethod'], Client['preferredContactMethod']>>,
  Expect<Equal<Row<typeof schema.consents>['scope'], Consent['scope']>>,
  Expect<Equal<Row<typeof schema.consents>['method'], Consent['method']>>,

  Expect<Equal<Ref['needs'], Referral['needs']>>,
  Expect<Equal<Ref['urgency'], Referral['urgency']>>,
  Expect<Equal<Ref['status'], Referral['status']>>,
  Expect<Equal<Ref['statusReason'], Referral['statusReason']>>,
  Expect<Equal<Ref['outcome'], Referral['outcome']>>,
  Expect<Equal<Ref['firstContactMethod'], Referral['firstContactMethod']>>,
  Expect<Equal<Row<typeof schema.referralEvents>['kind'], ReferralEventType>>,
];
