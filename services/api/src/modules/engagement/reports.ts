import type { z } from 'zod';
import type { Db } from '@tandem/db';
import {
  defaultPeriod,
  ENGAGEMENT_COUNTING,
  lastEndedQuarter,
  STATE_CATEGORY_NAMES,
  STATE_POPULATION_CATEGORIES,
  STATE_QUARTERLY_COUNTING,
  type EngagementReport,
  type EngagementReportQuerySchema,
  type EngagementReportRow,
  type StateQuarterly,
  type StateQuarterlyQuerySchema,
  type StateQuarterlyRow,
} from '@tandem/contract';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { toCsv } from '../../lib/csv';
import { reportsRepo } from './repo';
import type { StaffLookup } from './service';

/** Today in Los Angeles, as YYYY-MM-DD. */
const todayInLa = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
const pad = (n: number) => String(n).padStart(2, '0');

/** Engagement reports (issue 25): figures from repo.ts's two statements; names from the members module. */
export const createEngagementReports = ({ db, staff }: { db: Db; staff: Pick<StaffLookup, 'named'> }) => ({
  async byPeriod(ctx: Ctx, input: z.output<typeof EngagementReportQuerySchema>): Promise<EngagementReport> {
    const q = { ...input, ...defaultPeriod(todayInLa(), input) };
    const [cells] = await Promise.all([
      reportsRepo.byPeriod(db, q),
      recordAudit(db, ctx, { action: 'report.engagement.read', entityType: 'report', entityId: null }),
    ]);
    const dims = q.by ?? [];
    const staffAt = dims.indexOf('staff');
    const staffIds = staffAt >= 0 ? [...new Set(cells.flatMap((c) => (c.total ? [] : [c.keys[staffAt]!])))] : [];
    const nameOf = new Map((staffIds.length ? await staff.named(staffIds) : []).map((s) => [s.id, s.name]));
    const rows: EngagementReportRow[] = cells.map((c) => ({
      period: c.period,
      key: c.total ? null : c.keys.join('|'),
      keys: c.total ? {} : Object.fromEntries(dims.map((d, i) => [d, c.keys[i]!])),
      label: !c.total && staffAt >= 0 ? (nameOf.get(c.keys[staffAt]!) ?? null) : null,
      events: c.events,
      attendees: c.attendees,
    }));
    return { from: q.from, to: q.to, groupBy: q.groupBy, by: dims.length ? dims.join(',') : null, dimensions: dims, rows, counting: ENGAGEMENT_COUNTING };
  },

  /** Every cell of the quarter's grid, zeros included, in the State's order. */
  async stateQuarterly(ctx: Ctx, input: z.output<typeof StateQuarterlyQuerySchema>): Promise<StateQuarterly> {
    const { year, quarter } = input.year !== undefined && input.quarter !== undefined ? { year: input.year, quarter: input.quarter } : lastEndedQuarter(todayInLa());
    const first = (quarter - 1) * 3 + 1;
    const months = [0, 1, 2].map((i) => `${year}-${pad(first + i)}`);
    const from = `${months[0]}-01`;
    const to = new Date(Date.UTC(year, first + 2, 0)).toISOString().slice(0, 10);
    const [cells] = await Promise.all([
      reportsRepo.stateQuarterly(db, from, to),
      recordAudit(db, ctx, { action: 'report.engagement_state_quarterly.read', entityType: 'report', entityId: null }),
    ]);
    const found = new Map(cells.map((c) => [`${c.month ?? ''}|${c.category ?? ''}`, c]));
    const rows: StateQuarterlyRow[] = [...months, null].flatMap((month) =>
      [null, ...STATE_POPULATION_CATEGORIES].map((category) => {
        const c = found.get(`${month ?? ''}|${category ?? ''}`);
        return { month, category, events: c?.events ?? 0, attendees: c?.attendees ?? 0 };
      }),
    );
    return { year, quarter, from, to, rows, counting: STATE_QUARTERLY_COUNTING };
  },
});
export type EngagementReports = ReturnType<typeof createEngagementReports>;

/**
 * One tidy row per cell, one column per dimension of `by` (named after it; `key` with none). A
 * period's total row says TOTAL in each of them, and in `label` how it counts (an event once, where
 * the rows of a multi-valued dimension may add up to more).
 */
export const engagementReportCsv = (r: EngagementReport) => {
  const keyColumns = r.dimensions.length
    ? r.dimensions.map((d) => ({ header: d, value: (x: EngagementReportRow) => (x.key === null ? 'TOTAL' : (x.keys[d] ?? '')) }))
    : [{ header: 'key', value: () => 'TOTAL' }];
  return toCsv(r.rows, [
    { header: 'period', value: (x: EngagementReportRow) => x.period },
    ...keyColumns,
    { header: 'label', value: (x) => (x.key === null ? r.counting : x.label) },
    { header: 'events', value: (x) => x.events },
    { header: 'attendees', value: (x) => x.attendees },
  ]);
};

/** One tidy row per cell; the totals say TOTAL (month or category) and, in `categoryName`, how they count. */
export const stateQuarterlyCsv = (r: StateQuarterly) =>
  toCsv(r.rows, [
    { header: 'month', value: (x: StateQuarterlyRow) => x.month ?? `${r.year}-Q${r.quarter} TOTAL` },
    { header: 'category', value: (x) => x.category ?? 'TOTAL' },
    { header: 'categoryName', value: (x) => (x.category ? STATE_CATEGORY_NAMES[x.category] : r.counting) },
    { header: 'events', value: (x) => x.events },
    { header: 'attendees', value: (x) => x.attendees },
  ]);
