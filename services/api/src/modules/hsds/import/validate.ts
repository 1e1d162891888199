import { LANGUAGES, SDOH_CATEGORIES, COMMUNITY_SUPPORTS, SPA_CODES, type api, type EndpointOutput } from '@tandem/contract';
import { DAYS } from '../mappers';
import { findTerm } from '../taxonomy';
import { parseCsv } from './csv';
import type { Existing } from './repo';

export type HsdsImportReport = EndpointOutput<typeof api.importHsdsDirectory>;
type HsdsImportProblem = HsdsImportReport['errors'][number];

// HSDS tabular files → Tandem rows, checked before anything is written. References stay HSDS
// ids here ("keys"); apply.ts turns them into our ids.

export interface Row {
  file: string;
  line: number;
  v: (field: string) => string;
}
type Values = Record<string, unknown>;
export interface Plan {
  orgs: { key: string; values: Values }[];
  services: { key: string; orgKey: string; values: Values }[];
  locations: { key: string; orgKey: string; values: Values }[];
  sals: { key: string; serviceKey: string; locationKey: string }[];
  schedules: { key: string; serviceKey: string; locationKey: string | null; days: number[]; opensAt: string; closesAt: string }[];
  contacts: { key: string; orgKey: string; serviceKey: string | null; values: Values }[];
}

/** File names we read; HSDS's datapackage calls the service_at_location file in the singular. */
const FILES = {
  organizations: ['organizations.csv'],
  services: ['services.csv'],
  locations: ['locations.csv'],
  sals: ['service_at_location.csv', 'service_at_locations.csv'],
  schedules: ['schedules.csv'],
  phones: ['phones.csv'],
  contacts: ['contacts.csv'],
  addresses: ['addresses.csv'],
  languages: ['languages.csv'],
  attributes: ['attributes.csv'],
  terms: ['taxonomy_terms.csv'],
  areas: ['service_areas.csv'],
  accessibility: ['accessibility.csv'],
} as const;
type Table = keyof typeof FILES;
/** Every file name the importer reads, in HSDS order. */
export const HSDS_FILE_NAMES = new Set<string>(Object.values(FILES).flat());

