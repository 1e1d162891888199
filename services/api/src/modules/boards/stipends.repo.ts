import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { boardStipendPolicies, stipendPayments, stipendReportingThresholds, boardMembers, boardApplications } = schema;
export type PolicyRow = typeof boardStipendPolicies.$inferSelect;
export type PaymentRow = typeof stipendPayments.$inferSelect;
export type ThresholdRow = typeof stipendReportingThresholds.$inferSelect;
export type PaymentWithName = PaymentRow & { memberName: string };

const first = <T>(rows: T[]) => rows[0];
const withName = { p: stipendPayments, memberName: boardMembers.name };
const flat = (rows: { p: PaymentRow; memberName: string }[]): PaymentWithName[] => rows.map((r) => ({ ...r.p, memberName: r.memberName }));

/** SQL on the stipend tables (members only for their names and contact details, applications for the zip). */
export const stipendsRepo = {
  // ---- policy
  policy: async (db: DbOrTx, boardId: string) => first(await db.select().from(boardStipendPolicies).where(eq(boardStipendPolicies.boardId, boardId))),
  /** The board's policy row, created at the defaults on first write, locked. */
  async lockPolicy(db: DbOrTx, boardId: string) {
    await db.insert(boardStipendPolicies).values({ boardId }).onConflictDoNothing();
    return first(await db.select().from(boardStipendPolicies).where(eq(boardStipendPolicies.boardId, boardId)).for('update'))!;
  },
  updatePolicy: async (db: DbOrTx, boardId: string, set: Partial<typeof boardStipendPolicies.$inferInsert>) =>
    (await db.update(boardStipendPolicies).set({ ...set, updatedAt: sql`now()`, version: sql`${boardStipendPolicies.version} + 1` }).where(eq(boardStipendPolicies.boardId, boardId)).returning())[0]!,

  // ---- payments
  payments: async (db: DbOrTx, boardId: string, f: { memberId?: string; year?: number; memberIds?: string[] } = {}) =>
    flat(
      await db
        .select(withName)
        .from(stipendPayments)
        .innerJoin(boardMembers, eq(boardMembers.id, stipendPayments.memberId))
        .where(
          and(
            eq(stipendPayments.boardId, boardId),
            f.memberId ? eq(stipendPayments.memberId, f.memberId) : undefined,
            f.memberIds ? inArray(stipendPayments.memberId, f.memberIds.length ? f.memberIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
            f.year ? sql`extract(year from ${stipendPayments.paidOn}) = ${f.year}` : undefined,
          ),
        )
        .orderBy(sql`${stipendPayments.paidOn} desc nulls first`, desc(stipendPayments.createdAt), asc(stipendPayments.id)),
    ),
  payment: async (db: DbOrTx, boardId: string, id: string) =>
    flat(await db.select(withName).from(stipendPayments).innerJoin(boardMembers, eq(boardMembers.id, stipendPayments.memberId)).where(and(eq(stipendPayments.boardId, boardId), eq(stipendPayments.id, id))))[0],
  lockPayment: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(stipendPayments).where(and(eq(stipendPayments.boardId, boardId), eq(stipendPayments.id, id))).for('update')),
  insertPayment: async (db: DbOrTx, row: typeof stipendPayments.$inferInsert) => (await db.insert(stipendPayments).values(row).returning())[0]!,
  updatePayment: async (db: DbOrTx, id: string, set: Partial<typeof stipendPayments.$inferInsert>) =>
    (await db.update(stipendPayments).set({ ...set, updatedAt: sql`now()`, version: sql`${stipendPayments.version} + 1` }).where(eq(stipendPayments.id, id)).returning())[0]!,
  /** Members of the board paid (not returned) for the meeting, among those named. */
  async paidForMeeting(db: DbOrTx, meetingId: string, memberIds: string[]) {
    if (!memberIds.length) return new Set<string>();
    const rows = await db
      .select({ m: stipendPayments.memberId })
      .from(stipendPayments)
      .where(and(eq(stipendPayments.meetingId, meetingId), eq(stipendPayments.purpose, 'meeting'), sql`${stipendPayments.status} <> 'returned'`, inArray(stipendPayments.memberId, memberIds)));
    return new Set(rows.map((r) => r.m));
  },

  // ---- members (locked: two payments of one member never race past the cap or the advance)
  lockMembers: async (db: DbOrTx, boardId: string, ids: string[]) =>
    ids.length
      ? db.select().from(boardMembers).where(and(eq(boardMembers.boardId, boardId), inArray(boardMembers.id, ids))).orderBy(boardMembers.id).for('update')
      : [],
  /** Members with contact details and the zip and preferred stipend method of the application they came from. */
  membersWithContact: async (db: DbOrTx, boardId: string) =>
    db
      .select({ id: boardMembers.id, name: boardMembers.name, phone: boardMembers.phone, email: boardMembers.email, zip: boardApplications.zip, preferredMethod: boardApplications.stipendMethod })
      .from(boardMembers)
      .leftJoin(boardApplications, eq(boardApplications.id, boardMembers.applicationId))
      .where(eq(boardMembers.boardId, boardId)),

  // ---- thresholds
  thresholds: async (db: DbOrTx) => db.select().from(stipendReportingThresholds).orderBy(stipendReportingThresholds.year),
  /** The year's row, created on first write at `inheritedCents` (the amount it takes until set; version 1), locked. */
  async lockThreshold(db: DbOrTx, year: number, inheritedCents: number) {
    await db.insert(stipendReportingThresholds).values({ year, amountCents: inheritedCents }).onConflictDoNothing();
    return first(await db.select().from(stipendReportingThresholds).where(eq(stipendReportingThresholds.year, year)).for('update'))!;
  },
  updateThreshold: async (db: DbOrTx, year: number, amountCents: number, updatedBy: string | null) =>
    (
      await db
        .update(stipendReportingThresholds)
        .set({ amountCents, updatedBy, updatedAt: sql`now()`, version: sql`${stipendReportingThresholds.version} + 1` })
        .where(eq(stipendReportingThresholds.year, year))
        .returning()
    )[0]!,
};
