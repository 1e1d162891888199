import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { ENGAGEMENT_EVENT_TYPES, FOCUS_POPULATIONS, STATE_CATEGORY_TABLE } from '../packages/contract/src';
import { createPool } from '../db/src/client';
import { generateDirectory } from '../db/src/bulk';
import { generateReferrals } from '../db/src/bulk/referrals';
import { buildApp } from '../services/api/src/app';
import { loadConfig } from '../services/api/src/config';
import { groupDatabase, median, seconds } from './databases';
import { hubsOf, signedInUser } from './referrals';
import type { Figure, MeasureContext, ScenarioGroup } from './types';

/**
 * The reports group (issue 25): the State's quarterly roll-up and the network overview through the
 * API (in-process `app.inject`: routing, session, validation, audit row, serialization) against a
 * hand-written SQL aggregate of the same numbers on a plain pg pool, in the same run, rounds
 * alternating; and the roll-up's growth when the events grow 10× (10,000 → 100,000).
 */
const FULL = { organizations: 10_000, services: 50_000, referrals: 1_000_000 };
const EVENTS = [10_000, 100_000] as const;
const ROUNDS = 15;
const RATIO_TARGET = 1.25;
const GROWTH_TARGET = 2;
const TZ = 'America/Los_Angeles';
/** Five years of events, ending at the last full month before the bench's "today". */
const FIRST_DAY = '2021-12-01';
const YEARS = 5;
const QUARTER = { year: 2025, quarter: 2, from: '2025-04-01', to: '2025-06-30' };

const inTransaction = async <T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>) => {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const r = await fn(c);
    await c.query('commit');
    return r;
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    c.release();
  }
};

/**
 * Engagement events up to `total`, generated inside PostgreSQL (seeded): 5 years, types weighted to
 * meetings, SPAs skewed to SPA 4 and 6 (a fifth in two SPAs), 1–3 focus populations, 5–125
 * attendees (most small), one staff lead of nine (a tenth with two), 1% removed.
 */
const growEvents = async (pool: pg.Pool, total: number, staff: string[]) => {
  const have = Number((await pool.query<{ n: string }>('select count(*) as n from engagement_events')).rows[0]!.n);
  if (have > total) await pool.query('truncate engagement_events cascade');
  const from = have > total ? 0 : have;
  if (from >= total) return 0;
  const types = [...ENGAGEMENT_EVENT_TYPES, 'outreach_meeting', 'outreach_meeting', 'workgroup', 'service_assessment'];
  const spas = ['spa4', 'spa6', 'spa8', 'spa2', 'spa7', 'spa3', 'spa5', 'spa1'];
  await inTransaction(pool, async (c) => {
    await c.query(`select setseed(${(from % 997) / 1000})`);
    await c.query(
      `with g as (
         select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8
         from generate_series($1::int + 1, $2::int) g
       ), e as (
         insert into engagement_events (title, type, starts_at, duration_minutes, spas, focus_populations, attendee_count, deleted_at, delete_reason)
         select 'Bench event ' || g,
           ($3::text[])[1 + floor(r1 * cardinality($3::text[]))::int],
           ($5::date::timestamp at time zone '${TZ}') + (r2 * ${YEARS} * 365) * interval '1 day' + interval '9 hours',
           60,
           case when r3 < 0.2 then array[($4::text[])[1 + floor(8 * r4 ^ 1.6)::int], ($4::text[])[1 + ((floor(8 * r4 ^ 1.6)::int + 1 + floor(r5 * 7)::int) % 8)]]
                else array[($4::text[])[1 + floor(8 * r4 ^ 1.6)::int]] end,
           (select array_agg(distinct ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int]) from generate_series(1, 1 + floor(r6 * 3)::int)),
           5 + floor(r7 ^ 2 * 120)::int,
           case when r8 < 0.01 then now() end,
           case when r8 < 0.01 then 'Bench: logged twice' end
         from g
         returning id
       )
       insert into engagement_event_staff (event_id, user_id)
       select id, ($7::uuid[])[1 + floor(random() * cardinality($7::uuid[]))::int] from e`,
      [from, total, types, spas, FIRST_DAY, [...FOCUS_POPULATIONS], staff],
    );
    // A tenth get a second lead.
    await c.query(
      `insert into engagement_event_staff (event_id, user_id)
       select e.id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] from engagement_events e
       where e.title in (select 'Bench event ' || g from generate_series($2::int + 1, $3::int) g where g % 10 = 0)
       on conflict do nothing`,
      [staff, from, total],
    );
  });
  await pool.query('vacuum analyze engagement_events, engagement_event_staff');
  return total - from;
};

