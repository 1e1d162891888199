import { SPAS, type api, type EndpointOutput } from '@tandem/contract';
import { stableId, termOf, type Taxonomy, type Term } from './taxonomy';
import type { OrgBundle } from './organizations.repo';
import type { Json, SalRow, ServiceBundle, ServiceRow } from './repo';

type Service = EndpointOutput<typeof api.getHsdsService>;
type Organization = EndpointOutput<typeof api.getHsdsOrganization>;
type Location = Service['service_at_locations'][number]['location'] & {};
type Phone = Service['phones'][number];
type Schedule = Service['schedules'][number];
type Contact = Service['contacts'][number];
type TermOut = EndpointOutput<typeof api.getHsdsTaxonomyTerm>;
type TaxonomyOut = EndpointOutput<typeof api.getHsdsTaxonomy>;
type ServiceAtLocationFull = EndpointOutput<typeof api.getHsdsServiceAtLocation>;

export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  zh: 'Chinese',
  ko: 'Korean',
  vi: 'Vietnamese',
  tl: 'Tagalog',
  hy: 'Armenian',
  fa: 'Persian',
  ru: 'Russian',
  ja: 'Japanese',
  km: 'Khmer',
  ar: 'Arabic',
  asl: 'American Sign Language',
};
/** HSDS language codes are ISO 639-1 or 639-3; ASL has only a 639-3 code. */
export const hsdsLanguageCode = (code: string) => (code === 'asl' ? 'ase' : code);

export const STATUS_TO_HSDS = { active: 'active', inactive: 'inactive', temporarily_closed: 'temporarily closed' } as const;

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
/** Drops undefined keys so optional HSDS fields are absent, never null. */
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Tandem keeps one phone text per record, extension written as " x123". */
export const splitPhone = (phone: string) => {
  const m = /^(.*?)\s*(?:x|ext\.?)\s*(\d{1,6})$/i.exec(phone);
  return m ? { number: m[1]!.trim(), extension: Number(m[2]) } : { number: phone.trim(), extension: undefined };
};

export const phoneOf = (phone: unknown, link: 'organization_id' | 'service_id' | 'contact_id', ownerId: string): Phone[] => {
  if (typeof phone !== 'string' || !phone.trim()) return [];
  const { number, extension } = splitPhone(phone);
  const entity = link.replace('_id', '');
  return [clean({ id: stableId(`phone:${entity}:${ownerId}`), [link]: ownerId, number, extension, type: 'voice', languages: [] }) as Phone];
};

/** HSDS `timezone`: the UTC offset in hours of an IANA time zone at an instant (undefined for an unknown zone). */
export const utcOffsetHours = (timeZone: unknown, at: Date) => {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: String(timeZone), timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
    if (!m) return undefined;
    return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
  } catch {
    return undefined;
  }
};

/** A weekly interval; `timeZone` is the service's (weekly hours carry today's offset). */
export const scheduleOf = (x: Json, timeZone?: unknown): Schedule =>
  clean({
    id: x.id as string,
    service_id: x.service_id as string,
    location_id: str(x.location_id),
    timezone: timeZone === undefined ? undefined : utcOffsetHours(timeZone, new Date()),
    freq: 'WEEKLY' as const,
    wkst: 'MO' as const,
    interval: 1,
    byday: DAYS[(x.weekday as number) - 1]!,
    opens_at: x.opens_at as string,
    closes_at: x.closes_at as string,
  });

/**
 * A schedule_exception (holiday closure or special hours) as a one-day HSDS schedule: valid from
 * and to its date, that weekday only; a closed day has no opens_at/closes_at and says so in description.
 */
