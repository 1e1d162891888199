import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  CAPACITY_STATUSES,
  COMMUNITY_SUPPORTS,
  FOCUS_POPULATIONS,
  LANGUAGES,
  ORG_TYPES,
  PARTNERSHIP_STAGES,
  SDOH_CATEGORIES,
  SERVICE_STATUSES,
  SPA_CODES,
} from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, type OneOf, ts, updatedAt, version } from './helpers';
import { users } from './accounts';

/** PostgreSQL full-text document; written by the database (generated column), read only in search SQL. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const cube = customType<{ data: string }>({ dataType: () => 'cube' });
const int4multirange = customType<{ data: string }>({ dataType: () => 'int4multirange' });

// Search document of a service (docs/directory-search.md): name (A), description (B), eligibility
// (C) with English stemming so "pantries" finds "pantry", and one lexeme per filter value
// ("spa:spa6", "language:es": tandem_service_facets, migration 0009), so one
// GIN scan answers text and filters together. Typos are mapped to known words (search_words).
const SERVICE_FACETS = sql`tandem_service_facets("categories", "languages", "spas", "focus_populations", "community_support")`;
// The Spanish texts (issue 24) are weighted like the English ones and parsed with the same
// configuration as the query (tandem_search_query), so a Spanish word matches them as typed.
// Words are indexed without accents (tandem_unaccent), as tandem_search_query reads the query's, so
// "atencion medica" typed on a phone finds "Atención médica" and the accented query finds it too.
const SERVICE_SEARCH_DOCUMENT = sql`setweight(to_tsvector('english', tandem_unaccent(coalesce("name", '') || ' ' || coalesce("name_es", ''))), 'A') || setweight(to_tsvector('english', tandem_unaccent(coalesce("description", '') || ' ' || coalesce("description_es", ''))), 'B') || setweight(to_tsvector('english', tandem_unaccent(coalesce("eligibility", '') || ' ' || coalesce("eligibility_es", ''))), 'C') || ${SERVICE_FACETS}`;

export type StageDates = { prospect: string | null; outreach: string | null; assessed: string | null; partnered: string | null };

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    type: text('type').$type<OneOf<typeof ORG_TYPES>>().notNull(),
    description: text('description'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    spas: text('spas').array().$type<OneOf<typeof SPA_CODES>[]>().notNull().default(sql`'{}'::text[]`),
    focusPopulations: text('focus_populations').array().$type<OneOf<typeof FOCUS_POPULATIONS>[]>().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().$type<OneOf<typeof LANGUAGES>[]>().notNull().default(sql`'{en}'::text[]`),
    partnershipStage: text('partnership_stage').$type<OneOf<typeof PARTNERSHIP_STAGES>>().notNull().default('prospect'),
    stageDates: jsonb('stage_dates')
      .$type<StageDates>()
      .notNull()
      .default(sql`'{"prospect":null,"outreach":null,"assessed":null,"partnered":null}'::jsonb`),
    liaisonUserId: uuid('liaison_user_id').references(() => users.id, { onDelete: 'set null' }),
    // Visible to signed-in network staff only; never on public endpoints.
    internalNotes: text('internal_notes'),
    // Id in an imported HSDS dataset, so a re-import updates instead of duplicating.
    sourceId: text('source_id').unique(),
    // The organization that runs the network (the health system, ARCHITECTURE §4): the only one
    // whose members may hold the network-wide roles. At most one (organizations_runs_network_key).
    runsNetwork: boolean('runs_network').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('organizations_name_idx').on(sql`lower(${t.name})`),
    uniqueIndex('organizations_runs_network_key').on(t.runsNetwork).where(sql`${t.runsNetwork}`),
    // HSDS modified_after (an integrator's incremental sync): services changed since, by source.
    index('organizations_updated_idx').on(t.updatedAt),
    check('organizations_type_check', inList(t.type, ORG_TYPES)),
    check('organizations_stage_check', inList(t.partnershipStage, PARTNERSHIP_STAGES)),
    check('organizations_spas_check', arrayWithin(t.spas, SPA_CODES)),
    check('organizations_focus_check', arrayWithin(t.focusPopulations, FOCUS_POPULATIONS)),
    check('organizations_languages_check', arrayWithin(t.languages, LANGUAGES)),
  ],
);

export const services = pgTable(
  'services',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    categories: text('categories').array().$type<OneOf<typeof SDOH_CATEGORIES>[]>().notNull().default(sql`'{}'::text[]`),
    communitySupport: text('community_support').$type<OneOf<typeof COMMUNITY_SUPPORTS>>(),
    eligibility: text('eligibility'),
    // Spanish name, description and eligibility (issue 24), edited beside the English ones, shown
    // to Spanish users when present, and words of the search document.
    nameEs: text('name_es'),
    descriptionEs: text('description_es'),
    eligibilityEs: text('eligibility_es'),
    minAge: smallint('min_age'),
    maxAge: smallint('max_age'),
    focusPopulations: text('focus_populations').array().$type<OneOf<typeof FOCUS_POPULATIONS>[]>().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().$type<OneOf<typeof LANGUAGES>[]>().notNull().default(sql`'{en}'::text[]`),
    fees: text('fees'),
    applicationProcess: text('application_process'),
    spas: text('spas').array().$type<OneOf<typeof SPA_CODES>[]>().notNull().default(sql`'{}'::text[]`),
    url: text('url'),
    email: text('email'),
    phone: text('phone'),
    status: text('status').$type<OneOf<typeof SERVICE_STATUSES>>().notNull().default('active'),
    timeZone: text('time_zone').notNull().default('America/Los_Angeles'),
    capacityStatus: text('capacity_status').$type<OneOf<typeof CAPACITY_STATUSES>>().notNull().default('accepting'),
    capacityNote: text('capacity_note'),
    capacityConfirmedAt: ts('capacity_confirmed_at'),
    capacityConfirmedBy: uuid('capacity_confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    // Referral SLA targets in business hours (8 per business day).
    ackSlaHours: integer('ack_sla_hours').notNull().default(16),
    firstContactSlaHours: integer('first_contact_sla_hours').notNull().default(40),
    sourceId: text('source_id').unique(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(SERVICE_SEARCH_DOCUMENT),
    // The filter values alone (also inside search_vector), small enough to ride in the name-order
    // index: searches without text filter the index entries without reading the table (0010).
    facets: tsvector('facets').generatedAlwaysAs(SERVICE_FACETS),
    // Copies of the service's hours kept by triggers on schedules and schedule_exceptions (migration
    // 0009), so "open at" is read from the row search already holds instead of two index probes per
    // candidate: the weekly intervals as seconds of the ISO week in local time (Monday 00:00 = 0),
    // and the dates that have an exception. Read only in search SQL.
    openHours: int4multirange('open_hours').notNull().default(sql`'{}'::int4multirange`),
    exceptionDates: date('exception_dates', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    // A copy of the earth points of the service's located sites (locations.earth_pt, by location
    // id), kept by triggers on service_locations and locations (migration 0013), so a distance
    // search with filter values measures a candidate from its own row instead of two index probes
    // per site. Read only in search SQL.
    sitePts: cube('site_pts').array().notNull().default(sql`'{}'::cube[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('services_org_idx').on(t.organizationId),
    index('services_updated_idx').on(t.updatedAt),
    // Sync of one organization's services (`updatedSince`): (updated_at, id) order, keyset paged.
    index('services_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    // Directory search (docs/directory-search.md): text and filter values in one GIN index.
    index('services_search_idx').using('gin', t.searchVector),
    // HSDS `search` matches a name by substring (LIKE).
    index('services_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    // Name order (searches without text or a point): walk this index and stop after a page.
    // Migration 0010 adds INCLUDE (name, facets, capacity_status, time_zone, open_hours,
    // exception_dates, min_age, max_age), which drizzle cannot declare: every column such a
    // search reads, so the walk filters index entries and never visits the table.
    index('services_name_order_idx').on(sql`lower(${t.name})`, t.id).where(sql`${t.status} <> 'inactive'`),
    // Filter values without text: the candidates of a distance search that has them (name order
    // with them walks service_facet_names instead).
    index('services_facets_idx').using('gin', t.facets),
    check('services_status_check', inList(t.status, SERVICE_STATUSES)),
    check('services_capacity_check', inList(t.capacityStatus, CAPACITY_STATUSES)),
    check('services_categories_check', arrayWithin(t.categories, SDOH_CATEGORIES)),
    check('services_cs_check', sql`${t.communitySupport} is null or ${inList(t.communitySupport, COMMUNITY_SUPPORTS)}`),
    check('services_spas_check', arrayWithin(t.spas, SPA_CODES)),
    check('services_focus_check', arrayWithin(t.focusPopulations, FOCUS_POPULATIONS)),
    check('services_languages_check', arrayWithin(t.languages, LANGUAGES)),
    check('services_age_check', sql`(${t.minAge} is null or ${t.minAge} between 0 and 120) and (${t.maxAge} is null or ${t.maxAge} between 0 and 120) and (${t.minAge} is null or ${t.maxAge} is null or ${t.minAge} <= ${t.maxAge})`),
    check('services_sla_check', sql`${t.ackSlaHours} between 1 and 800 and ${t.firstContactSlaHours} between 1 and 800`),
  ],
);

export const locations = pgTable(
  'locations',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address1: text('address_1').notNull(),
    address2: text('address_2'),
    city: text('city').notNull(),
    state: text('state').notNull().default('CA'),
    postalCode: text('postal_code').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    spa: text('spa').$type<OneOf<typeof SPA_CODES>>(),
    accessibility: text('accessibility'),
    transit: text('transit'),
    // The point on the earth cube, computed once per row: calling ll_to_earth per candidate row
    // at query time costs ~30 µs each (its domain checks run SQL functions).
    earthPt: cube('earth_pt').generatedAlwaysAs(sql`(ll_to_earth(latitude, longitude))::cube`),
    sourceId: text('source_id').unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('locations_org_idx').on(t.organizationId),
    index('locations_updated_idx').on(t.updatedAt),
    // Radius search: earth_box(origin, r) @> earth_pt uses this index.
    index('locations_earth_pt_idx').using('gist', t.earthPt),
    check('locations_spa_check', sql`${t.spa} is null or ${inList(t.spa, SPA_CODES)}`),
    check('locations_latlng_check', sql`(${t.latitude} is null or ${t.latitude} between -90 and 90) and (${t.longitude} is null or ${t.longitude} between -180 and 180)`),
  ],
);

/** HSDS service_at_location: a service delivered at one of its organization's locations. */
export const serviceLocations = pgTable(
  'service_locations',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    sourceId: text('source_id').unique(),
  },
  (t) => [unique('service_locations_pair_key').on(t.serviceId, t.locationId), index('service_locations_location_idx').on(t.locationId)],
);