/** Gaps (a few hundred, all statuses, some escalated long ago) when there are none. */
const ensureGaps = async (pool: pg.Pool) => {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from service_gaps');
  if (rows[0]!.n > 0) return;
  await pool.query(`
    insert into service_gaps (title, spa, category, severity, status, status_rationale, status_changed_at)
    select 'Bench gap ' || g, 'spa' || (1 + g % 8), 'food-insecurity',
      (array['low', 'medium', 'high', 'critical'])[1 + g % 4],
      (array['identified', 'escalated', 'in_progress', 'resolved', 'not_pursued'])[1 + (g / 8) % 5],
      case when (g / 8) % 5 = 4 then 'Bench' end,
      now() - (g % 60) * interval '1 day'
    from generate_series(1, 400) g`);
};

// ---- The hand-written SQL floor ----------------------------------------------------------------

const categoryValues = STATE_CATEGORY_TABLE.map(([p, c]) => `('${p}', '${c}')`).join(', ');
/** The State's grid in one plain statement: every (month, category) cell and the totals, JSON built in PostgreSQL. */
const stateFloorSql = `
  with ev as (
    select e.id, e.attendee_count, to_char(e.starts_at at time zone '${TZ}', 'YYYY-MM') as month, e.focus_populations
    from engagement_events e
    where e.deleted_at is null and e.starts_at >= ($1::date::timestamp at time zone '${TZ}') and e.starts_at < (($2::date + 1)::timestamp at time zone '${TZ}')
  ), c as (
    select distinct ev.id, ev.month, ev.attendee_count, coalesce(m.category, 'other') as category
    from ev, unnest(ev.focus_populations) p(population) left join (values ${categoryValues}) m(population, category) on m.population = p.population
  ), cells as (
    select month, category, count(*)::int as events, sum(attendee_count)::int as attendees from c group by grouping sets ((month, category), (category))
    union all
    select month, null, count(*)::int, coalesce(sum(attendee_count), 0)::int from ev group by grouping sets ((month), ())
  )
  select coalesce(json_agg(cells), '[]') as rows from cells`;

const OPEN = `('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold')`;
const overviewFloorSql = {
  referrals: `
    with s as (
      select r.id, r.sent_at, r.acknowledged_at, r.first_contact_at, r.status, r.loop_closed_at, so.type as st, ro.type as rt,
        (r.acknowledge_due_at < coalesce(r.acknowledged_at, case when r.closed_at is null then now() end)
          or r.first_contact_due_at < coalesce(r.first_contact_at, case when r.closed_at is null then now() end)) as overdue
      from referrals r join organizations so on so.id = r.sending_org_id left join organizations ro on ro.id = r.receiving_org_id
      where r.sent_at >= ($1::date::timestamp at time zone '${TZ}') and r.sent_at < (($2::date + 1)::timestamp at time zone '${TZ}')
    ), ev as (
      select e.referral_id, bool_or(e.to_status = 'accepted') as accepted, bool_or(e.to_status = 'declined') as declined
      from referral_events e where e.to_status in ('accepted', 'declined') and e.referral_id in (select id from s) group by e.referral_id
    )
    select count(*)::int as sent, count(s.acknowledged_at)::int as acknowledged,
      count(*) filter (where ev.accepted)::int as accepted, count(*) filter (where ev.declined)::int as declined,
      percentile_cont(0.5) within group (order by extract(epoch from s.acknowledged_at - s.sent_at) / 3600) as median_ack,
      percentile_cont(0.5) within group (order by extract(epoch from s.first_contact_at - s.sent_at) / 3600) as median_contact,
      count(*) filter (where s.status in ('completed', 'unable_to_complete'))::int as closed,
      count(*) filter (where s.status in ('completed', 'unable_to_complete') and s.loop_closed_at is not null)::int as loop_closed,
      count(*) filter (where s.overdue)::int as overdue,
      count(*) filter (where s.st in ('health_system', 'county_agency', 'clinic', 'health_plan') and s.rt not in ('health_system', 'county_agency', 'clinic', 'health_plan'))::int as hs_to_cbo
    from s left join ev on ev.referral_id = s.id`,
  overdue: `
    select r.receiving_org_id, o.name, count(*)::int as overdue from referrals r join organizations o on o.id = r.receiving_org_id
    where r.sent_at is not null and r.closed_at is null and r.status in ${OPEN}
      and ((r.acknowledged_at is null and r.acknowledge_due_at < now()) or (r.first_contact_at is null and r.first_contact_due_at < now()))
    group by 1, 2 order by 3 desc, 2 limit 10`,
  funnel: `select partnership_stage, count(*)::int as n from organizations group by 1`,
  gaps: `select severity, count(*)::int as n from service_gaps where status in ('identified', 'escalated', 'in_progress') group by 1`,
  stale: `select id, title, spa, severity, status_changed_at from service_gaps where status = 'escalated' and status_changed_at < now() - interval '14 days' order by status_changed_at, id limit 10`,
  events: `select count(*)::int as events, coalesce(sum(attendee_count), 0)::int as attendees from engagement_events e
    where e.deleted_at is null and e.starts_at >= ($1::date::timestamp at time zone '${TZ}') and e.starts_at < (($2::date + 1)::timestamp at time zone '${TZ}')`,
};

