import type { api, EndpointOutput } from '@tandem/contract';
import { stableId, termOf, type Taxonomy, type Term } from './taxonomy';
import type { Json } from './repo';

// Rows → HSDS shapes: the pieces every shape shares (codes, phones, contacts, locations, terms,
// an organization's own fields). Schedules: schedules.mappers.ts; services and
// service_at_locations: services.mappers.ts; organizations: organizations.mappers.ts.

export type Service = EndpointOutput<typeof api.getHsdsService>;
type Location = Service['service_at_locations'][number]['location'] & {};
type Phone = Service['phones'][number];
type Contact = Service['contacts'][number];
type TermOut = EndpointOutput<typeof api.getHsdsTaxonomyTerm>;
type TaxonomyOut = EndpointOutput<typeof api.getHsdsTaxonomy>;

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

export const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
export const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
/** Drops undefined keys so optional HSDS fields are absent, never null. */
export const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

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

export const orgSummary = (o: Json) =>
  clean({
    id: o.id as string,
    name: o.name as string,
    description: (o.description as string | null) ?? '',
    email: str(o.email),
    website: str(o.website),
  });
export const orgBase = (o: Json) => ({ ...orgSummary(o), phones: phoneOf(o.phone, 'organization_id', o.id as string) });
