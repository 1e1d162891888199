import type { Db } from '@tandem/db';
import { SPAS } from '@tandem/contract';
import { writeCsv } from './import/csv';
import { loadExisting } from './import/repo';
import { DAYS, LANGUAGE_NAMES, STATUS_TO_HSDS, hsdsLanguageCode, splitPhone } from './mappers';
import { TAXONOMIES, TERMS, stableId, termOf } from './taxonomy';

// Column lists of HSDS 3.0 datapackage.json; columns Tandem has no data for stay empty.
const COLUMNS = {
  'organizations.csv': [
    'id',
    'name',
    'alternate_name',
    'description',
    'email',
    'website',
    'tax_status',
    'tax_id',
    'year_incorporated',
    'legal_status',
    'logo',
    'uri',
    'parent_organization_id',
  ],
  'services.csv': [
    'id',
    'organization_id',
    'program_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'interpretation_services',
    'application_process',
    'fees_description',
    'wait_time',
    'fees',
    'accreditations',
    'eligibility_description',
    'minimum_age',
    'maximum_age',
    'assured_date',
    'assurer_email',
    'licenses',
    'alert',
    'last_modified',
  ],
  'locations.csv': [
    'id',
    'location_type',
    'url',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'transportation',
    'latitude',
    'longitude',
    'external_identifier',
    'external_identifier_type',
  ],
  'service_at_location.csv': ['id', 'service_id', 'location_id', 'description'],
  'schedules.csv': [
    'id',
    'service_id',
    'location_id',
    'service_at_location_id',
    'valid_from',
    'valid_to',
    'dtstart',
    'timezone',
    'until',
    'count',
    'wkst',
    'freq',
    'interval',
    'byday',
    'byweekno',
    'bymonthday',
    'byyearday',
    'description',
    'opens_at',
    'closes_at',
    'schedule_link',
    'attending_type',
    'notes',
  ],
  'phones.csv': [
    'id',
    'location_id',
    'service_id',
    'organization_id',
    'contact_id',
    'service_at_location_id',
    'number',
    'extension',
    'type',
    'description',
  ],
  'contacts.csv': ['id', 'organization_id', 'service_id', 'service_at_location_id', 'location_id', 'name', 'title', 'department', 'email'],
  'addresses.csv': [
    'id',
    'location_id',
    'attention',
    'address_1',
    'address_2',
    'city',
    'region',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  'accessibility.csv': ['id', 'location_id', 'description', 'details', 'url'],
  'languages.csv': ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'],
  'service_areas.csv': ['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri'],
  'taxonomies.csv': ['id', 'name', 'description', 'uri', 'version'],
  'taxonomy_terms.csv': ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'],
  'attributes.csv': ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'],
} as const;
type File = keyof typeof COLUMNS;
type Cells = Record<string, string | number | null | undefined>;

/**
 * The whole directory as an HSDS tabular dataset. Ids are the HSDS ids the rows were imported
 * with (source_id), else our own, so importing the export back changes nothing. Only public
 * contacts leave; internal notes, capacity and partnership data are not HSDS and stay home.
 */
export const exportDataset = async (db: Db) => {
  const ex = await loadExisting(db);
  const out = Object.fromEntries(Object.keys(COLUMNS).map((f) => [f, [] as Cells[]])) as Record<File, Cells[]>;
  const keyOf = <R extends { id: string }>(m: Map<string, R>) => new Map([...m].map(([k, r]) => [r.id, k]));
  const orgKey = keyOf(ex.orgs);
  const serviceKey = keyOf(ex.services);
  const locationKey = keyOf(ex.locations);
  const phone = (link: 'organization_id' | 'service_id' | 'contact_id', key: string, value: string | null) => {
    if (!value) return;
    const { number, extension } = splitPhone(value);
    out['phones.csv'].push({ id: stableId(`phone:${link.replace('_id', '')}:${key}`), [link]: key, number, extension, type: 'voice' });
  };

  for (const [k, o] of ex.orgs) {
    out['organizations.csv'].push({ id: k, name: o.name, description: o.description, email: o.email, website: o.website });
    phone('organization_id', k, o.phone);
  }
  for (const [k, s] of ex.services) {
    out['services.csv'].push({
      id: k,
      organization_id: orgKey.get(s.organizationId),
      name: s.name,
      description: s.description,
      url: s.url,
      email: s.email,
      status: STATUS_TO_HSDS[s.status as keyof typeof STATUS_TO_HSDS],
      application_process: s.applicationProcess,
      fees_description: s.fees,
      eligibility_description: s.eligibility,
      minimum_age: s.minAge,
      maximum_age: s.maxAge,
    });
    phone('service_id', k, s.phone);
    for (const code of s.languages)
      out['languages.csv'].push({
        id: stableId(`language:service:${k}:${code}`),
        service_id: k,
        name: LANGUAGE_NAMES[code] ?? code,
        code: hsdsLanguageCode(code),
      });
    for (const code of s.spas) {
      const spa = SPAS.find((x) => x.code === code)!;
      out['service_areas.csv'].push({
        id: stableId(`service_area:${k}:${code}`),
        service_id: k,
        name: `SPA ${spa.number} - ${spa.name}`,
        description: `LA County Service Planning Area ${spa.number} (${spa.name})`,
        extent_type: 'spa',
      });
    }
    const terms = [...s.categories.map((c) => termOf('sdoh', c)), ...(s.communitySupport ? [termOf('cs', s.communitySupport)] : [])];
    for (const t of terms)
      out['attributes.csv'].push({
        id: stableId(`attribute:${k}:${t.id}`),
        link_id: k,
        taxonomy_term_id: t.id,
        link_type: 'service',
        link_entity: 'service',
        value: t.code,
      });
  }
  for (const [k, l] of ex.locations) {
    out['locations.csv'].push({
      id: k,
      location_type: 'physical',
      organization_id: orgKey.get(l.organizationId),
      name: l.name,
      transportation: l.transit,
      latitude: l.latitude,
      longitude: l.longitude,
    });
    out['addresses.csv'].push({
      id: stableId(`address:${k}`),
      location_id: k,
      address_1: l.address1,
      address_2: l.address2,
      city: l.city,
      state_province: l.state,
      postal_code: l.postalCode,
      country: 'US',
      address_type: 'physical',
    });
    if (l.accessibility)
      out['accessibility.csv'].push({ id: stableId(`accessibility:${k}`), location_id: k, description: l.accessibility });
  }
  for (const [k, x] of ex.sals)
    out['service_at_location.csv'].push({ id: k, service_id: serviceKey.get(x.serviceId), location_id: locationKey.get(x.locationId) });
  for (const [k, c] of ex.contacts) {
    if (!c.isPublic) continue;
    out['contacts.csv'].push({
      id: k,
      organization_id: orgKey.get(c.organizationId),
      service_id: c.serviceId ? serviceKey.get(c.serviceId) : null,
      name: c.name,
      title: c.title,
      department: c.department,
      email: c.email,
    });
    phone('contact_id', k, c.phone);
  }
  // Imported schedule rows share the HSDS row they came from (`<id>:<DAY>`): one line again, byday listing the days.
  const schedules = new Map<string, { row: (typeof ex.schedules)[number]; days: number[] }>();
  for (const r of [...ex.schedules].sort((a, b) => a.weekday - b.weekday)) {
    const m = r.sourceId ? /^(.*):(MO|TU|WE|TH|FR|SA|SU)$/.exec(r.sourceId) : null;
    const key = m ? m[1]! : (r.sourceId ?? r.id);
    const g = schedules.get(key);
    if (g) g.days.push(r.weekday);
    else schedules.set(key, { row: r, days: [r.weekday] });
  }
  for (const [k, { row, days }] of schedules) {
    out['schedules.csv'].push({
      id: k,
      service_id: serviceKey.get(row.serviceId),
      location_id: row.locationId ? locationKey.get(row.locationId) : null,
      freq: 'WEEKLY',
      wkst: 'MO',
      interval: 1,
      byday: days.map((d) => DAYS[d - 1]).join(','),
      opens_at: row.opensAt,
      closes_at: row.closesAt,
    });
  }
  for (const t of TAXONOMIES)
    out['taxonomies.csv'].push({ id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version });
  for (const t of TERMS)
    out['taxonomy_terms.csv'].push({
      id: t.id,
      code: t.code,
      name: t.name,
      description: `${t.name} (${t.taxonomy.name})`,
      taxonomy: t.taxonomy.name,
      language: 'en',
      taxonomy_id: t.taxonomy.id,
    });

  return { files: Object.fromEntries((Object.keys(COLUMNS) as File[]).map((f) => [f, writeCsv(COLUMNS[f], out[f])])) };
};