const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/** Rounds alternating API then floor, floor then API: each target's median ms and the median of the paired ratios. */
const paired = async (api: () => Promise<unknown>, floor: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await Promise.all([api(), floor()]);
  const a: number[] = [];
  const f: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      a.push(await time(api));
      f.push(await time(floor));
    } else {
      f.push(await time(floor));
      a.push(await time(api));
    }
  }
  return { api: median(a), floor: median(f), ratio: median(a.map((x, i) => x / f[i]!)) };
};

const measure = async ({ databaseUrl, log, options }: MeasureContext): Promise<Figure[]> => {
  const url = await groupDatabase(databaseUrl, 'reports');
  const pool = createPool(url, { max: 10, applicationName: 'tandem-bench-reports', statementTimeoutMs: 0 });
  const scale = options.scale;
  const size = {
    organizations: Math.max(200, Math.round(FULL.organizations * scale)),
    services: Math.max(1_000, Math.round(FULL.services * scale)),
    referrals: Math.max(10_000, Math.round(FULL.referrals * scale)),
  };
  try {
    const count = async (t: string) => Number((await pool.query<{ n: string }>(`select count(*) as n from ${t}`)).rows[0]!.n);
    if ((await count('services')) === 0) {
      const t = Date.now();
      await inTransaction(pool, (c) => generateDirectory(c, { organizations: size.organizations, services: size.services, seed: 'tandem-bench-reports' }));
      log(`reports: directory ${size.services} services, ${size.organizations} organizations in ${seconds(t)} s`);
    }
    const hubs = await hubsOf(pool);
    const have = await count('referrals');
    if (have < size.referrals) {
      const t = Date.now();
      const c = await inTransaction(pool, (client) =>
        generateReferrals(client, { clients: Math.max(1_000, Math.round((size.referrals - have) / 10)), freshClients: 0, referrals: size.referrals - have, seed: `tandem-bench-reports-${have}` }, { ...hubs, share: 0.05 }),
      );
      log(`reports: +${c.referrals} referrals, +${c.referralEvents} events in ${seconds(t)} s`);
      await pool.query('vacuum analyze referrals, referral_events, organizations');
    } else log(`reports: reusing ${have} referrals`);
    // Partnership stages spread over the organizations; gaps.
    await pool.query(`update organizations set partnership_stage = (array['prospect', 'outreach', 'assessed', 'partnered'])[1 + abs(hashtext(id::text)) % 4] where partnership_stage = 'prospect' and abs(hashtext(id::text)) % 4 <> 0`);
    await ensureGaps(pool);

    // The network's organization, a collaboration team member signed in, nine staff leads.
    const { rows: net } = await pool.query<{ id: string }>(`select id from organizations where runs_network`);
    const networkOrg = net[0]?.id ?? hubs.sendingOrgId;
    if (!net.length) await pool.query('update organizations set runs_network = true where id = $1', [networkOrg]);
    const me = await signedInUser(pool, 'bench-team@tandem.bench', 'Bench Team', networkOrg);
    await pool.query(`update memberships set role = 'collaboration_team' where user_id = $1`, [me.id]);
    const staff: string[] = [];
    for (let i = 1; i <= 9; i++) staff.push((await signedInUser(pool, `bench-lead-${i}@tandem.bench`, `Bench Lead ${i}`, networkOrg)).id);

    const app = await buildApp(loadConfig(url, { ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '100000000', OVERDUE_SWEEP_SECONDS: '0', RESPONSE_CHECK: 'false' }));
    const headers = { cookie: me.cookie };
    const get = async (u: string) => {
      const res = await app.inject({ method: 'GET', url: u, headers });
      if (res.statusCode !== 200) throw new Error(`reports: ${u} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return res.json() as unknown;
    };
    const overviewRange = { from: '2025-12-01', to: '2026-11-30' };
    const stateUrl = `/api/v1/reports/engagement/state-quarterly?year=${QUARTER.year}&quarter=${QUARTER.quarter}`;
    const overviewUrl = `/api/v1/reports/network-overview?from=${overviewRange.from}&to=${overviewRange.to}`;
    const stateFloor = async () => JSON.stringify((await pool.query(stateFloorSql, [QUARTER.from, QUARTER.to])).rows[0]);
    const overviewFloor = async () => {
      const [r, o, f, g, s, e] = await Promise.all([
        pool.query(overviewFloorSql.referrals, [overviewRange.from, overviewRange.to]),
        pool.query(overviewFloorSql.overdue),
        pool.query(overviewFloorSql.funnel),
        pool.query(overviewFloorSql.gaps),
        pool.query(overviewFloorSql.stale),
        pool.query(overviewFloorSql.events, ['2026-11-01', overviewRange.to]),
      ]);
      return JSON.stringify({ r: r.rows, o: o.rows, f: f.rows, g: g.rows, s: s.rows, e: e.rows });
    };

    // The plans the indexes are for (docs/reports-performance.md): logged, one line per node.
    const plan = async (what: string, text: string, values: unknown[] = []) => {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${text}`, values);
      log(`reports: plan of ${what}: ${rows.map((r) => r['QUERY PLAN'].trim()).join(' | ')}`);
    };
    await plan('overdue per organization', overviewFloorSql.overdue);
    await plan('events this month', overviewFloorSql.events, ['2026-11-01', overviewRange.to]);
    await plan('the State quarter', stateFloorSql, [QUARTER.from, QUARTER.to]);

    const figures: Figure[] = [];
    const stateApi: number[] = [];
    const overviewApi: number[] = [];
    try {
      for (const total of EVENTS) {
        const t = Date.now();
        const added = await growEvents(pool, total, staff);
        log(`reports: ${total} events (+${added}) in ${seconds(t)} s`);
        // Same numbers from both: the quarter's total and the overview's headline figures.
        const api = (await get(stateUrl)) as { rows: { month: string | null; category: string | null; events: number; attendees: number }[] };
        const floorRows = JSON.parse(await stateFloor()).rows as { month: string | null; category: string | null; events: number; attendees: number }[];
        const qa = api.rows.find((r) => r.month === null && r.category === null)!;
        const qf = floorRows.find((r) => r.month === null && r.category === null)!;
        const ov = (await get(overviewUrl)) as { referrals: { sent: number; accepted: number; overdue: number }; events: { events: number } };
        const of = JSON.parse(await overviewFloor()) as { r: { sent: number; accepted: number; overdue: number }[]; e: { events: number }[] };
        const same = qa.events === qf.events && qa.attendees === qf.attendees && ov.referrals.sent === of.r[0]!.sent && ov.referrals.accepted === of.r[0]!.accepted && ov.events.events === of.e[0]!.events;
        log(`reports: ${total} events: quarter ${qa.events} events / ${qa.attendees} attendees (floor ${qf.events} / ${qf.attendees}); overview ${ov.referrals.sent} referrals sent (floor ${of.r[0]!.sent})${same ? '' : ' — MISMATCH'}`);
        const s = await paired(() => get(stateUrl), stateFloor);
        const o = await paired(() => get(overviewUrl), overviewFloor);
        stateApi.push(s.api);
        overviewApi.push(o.api);
        log(`reports: ${total} events: state quarterly API ${s.api.toFixed(1)} ms, SQL ${s.floor.toFixed(1)} ms (×${s.ratio.toFixed(2)}); overview API ${o.api.toFixed(1)} ms, SQL ${o.floor.toFixed(1)} ms (×${o.ratio.toFixed(2)})`);
        const k = `${total / 1000}k events, ${(size.referrals / 1e6).toLocaleString('en-US')} M referrals`;
        figures.push(
          { group: 'reports', name: `state quarterly API / SQL (${k})`, value: s.ratio, unit: '×', target: { max: RATIO_TARGET }, detail: `API ${s.api.toFixed(1)} ms, SQL ${s.floor.toFixed(1)} ms; ${same ? 'same numbers' : 'NUMBERS DIFFER'}` },
          { group: 'reports', name: `network overview API / SQL (${k})`, value: o.ratio, unit: '×', target: { max: RATIO_TARGET }, detail: `API ${o.api.toFixed(1)} ms, SQL ${o.floor.toFixed(1)} ms` },
        );
      }
      figures.push(
        { group: 'reports', name: 'state quarterly API, 100k / 10k events', value: stateApi[1]! / stateApi[0]!, unit: '×', target: { max: GROWTH_TARGET }, detail: `${stateApi[0]!.toFixed(1)} → ${stateApi[1]!.toFixed(1)} ms` },
        { group: 'reports', name: 'network overview API, 100k / 10k events', value: overviewApi[1]! / overviewApi[0]!, unit: '×', target: { max: GROWTH_TARGET }, detail: `${overviewApi[0]!.toFixed(1)} → ${overviewApi[1]!.toFixed(1)} ms` },
      );
    } finally {
      await app.close();
    }
    return figures;
  } finally {
    await pool.end();
  }
};

export const reportsGroup: ScenarioGroup = {
  name: 'reports',
  prepare: async () => undefined,
  scenarios: [],
  measure,
  target: { description: `reports through the API ≤ ${RATIO_TARGET}× a hand-written SQL aggregate; ≤ ${GROWTH_TARGET}× when events grow 10×` },
};
