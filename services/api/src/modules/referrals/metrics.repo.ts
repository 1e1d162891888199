import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { schema, type Db } from '@tandem/db';
import { HEALTH_SYSTEM_SIDE, NETWORK_FLOWS, type ReferralMetricsQuerySchema } from '@tandem/contract';
import { organizations, services } from './foreign-tables';

const { referrals, referralEvents } = schema;
export type MetricsQuery = z.output<typeof ReferralMetricsQuerySchema> & { from: string; to: string };
type Query = MetricsQuery;

/** Periods are Los Angeles days, as the people reading the report count them. */
const TZ = 'America/Los_Angeles';
const LABEL = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' } as const;

const healthSide = (type: SQL) => sql`${type} in (${sql.join(HEALTH_SYSTEM_SIDE.map((t) => sql`${t}`), sql`, `)})`;

/** The values of `by` one referral counts under (several for needs and SPAs). */
const keysOf = (by: Query['by']): SQL => {
  switch (by) {
    case 'flow':
      return sql`array[case when ro.type is null then null
        when ${healthSide(sql`so.type`)} then case when ${healthSide(sql`ro.type`)} then 'health_system_to_health_system' else 'health_system_to_cbo' end
        else case when ${healthSide(sql`ro.type`)} then 'cbo_to_health_system' else 'cbo_to_cbo' end end]`;
    case 'organization':
      return sql`array[r.receiving_org_id::text]`;
    case 'spa':
      return sql`coalesce(nullif(s.spas, '{}'), ro.spas, '{}')::text[]`;
    case 'need':
      return sql`r.needs::text[]`;
    default:
      return sql`'{}'::text[]`;
  }
};

/**
 * One statement: the referrals sent in the range (referrals_sent_idx-style range on sent_at), each
 * with its organizations' types, the SPAs served, and whether it was ever accepted or declined (its
 * events, aggregated once for the range's referrals), then grouped by period with GROUPING SETS so that each period's total counts every
 * referral once, whatever `by` splits it into. Medians with percentile_cont. The organizations
 * and services it joins are the directory's: the same recorded exception as the inbox's single
 * statement (docs/decisions/0012-fast-paths.md), read-only.
 */
const metricsSql = (q: Query) => {
  const fromTs = sql`(${q.from}::date::timestamp at time zone ${TZ})`;
  const toTs = sql`((${q.to}::date + 1)::timestamp at time zone ${TZ})`;
  const unit = sql.raw(`'${q.groupBy}'`);
  const label = sql.raw(`'${LABEL[q.groupBy]}'`);
  const org = q.organizationId ? sql`and (r.sending_org_id = ${q.organizationId} or r.receiving_org_id = ${q.organizationId})` : sql``;
  return sql`
    with base as (
      select r.id, to_char(date_trunc(${unit}, r.sent_at at time zone ${TZ}), ${label}) as period,
        ${keysOf(q.by)} as keys,
        r.sent_at, r.acknowledged_at, r.first_contact_at, r.status, r.loop_closed_at,
        (r.acknowledge_due_at < coalesce(r.acknowledged_at, case when r.closed_at is null then now() end)
          or r.first_contact_due_at < coalesce(r.first_contact_at, case when r.closed_at is null then now() end)) as overdue
      from ${referrals} r
      join ${organizations} so on so.id = r.sending_org_id
      left join ${organizations} ro on ro.id = r.receiving_org_id
      left join ${services} s on s.id = r.receiving_service_id
      where r.sent_at >= ${fromTs} and r.sent_at < ${toTs} ${org}
    ),
    -- Ever accepted or declined: one pass over those events of these referrals (a hash aggregate),
    -- not two probes per referral.
    flags as (
      select e.referral_id, bool_or(e.to_status = 'accepted') as accepted, bool_or(e.to_status = 'declined') as declined
      from ${referralEvents} e where e.to_status in ('accepted', 'declined') and e.referral_id in (select id from base)
      group by e.referral_id
    ),
    sent as (
      select base.*, coalesce(f.accepted, false) as accepted, coalesce(f.declined, false) as declined
      from base left join flags f on f.referral_id = base.id
    ),
    cells as (
      select k.key, sent.*
      from sent left join lateral unnest(sent.keys) as k(key) on true
    )
    select period, key, grouping(key) = 1 as total,
      count(distinct id)::int as sent,
      count(distinct id) filter (where acknowledged_at is not null)::int as acknowledged,
      count(distinct id) filter (where accepted)::int as accepted,
      count(distinct id) filter (where declined)::int as declined,
      percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - sent_at) / 3600) filter (where acknowledged_at is not null) as "medianAck",
      percentile_cont(0.5) within group (order by extract(epoch from first_contact_at - sent_at) / 3600) filter (where first_contact_at is not null) as "medianContact",
      count(distinct id) filter (where status in ('completed', 'unable_to_complete'))::int as "closedWithOutcome",
      count(distinct id) filter (where status in ('completed', 'unable_to_complete') and loop_closed_at is not null)::int as "loopClosed",
      count(distinct id) filter (where overdue)::int as overdue
    from cells
    group by grouping sets ((period), (period, key))
    having grouping(key) = 1 or key is not null
    order by period, grouping(key) desc, key`;
};

