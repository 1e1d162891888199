import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { CoverageAxis, GapSeverity, GapStatus } from '@tandem/contract';

const { serviceGaps, serviceGapEvents } = schema;
export type GapRow = typeof serviceGaps.$inferSelect;
export type GapEventRow = typeof serviceGapEvents.$inferSelect;

export interface GapFilters {
  limit: number;
  spa?: string;
  category?: string;
  communitySupport?: string;
  status?: GapStatus;
  severity?: GapSeverity;
  open?: boolean;
  /** Keyset: [created_at as text, id] of the last row of the previous page (newest first). */
  after?: [string, string];
}

const OPEN = sql`${serviceGaps.status} in ('identified', 'escalated', 'in_progress')`;

export const gapsRepo = {
  async page(db: DbOrTx, f: GapFilters): Promise<(GapRow & { key: string })[]> {
    return db
      .select({ ...getTableColumns(serviceGaps), key: sql<string>`${serviceGaps.createdAt}::text` })
      .from(serviceGaps)
      .where(
        and(
          f.spa ? eq(serviceGaps.spa, f.spa as GapRow['spa']) : undefined,
          f.category ? eq(serviceGaps.category, f.category as NonNullable<GapRow['category']>) : undefined,
          f.communitySupport ? eq(serviceGaps.communitySupport, f.communitySupport as NonNullable<GapRow['communitySupport']>) : undefined,
          f.status ? eq(serviceGaps.status, f.status) : undefined,
          f.severity ? eq(serviceGaps.severity, f.severity) : undefined,
          f.open === undefined ? undefined : f.open ? OPEN : sql`not (${OPEN})`,
          f.after ? sql`(${serviceGaps.createdAt}, ${serviceGaps.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(serviceGaps.createdAt), desc(serviceGaps.id))
      .limit(f.limit + 1);
  },
  one: async (db: DbOrTx, id: string) => (await db.select().from(serviceGaps).where(eq(serviceGaps.id, id)))[0],
  lock: async (db: DbOrTx, id: string) => (await db.select().from(serviceGaps).where(eq(serviceGaps.id, id)).for('update'))[0],
  insert: async (db: DbOrTx, row: typeof serviceGaps.$inferInsert) => (await db.insert(serviceGaps).values(row).returning())[0]!,
  /** Writes the change and bumps the version (optimistic concurrency). */
  update: async (db: DbOrTx, id: string, set: Partial<typeof serviceGaps.$inferInsert>) =>
    (await db.update(serviceGaps).set({ ...set, updatedAt: sql`now()`, version: sql`${serviceGaps.version} + 1` }).where(eq(serviceGaps.id, id)).returning())[0]!,
  addEvent: async (db: DbOrTx, row: typeof serviceGapEvents.$inferInsert) => (await db.insert(serviceGapEvents).values(row).returning())[0]!,

  async history(db: DbOrTx, gapId: string, limit: number, after?: [string, string]): Promise<(GapEventRow & { key: string })[]> {
    return db
      .select({ ...getTableColumns(serviceGapEvents), key: sql<string>`${serviceGapEvents.at}::text` })
      .from(serviceGapEvents)
      .where(and(eq(serviceGapEvents.gapId, gapId), after ? sql`(${serviceGapEvents.at}, ${serviceGapEvents.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
      .orderBy(desc(serviceGapEvents.at), desc(serviceGapEvents.id))
      .limit(limit + 1);
  },

  /** Notes on a gap in a period (Los Angeles dates, inclusive): CHW feedback counted as evidence. */
  notesIn: async (db: DbOrTx, gapId: string, from: string, to: string) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(serviceGapEvents)
        .where(
          and(
            eq(serviceGapEvents.gapId, gapId),
            eq(serviceGapEvents.kind, 'note'),
            sql`${serviceGapEvents.at} >= (${from}::date::timestamp at time zone 'America/Los_Angeles')`,
            sql`${serviceGapEvents.at} < ((${to}::date + 1)::timestamp at time zone 'America/Los_Angeles')`,
          ),
        )
    )[0]!.n,

  /** Open gaps per SPA × category (or Community Support), grouped in SQL. */
  openBy: async (db: DbOrTx, axis: CoverageAxis) => {
    const key = axis === 'category' ? serviceGaps.category : serviceGaps.communitySupport;
    return db
      .select({ spa: serviceGaps.spa, key: sql<string>`${key}`, n: sql<number>`count(*)::int` })
      .from(serviceGaps)
      .where(and(OPEN, sql`${key} is not null`))
      .groupBy(serviceGaps.spa, key);
  },

  /** Which of these gap ids exist (the engagement module links events to gaps by id). */
  existing: async (db: DbOrTx, ids: string[]) =>
    ids.length ? new Set((await db.select({ id: serviceGaps.id }).from(serviceGaps).where(inArray(serviceGaps.id, ids))).map((r) => r.id)) : new Set<string>(),
};
