import type { z } from 'zod';
import { sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '@tandem/db';
import type { EngagementEventType, FocusPopulation, Spa, StaffMonthly, StaffMonthlyEvent, StaffMonthlyQuerySchema } from '@tandem/contract';
import type { Ctx } from '../../lib/actor';
import { userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { toCsv } from '../../lib/csv';
import type { StaffLookup } from './service';

// A staff member's monthly engagement report (issue 25, "the two reports the team filed"): the
// events they led in a Los Angeles month, with the counts they used to compile by hand.

const TZ = 'America/Los_Angeles';
const { engagementEvents: events, engagementEventStaff: eventStaff } = schema;

/** The current month in Los Angeles, as YYYY-MM. */
const monthInLa = () => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date()).slice(0, 7);
/** The first and last day of a YYYY-MM month. */
export const monthBounds = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
};

type Row = { id: string; starts_at: string; date: string; title: string; type: EngagementEventType; focus_populations: FocusPopulation[]; spas: Spa[]; attendee_count: number };

export const staffReportRepo = {
  /** The live events the user led that started in [from, to] (Los Angeles days), by start then id. */
  async monthly(db: DbOrTx, staffId: string, from: string, to: string): Promise<StaffMonthlyEvent[]> {
    const res = await db.execute<Row>(sql`
      select e.id, to_char(e.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as starts_at,
        to_char(e.starts_at at time zone ${TZ}, 'YYYY-MM-DD') as date,
        e.title, e.type, e.focus_populations::text[] as focus_populations, e.spas::text[] as spas, e.attendee_count
      from ${events} e
      where e.deleted_at is null
        and exists (select 1 from ${eventStaff} s where s.event_id = e.id and s.user_id = ${staffId}::uuid)
        and e.starts_at >= (${from}::date::timestamp at time zone ${TZ})
        and e.starts_at < ((${to}::date + 1)::timestamp at time zone ${TZ})
      order by e.starts_at, e.id`);
    return res.rows.map((r) => ({
      id: r.id,
      startsAt: r.starts_at,
      date: r.date,
      title: r.title,
      type: r.type,
      focusPopulations: r.focus_populations,
      spas: r.spas,
      attendeeCount: r.attendee_count,
    }));
  },
};

export const createStaffReport = ({ db, staff }: { db: Db; staff: Pick<StaffLookup, 'named'> }) => ({
  async monthly(ctx: Ctx, input: z.output<typeof StaffMonthlyQuerySchema>): Promise<StaffMonthly> {
    // The route lets only signed-in network staff in, so the caller is a user.
    const staffId = input.staffId ?? userIdOf(ctx.actor)!;
    const month = input.month ?? monthInLa();
    const { from, to } = monthBounds(month);
    const [rows, named] = await Promise.all([
      staffReportRepo.monthly(db, staffId, from, to),
      staff.named([staffId]),
      recordAudit(db, ctx, { action: 'report.engagement_staff_monthly.read', entityType: 'report', entityId: null }),
    ]);
    return {
      staff: { id: staffId, name: named[0]?.name ?? null },
      month,
      from,
      to,
      events: rows.length,
      attendees: rows.reduce((n, r) => n + r.attendeeCount, 0),
      rows,
    };
  },
});
export type StaffReport = ReturnType<typeof createStaffReport>;

/** One row per event; the last row says TOTAL with the month's counts. */
export const staffMonthlyCsv = (r: StaffMonthly) =>
  toCsv(
    [...r.rows.map((e) => ({ e })), { e: null }],
    [
      { header: 'month', value: () => r.month },
      { header: 'staffId', value: () => r.staff.id },
      { header: 'staffName', value: () => r.staff.name },
      { header: 'date', value: (x: { e: StaffMonthlyEvent | null }) => x.e?.date ?? 'TOTAL' },
      { header: 'title', value: (x) => x.e?.title ?? `${r.events} events` },
      { header: 'type', value: (x) => x.e?.type ?? null },
      { header: 'focusPopulations', value: (x) => x.e?.focusPopulations.join(';') ?? null },
      { header: 'spas', value: (x) => x.e?.spas.join(';') ?? null },
      { header: 'attendees', value: (x) => x.e?.attendeeCount ?? r.attendees },
    ],
  );