export type Raw = {
  period: string;
  key: string | null;
  total: boolean;
  sent: number;
  acknowledged: number;
  accepted: number;
  declined: number;
  medianAck: number | null;
  medianContact: number | null;
  closedWithOutcome: number;
  loopClosed: number;
  overdue: number;
};


/**
 * The network overview's summary (issue 25): the same referrals and the same counting as
 * metricsSql's total row (a referral once), with the volume by flow as filtered counts, in one
 * plain aggregate (no grouping sets, no count distinct: each referral is one row here).
 */
const summarySql = (q: { from: string; to: string; spa?: string }) => {
  const fromTs = sql`(${q.from}::date::timestamp at time zone ${TZ})`;
  const toTs = sql`((${q.to}::date + 1)::timestamp at time zone ${TZ})`;
  const spa = q.spa ? sql`and ${keysOf('spa')} @> array[${q.spa}]::text[]` : sql``;
  return sql`
    with base as (
      select r.id, r.sent_at, r.acknowledged_at, r.first_contact_at, r.status, r.loop_closed_at, (${keysOf('flow')})[1] as flow,
        (r.acknowledge_due_at < coalesce(r.acknowledged_at, case when r.closed_at is null then now() end)
          or r.first_contact_due_at < coalesce(r.first_contact_at, case when r.closed_at is null then now() end)) as overdue
      from ${referrals} r
      join ${organizations} so on so.id = r.sending_org_id
      left join ${organizations} ro on ro.id = r.receiving_org_id
      left join ${services} s on s.id = r.receiving_service_id
      where r.sent_at >= ${fromTs} and r.sent_at < ${toTs} ${spa}
    ),
    flags as (
      select e.referral_id, bool_or(e.to_status = 'accepted') as accepted, bool_or(e.to_status = 'declined') as declined
      from ${referralEvents} e where e.to_status in ('accepted', 'declined') and e.referral_id in (select id from base)
      group by e.referral_id
    )
    select count(*)::int as sent,
      count(b.acknowledged_at)::int as acknowledged,
      count(*) filter (where f.accepted)::int as accepted,
      count(*) filter (where f.declined)::int as declined,
      percentile_cont(0.5) within group (order by extract(epoch from b.acknowledged_at - b.sent_at) / 3600) as "medianAck",
      percentile_cont(0.5) within group (order by extract(epoch from b.first_contact_at - b.sent_at) / 3600) as "medianContact",
      count(*) filter (where b.status in ('completed', 'unable_to_complete'))::int as "closedWithOutcome",
      count(*) filter (where b.status in ('completed', 'unable_to_complete') and b.loop_closed_at is not null)::int as "loopClosed",
      count(*) filter (where b.overdue)::int as overdue,
      ${sql.join(NETWORK_FLOWS.map((fl) => sql`count(*) filter (where b.flow = ${fl})::int as ${sql.identifier(`flow:${fl}`)}`), sql`, `)}
    from base b left join flags f on f.referral_id = b.id`;
};

export const metricsRepo = {
  /** One row per period and dimension value (and each period's total), as metricsSql groups them. */
  cells: async (db: Db, q: MetricsQuery) => (await db.execute<Raw>(metricsSql(q))).rows,
  /**
   * Open referrals overdue now, per receiving organization, most first (the network overview's
   * "needs action first"): sent, not closed, and past the acknowledge deadline unacknowledged or
   * past the first-contact deadline without contact — the metrics' overdue test, for open ones.
   */
  overdueByOrganization: async (db: Db, q: { spa?: string; limit: number }) =>
    (
      await db.execute<{ organizationId: string; name: string; overdue: number; oldestDueAt: string }>(sql`
        select r.receiving_org_id as "organizationId", ro.name, count(*)::int as overdue,
          min(least(case when r.acknowledged_at is null then r.acknowledge_due_at end, case when r.first_contact_at is null then r.first_contact_due_at end)) as "oldestDueAt"
        from ${referrals} r
        join ${organizations} ro on ro.id = r.receiving_org_id
        left join ${services} s on s.id = r.receiving_service_id
        where r.sent_at is not null and r.closed_at is null and r.status not in ('draft', 'entered_in_error')
          and ((r.acknowledged_at is null and r.acknowledge_due_at < now()) or (r.first_contact_at is null and r.first_contact_due_at < now()))
          ${q.spa ? sql`and coalesce(nullif(s.spas, '{}'), ro.spas, '{}')::text[] @> array[${q.spa}]::text[]` : sql``}
        group by r.receiving_org_id, ro.name
        order by overdue desc, ro.name, r.receiving_org_id
        limit ${q.limit}`)
    ).rows.map((r) => ({ ...r, oldestDueAt: new Date(r.oldestDueAt).toISOString() })),
  /** The network overview's summary: metricsSql's total row and the volume by flow, one row. */
  summary: async (db: Db, q: { from: string; to: string; spa?: string }) =>
    (await db.execute<Omit<Raw, 'period' | 'key' | 'total'> & Record<`flow:${string}`, number>>(summarySql(q))).rows[0]!,
  /** Organization names by id, for by=organization. */
  organizationNames: (db: Db) => db.select({ id: organizations.id, name: organizations.name }).from(organizations),
};