export const exceptionOf = (e: Json, timeZone: unknown): Schedule => {
  const date = e.date as string;
  const noon = new Date(`${date}T12:00:00Z`);
  const reason = str(e.reason);
  return clean({
    id: e.id as string,
    service_id: e.service_id as string,
    valid_from: date,
    valid_to: date,
    dtstart: date,
    until: date,
    timezone: utcOffsetHours(timeZone, noon),
    freq: 'WEEKLY' as const,
    wkst: 'MO' as const,
    interval: 1,
    byday: DAYS[(noon.getUTCDay() + 6) % 7]!,
    opens_at: e.closed ? undefined : (e.opens_at as string),
    closes_at: e.closed ? undefined : (e.closes_at as string),
    description: `${e.closed ? 'Closed' : 'Special hours'}${reason ? `: ${reason}` : ''}`,
  });
};

/** A service's weekly hours, then its coming exceptions by date. */
const schedulesOf = (b: Pick<ServiceBundle, 's' | 'schedules' | 'exceptions'>, keep: (x: Json) => boolean = () => true) => [
  ...b.schedules.filter(keep).map((x) => scheduleOf(x, b.s.time_zone)),
  ...b.exceptions.map((e) => exceptionOf(e, b.s.time_zone)),
];

export const contactOf = (c: Json): Contact =>
  clean({
    id: c.id as string,
    organization_id: c.organization_id as string,
    service_id: str(c.service_id),
    name: str(c.name),
    title: str(c.title),
    department: str(c.department),
    email: str(c.email),
    phones: phoneOf(c.phone, 'contact_id', c.id as string),
  });

/** A location's one-to-one fields (list pages). */
export const locationSummaryOf = (l: Json) =>
  clean({
    id: l.id as string,
    location_type: 'physical' as const,
    organization_id: l.organization_id as string,
    name: l.name as string,
    transportation: str(l.transit),
    latitude: num(l.latitude),
    longitude: num(l.longitude),
  });

export const locationOf = (l: Json): Location => {
  const id = l.id as string;
  return {
    ...locationSummaryOf(l),
    addresses: [
      clean({
        id: stableId(`address:${id}`),
        location_id: id,
        address_1: l.address_1 as string,
        address_2: str(l.address_2),
        city: l.city as string,
        state_province: l.state as string,
        postal_code: l.postal_code as string,
        country: 'US',
        address_type: 'physical' as const,
      }),
    ],
    accessibility: str(l.accessibility)
      ? [{ id: stableId(`accessibility:${id}`), location_id: id, description: l.accessibility as string }]
      : [],
    phones: [],
    languages: [],
    contacts: [],
    schedules: [],
  };
};

export const taxonomyOut = (t: Taxonomy): TaxonomyOut => ({
  id: t.id,
  name: t.name,
  description: t.description,
  uri: t.uri,
  version: t.version,
});

export const termOut = (t: Term): TermOut => ({
  id: t.id,
  code: t.code,
  name: t.name,
  description: `${t.name} (${t.taxonomy.name})`,
  taxonomy: t.taxonomy.name,
  taxonomy_id: t.taxonomy.id,
  taxonomy_detail: taxonomyOut(t.taxonomy),
  ...(t.parentId ? { parent_id: t.parentId } : {}),
  language: 'en',
});

/** The terms a service is tagged with: its SDOH categories and its Community Support. */
export const serviceTerms = (s: Json): Term[] => [
  ...((s.categories as string[]) ?? []).map((c) => termOf('sdoh', c)),
  ...(s.community_support ? [termOf('cs', s.community_support as string)] : []),
];

/** A service's one-to-one fields (list pages, and the start of every other shape). */
const serviceOneToOne = ({ s, modified }: Pick<ServiceRow, 's' | 'modified'>) =>
  clean({
    id: s.id as string,
    organization_id: s.organization_id as string,
    name: s.name as string,
    description: str(s.description),
    url: str(s.url),
    email: str(s.email),
    status: STATUS_TO_HSDS[s.status as keyof typeof STATUS_TO_HSDS],
    application_process: str(s.application_process),
    fees_description: str(s.fees),
    eligibility_description: str(s.eligibility),
    minimum_age: num(s.min_age),
    maximum_age: num(s.max_age),
    last_modified: modified,
  });

