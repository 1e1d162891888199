import type pg from 'pg';
import { FOCUS_POPULATIONS, LANGUAGES, SPA_CODES, type Spa } from '@tandem/contract';
import { PLACES, type Place } from '../seed/data/places';
import { PATTERN_WEIGHTS, SCHEDULE_PATTERNS, type Interval } from '../seed/data/schedules';
import { SERVICE_TEMPLATES, type ServiceTemplate } from '../seed/data/services';
import { createRng, type Rng } from '../seed/prng';
import { copyRows } from './copy';

export interface DirectorySize {
  organizations: number;
  services: number;
  /** PRNG seed: the same seed and sizes give the same directory. */
  seed?: string;
}

export interface DirectoryCounts {
  organizations: number;
  locations: number;
  services: number;
  serviceLocations: number;
  schedules: number;
  scheduleExceptions: number;
}

// Word lists for names people would recognise in a county directory; combined, they give
// thousands of distinct names and enough vocabulary for full-text search to discriminate.
const ORG_FIRST = ['Harbor', 'Eastside', 'Valley', 'Sunrise', 'Community', 'Unity', 'Promise', 'Hope', 'New Horizons', 'Bridges', 'Open Door', 'Family', 'Neighborhood', 'Golden State', 'Pacific', 'Mission', 'Angel City', 'Westside', 'Southside', 'Foothill', 'Gateway', 'Casa', 'Esperanza', 'Centro', 'Pueblo', 'Little Tokyo', 'Koreatown', 'Thai Town', 'Crenshaw', 'Boyle Heights'];
const ORG_SECOND = ['Health', 'Food', 'Housing', 'Wellness', 'Youth', 'Senior', 'Women’s', 'Veterans', 'Legal Aid', 'Recovery', 'Workforce', 'Families', 'Immigrant', 'Resource', 'Outreach', 'Care', 'Learning', 'Justice'];
const ORG_KIND = ['Center', 'Collective', 'Alliance', 'Network', 'Foundation', 'Services', 'Coalition', 'Project', 'Partnership', 'Clinic', 'Association', 'Council'];
const EXTRA_SENTENCES = [
  'Staff speak Spanish and several Asian languages; interpreters on request.',
  'Case managers help with CalFresh, Medi-Cal and CalWORKs applications on site.',
  'Bus lines stop within two blocks; parking is free in the back lot.',
  'Families with children, seniors and people experiencing homelessness are welcome.',
  'We partner with the county health system for follow-up appointments and care coordination.',
  'Walk-ins are seen the same day when capacity allows; referrals are called back within two business days.',
  'Services are free and confidential. Immigration status is never asked.',
  'Peer navigators with lived experience accompany clients to appointments.',
  'Emergency groceries, hygiene kits and diapers are available at every visit.',
  'Evening and Saturday hours for working families.',
  'Wheelchair accessible entrance and restrooms; ASL interpretation by appointment.',
  'Clients leave with a written plan and a named contact for follow-up.',
];
const ELIGIBILITY_EXTRA = [
  'Residents of Los Angeles County.',
  'Priority for households at or below 200% of the federal poverty level.',
  'Bring photo ID if you have one; it is not required.',
  'Youth ages 16–24 may enroll without a parent.',
  'Seniors 60 and older and adults with disabilities.',
  'Medi-Cal members; uninsured clients are screened for eligibility.',
];
const CAPACITY: [string, number][] = [
  ['accepting', 60],
  ['waitlist', 20],
  ['full', 8],
  ['assessment_required', 12],
];
const STATUS: [string, number][] = [
  ['active', 94],
  ['temporarily_closed', 3],
  ['inactive', 3],
];
const ORG_TYPES: [string, number][] = [
  ['cbo', 80],
  ['clinic', 12],
  ['county_agency', 3],
  ['health_plan', 2],
  ['health_system', 3],
];
const STAGES = ['prospect', 'outreach', 'assessed', 'partnered'] as const;
const OTHER_LANGUAGES = LANGUAGES.filter((l) => l !== 'en' && l !== 'es');
const TEMPLATES = Object.values(SERVICE_TEMPLATES);

interface OrgGen {
  id: string;
  spa: Spa;
  languages: string[];
  locations: { id: string; spa: Spa }[];
}

// Street addresses near real corridors of the SPA: a point drawn within ~3 km of a known place
// keeps coordinates inside the county and the radius search meaningful.
const nearPlace = (rng: Rng, p: Place) => ({ lat: p.lat + rng.jitter(0.03), lng: p.lng + rng.jitter(0.035) });

const serviceName = (rng: Rng, t: ServiceTemplate, place: Place) =>
  rng.weighted<() => string>([
    [() => t.name, 3],
    [() => `${place.city} ${t.name}`, 3],
    [() => `${t.name} – ${place.street}`, 2],
    [() => `${rng.pick(ORG_FIRST)} ${t.name}`, 2],
  ])();