// ISO 639-1/639-3 codes and English names onto Tandem's LANGUAGES.
const LANGUAGE_ALIASES: Record<string, string> = {
  eng: 'en',
  english: 'en',
  spa: 'es',
  spanish: 'es',
  español: 'es',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  yue: 'zh',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'zh',
  kor: 'ko',
  korean: 'ko',
  vie: 'vi',
  vietnamese: 'vi',
  tgl: 'tl',
  fil: 'tl',
  tagalog: 'tl',
  filipino: 'tl',
  hye: 'hy',
  arm: 'hy',
  armenian: 'hy',
  fas: 'fa',
  per: 'fa',
  pes: 'fa',
  farsi: 'fa',
  persian: 'fa',
  rus: 'ru',
  russian: 'ru',
  jpn: 'ja',
  japanese: 'ja',
  khm: 'km',
  khmer: 'km',
  cambodian: 'km',
  ara: 'ar',
  arabic: 'ar',
  ase: 'asl',
  sgn: 'asl',
  'american sign language': 'asl',
};
export const mapLanguage = (code: string, name: string) => {
  for (const raw of [code, name]) {
    const c = raw.trim().toLowerCase().split(/[-_]/)[0]!;
    if ((LANGUAGES as readonly string[]).includes(c)) return c;
    if (LANGUAGE_ALIASES[raw.trim().toLowerCase()]) return LANGUAGE_ALIASES[raw.trim().toLowerCase()];
    if (LANGUAGE_ALIASES[c]) return LANGUAGE_ALIASES[c];
  }
  return undefined;
};
const STATUS: Record<string, string> = {
  active: 'active',
  inactive: 'inactive',
  defunct: 'inactive',
  'temporarily closed': 'temporarily_closed',
  temporarily_closed: 'temporarily_closed',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^https?:\/\/[^\s]+$/i;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$|^24:00(?::00)?$/;
const PHONE_JUNK = /[^+0-9().\-\s]/g;
const sortBy = (order: readonly string[]) => (a: string, b: string) => order.indexOf(a) - order.indexOf(b);

/** Each file's rows; text that is not CSV goes to `problem` (field '') and its rows are left out. */
export const readTables = (files: Record<string, string>, problem: (file: string, row: number, text: string) => void = () => undefined) => {
  const tables = {} as Record<Table, Row[] | undefined>;
  for (const [table, names] of Object.entries(FILES) as [Table, readonly string[]][]) {
    const name = names.find((n) => files[n] !== undefined);
    if (!name) continue;
    const { records, problems } = parseCsv(files[name]!);
    for (const p of problems) problem(name, p.row, p.problem);
    const [header, ...rows] = records;
    const cols = new Map((header?.cells ?? []).map((h, i) => [h.trim(), i]));
    tables[table] = rows.map((r) => ({ file: name, line: r.row, v: (f: string) => (r.cells[cols.get(f) ?? -1] ?? '').trim() }));
  }
  return tables;
};

export const validateDataset = (files: Record<string, string>, existing: Existing) => {
  const errors: HsdsImportProblem[] = [];
  const warnings: HsdsImportProblem[] = [];
  const err = (r: Row, field: string, problem: string) => errors.push({ file: r.file, row: r.line, field, problem });
  const warn = (r: Row, field: string, problem: string) => warnings.push({ file: r.file, row: r.line, field, problem });
  const t = readTables(files, (file, row, problem) => errors.push({ file, row, field: '', problem }));
  const plan: Plan = { orgs: [], services: [], locations: [], sals: [], schedules: [], contacts: [] };

  const opt = (r: Row, f: string) => r.v(f) || null;
  const required = (r: Row, f: string) => r.v(f) || (err(r, f, 'is required'), '');
  const email = (r: Row, f: string) => {
    const x = opt(r, f);
    if (x && !EMAIL.test(x)) err(r, f, 'is not an email address');
    return x;
  };
  const url = (r: Row, f: string) => {
    const x = opt(r, f);
    if (x && !URL_RE.test(x)) err(r, f, 'is not an http(s) URL');
    return x;
  };
  const number = (r: Row, f: string, min: number, max: number, integer = false) => {
    const x = r.v(f);
    if (!x) return null;
    const n = Number(x);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)))
      return (err(r, f, `is not ${integer ? 'a whole number' : 'a number'}`), null);
    if (n < min || n > max) return (err(r, f, `must be between ${min} and ${max}`), null);
    return n;
  };
  const unique = (rows: Row[] | undefined) => {
    const seen = new Set<string>();
    return (rows ?? []).filter((r) => {
      const id = required(r, 'id');
      if (!id) return false;
      if (seen.has(id)) return (err(r, 'id', 'appears twice in this file'), false);
      seen.add(id);
      return true;
    });
  };

  const orgRows = unique(t.organizations);
  const serviceRows = unique(t.services);
  const locationRows = unique(t.locations);
  const salRows = unique(t.sals);
  const contactRows = unique(t.contacts);
  const orgKeys = new Set([...orgRows.map((r) => r.v('id')), ...existing.orgs.keys()]);
  const locationKeys = new Set([...locationRows.map((r) => r.v('id')), ...existing.locations.keys()]);
  const contactKeys = new Set([...contactRows.map((r) => r.v('id')), ...existing.contacts.keys()]);

  // Organization of each service (dataset first, then the database), for records that only name a service.
  const orgKeyById = new Map([...existing.orgs].map(([k, o]) => [o.id, k]));
  const serviceOrg = new Map<string, string>();
  for (const [k, s] of existing.services) serviceOrg.set(k, orgKeyById.get(s.organizationId)!);
  for (const r of serviceRows) if (orgKeys.has(r.v('organization_id'))) serviceOrg.set(r.v('id'), r.v('organization_id'));
  const serviceKeys = new Set([...serviceRows.map((r) => r.v('id')), ...existing.services.keys()]);
  const salOf = new Map(salRows.map((r) => [r.v('id'), { service: r.v('service_id'), location: r.v('location_id') }]));
  const serviceKeyById = new Map([...existing.services].map(([k, x]) => [x.id, k]));
  const locationKeyById = new Map([...existing.locations].map(([k, x]) => [x.id, k]));
  for (const [k, x] of existing.sals)
    if (!salOf.has(k)) salOf.set(k, { service: serviceKeyById.get(x.serviceId)!, location: locationKeyById.get(x.locationId)! });

  // phones.csv: the first number linked to an organization, service or contact becomes its phone.
  const phones = new Map<string, string>();
  for (const r of unique(t.phones)) {
    const raw = required(r, 'number');
    const ext = r.v('extension');
    const digits = raw.replace(PHONE_JUNK, '').trim();
    if (raw && digits.replace(/\D/g, '').length < 3) err(r, 'number', 'has no phone number in it');
    if (ext && !/^\d{1,6}$/.test(ext)) err(r, 'extension', 'is not a number');
    const phone = ext ? `${digits} x${ext}` : digits;
    for (const [field, kind, keys] of [
      ['organization_id', 'org', orgKeys],
      ['service_id', 'service', serviceKeys],
      ['contact_id', 'contact', contactKeys],
    ] as const) {
      const ref = r.v(field);
      if (!ref) continue;
      if (!keys.has(ref)) err(r, field, `refers to no ${kind} in the dataset or directory`);
      else if (!phones.has(`${kind}:${ref}`)) phones.set(`${kind}:${ref}`, phone);
    }
  }
  const phoneOf = (kind: string, key: string) => (t.phones ? { phone: phones.get(`${kind}:${key}`) ?? null } : {});

  for (const r of orgRows) {
    plan.orgs.push({
      key: r.v('id'),
      values: {
        name: required(r, 'name'),
        description: opt(r, 'description'),
        website: url(r, 'website'),
        email: email(r, 'email'),
        ...phoneOf('org', r.v('id')),
      },
    });
  }

  // Per-service lists from languages.csv, attributes.csv and service_areas.csv.
  const listFor = (rows: Row[] | undefined, map: (r: Row) => string | undefined) => {
    const out = new Map<string, { codes: Set<string>; rows: number }>();
    for (const r of unique(rows)) {
      const sid = r.v('service_id') || (r.v('link_entity') === 'service' || serviceKeys.has(r.v('link_id')) ? r.v('link_id') : '');
      if (!sid) continue;
      if (!serviceKeys.has(sid)) {
        err(r, r.v('service_id') ? 'service_id' : 'link_id', 'refers to no service in the dataset or directory');
        continue;
      }
      const e = out.get(sid) ?? { codes: new Set<string>(), rows: 0 };
      e.rows++;
      const code = map(r);
      if (code) e.codes.add(code);
      out.set(sid, e);
    }
    return out;
  };
  const languages = listFor(t.languages, (r) => {
    const code = mapLanguage(r.v('code'), r.v('name'));
    if (!code) warn(r, 'code', `language ${r.v('code') || r.v('name')} is not one Tandem records; dropped`);
    return code;
  });
  const terms = new Map((t.terms ?? []).map((r) => [r.v('id'), r.v('code') || r.v('name')]));
  const attributes = listFor(t.attributes, (r) => {
    const termId = required(r, 'taxonomy_term_id');
    const term = findTerm(termId) ?? (terms.has(termId) ? findTerm(terms.get(termId)!) : undefined);
    if (!termId) return undefined;
    if (!term && !terms.has(termId)) return (err(r, 'taxonomy_term_id', 'refers to no taxonomy term in taxonomy_terms.csv'), undefined);
    if (!term)
      return (warn(r, 'taxonomy_term_id', `term ${terms.get(termId)} is not an SDOH category or Community Support; dropped`), undefined);
    return `${term.taxonomy.key}:${term.code}`;
  });
  const areas = listFor(t.areas, (r) => {
    const m = /\bspa\s*-?\s*([1-8])\b/i.exec(`${r.v('name')} ${r.v('extent')}`);
    if (!m) warn(r, 'name', 'is not an LA County Service Planning Area (SPA 1..8); dropped');
    return m ? `spa${m[1]}` : undefined;
  });
  for (const [sid, l] of attributes) {
    const cs = [...l.codes].filter((c) => c.startsWith('cs:'));
    if (cs.length > 1)
      warnings.push({
        file: 'attributes.csv',
        row: 0,
        field: 'taxonomy_term_id',
        problem: `service ${sid} has ${cs.length} Community Supports; Tandem keeps one (${cs[0]!.slice(3)})`,
      });
  }

  for (const r of serviceRows) {
    const key = r.v('id');
    const orgKey = required(r, 'organization_id');
    if (orgKey && !orgKeys.has(orgKey)) err(r, 'organization_id', 'refers to no organization in the dataset or directory');
    const status = required(r, 'status');
    if (status && !STATUS[status.toLowerCase()]) err(r, 'status', 'must be active, inactive, defunct or temporarily closed');
    const minAge = number(r, 'minimum_age', 0, 120, true);
    const maxAge = number(r, 'maximum_age', 0, 120, true);
    if (minAge !== null && maxAge !== null && minAge > maxAge) err(r, 'maximum_age', 'is below minimum_age');
    const values: Values = {
      name: required(r, 'name'),
      description: opt(r, 'description'),
      url: url(r, 'url'),
      email: email(r, 'email'),
      eligibility: opt(r, 'eligibility_description'),
      minAge,
      maxAge,
      fees: opt(r, 'fees_description') ?? opt(r, 'fees'),
      applicationProcess: opt(r, 'application_process'),
      status: STATUS[status.toLowerCase()] ?? 'active',
      ...phoneOf('service', key),
    };
    const langs = languages.get(key);
    // Rows whose languages we all dropped leave the service's languages as they are.
    if (t.languages && !(langs && langs.rows > 0 && langs.codes.size === 0))
      values.languages = [...(langs?.codes ?? [])].sort(sortBy(LANGUAGES));
    if (t.attributes) {
      const codes = [...(attributes.get(key)?.codes ?? [])];
      values.categories = codes
        .filter((c) => c.startsWith('sdoh:'))
        .map((c) => c.slice(5))
        .sort(sortBy(SDOH_CATEGORIES));
      values.communitySupport =
        codes
          .filter((c) => c.startsWith('cs:'))
          .map((c) => c.slice(3))
          .sort(sortBy(COMMUNITY_SUPPORTS))[0] ?? null;
    }
    if (t.areas) values.spas = [...(areas.get(key)?.codes ?? [])].sort(sortBy(SPA_CODES));
    plan.services.push({ key, orgKey, values });
  }

  // addresses.csv and accessibility.csv fold into their location (Tandem keeps one street address).
  const addresses = new Map<string, Row>();
  for (const r of unique(t.addresses)) {
    const loc = required(r, 'location_id');
    for (const f of ['address_1', 'city', 'state_province', 'postal_code', 'country']) required(r, f);
    const type = required(r, 'address_type');
    if (type && !['physical', 'postal', 'virtual'].includes(type)) err(r, 'address_type', 'must be physical, postal or virtual');
    if (loc && !locationKeys.has(loc)) err(r, 'location_id', 'refers to no location in the dataset or directory');
    const prev = addresses.get(loc);
    if (!prev || (type === 'physical' && prev.v('address_type') !== 'physical')) addresses.set(loc, r);
    if (prev) warn(r, 'location_id', 'Tandem keeps one address per location; the physical one is used');
  }
  const access = new Map<string, string>();
  for (const r of unique(t.accessibility)) {
    const loc = required(r, 'location_id');
    if (loc && !locationKeys.has(loc)) err(r, 'location_id', 'refers to no location in the dataset or directory');
    const text = [r.v('description'), r.v('details')].filter(Boolean).join(' ');
    if (text) access.set(loc, access.has(loc) ? `${access.get(loc)} ${text}` : text);
  }
  const locationOrg = new Map<string, string>();
  for (const x of salOf.values())
    if (!locationOrg.has(x.location) && serviceOrg.get(x.service)) locationOrg.set(x.location, serviceOrg.get(x.service)!);
  const orgViaSal = (locKey: string) => locationOrg.get(locKey);

  for (const r of locationRows) {
    const key = r.v('id');
    const type = required(r, 'location_type');
    if (type && !['physical', 'postal', 'virtual'].includes(type)) err(r, 'location_type', 'must be physical, postal or virtual');
    let orgKey = r.v('organization_id');
    if (!orgKeys.has(orgKey)) {
      const via = orgViaSal(key);
      if (orgKey && via) warn(r, 'organization_id', 'refers to no organization; using the organization of a service at this location');
      if (!via)
        err(
          r,
          'organization_id',
          orgKey ? 'refers to no organization in the dataset or directory' : 'is required (or a service_at_location linking a service)',
        );
      orgKey = via ?? orgKey;
    }
    const a = addresses.get(key);
    if (!a) err(r, 'addresses', 'Tandem needs a street address for every location (addresses.csv)');
    plan.locations.push({
      key,
      orgKey,
      values: {
        name: r.v('name') || a?.v('address_1') || (err(r, 'name', 'is required'), ''),
        address1: a?.v('address_1') ?? '',
        address2: a ? opt(a, 'address_2') : null,
        city: a?.v('city') ?? '',
        state: a?.v('state_province') ?? '',
        postalCode: a?.v('postal_code') ?? '',
        latitude: number(r, 'latitude', -90, 90),
        longitude: number(r, 'longitude', -180, 180),
        transit: opt(r, 'transportation'),
        ...(t.accessibility ? { accessibility: access.get(key) ?? null } : {}),
      },
    });
  }

  for (const r of salRows) {
    const serviceKey = required(r, 'service_id');
    const locationKey = required(r, 'location_id');
    if (serviceKey && !serviceKeys.has(serviceKey)) err(r, 'service_id', 'refers to no service in the dataset or directory');
    if (locationKey && !locationKeys.has(locationKey)) err(r, 'location_id', 'refers to no location in the dataset or directory');
    plan.sals.push({ key: r.v('id'), serviceKey, locationKey });
  }

  for (const r of unique(t.schedules)) {
    const sal = r.v('service_at_location_id') ? salOf.get(r.v('service_at_location_id')) : undefined;
    if (r.v('service_at_location_id') && !sal)
      err(r, 'service_at_location_id', 'refers to no service_at_location in the dataset or directory');
    const serviceKey = r.v('service_id') || sal?.service || '';
    const locationKey = r.v('location_id') || sal?.location || null;
    if (r.v('service_id') && !serviceKeys.has(serviceKey)) err(r, 'service_id', 'refers to no service in the dataset or directory');
    if (r.v('location_id') && !locationKeys.has(r.v('location_id')))
      err(r, 'location_id', 'refers to no location in the dataset or directory');
    const freq = r.v('freq').toUpperCase();
    if (freq && freq !== 'WEEKLY' && freq !== 'MONTHLY') err(r, 'freq', 'must be WEEKLY or MONTHLY');
    const days = r.v('byday')
      ? r
          .v('byday')
          .split(',')
          .map((d) => d.trim().toUpperCase())
      : [];
    const bad = days.filter((d) => !(DAYS as readonly string[]).includes(d));
    if (bad.length) err(r, 'byday', `has days that are not MO..SU: ${bad.join(', ')}`);
    const [opens, closes] = [r.v('opens_at'), r.v('closes_at')];
    for (const [f, x] of [
      ['opens_at', opens],
      ['closes_at', closes],
    ] as const)
      if (x && !TIME.test(x)) err(r, f, 'is not a time HH:MM[:SS]');
    if (!serviceKey || freq === 'MONTHLY' || !days.length || !opens || !closes) {
      warn(r, 'freq', 'Tandem keeps weekly opening hours of a service (service, byday, opens_at, closes_at); row skipped');
      continue;
    }
    const norm = (x: string) => (x.length === 5 ? `${x}:00` : x);
    if (TIME.test(opens) && TIME.test(closes) && norm(opens) >= norm(closes)) err(r, 'closes_at', 'must be after opens_at');
    plan.schedules.push({
      key: r.v('id'),
      serviceKey,
      locationKey,
      days: days.map((d) => DAYS.indexOf(d as (typeof DAYS)[number]) + 1),
      opensAt: norm(opens),
      closesAt: norm(closes),
    });
  }

  for (const r of contactRows) {
    const key = r.v('id');
    const sal = salOf.get(r.v('service_at_location_id'));
    const serviceKey = r.v('service_id') || sal?.service || null;
    if (r.v('service_id') && !serviceKeys.has(r.v('service_id'))) err(r, 'service_id', 'refers to no service in the dataset or directory');
    let orgKey = r.v('organization_id');
    if (!orgKeys.has(orgKey)) {
      const via = serviceKey ? serviceOrg.get(serviceKey) : undefined;
      if (orgKey && via) warn(r, 'organization_id', "refers to no organization; using the service's organization");
      if (!via)
        err(r, 'organization_id', orgKey ? 'refers to no organization in the dataset or directory' : 'is required (or a service_id)');
      orgKey = via ?? orgKey;
    }
    const name = r.v('name') || r.v('title') || r.v('department');
    if (!name) err(r, 'name', 'is required (or a title or department)');
    else if (!r.v('name')) warn(r, 'name', 'is empty; the title or department is used as the name');
    plan.contacts.push({
      key,
      orgKey,
      serviceKey,
      values: { name, title: opt(r, 'title'), department: opt(r, 'department'), email: email(r, 'email'), ...phoneOf('contact', key) },
    });
  }
  return { plan, errors, warnings };
};
