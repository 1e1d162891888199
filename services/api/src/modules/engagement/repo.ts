import { and, arrayContains, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import { type EngagementReportDimension, type StatePopulationCategory } from '@tandem/contract';

const { engagementEvents: events, engagementEventOrganizations: eventOrgs, engagementEventStaff: eventStaff, engagementEventGaps: eventGaps, engagementStateRollup: rollup } = schema;
export type EventRow = typeof events.$inferSelect;
export type EventInsert = typeof events.$inferInsert;

export interface EventFilters {
  limit: number;
  /** Only events one of these organizations took part in (undefined = all). */
  visibleTo?: string[];
  /** Inclusive Los Angeles dates [from, to]. */
  from?: string;
  to?: string;
  spa?: EventRow['spas'][number];
  population?: EventRow['focusPopulations'][number];
  type?: EventRow['type'];
  staffId?: string;
  organizationId?: string;
  /** Keyset: [starts_at as text, id] of the last row of the previous page (newest first). */
  after?: [string, string];
}

const tookPart = (orgIds: string[]) =>
  sql`exists (select 1 from ${eventOrgs} o where o.event_id = ${events.id} and o.organization_id in (${sql.join(
    orgIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}))`;
const laDate = sql`(${events.startsAt} at time zone 'America/Los_Angeles')::date`;

/** Ids of one link table grouped by event, for several events in one query. */
const grouped = async (rows: PromiseLike<{ eventId: string; id: string }[]>) => {
  const out = new Map<string, string[]>();
  for (const r of await rows) out.set(r.eventId, [...(out.get(r.eventId) ?? []), r.id]);
  return out;
};

export const eventsRepo = {
  async page(db: DbOrTx, f: EventFilters): Promise<(EventRow & { startsKey: string })[]> {
    if (f.visibleTo && f.visibleTo.length === 0) return [];
    return db
      .select({ ...getTableColumns(events), startsKey: sql<string>`${events.startsAt}::text` })
      .from(events)
      .where(
        and(
          isNull(events.deletedAt),
          f.visibleTo ? tookPart(f.visibleTo) : undefined,
          f.organizationId ? tookPart([f.organizationId]) : undefined,
          f.staffId ? sql`exists (select 1 from ${eventStaff} s where s.event_id = ${events.id} and s.user_id = ${f.staffId}::uuid)` : undefined,
          f.from ? sql`${laDate} >= ${f.from}::date` : undefined,
          f.to ? sql`${laDate} <= ${f.to}::date` : undefined,
          f.spa ? arrayContains(events.spas, [f.spa]) : undefined,
          f.population ? arrayContains(events.focusPopulations, [f.population]) : undefined,
          f.type ? eq(events.type, f.type) : undefined,
          f.after ? sql`(${events.startsAt}, ${events.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(events.startsAt), desc(events.id))
      .limit(f.limit + 1);
  },

  /** The live occurrences of a series, in time order. */
  series: async (db: DbOrTx, seriesId: string) =>
    db.select().from(events).where(and(eq(events.seriesId, seriesId), isNull(events.deletedAt))).orderBy(events.startsAt, events.id),
  /** A live (not removed) event. */
  one: async (db: DbOrTx, id: string) => (await db.select().from(events).where(and(eq(events.id, id), isNull(events.deletedAt))))[0],
  lock: async (db: DbOrTx, id: string) => (await db.select().from(events).where(and(eq(events.id, id), isNull(events.deletedAt))).for('update'))[0],
  insert: async (db: DbOrTx, row: EventInsert) => (await db.insert(events).values(row).returning())[0]!,
  /** Writes the change and bumps the version (optimistic concurrency). */
  update: async (db: DbOrTx, id: string, set: Partial<EventInsert>) =>
    (await db.update(events).set({ ...set, updatedAt: sql`now()`, version: sql`${events.version} + 1` }).where(eq(events.id, id)).returning())[0]!,

  /** Partner organizations, staff leads and gap links of several events, three queries. */
  async links(db: DbOrTx, eventIds: string[]) {
    if (!eventIds.length) return { orgs: new Map<string, string[]>(), staff: new Map<string, string[]>(), gaps: new Map<string, string[]>() };
    // One after another: inside a transaction the three share one connection.
    const orgs = await grouped(db.select({ eventId: eventOrgs.eventId, id: eventOrgs.organizationId }).from(eventOrgs).where(inArray(eventOrgs.eventId, eventIds)));
    const staff = await grouped(db.select({ eventId: eventStaff.eventId, id: eventStaff.userId }).from(eventStaff).where(inArray(eventStaff.eventId, eventIds)));
    const gaps = await grouped(db.select({ eventId: eventGaps.eventId, id: eventGaps.gapId }).from(eventGaps).where(inArray(eventGaps.eventId, eventIds)));
    return { orgs, staff, gaps };
  },
  async replaceOrganizations(db: DbOrTx, eventId: string, ids: string[]) {
    await db.delete(eventOrgs).where(eq(eventOrgs.eventId, eventId));
    if (ids.length) await db.insert(eventOrgs).values(ids.map((organizationId) => ({ eventId, organizationId })));
  },
  async replaceStaff(db: DbOrTx, eventId: string, ids: string[]) {
    await db.delete(eventStaff).where(eq(eventStaff.eventId, eventId));
    if (ids.length) await db.insert(eventStaff).values(ids.map((userId) => ({ eventId, userId })));
  },
  async replaceGaps(db: DbOrTx, eventId: string, ids: string[]) {
    await db.delete(eventGaps).where(eq(eventGaps.eventId, eventId));
    if (ids.length) await db.insert(eventGaps).values(ids.map((gapId) => ({ eventId, gapId })));
  },

  /** Source ids (CSV import) already taken, removed events included: a re-import never brings one back. */
  takenSourceIds: async (db: DbOrTx, sourceIds: string[]) =>
    new Set(
      sourceIds.length
        ? (await db.select({ s: events.sourceId }).from(events).where(inArray(events.sourceId, sourceIds))).map((r) => r.s!)
        : [],
    ),
};

// ---- Reports (GET /api/v1/reports/engagement...) -------------------------------------------------

/** Periods are Los Angeles days, as the people reading the report count them. */
const TZ = 'America/Los_Angeles';
const LABEL = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' } as const;
/** [from, to] as Los Angeles days, both included, as a half-open range of instants on starts_at. */
const inRange = (from: string, to: string) =>
  sql`e.deleted_at is null and e.starts_at >= (${from}::date::timestamp at time zone ${TZ}) and e.starts_at < ((${to}::date + 1)::timestamp at time zone ${TZ})`;

/** The report's optional filters, the events list's meaning: an event that matches counts, whole. */
export type ReportFilters = { spa?: string; population?: string; type?: string; staffId?: string };
const matching = (f: ReportFilters) =>
  sql.join(
    [
      f.spa ? sql` and e.spas @> array[${f.spa}]::text[]` : null,
      f.population ? sql` and e.focus_populations @> array[${f.population}]::text[]` : null,
      f.type ? sql` and e.type = ${f.type}` : null,
      f.staffId ? sql` and exists (select 1 from ${eventStaff} s where s.event_id = e.id and s.user_id = ${f.staffId}::uuid)` : null,
    ].filter((x) => x !== null),
    sql``,
  );

/** The values of a dimension one event counts under (several for SPAs, populations and staff leads). */
const keysOf = (by: EngagementReportDimension) => {
  switch (by) {
    case 'spa':
      return sql`e.spas::text[]`;
    case 'population':
      return sql`e.focus_populations::text[]`;
    case 'type':
      return sql`array[e.type::text]`;
    case 'staff':
      return sql`array(select s.user_id::text from ${eventStaff} s where s.event_id = e.id)`;
  }
};

export type ReportCell = {
  period: string;
  /** The values of the dimensions, in the order asked; empty on a total. */
  keys: string[];
  total: boolean;
  events: number;
  attendees: number;
};
export type StateCell = {
  month: string | null;
  category: StatePopulationCategory | null;
  events: number;
  attendees: number;
};

/**
 * Both reports in one statement each: the live events in the range, one row per (event, value of
 * the dimension) — distinct, so a value repeated in an array counts once — grouped with GROUPING
 * SETS so a total counts every event once: `first` marks one row per event, and a total sums the
 * attendees of those rows only.
 */
export const reportsRepo = {
  async byPeriod(db: DbOrTx, q: { from: string; to: string; groupBy: keyof typeof LABEL; by?: readonly EngagementReportDimension[] } & ReportFilters): Promise<ReportCell[]> {
    const unit = sql.raw(`'${q.groupBy}'`);
    const label = sql.raw(`'${LABEL[q.groupBy]}'`);
    const dims = q.by ?? [];
    // One column k0, k1… per dimension: each event's values unnested (left join: an event with
    // no value of a dimension, a staff lead, still counts in the total), the combinations distinct.
    const ks = dims.map((_, i) => sql.raw(`k${i}`));
    const list = (xs: ReturnType<typeof sql.raw>[], lead = sql`, `) => (xs.length ? sql`${lead}${sql.join(xs, sql`, `)}` : sql``);
    const arrays = dims.map((d, i) => sql`, ${keysOf(d)} as a${sql.raw(String(i))}`);
    const unnests = dims.map((_, i) => sql.raw(` left join lateral unnest(ev.a${i}) as u${i}(k${i}) on true`));
    const isTotal = ks.length ? sql`grouping(${sql.join(ks, sql`, `)}) <> 0` : sql`true`;
    const present = ks.length ? sql` or (${sql.join(ks.map((k) => sql`${k} is not null`), sql` and `)})` : sql``;
    const res = await db.execute<Omit<ReportCell, 'keys'> & Record<`k${number}`, string | null>>(sql`
      with ev as (
        select e.id, e.attendee_count, to_char(date_trunc(${unit}, e.starts_at at time zone ${TZ}), ${label}) as period${sql.join(arrays, sql``)}
        from ${events} e where ${inRange(q.from, q.to)}${matching(q)}
      ),
      cells as (
        select distinct ev.id, ev.period, ev.attendee_count${list(ks)}
        from ev${sql.join(unnests, sql``)}
      ),
      marked as (select cells.*, row_number() over (partition by id) = 1 as first from cells)
      select period${list(ks)}, ${isTotal} as total,
        count(distinct id)::int as events,
        (case when ${isTotal} then coalesce(sum(attendee_count) filter (where first), 0) else coalesce(sum(attendee_count), 0) end)::int as attendees
      from marked
      group by grouping sets ((period)${ks.length ? sql`, (period${list(ks)})` : sql``})
      having ${isTotal}${present}
      order by period, total desc${list(ks)}`);
    return res.rows.map((r) => ({ period: r.period, total: r.total, events: r.events, attendees: r.attendees, keys: r.total ? [] : dims.map((_, i) => r[`k${i}`] ?? '') }));
  },

  /** Events that started in [from, to] (Los Angeles days) and their attendees, optionally in one SPA: the network overview's "events this month". */
  async totals(db: DbOrTx, q: { from: string; to: string; spa?: string }): Promise<{ events: number; attendees: number }> {
    const res = await db.execute<{ events: number; attendees: number }>(sql`
      select count(*)::int as events, coalesce(sum(e.attendee_count), 0)::int as attendees
      from ${events} e where ${inRange(q.from, q.to)} ${q.spa ? sql`and e.spas @> array[${q.spa}]::text[]` : sql``}`);
    return res.rows[0] ?? { events: 0, attendees: 0 };
  },

  /**
   * Months × the State's categories, from the kept roll-up (engagement_state_rollup, maintained by
   * a trigger on every write of the events): the months' rows, and the quarter's as their sums
   * (an event starts in one month, so summing months counts it once).
   */
  async stateQuarterly(db: DbOrTx, from: string, to: string): Promise<StateCell[]> {
    const months = sql`to_char(m, 'YYYY-MM')`;
    const res = await db.execute<StateCell>(sql`
      with r as (
        select month, nullif(category, '') as category, events, attendees from ${rollup}
        where month in (select ${months} from generate_series(${from}::date, ${to}::date, interval '1 month') as m)
      )
      select month, category, events, attendees from r
      union all
      select null, category, sum(events)::int, sum(attendees)::int from r group by category`);
    return res.rows;
  },
};