/** Services, organizations and locations in bench volumes, COPYed in dependency order. */
export const generateDirectory = async (client: pg.ClientBase, size: DirectorySize): Promise<DirectoryCounts> => {
  const rng = createRng(size.seed ?? 'tandem-bench-directory');
  const now = Date.now();
  const orgs: OrgGen[] = [];
  const counts: DirectoryCounts = { organizations: 0, locations: 0, services: 0, serviceLocations: 0, schedules: 0, scheduleExceptions: 0 };
  // The triggers each COPY fires (hours, search cards) look up each service's sites and hours.
  // Mid-load the tables have no statistics, so the planner took them for small and hash-joined
  // every location for every service: ~100 s for the site links alone. No sequential scans,
  // until the caller's transaction ends (SET LOCAL).
  await client.query('set local enable_seqscan = off');

  counts.organizations = await copyRows(
    client,
    'organizations',
    ['id', 'name', 'type', 'description', 'phone', 'spas', 'focus_populations', 'languages', 'partnership_stage'],
    (function* () {
      for (let i = 0; i < size.organizations; i++) {
        const spa = SPA_CODES[i % SPA_CODES.length]!;
        const spas = [spa, ...rng.sample(SPA_CODES.filter((s) => s !== spa), rng.weighted([[0, 70], [1, 20], [2, 10]]))];
        const languages = ['en', ...(rng.chance(0.7) ? ['es'] : []), ...rng.sample(OTHER_LANGUAGES, rng.weighted([[0, 60], [1, 30], [2, 10]]))];
        const org: OrgGen = { id: rng.uuid(), spa, languages, locations: [] };
        orgs.push(org);
        const name = `${rng.pick(ORG_FIRST)} ${rng.pick(ORG_SECOND)} ${rng.pick(ORG_KIND)}`;
        yield [org.id, name, rng.weighted(ORG_TYPES), `${name} serves ${spa.toUpperCase()} and nearby neighborhoods. ${rng.pick(EXTRA_SENTENCES)}`, `(213) 555-${String(1000 + (i % 9000))}`, spas, rng.sample(FOCUS_POPULATIONS, rng.int(0, 3)), languages, rng.pick(STAGES)];
      }
    })(),
  );

  counts.locations = await copyRows(
    client,
    'locations',
    ['id', 'organization_id', 'name', 'address_1', 'city', 'postal_code', 'latitude', 'longitude', 'spa', 'accessibility'],
    (function* () {
      for (const org of orgs) {
        const n = rng.weighted([[1, 60], [2, 30], [3, 10]]);
        for (let k = 0; k < n; k++) {
          const spa = k === 0 ? org.spa : rng.chance(0.8) ? org.spa : rng.pick(SPA_CODES);
          const place = rng.pick(PLACES[spa]);
          const { lat, lng } = nearPlace(rng, place);
          const loc = { id: rng.uuid(), spa };
          org.locations.push(loc);
          yield [loc.id, org.id, k === 0 ? 'Main office' : `${place.city} site`, `${rng.int(100, 19999)} ${place.street}`, place.city, place.postalCode, lat, lng, spa, rng.chance(0.7) ? 'Wheelchair accessible' : null];
        }
      }
    })(),
  );

  // Services: spread over the organizations (each gets at least one), at one or two of its locations.
  const serviceLinks: { id: string; locationIds: string[]; hours: Interval[] }[] = [];
  counts.services = await copyRows(
    client,
    'services',
    ['id', 'organization_id', 'name', 'description', 'categories', 'community_support', 'eligibility', 'min_age', 'max_age', 'focus_populations', 'languages', 'fees', 'application_process', 'spas', 'phone', 'status', 'capacity_status', 'capacity_note', 'capacity_confirmed_at'],
    (function* () {
      for (let i = 0; i < size.services; i++) {
        const org = i < orgs.length ? orgs[i]! : rng.pick(orgs);
        const t = rng.pick(TEMPLATES);
        const locs = rng.sample(org.locations, rng.chance(0.2) ? 2 : 1);
        const place = rng.pick(PLACES[locs[0]!.spa]);
        const id = rng.uuid();
        const hours = t.schedule ? SCHEDULE_PATTERNS[t.schedule] : SCHEDULE_PATTERNS[rng.weighted(PATTERN_WEIGHTS)];
        serviceLinks.push({ id, locationIds: locs.map((l) => l.id), hours });
        const capacity = rng.weighted(CAPACITY);
        const languages = org.languages.filter((l) => l === 'en' || rng.chance(0.85));
        const spas = [...new Set([...locs.map((l) => l.spa), ...(rng.chance(0.15) ? [rng.pick(SPA_CODES)] : [])])];
        const confirmed = rng.chance(0.9) ? new Date(now - rng.int(0, 180) * 86_400_000) : null;
        yield [
          id, org.id, serviceName(rng, t, place), `${t.description} ${rng.pick(EXTRA_SENTENCES)} ${rng.pick(EXTRA_SENTENCES)}`,
          t.categories, t.communitySupport ?? null, `${t.eligibility} ${rng.pick(ELIGIBILITY_EXTRA)}`, t.minAge ?? null, t.maxAge ?? null,
          t.focus ?? rng.sample(FOCUS_POPULATIONS, rng.int(0, 2)), languages, t.fees, t.applicationProcess, spas, `(323) 555-${String(1000 + (i % 9000))}`,
          rng.weighted(STATUS), capacity, capacity === 'waitlist' ? `About ${rng.int(1, 6)} weeks` : null, confirmed,
        ];
      }
    })(),
  );

  counts.serviceLocations = await copyRows(
    client,
    'service_locations',
    ['service_id', 'location_id'],
    (function* () {
      for (const s of serviceLinks) for (const l of s.locationIds) yield [s.id, l];
    })(),
  );
  counts.schedules = await copyRows(
    client,
    'schedules',
    ['service_id', 'weekday', 'opens_at', 'closes_at'],
    (function* () {
      for (const s of serviceLinks) for (const h of s.hours) yield [s.id, h.weekday, h.opensAt, h.closesAt];
    })(),
  );
  // A holiday closure for a few percent of services, so the exception branch is exercised.
  counts.scheduleExceptions = await copyRows(
    client,
    'schedule_exceptions',
    ['service_id', 'date', 'closed', 'reason'],
    (function* () {
      for (const s of serviceLinks) if (rng.chance(0.03)) yield [s.id, '2026-12-25', true, 'Holiday'];
    })(),
  );
  return counts;
};
