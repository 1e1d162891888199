import { createHash } from 'node:crypto';
import { dropSeeded, SEED_TEST_NOW, seedFresh, type Seeded } from './testing';
import type pg from 'pg';
import { decideTransition, REFERRAL_STATUSES, TERMINAL_STATUSES, type ClosureReason, type LoopClosureReason, type ReferralStatus } from '@tandem/contract';
import { DEMO_ORGS } from './index';

const NOW = SEED_TEST_NOW;

const drop = dropSeeded;

/** Everything about the referral data that should not change between two seeds with the same `now`. */
const checksum = async (pool: pg.Pool) => {
  const parts: string[] = [];
  for (const q of [
    `select id, client_id, sending_org_id, receiving_org_id, receiving_service_id, assignee_user_id, status, status_reason, reason, needs::text,
            sent_at, acknowledged_at, acknowledge_due_at, first_contact_due_at, first_contact_at, closed_at, forwarded_from_id from referrals order by id`,
    `select id, referral_id, at, kind, from_status, to_status, reason, note, actor_user_id from referral_events order by id`,
    `select id, given_name, family_name, date_of_birth, phones::text from clients order by id`,
    `select id, client_id, scope, expires_at, revoked_at from consents order by id`,
    `select id, referral_id, body, created_at from referral_messages order by id`,
    `select referral_id, user_id, last_read_at from referral_reads order by referral_id, user_id`,
    `select id, user_id, referral_id, read_at from notifications order by id`,
  ]) {
    const { rows } = await pool.query(q);
    parts.push(JSON.stringify(rows));
  }
  return createHash('sha256').update(parts.join('\n')).digest('hex');
};

interface EventRow {
  referral_id: string;
  kind: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus | null;
  reason: ClosureReason | null;
  note: string | null;
  data: Record<string, unknown> | null;
  actor_org_id: string | null;
  sender_admin: boolean;
  at: Date;
}