/** Weekly opening intervals of a service; several per day allowed. Times are local to the service's time zone. */
export const schedules = pgTable(
  'schedules',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    // ISO weekday: 1 = Monday .. 7 = Sunday.
    weekday: smallint('weekday').notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
    sourceId: text('source_id').unique(),
  },
  (t) => [
    index('schedules_service_idx').on(t.serviceId, t.weekday),
    check('schedules_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('schedules_interval_check', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/** A date when a service keeps other hours than its weekly schedule (holiday, closure). */
export const scheduleExceptions = pgTable(
  'schedule_exceptions',
  {
    id: id(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    closed: boolean('closed').notNull().default(true),
    opensAt: time('opens_at'),
    closesAt: time('closes_at'),
    reason: text('reason'),
  },
  (t) => [
    unique('schedule_exceptions_service_date_key').on(t.serviceId, t.date),
    check('schedule_exceptions_hours_check', sql`${t.closed} or (${t.opensAt} is not null and ${t.closesAt} is not null and ${t.opensAt} < ${t.closesAt})`),
  ],
);

/** A location as a search hit shows it; `service_cards.locations` holds these. */
export type CardLocation = { id: string; name: string; address1: string; city: string; spa: string | null; latitude: number | null; longitude: number | null };
/** One day's hours as a search hit shows them: a closed exception's reason, or the intervals (HH:MM). */
export type CardDay = { closedReason: string | null; intervals: { opensAt: string; closesAt: string }[] };

/**
 * What a directory search hit shows, kept ready per service so a page reads one row by primary key
 * instead of the service row plus its organization, locations and schedules for each hit
 * (docs/directory-search.md). Written only by triggers (migration 0012) on services,
 * organizations, locations, service_locations, schedules and schedule_exceptions, in the statement
 * that changes them, so search shows an edit at once. Read only in search SQL.
 */
export const serviceCards = pgTable('service_cards', {
  serviceId: uuid('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  // Copies of the service row's shown columns (capacity_confirmed_at as ISO 8601 UTC text).
  name: text('name').notNull(),
  description: text('description'),
  nameEs: text('name_es'),
  descriptionEs: text('description_es'),
  status: text('status').notNull(),
  organizationId: uuid('organization_id').notNull(),
  languages: text('languages').array().notNull(),
  categories: text('categories').array().notNull(),
  spas: text('spas').array().notNull(),
  capacityStatus: text('capacity_status').notNull(),
  capacityNote: text('capacity_note'),
  capacityConfirmedAt: text('capacity_confirmed_at'),
  organizationName: text('organization_name').notNull(),
  // Every location of the service, by lower(name) then id.
  locations: jsonb('locations').$type<CardLocation[]>().notNull(),
  // Seven days, ISO Monday first.
  week: jsonb('week').$type<CardDay[]>().notNull(),
  // By date (YYYY-MM-DD): the day's hours instead of the week's.
  exceptions: jsonb('exceptions').$type<Record<string, CardDay>>().notNull(),
});

/**
 * Each filter value's services in name order: one row per lexeme of a service's facets (`spa:spa6`,
 * `category:food-insecurity`), for every service that is not inactive, with the whole facets copy
 * riding in the primary key (migration 0014 adds INCLUDE (facets), which drizzle cannot declare).
 * A search without text or a point walks the rows of its rarest filter value in name order and
 * stops after a page, instead of walking every service by name (docs/directory-search.md).
 * Written only by triggers on services (migration 0014); read only in search SQL.
 */
export const serviceFacetNames = pgTable(
  'service_facet_names',
  {
    facet: text('facet').notNull(),
    lname: text('lname').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    facets: tsvector('facets').notNull(),
  },
  (t) => [primaryKey({ columns: [t.facet, t.lname, t.serviceId] }), index('service_facet_names_service_idx').on(t.serviceId)],
);

/**
 * Every word (3+ letters, lower case, unstemmed) that appears in a service's name, description or
 * eligibility: what a misspelled search word is corrected to (trigram similarity,
 * tandem_search_query). Filled by a trigger on services (migration 0009); a word no service uses
 * any more stays, and only ever matches nothing.
 */
export const searchWords = pgTable('search_words', { word: text('word').primaryKey() }, (t) => [
  index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
]);

/**
 * Spanish (and other) words a search box understands besides the words of service texts
 * (issue 24, "Search in Spanish"): each row says that `word` (lower case, without accents,
 * singular) also means `expandsTo`, an English word or phrase (stemmed like service text) or a
 * filter value lexeme of the search document (`category:food-insecurity`, `focus:substance_use`,
 * `community_support:sobering_centers`). An empty `expandsTo` marks a word that carries no need
 * ("ayuda", "necesito"): it is left out of a Spanish query. Read by tandem_search_query;
 * seeded by migration (search_synonyms).
 */
export const searchSynonyms = pgTable(
  'search_synonyms',
  { word: text('word').notNull(), expandsTo: text('expands_to').notNull() },
  (t) => [primaryKey({ columns: [t.word, t.expandsTo] })],
);

/** Named people: an organization's contacts, optionally for one service. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    email: text('email'),
    phone: text('phone'),
    isPublic: boolean('is_public').notNull().default(true),
    isReferralContact: boolean('is_referral_contact').notNull().default(false),
    sourceId: text('source_id').unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contacts_org_idx').on(t.organizationId), index('contacts_service_idx').on(t.serviceId), index('contacts_updated_idx').on(t.updatedAt)],
);

export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    kind: text('kind').$type<OneOf<typeof AGREEMENT_KINDS>>().notNull(),
    status: text('status').$type<OneOf<typeof AGREEMENT_STATUSES>>().notNull().default('active'),
    title: text('title').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    renewalDue: date('renewal_due', { mode: 'string' }),
    documentUrl: text('document_url'),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('agreements_kind_check', inList(t.kind, AGREEMENT_KINDS)),
    check('agreements_status_check', inList(t.status, AGREEMENT_STATUSES)),
    check('agreements_dates_check', sql`${t.startDate} is null or ${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
    index('agreements_end_idx').on(t.endDate),
  ],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
  },
  (t) => [unique('agreement_parties_key').on(t.agreementId, t.organizationId), index('agreement_parties_org_idx').on(t.organizationId)],
);

/**
 * A party's approval of a BAA, given by one of its org admins. A BAA turns active when every
 * party has approved it, or when a network admin approves it (ARCHITECTURE §3, §4).
 */
export const agreementApprovals = pgTable(
  'agreement_approvals',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: ts('approved_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.organizationId] })],
);