const serviceCore = (b: ServiceBundle) => {
  const s = b.s;
  const id = s.id as string;
  return {
    ...serviceOneToOne(b),
    phones: phoneOf(s.phone, 'service_id', id),
    schedules: schedulesOf(b),
    service_areas: ((s.spas as string[]) ?? []).map((code) => {
      const spa = SPAS.find((x) => x.code === code)!;
      return {
        id: stableId(`service_area:${id}:${code}`),
        service_id: id,
        name: `SPA ${spa.number} - ${spa.name}`,
        description: `LA County Service Planning Area ${spa.number} (${spa.name})`,
        extent_type: 'spa',
      };
    }),
    languages: ((s.languages as string[]) ?? []).map((code) => ({
      id: stableId(`language:service:${id}:${code}`),
      service_id: id,
      name: LANGUAGE_NAMES[code] ?? code,
      code: hsdsLanguageCode(code),
    })),
    contacts: b.contacts.map(contactOf),
    attributes: serviceTerms(s).map((t) => ({
      id: stableId(`attribute:${id}:${t.id}`),
      link_id: id,
      taxonomy_term_id: t.id,
      link_type: 'service',
      link_entity: 'service',
      value: t.code,
      taxonomy_term: termOut(t),
    })),
    service_at_locations: b.sals.map((x) => ({
      id: x.id,
      service_id: id,
      location_id: x.location.id as string,
      location: locationOf(x.location),
    })),
  };
};

const orgSummary = (o: Json) =>
  clean({
    id: o.id as string,
    name: o.name as string,
    description: (o.description as string | null) ?? '',
    email: str(o.email),
    website: str(o.website),
  });
const orgBase = (o: Json) => ({ ...orgSummary(o), phones: phoneOf(o.phone, 'organization_id', o.id as string) });

export const serviceOut = (b: ServiceBundle): Service => ({ ...serviceCore(b), organization: orgBase(b.org) });

/** The default list item: one-to-one fields and the organization's. */
export const serviceSummaryOut = (r: ServiceRow) => ({ ...serviceOneToOne(r), organization: orgSummary(r.org) });

/** minimal=true: id and last_modified, with the name and status HSDS requires of a service. */
export const serviceMinimalOut = (r: { id: string; name: string; status: string; modified: string }) => ({
  id: r.id,
  name: r.name,
  status: STATUS_TO_HSDS[r.status as keyof typeof STATUS_TO_HSDS],
  last_modified: r.modified,
});

/** The default service_at_location list item: the link with its location's and service's one-to-one fields. */
export const serviceAtLocationSummaryOut = (r: SalRow) => ({
  id: r.id,
  service_id: r.service_id,
  location_id: r.location.id as string,
  location: locationSummaryOf(r.location),
  service: serviceSummaryOut(r),
});

/** A service_at_location fully nested: its whole service and location, and the hours kept there. */
export const serviceAtLocationFullOut = (r: SalRow, service: ServiceBundle): ServiceAtLocationFull => {
  const locationId = r.location.id as string;
  return {
    id: r.id,
    service_id: r.service_id,
    location_id: locationId,
    service: serviceOut(service),
    location: locationOf(r.location),
    // Hours here: the service's schedules kept for this location, or for all its locations.
    schedules: schedulesOf(service, (x) => !x.location_id || x.location_id === locationId),
  };
};

/** The default organization list item: its one-to-one fields. */
export const organizationSummaryOut = (o: Json) => orgSummary(o);

export const organizationOut = (b: OrgBundle, services: ServiceBundle[]): Organization => ({
  ...orgBase(b.o),
  contacts: b.contacts.map(contactOf),
  locations: b.locations.map(locationOf),
  services: services.map(serviceCore),
});
