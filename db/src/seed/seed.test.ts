import { createHash } from 'node:crypto';
import { SEED_TEST_NOW, seedFresh, type Seeded } from './testing';
import type pg from 'pg';
import { AGREEMENT_KINDS, SPA_CODES } from '@tandem/contract';
import { createDb } from '../client';
import { verifyPassword } from '../passwords';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo, truncateAll } from './index';

const NOW = SEED_TEST_NOW;

const checksum = async (pool: pg.Pool) => {
  const { rows } = await pool.query<{ line: string }>(
    `select o.name || ' | ' || coalesce(string_agg(s.name || ':' || s.capacity_status, ',' order by s.name, s.id), '') as line
       from organizations o left join services s on s.organization_id = o.id
      group by o.id, o.name order by o.name`,
  );
  return createHash('sha256')
    .update(rows.map((r) => r.line).join('\n'))
    .digest('hex');
};

describe('demo seed', () => {
  let a: Seeded;
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await a.pool.query<T>(sql, params)).rows[0]!;
  const all = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await a.pool.query<T>(sql, params)).rows;

  beforeAll(async () => {
    a = await seedFresh();
  });
  afterAll(async () => {
    await a?.pool.end();
    await a?.tdb.drop();
  });

  it('reports what it inserted', async () => {
    const { n } = await one<{ n: number }>('select count(*)::int as n from services');
    expect(a.summary.services).toBe(n);
    expect(a.summary.organizations).toBeGreaterThanOrEqual(45);
  });

  it('has at least 40 CBOs and at least 4 serving every SPA', async () => {
    expect((await one<{ n: number }>(`select count(*)::int as n from organizations where type = 'cbo'`)).n).toBeGreaterThanOrEqual(40);
    const rows = await all<{ spa: string; n: number }>(
      `select spa, count(*)::int as n from organizations, unnest(spas) as spa where type = 'cbo' group by spa`,
    );
    const bySpa = Object.fromEntries(rows.map((r) => [r.spa, r.n]));
    for (const spa of SPA_CODES) expect(bySpa[spa] ?? 0).toBeGreaterThanOrEqual(4);
  });

  it('has the health system, county agencies, a plan and a clinic', async () => {
    const rows = await all<{ type: string; n: number }>('select type, count(*)::int as n from organizations group by type');
    const byType = Object.fromEntries(rows.map((r) => [r.type, r.n]));
    expect(byType).toMatchObject({ health_system: 1, health_plan: 1, clinic: 1 });
    expect(byType.county_agency).toBeGreaterThanOrEqual(2);
  });

  it('gives every CBO a service, a location and a referral contact', async () => {
    expect((await one<{ n: number }>('select count(*)::int as n from services')).n).toBeGreaterThanOrEqual(120);
    const missing = await all<{ name: string }>(
      `select name from organizations o where type = 'cbo' and (
         not exists (select 1 from services s where s.organization_id = o.id) or
         not exists (select 1 from locations l where l.organization_id = o.id) or
         not exists (select 1 from contacts c where c.organization_id = o.id and c.is_referral_contact))`,
    );
    expect(missing).toEqual([]);
    const unlinked = await all(
      `select id from services s where not exists (select 1 from service_locations sl where sl.service_id = s.id)`,
    );
    expect(unlinked).toEqual([]);
    const unscheduled = await all(`select id from services s where not exists (select 1 from schedules sc where sc.service_id = s.id)`);
    expect(unscheduled).toEqual([]);
  });

  it('orders stage dates and leaves unreached stages null', async () => {
    const bad = await all(
      `select name from organizations where
         (partnership_stage = 'prospect' and (stage_dates->>'outreach' is not null or stage_dates->>'partnered' is not null)) or
         (partnership_stage = 'partnered' and not (stage_dates->>'prospect' <= stage_dates->>'outreach' and stage_dates->>'outreach' <= stage_dates->>'assessed'
                                              and stage_dates->>'assessed' <= stage_dates->>'partnered' and stage_dates->>'partnered' <= $1))`,
      ['2026-11-10'],
    );
    expect(bad).toEqual([]);
  });

  it('has every agreement kind and several agreements ending within 60 days', async () => {
    const kinds = (await all<{ kind: string }>('select distinct kind from agreements')).map((r) => r.kind).sort();
    expect(kinds).toEqual([...AGREEMENT_KINDS].sort());
    const soon = await one<{ n: number }>(
      `select count(*)::int as n from agreements where status = 'active' and end_date between $1::date and $1::date + 60`,
      ['2026-11-10'],
    );
    expect(soon.n).toBeGreaterThanOrEqual(3);
    const lonely = await all(
      `select id from agreements a where (select count(*) from agreement_parties p where p.agreement_id = a.id) < 2`,
    );
    expect(lonely).toEqual([]);
  });

  it('has some stale and some fresh capacity confirmations', async () => {
    const r = await one<{ stale: number; fresh: number; total: number }>(
      `select count(*) filter (where capacity_confirmed_at < $1::timestamptz - interval '90 days')::int as stale,
              count(*) filter (where capacity_confirmed_at >= $1::timestamptz - interval '60 days')::int as fresh,
              count(*)::int as total
         from services`,
      [NOW],
    );
    expect(r.stale).toBeGreaterThan(r.total * 0.08);
    expect(r.fresh).toBeGreaterThan(r.total * 0.5);
  });

  it('has accepting Spanish-language food services in SPA 6, open weekdays 08:00-18:00, one on weekends', async () => {
    const rows = await all<{ id: string; weekend: boolean }>(
      `select s.id,
              exists (select 1 from schedules w where w.service_id = s.id and w.weekday in (6, 7)) as weekend
         from services s
        where 'spa6' = any(s.spas) and 'food-insecurity' = any(s.categories) and 'es' = any(s.languages)
          and s.capacity_status = 'accepting' and s.status = 'active'
          and (select count(distinct weekday) from schedules d
                where d.service_id = s.id and d.weekday between 1 and 5 and d.opens_at <= '08:00' and d.closes_at >= '18:00') = 5`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.weekend)).toBe(true);
    const elsewhere = await one<{ n: number }>(
      `select count(*)::int as n from services where not ('spa6' = any(spas)) and capacity_status in ('full', 'waitlist')`,
    );
    expect(elsewhere.n).toBeGreaterThanOrEqual(3);
  });

  it('creates every demo account with its role, organization and the demo password', async () => {
    expect(DEMO_ACCOUNTS.length).toBeGreaterThanOrEqual(18);
    const rows = await all<{ email: string; role: string; organization: string; password_hash: string }>(
      `select u.email, m.role, o.name as organization, u.password_hash
         from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.organization_id`,
    );
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    for (const acc of DEMO_ACCOUNTS) {
      expect({ email: acc.email, role: byEmail.get(acc.email)?.role, organization: byEmail.get(acc.email)?.organization }).toEqual({
        email: acc.email,
        role: acc.role,
        organization: acc.organization,
      });
    }
    expect(DEMO_ACCOUNTS.find((x) => x.email === 'admin@tandem.example')?.role).toBe('network_admin');
    // The network-wide roles sit only in the organization that runs the network (ARCHITECTURE §4).
    const network = await all<{ name: string }>('select name from organizations where runs_network');
    expect(network).toEqual([{ name: 'County Health Services (DHS)' }]);
    const misplaced = await all<{ email: string }>(
      `select u.email from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.organization_id
        where m.role in ('collaboration_team', 'board_coordinator', 'network_admin') and not o.runs_network`,
    );
    expect(misplaced).toEqual([]);
    expect(await verifyPassword(rows[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    const cboRoles = await all<{ name: string; admins: number; staff: number }>(
      `select o.name, count(*) filter (where m.role = 'org_admin')::int as admins, count(*) filter (where m.role = 'staff')::int as staff
         from organizations o join memberships m on m.organization_id = o.id where o.type = 'cbo' group by o.name having count(*) filter (where m.role = 'staff') >= 2`,
    );
    expect(cboRoles.length).toBeGreaterThanOrEqual(3);
    const liaisons = await one<{ n: number }>('select count(*)::int as n from organizations where liaison_user_id is not null');
    expect(liaisons.n).toBeGreaterThanOrEqual(20);
  });

  it('uses only fictional contact details', async () => {
    const emails = await all<{ email: string }>(
      `select email from users union all select email from contacts where email is not null union all select email from organizations where email is not null`,
    );
    for (const { email } of emails) expect(email).toMatch(/\.example$/);
    const phones = await all<{ phone: string }>(
      `select phone from contacts where phone is not null union all select phone from organizations where phone is not null union all select phone from services where phone is not null`,
    );
    for (const { phone } of phones) expect(phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
  });

  it('logs a few thousand engagement events over two years, 10–60 a month per liaison, across every SPA and focus population, and a monthly workgroup series', async () => {
    const { n, first, last } = await one<{ n: number; first: Date; last: Date }>('select count(*)::int as n, min(starts_at) as first, max(starts_at) as last from engagement_events');
    expect(n).toBeGreaterThanOrEqual(2000);
    expect(n).toBeLessThanOrEqual(6000);
    // Every liaison's full months (not the current one), in Los Angeles time, outside the workgroup series.
    const monthly = await all<{ n: number }>(
      `select count(*)::int as n from engagement_events e join engagement_event_staff s on s.event_id = e.id
        where e.series_id is null and date_trunc('month', e.starts_at at time zone 'America/Los_Angeles') < date_trunc('month', $1::timestamptz at time zone 'America/Los_Angeles')
        group by s.user_id, date_trunc('month', e.starts_at at time zone 'America/Los_Angeles')`,
      [NOW.toISOString()],
    );
    expect(monthly.length).toBeGreaterThanOrEqual(4 * 24);
    expect(monthly.every((m) => m.n >= 10 && m.n <= 60)).toBe(true);
    // Every partner past prospect (not the network's own organization) has the logged event that
    // moved it there, named in its history, and each partnered one its confirmation.
    const partner = `not exists (select 1 from memberships m where m.organization_id = o.id and m.role = 'network_admin')`;
    const unmoved = await all<{ name: string }>(
      `select o.name from organizations o where ${partner} and o.partnership_stage <> 'prospect' and not exists (
         select 1 from audit_log a join engagement_events e on e.id::text = a.changes->'causeEventId'->>'to'
         join engagement_event_organizations eo on eo.event_id = e.id and eo.organization_id = o.id
         where a.action = 'organization.stage_advance' and a.entity_id = o.id::text)`,
    );
    expect(unmoved).toEqual([]);
    const confirmations = await one<{ n: number; partnered: number }>(
      `select (select count(distinct entity_id)::int from audit_log where action = 'organization.partnership_confirm') as n, (select count(*)::int from organizations o where ${partner} and o.partnership_stage = 'partnered') as partnered`,
    );
    expect(confirmations.n).toBe(confirmations.partnered);
    expect(a.summary.engagementEvents).toBe(n);
    expect(last.getTime()).toBeLessThan(NOW.getTime());
    expect(NOW.getTime() - first.getTime()).toBeGreaterThan(600 * 86_400_000);
    const spas = await all<{ spa: string }>('select distinct unnest(spas) as spa from engagement_events');
    expect(spas.map((r) => r.spa).sort()).toEqual([...SPA_CODES].sort());
    const pops = await all<{ p: string }>('select distinct unnest(focus_populations) as p from engagement_events');
    expect(pops.map((r) => r.p)).toEqual(expect.arrayContaining(['homelessness', 'justice_involvement', 'healthy_pregnancy', 'mental_health', 'substance_use', 'complex_health']));
    const series = await all<{ n: number; hours: number }>(
      `select count(*)::int as n, count(distinct extract(hour from starts_at at time zone 'America/Los_Angeles'))::int as hours from engagement_events where series_id is not null group by series_id`,
    );
    expect(series).toEqual([{ n: 24, hours: 1 }]);
    const unled = await one<{ n: number }>('select count(*)::int as n from engagement_events e where not exists (select 1 from engagement_event_staff s where s.event_id = e.id)');
    expect(unled.n).toBe(0);
  });

  it('seeds the advisory boards: the reentry board (68 applications, 11 members, charter v1 and v2, a closed budget round) and a doula board', async () => {
    const board = await one<{ id: string; n: number }>(`select id, (select count(*)::int from board_applications a where a.board_id = b.id) as n from boards b where name = 'Reentry Health Advisory Board'`);
    expect(board.n).toBe(68);
    const byStatus = await all<{ status: string; n: number }>(`select status, count(*)::int as n from board_applications where board_id = $1 group by status order by status`, [board.id]);
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({ selected: 11, waitlisted: 10, declined: 35, submitted: 12 });
    const spread = await one<{ spas: number; langs: number; reviewers: number }>(
      `select count(distinct spa)::int as spas, (select count(distinct l)::int from board_applications, unnest(languages) l where board_id = $1) as langs,
              (select count(distinct reviewer_user_id)::int from board_reviews r join board_applications a on a.id = r.application_id where a.board_id = $1) as reviewers
         from board_applications where board_id = $1`,
      [board.id],
    );
    expect(spread.spas).toBeGreaterThanOrEqual(5);
    expect(spread.langs).toBeGreaterThanOrEqual(3);
    expect(spread.reviewers).toBeGreaterThanOrEqual(3);
    const roles = await all<{ role: string; n: number }>(`select role, count(*)::int as n from board_members where board_id = $1 group by role order by role`, [board.id]);
    expect(roles).toEqual([{ role: 'chair', n: 1 }, { role: 'co_chair', n: 1 }, { role: 'member', n: 9 }]);
    const acks = await all<{ number: number; n: number }>(`select c.number, count(k.member_id)::int as n from board_charters c left join board_charter_acknowledgements k on k.charter_id = c.id where c.board_id = $1 group by c.number order by c.number`, [board.id]);
    expect(acks).toEqual([{ number: 1, n: 11 }, { number: 2, n: 8 }]);
    // Every decided application has its message; every vote stays within the allocation.
    expect((await one<{ n: number }>(`select count(*)::int as n from board_applications where status <> 'submitted' and decision_message is null`)).n).toBe(0);
    const over = await one<{ n: number }>(
      `select count(*)::int as n from board_budget_votes v join board_budget_rounds r on r.id = v.round_id where (select coalesce(sum(value::int), 0) from jsonb_each_text(v.points)) > r.points_per_member`,
    );
    expect(over.n).toBe(0);
    expect(await all(`select status from board_budget_rounds where board_id = $1`, [board.id])).toEqual([{ status: 'closed' }]);
    const maternal = await one<{ n: number }>(`select count(*)::int as n from board_members m join boards b on b.id = m.board_id where b.name = 'Maternal Health and Doula Community Board'`);
    expect(maternal.n).toBe(5);
  });

  it("seeds the reentry board's year: monthly meetings with attendance and motions, stipends by several methods with an advance, recommendations in every status (one overdue) naming its own meetings", async () => {
    const board = await one<{ id: string }>(`select id from boards where name = 'Reentry Health Advisory Board'`);
    const meetings = await all<{ status: string; n: number }>(`select status, count(*)::int as n from board_meetings where board_id = $1 group by status order by status`, [board.id]);
    expect(meetings.find((m) => m.status === 'held')!.n).toBeGreaterThanOrEqual(11);
    expect(meetings.find((m) => m.status === 'cancelled')!.n).toBe(1);
    expect((await one<{ n: number }>(`select count(*)::int as n from board_motions where board_id = $1`, [board.id])).n).toBeGreaterThanOrEqual(3);
    const methods = await all<{ method: string }>(`select distinct method from stipend_payments where board_id = $1 order by method`, [board.id]);
    expect(methods.map((m) => m.method)).toEqual(expect.arrayContaining(['check', 'direct_deposit', 'gift_card']));
    expect((await one<{ n: number }>(`select count(*)::int as n from stipend_payments where board_id = $1 and purpose = 'advance'`, [board.id])).n).toBe(2);
    const statuses = await all<{ status: string }>(`select distinct status from board_recommendations where board_id = $1 order by status`, [board.id]);
    expect(statuses.map((r) => r.status)).toEqual(['adopted', 'implemented', 'not_adopted', 'partially_adopted', 'submitted', 'under_review']);
    // Every meeting or motion a recommendation or payment names is this board's, and came no later than the recommendation.
    const foreign = await one<{ n: number }>(
      `select count(*)::int as n from board_recommendations r left join board_meetings m on m.id = r.meeting_id left join board_motions v on v.id = r.motion_id
        where r.board_id = $1 and ((r.meeting_id is not null and (m.board_id <> r.board_id or (m.starts_at at time zone 'America/Los_Angeles')::date > r.submitted_on)) or (r.motion_id is not null and (v.board_id <> r.board_id or v.meeting_id <> r.meeting_id)))`,
      [board.id],
    );
    expect(foreign.n).toBe(0);
    expect((await one<{ n: number }>(`select count(*)::int as n from board_recommendations where board_id = $1 and meeting_id is not null`, [board.id])).n).toBeGreaterThanOrEqual(5);
    expect((await one<{ n: number }>(`select count(*)::int as n from board_recommendations where board_id = $1 and motion_id is not null`, [board.id])).n).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic: a second database gets the same organizations and services', async () => {
    const b = await seedFresh();
    try {
      expect(await checksum(b.pool)).toBe(await checksum(a.pool));
      expect(b.summary).toEqual(a.summary);
      // Deterministic ids too, so links in docs and screenshots stay valid.
      const ids = async (p: pg.Pool) => (await p.query<{ id: string }>('select id from services order by id')).rows.map((r) => r.id);
      expect(await ids(b.pool)).toEqual(await ids(a.pool));
    } finally {
      await b.pool.end();
      await b.tdb.drop();
    }
  });

  it('truncateAll empties the database so it can be seeded again', async () => {
    const b = await seedFresh();
    try {
      const db = createDb(b.pool);
      await truncateAll(db);
      expect(await isDatabaseEmpty(db)).toBe(true);
      expect((await b.pool.query<{ n: number }>('select count(*)::int as n from users')).rows[0]!.n).toBe(0);
      const again = await seedDemo(db, { now: NOW });
      expect(again).toEqual(a.summary);
    } finally {
      await b.pool.end();
      await b.tdb.drop();
    }
  });
});