describe('demo seed: referrals', () => {
  let a: Seeded;
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await a.pool.query<T>(sql, params)).rows[0]!;
  const all = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await a.pool.query<T>(sql, params)).rows;

  beforeAll(async () => {
    a = await seedFresh();
  });
  afterAll(async () => {
    await drop(a);
  });

  it('seeds ~400 clients and ~900 referrals and reports them', async () => {
    const n = await one<{ clients: number; referrals: number; events: number }>(
      `select (select count(*) from clients)::int as clients, (select count(*) from referrals)::int as referrals, (select count(*) from referral_events)::int as events`,
    );
    expect(n.clients).toBeGreaterThanOrEqual(380);
    expect(n.referrals).toBeGreaterThanOrEqual(850);
    expect(a.summary.referrals).toBe(n.referrals);
    expect(a.summary.clients).toBe(n.clients);
    expect(a.summary.referralEvents).toBe(n.events);
  });

  it('has every status, closedAt on every terminal referral and only there', async () => {
    const rows = await all<{ status: string; n: number }>('select status, count(*)::int as n from referrals group by status');
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const s of REFERRAL_STATUSES) expect(by[s] ?? 0).toBeGreaterThan(0);
    const terminal = TERMINAL_STATUSES.map((s) => `'${s}'`).join(',');
    expect(await all(`select id from referrals where status in (${terminal}) and closed_at is null`)).toEqual([]);
    expect(await all(`select id from referrals where status not in (${terminal}) and closed_at is not null`)).toEqual([]);
    for (const s of ['declined', 'unable_to_complete'] as const) {
      expect(await all(`select id from referrals where status = $1 and status_reason is null`, [s])).toEqual([]);
    }
    expect(await all(`select id from referrals r where exists (select 1 from referral_events e where e.referral_id = r.id and e.to_status = 'sent')
                   and (sent_at is null or acknowledge_due_at is null or first_contact_due_at is null)`)).toEqual(
      [],
    );
    expect(await all(`select id from referrals where status <> 'draft' and (sender_contact_name is null or sender_contact_email not like '%.example')`)).toEqual([]);
  });

  it('replays every referral’s events through decideTransition', async () => {
    const refs = await all<{ id: string; status: ReferralStatus; sending_org_id: string; receiving_org_id: string | null; created_at: Date }>(
      'select id, status, sending_org_id, receiving_org_id, created_at from referrals',
    );
    const events = await all<EventRow>(
      `select e.referral_id, e.kind, e.from_status, e.to_status, e.reason, e.note, e.data, e.actor_org_id, e.at,
              exists (select 1 from memberships m where m.user_id = e.actor_user_id and m.organization_id = r.sending_org_id and m.role = 'org_admin') as sender_admin
         from referral_events e join referrals r on r.id = e.referral_id order by e.referral_id, e.at, e.id`,
    );
    const byRef = new Map<string, EventRow[]>();
    for (const e of events) byRef.set(e.referral_id, [...(byRef.get(e.referral_id) ?? []), e]);
    const failures: string[] = [];
    for (const r of refs) {
      const evs = byRef.get(r.id) ?? [];
      if (evs[0]?.kind !== 'created' || evs[0].to_status !== 'draft') failures.push(`${r.id}: does not start with created`);
      let status: ReferralStatus = 'draft';
      let last = 0;
      for (const e of evs) {
        if (e.at.getTime() < last) failures.push(`${r.id}: events out of order`);
        if (e.at.getTime() > NOW.getTime()) failures.push(`${r.id}: event in the future`);
        last = e.at.getTime();
        if (e.kind !== 'status_changed') continue;
        if (e.from_status !== status) failures.push(`${r.id}: from ${e.from_status} but was ${status}`);
        const side = e.actor_org_id === r.sending_org_id ? 'sender' : 'receiver';
        const d = decideTransition({
          from: status,
          to: e.to_status!,
          side,
          reason: e.reason,
          note: e.note,
          outcome: (e.data?.outcome as LoopClosureReason | undefined) ?? null,
          automatic: e.data?.automatic === true,
          isSenderOrgAdmin: side === 'sender' && e.sender_admin,
          isNetworkAdmin: false,
        });
        if (!d.ok) failures.push(`${r.id}: ${status} → ${e.to_status}: ${d.detail}`);
        if (e.to_status === 'acknowledged' && e.data?.automatic !== true) failures.push(`${r.id}: acknowledged not automatic`);
        status = e.to_status!;
      }
      if (status !== r.status) failures.push(`${r.id}: events end in ${status}, row says ${r.status}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('sets SLA dates, acknowledgement and first contact consistently', async () => {
    expect(await all(`select id from referrals where acknowledge_due_at < sent_at or first_contact_due_at < acknowledge_due_at`)).toEqual([]);
    expect(await all(`select id from referrals where acknowledged_at < sent_at or first_contact_at < sent_at or closed_at < sent_at`)).toEqual([]);
    // Accepted or beyond: the receiver acted, and someone there is assigned.
    expect(
      await all(`select id from referrals r where exists (select 1 from referral_events e where e.referral_id = r.id and e.to_status = 'accepted')
                   and (r.acknowledged_at is null or r.assignee_user_id is null
                        or not exists (select 1 from memberships m where m.user_id = r.assignee_user_id and m.organization_id = r.receiving_org_id))`),
    ).toEqual([]);
    // The receiving service is the receiving organization's, and the needs are among its categories.
    expect(
      await all(`select r.id from referrals r join services s on s.id = r.receiving_service_id
                  where s.organization_id <> r.receiving_org_id or not (r.needs <@ s.categories)`),
    ).toEqual([]);
    // Every referral the receiver acted on was opened by them.
    expect(
      await all(`select id from referrals r where acknowledged_at is not null
                   and not exists (select 1 from referral_views v where v.referral_id = r.id and v.org_id = r.receiving_org_id)`),
    ).toEqual([]);
  });

  it('has consents: expiring soon, expired, and one revoked while its referral is still open', async () => {
    const c = await one<{ soon: number; expired: number; witnessed: number; listed: number }>(
      `select count(*) filter (where expires_at between $1::timestamptz and $1::timestamptz + interval '30 days')::int as soon,
              count(*) filter (where expires_at < $1::timestamptz)::int as expired,
              count(*) filter (where method = 'verbal_witnessed' and witness_name is not null)::int as witnessed,
              count(*) filter (where scope = 'listed_orgs')::int as listed
         from consents`,
      [NOW],
    );
    expect(c.soon).toBeGreaterThanOrEqual(5);
    expect(c.expired).toBeGreaterThanOrEqual(2);
    expect(c.witnessed).toBeGreaterThan(10);
    expect(c.listed).toBeGreaterThan(5);
    const revoked = await all<{ id: string }>(
      `select k.id from consents k join referrals r on r.consent_id = k.id
        where k.revoked_at is not null and k.revoked_by_user_id is not null and k.revocation_reason is not null
          and r.status in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold') and r.sent_at < k.revoked_at and r.sent_at >= k.signed_at`,
    );
    expect(revoked.length).toBeGreaterThanOrEqual(1);
    // Every sent referral's consent was valid when it was sent, and covered the receiver.
    expect(
      await all(`select r.id from referrals r left join consents k on k.id = r.consent_id
                  where r.sent_at is not null and (k.id is null or k.signed_at > r.sent_at or k.expires_at <= r.sent_at or k.revoked_at <= r.sent_at
                        or (k.scope = 'listed_orgs' and not (r.receiving_org_id = any(k.organization_ids))))`),
    ).toEqual([]);
  });

  it('has forward chains, one of three referrals', async () => {
    const chains = await all<{ depth: number }>(
      `with recursive c as (
         select id, 1 as depth from referrals where forwarded_from_id is null
         union all select r.id, c.depth + 1 from referrals r join c on r.forwarded_from_id = c.id)
       select max(depth) as depth from c`,
    );
    expect(chains[0]!.depth).toBeGreaterThanOrEqual(3);
    const bad = await all(
      `select f.id from referrals f join referrals o on o.id = f.forwarded_from_id
        where o.status <> 'declined' or o.status_reason <> 'referred_elsewhere' or f.sending_org_id <> o.receiving_org_id or f.client_id <> o.client_id
           or not exists (select 1 from referral_events e where e.referral_id = o.id and e.kind = 'forwarded' and e.data->>'forwardedToId' = f.id::text)`,
    );
    expect(bad).toEqual([]);
    expect((await one<{ n: number }>(`select count(*)::int as n from referrals where forwarded_from_id is not null`)).n).toBeGreaterThanOrEqual(5);
  });

  it('has one confirmed duplicate, and no other open duplicates', async () => {
    const dups = await all<{ id: string; duplicate_override_reason: string | null }>(
      `select b.id, b.duplicate_override_reason from referrals a join referrals b on a.client_id = b.client_id and a.id <> b.id and a.sent_at < b.sent_at
        where a.status in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold') and b.status in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold')
          and a.needs && b.needs`,
    );
    expect(dups.length).toBe(1);
    expect(dups[0]!.duplicate_override_reason).toBeTruthy();
    const warning = await one<{ n: number }>(`select count(*)::int as n from referral_events where referral_id = $1 and data ? 'duplicateWarning'`, [dups[0]!.id]);
    expect(warning.n).toBe(1);
  });

  it('fills the demo inboxes: overdue work at the demo CBOs, many sent by the DHS demo staff', async () => {
    for (const key of [DEMO_ORGS.foodBank, DEMO_ORGS.reentry, DEMO_ORGS.housing]) {
      const r = await one<{ ack: number; contact: number; received: number }>(
        `select count(*) filter (where r.status = 'sent' and r.acknowledge_due_at < $2)::int as ack,
                count(*) filter (where r.status = 'accepted' and r.first_contact_at is null and r.first_contact_due_at < $2)::int as contact,
                count(*)::int as received
           from referrals r join organizations o on o.id = r.receiving_org_id
          where o.name = (select name from organizations where id = (select organization_id from memberships m join users u on u.id = m.user_id where u.email = $1))`,
        [`admin@${key}.tandem.example`, NOW],
      );
      expect(r.ack).toBeGreaterThanOrEqual(3);
      expect(r.contact).toBeGreaterThanOrEqual(2);
      expect(r.received).toBeGreaterThanOrEqual(50);
    }
    for (const email of ['maria.lopez@dhs.tandem.example', 'james.carter@dhs.tandem.example']) {
      const rows = await all<{ status: string }>(
        `select distinct r.status from referrals r join users u on u.id = r.sending_user_id where u.email = $1`,
        [email],
      );
      expect(rows.length).toBeGreaterThanOrEqual(9);
    }
    // Directions: health system → CBO, CBO → health system, CBO → CBO.
    const dirs = await all<{ dir: string }>(
      `select distinct s.type || '>' || coalesce(t.type, '') as dir from referrals r join organizations s on s.id = r.sending_org_id left join organizations t on t.id = r.receiving_org_id`,
    );
    expect(dirs.map((d) => d.dir)).toEqual(expect.arrayContaining(['health_system>cbo', 'cbo>health_system', 'cbo>cbo']));
  });

  it('has message threads, unread messages, views and notifications', async () => {
    const m = await one<{ threads: number; sent: number }>(
      `select (select count(distinct referral_id) from referral_messages)::int as threads, (select count(*) from referrals where status <> 'draft')::int as sent`,
    );
    expect(m.threads / m.sent).toBeGreaterThan(0.3);
    const unread = await one<{ n: number }>(
      `select count(*)::int as n from referral_reads rr where exists (
         select 1 from referral_messages x where x.referral_id = rr.referral_id and x.author_user_id <> rr.user_id and x.created_at > rr.last_read_at)`,
    );
    expect(unread.n).toBeGreaterThan(10);
    const n = await all<{ email: string; unread: number; total: number }>(
      `select u.email, count(*) filter (where n.read_at is null)::int as unread, count(*)::int as total
         from notifications n join users u on u.id = n.user_id group by u.email`,
    );
    const byEmail = new Map(n.map((r) => [r.email, r]));
    for (const email of ['maria.lopez@dhs.tandem.example', 'carlos.mendoza@harvest-table-food-bank.tandem.example', 'darnell.freeman@fresh-start-reentry.tandem.example']) {
      expect(byEmail.get(email)?.unread ?? 0).toBeGreaterThan(0);
    }
    const phones = await all<{ phone: string }>(`select unnest(phones) as phone from clients union all select sender_contact_phone from referrals where sender_contact_phone is not null`);
    for (const { phone } of phones) expect(phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    const emails = await all<{ email: string }>(`select email from clients where email is not null`);
    for (const { email } of emails) expect(email).toMatch(/\.example$/);
  });

  it('is deterministic: a second seed with the same now writes the same referral data', async () => {
    const b = await seedFresh();
    try {
      expect(await checksum(b.pool)).toBe(await checksum(a.pool));
      expect(b.summary).toEqual(a.summary);
    } finally {
      await drop(b);
    }
  });
});
