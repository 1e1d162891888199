import type { Tx } from '../../client';
import { services } from '../../schema';
import { daysFrom, type SeedContext } from '../context';
import { CBOS } from '../data/organizations';
import { PATTERN_WEIGHTS } from '../data/schedules';
import { SERVICE_TEMPLATES, type ServiceTemplate } from '../data/services';
import type { CapacityStatus, OrgSpec, ServiceRef, ServiceStatus } from '../types';
import { count, fakePhone, insertAll } from './util';

const CAPACITY_NOTES: Record<CapacityStatus, (string | null)[]> = {
  accepting: ['Accepting new referrals; intake within the week.', 'Open for new clients.', 'Same-day intake most days.', null],
  waitlist: [
    'Waitlist about 3 weeks; urgent cases prioritized.',
    'Waitlist open; we call clients as spots free up.',
    'About 25 people on the waitlist.',
  ],
  full: ['At capacity this month; please refer elsewhere.', 'No openings until the next funding cycle.', 'Full; check back next week.'],
  assessment_required: [
    'Eligibility assessment required before enrollment.',
    'Needs health plan authorization first.',
    'Intake assessment by phone, 30 minutes.',
  ],
};

const drawCapacity = (ctx: SeedContext) =>
  ctx.rng.weighted<CapacityStatus>([
    ['accepting', 55],
    ['waitlist', 18],
    ['full', 10],
    ['assessment_required', 17],
  ]);

const drawStatus = (ctx: SeedContext) =>
  ctx.rng.weighted<ServiceStatus>([
    ['active', 92],
    ['temporarily_closed', 4],
    ['inactive', 4],
  ]);

/** Mostly confirmed in the last 60 days; ~15% stale (older than 90 days); some never confirmed. */
const confirmedAt = (ctx: SeedContext, fresh: boolean): Date | null => {
  const { rng, now } = ctx;
  if (fresh) return daysFrom(now, -rng.int(0, 3) - rng.next());
  const age = rng.weighted<'recent' | 'stale' | 'never'>([
    ['recent', 73],
    ['stale', 15],
    ['never', 12],
  ]);
  if (age === 'never') return null;
  return daysFrom(now, age === 'recent' ? -rng.int(0, 59) - rng.next() : -rng.int(95, 240) - rng.next());
};

const slas = (ctx: SeedContext, t: ServiceTemplate) => {
  if (t.urgent) return { ackSlaHours: 8, firstContactSlaHours: 16 };
  const ack = ctx.rng.weighted<number>([
    [16, 75],
    [8, 10],
    [24, 15],
  ]);
  const first = ctx.rng.weighted<number>([
    [40, 70],
    [24, 10],
    [80, 20],
  ]);
  return { ackSlaHours: ack, firstContactSlaHours: Math.max(first, ack) };
};

const serviceRow = (ctx: SeedContext, o: OrgSpec, entry: string | ServiceRef): typeof services.$inferInsert => {
  const ref: ServiceRef = typeof entry === 'string' ? { key: entry } : entry;
  const t = SERVICE_TEMPLATES[ref.key];
  if (!t) throw new Error(`seed: unknown service template '${ref.key}'`);
  const { rng } = ctx;
  const pinned = Boolean(ref.capacity || ref.fresh);
  const status = ref.status ?? (pinned ? 'active' : drawStatus(ctx));
  const capacity = ref.capacity ?? drawCapacity(ctx);
  const schedule = ref.schedule ?? t.schedule ?? rng.weighted(PATTERN_WEIGHTS);
  const at = confirmedAt(ctx, Boolean(ref.fresh));
  const id = ctx.ids.uuid();
  ctx.services.push({ id, orgKey: o.key, key: ref.key, name: t.name, capacity, schedule });
  return {
    id,
    organizationId: ctx.orgs.get(o.key)!,
    name: t.name,
    description: t.description,
    categories: t.categories,
    communitySupport: t.communitySupport ?? null,
    eligibility: t.eligibility,
    minAge: t.minAge ?? null,
    maxAge: t.maxAge ?? null,
    focusPopulations: t.focus ?? o.focus,
    languages: o.languages,
    fees: t.fees,
    applicationProcess: t.applicationProcess,
    spas: o.spas,
    url: `https://${o.key}.example/services/${ref.key.replace(/_/g, '-')}`,
    email: rng.chance(0.4) ? `intake@${o.key}.example` : null,
    phone: rng.chance(0.5) ? fakePhone(rng, o.spas[0]!) : null,
    status,
    capacityStatus: capacity,
    capacityNote: ref.capacityNote ?? rng.pick(CAPACITY_NOTES[capacity]),
    capacityConfirmedAt: at,
    capacityConfirmedBy: at ? (ctx.orgAdmins.get(o.key) ?? ctx.liaisons.get(o.key) ?? null) : null,
    ...slas(ctx, t),
  };
};

/** 2–4 services per CBO, from the templates each CBO lists. */
export const seedServices = async (tx: Tx, ctx: SeedContext) => {
  const rows = CBOS.flatMap((o) => (o.services ?? []).map((s) => serviceRow(ctx, o, s)));
  count(ctx, 'services', await insertAll(tx, services, rows));
};
