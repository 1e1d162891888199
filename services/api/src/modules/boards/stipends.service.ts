import type { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import {
  advanceBalance,
  countsAsPresent,
  DEFAULT_INFORMATION_RETURN_THRESHOLDS,
  FIRST_EDITABLE_THRESHOLD_YEAR,
  informationReturnThreshold,
  STIPEND_METHODS,
  stipendYearTotals,
  type api,
  type EndpointOutput,
  type StipendEarning,
  type StipendMethod,
  type StipendPayment,
} from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { toCsv } from '../../lib/csv';
import { assertCoordinates } from './access';
import { boardsRepo } from './repo';
import { meetingsRepo } from './meetings.repo';
import { stipendsRepo, type PaymentRow, type PaymentWithName, type PolicyRow, type ThresholdRow } from './stipends.repo';

type PolicyBody = z.output<typeof api.updateStipendPolicy.body>;
type CreateBody = z.output<typeof api.createStipendPayment.body>;
type UpdateBody = z.output<typeof api.updateStipendPayment.body>;
type PayMeetingBody = z.output<typeof api.payMeeting.body>;
type ListQuery = z.output<typeof api.listStipendPayments.query>;
type Payment = EndpointOutput<typeof api.getStipendPayment>;
type Policy = EndpointOutput<typeof api.getStipendPolicy>;
type Threshold = EndpointOutput<typeof api.putReportingThreshold>;
type ExportRow = EndpointOutput<typeof api.exportStipends>['rows'][number];

const iso = (d: Date) => d.toISOString();
const POLICY_FIELDS = ['meetingRateCents', 'extraRateCents', 'annualCapCents', 'methods'] as const;
const DEFAULT_POLICY = { meetingRateCents: 0, extraRateCents: 0, annualCapCents: null, methods: [...STIPEND_METHODS] };
/** Today in Los Angeles, YYYY-MM-DD (a payment's paid date is a calendar date, never a timestamp). */
const todayLA = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The current calendar year in Los Angeles (the default year of totals and the export). */
export const currentYearLA = () => Number(todayLA().slice(0, 4));

const toPolicy = (boardId: string, r: PolicyRow | undefined): Policy =>
  r
    ? { boardId, meetingRateCents: r.meetingRateCents, extraRateCents: r.extraRateCents, annualCapCents: r.annualCapCents, methods: r.methods, updatedAt: iso(r.updatedAt), version: r.version }
    : { boardId, ...DEFAULT_POLICY, updatedAt: null, version: 1 };

export const toPayment = (r: PaymentWithName): Payment => ({
  id: r.id,
  boardId: r.boardId,
  memberId: r.memberId,
  memberName: r.memberName,
  amountCents: r.amountCents,
  coveredByAdvanceCents: r.coveredByAdvanceCents,
  paidCents: r.amountCents - r.coveredByAdvanceCents,
  method: r.method,
  purpose: r.purpose,
  meetingId: r.meetingId,
  paidOn: r.paidOn,
  status: r.status,
  note: r.note,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  version: r.version,
});

const toThreshold = (r: ThresholdRow): Threshold => ({ year: r.year, amountCents: r.amountCents, editable: r.year >= FIRST_EDITABLE_THRESHOLD_YEAR, updatedAt: iso(r.updatedAt), version: r.version });

/**
 * The payment rows as the pure rules see them (contract boards/stipends.ts). An advance is money
 * paid ahead; every other row is an earning of its amount, and money paid for the part not
 * settled against an advance. Returned rows are left out entirely.
 */
export const ledgerOf = (rows: readonly PaymentRow[]): (StipendPayment | StipendEarning)[] =>
  rows.flatMap((r): (StipendPayment | StipendEarning)[] => {
    if (r.status === 'returned') return [];
    const paid = (amountCents: number, advance?: boolean): StipendPayment => ({ memberId: r.memberId, amountCents, method: r.method, status: r.status, paidOn: r.paidOn, ...(advance ? { advance } : {}) });
    if (r.purpose === 'advance') return [paid(r.amountCents, true)];
    const net = r.amountCents - r.coveredByAdvanceCents;
    return [{ memberId: r.memberId, earnedCents: r.amountCents, ...(r.meetingId ? { meetingId: r.meetingId } : {}) }, ...(net > 0 ? [paid(net)] : [])];
  });
const paymentsOf = (rows: readonly PaymentRow[]) => ledgerOf(rows).filter((e): e is StipendPayment => 'amountCents' in e);
/** The advance a member still has to draw down (advanceBalance.stillAdvancedCents). */
const stillAdvanced = (rows: readonly PaymentRow[], memberId: string) => advanceBalance(ledgerOf(rows.filter((r) => r.memberId === memberId)))[0]?.stillAdvancedCents ?? 0;

const field = (path: string, message: string, code?: 'unknown_reference') => ({ path, message, ...(code ? { code } : {}) });

const thresholdMap = (rows: ThresholdRow[]) => Object.fromEntries(rows.map((r) => [r.year, r.amountCents]));

const assertBoard = async (db: DbOrTx, actor: Actor, boardId: string, lock = false) => {
  const board = lock ? await boardsRepo.lock(db, boardId) : await boardsRepo.one(db, boardId);
  if (!board) throw notFound('board');
  await assertCoordinates(db, actor, boardId);
  return board;
};

/**
 * The annual cap: what the member was paid (or is to be paid) in the payment's calendar year,
 * returned payments aside, plus this one must stay within it. Planned payments without a date are
 * checked when issued.
 */
const assertCap = (policy: Policy, rows: readonly PaymentRow[], p: { id?: string; memberId: string; paidOn: string | null; netCents: number }, path: string) => {
  if (policy.annualCapCents === null || !p.paidOn || p.netCents <= 0) return;
  const year = p.paidOn.slice(0, 4);
  const before = rows
    .filter((r) => r.memberId === p.memberId && r.id !== p.id && r.status !== 'returned' && r.paidOn?.slice(0, 4) === year)
    .reduce((s, r) => s + r.amountCents - r.coveredByAdvanceCents, 0);
  if (before + p.netCents > policy.annualCapCents) {
    throw new AppError('stipend_cap_exceeded', `The member would be paid ${before + p.netCents} cents in ${year}; the board's annual cap is ${policy.annualCapCents}.`, { errors: [field(path, 'Over the annual cap')] });
  }
};

const assertMethod = (policy: Policy, method: StipendMethod, path: string) => {
  if (!policy.methods.includes(method)) throw new AppError('validation_failed', `The board's stipend policy does not offer ${method}.`, { errors: [field(path, `Not offered: ${policy.methods.join(', ')}`)] });
};

const assertNotPaidForMeeting = async (tx: DbOrTx, meetingId: string, memberIds: string[], path: (i: number) => string) => {
  const paid = await stipendsRepo.paidForMeeting(tx, meetingId, memberIds);
  if (paid.size) {
    throw new AppError('already_paid', `${paid.size} of the members named ${paid.size === 1 ? 'was' : 'were'} already paid for this meeting; nothing was recorded.`, {
      errors: memberIds.flatMap((id, i) => (paid.has(id) ? [field(path(i), 'Already paid for this meeting')] : [])),
    });
  }
};

/** The meeting named is this board's (a meeting of another board is the 422 of a random id). */
const assertMeeting = async (tx: DbOrTx, boardId: string, meetingId: string) => {
  const m = await meetingsRepo.meeting(tx, boardId, meetingId);
  if (!m) throw new AppError('reference_not_found', 'No such meeting of this board; nothing was recorded.', { errors: [field('body.meetingId', 'No such meeting', 'unknown_reference')] });
  return m;
};

const COLUMNS: { header: string; value: (r: ExportRow & { year: number }) => string | number | boolean | null }[] = [
  { header: 'memberId', value: (r) => r.memberId },
  { header: 'legalName', value: (r) => r.memberName },
  { header: 'phone', value: (r) => r.phone },
  { header: 'email', value: (r) => r.email },
  { header: 'zip', value: (r) => r.zip },
  { header: 'year', value: (r) => r.year },
  { header: 'total', value: (r) => (r.totalCents / 100).toFixed(2) },
  { header: 'payments', value: (r) => r.payments },
  { header: 'methods', value: (r) => r.methods.join(';') },
  { header: 'threshold', value: (r) => (r.thresholdCents / 100).toFixed(2) },
  { header: 'reachesThreshold', value: (r) => r.reachesThreshold },
];
export const stipendExportCsv = (e: EndpointOutput<typeof api.exportStipends>) => toCsv(e.rows.map((r) => ({ ...r, year: e.year })), COLUMNS);

/** Stipends (issue 26): the board's coordinators and network admins only (access.ts); anyone else 404. */
export const createStipendsService = ({ db }: { db: Db }) => {
  const policyOf = async (tx: DbOrTx, boardId: string) => toPolicy(boardId, await stipendsRepo.policy(tx, boardId));
  const one = async (boardId: string, id: string) => {
    const r = await stipendsRepo.payment(db, boardId, id);
    if (!r) throw notFound('payment');
    return toPayment(r);
  };

  const totalsOf = async (boardId: string, year: number) => {
    const [rows, thresholds] = await Promise.all([stipendsRepo.payments(db, boardId, { year }), stipendsRepo.thresholds(db)]);
    const map = thresholdMap(thresholds);
    const names = new Map(rows.map((r) => [r.memberId, r.memberName]));
    const counted = paymentsOf(rows);
    const methods = new Map<string, Set<StipendMethod>>();
    for (const p of counted) if (p.status === 'issued') methods.set(p.memberId, (methods.get(p.memberId) ?? new Set()).add(p.method));
    const data = stipendYearTotals(counted, year, map).map((t) => ({
      memberId: t.memberId,
      memberName: names.get(t.memberId)!,
      totalCents: t.totalCents,
      payments: t.payments,
      methods: STIPEND_METHODS.filter((m) => methods.get(t.memberId)?.has(m)),
      reachesThreshold: t.reachesThreshold,
    }));
    data.sort((a, b) => a.memberName.localeCompare(b.memberName) || (a.memberId < b.memberId ? -1 : 1));
    return { year, thresholdCents: informationReturnThreshold(year, map), data };
  };

  /** One earning or payment, inside the caller's transaction (members already locked). */
  const record = async (
    tx: DbOrTx,
    ctx: Ctx,
    boardId: string,
    policy: Policy,
    rows: PaymentRow[],
    p: { memberId: string; amountCents: number; method: StipendMethod; purpose: PaymentRow['purpose']; meetingId: string | null; paidOn: string | null; status: 'planned' | 'issued'; note: string | null },
    path: (f: string) => string,
  ) => {
    const covered = p.purpose === 'advance' ? 0 : Math.min(p.amountCents, stillAdvanced(rows, p.memberId));
    // Wholly settled against the advance: nothing is left to pay, so it is done on the day it was recorded.
    const settled = covered === p.amountCents;
    const status = settled ? 'issued' : p.status;
    const paidOn = settled ? (p.paidOn ?? todayLA()) : p.paidOn;
    assertCap(policy, rows, { memberId: p.memberId, paidOn, netCents: p.amountCents - covered }, path('amountCents'));
    const row = await stipendsRepo.insertPayment(tx, { ...p, boardId, status, paidOn, coveredByAdvanceCents: covered, createdBy: userIdOf(ctx.actor) });
    rows.push(row);
    await recordAudit(tx, ctx, {
      action: 'stipend_payment.create',
      entityType: 'stipend_payment',
      entityId: row.id,
      changes: { memberId: { from: null, to: row.memberId }, amountCents: { from: null, to: row.amountCents }, purpose: { from: null, to: row.purpose }, status: { from: null, to: row.status } },
    });
    return row;
  };

  return {
    async getPolicy(actor: Actor, boardId: string) {
      await assertBoard(db, actor, boardId);
      return policyOf(db, boardId);
    },

    async updatePolicy(ctx: Ctx, boardId: string, expected: number | undefined, input: PolicyBody) {
      const { version: _v, ...fields } = input;
      await db.transaction(async (tx) => {
        await assertBoard(tx, ctx.actor, boardId, true);
        const before = await stipendsRepo.lockPolicy(tx, boardId);
        assertVersion(before.version, expected);
        const changes = diffFields(before as Record<string, unknown>, fields, POLICY_FIELDS);
        if (!Object.keys(changes).length) return;
        await stipendsRepo.updatePolicy(tx, boardId, { ...fields, updatedBy: userIdOf(ctx.actor) });
        await recordAudit(tx, ctx, { action: 'board_stipend_policy.update', entityType: 'board', entityId: boardId, changes });
      });
      return policyOf(db, boardId);
    },

    async list(ctx: Ctx, boardId: string, q: ListQuery) {
      await assertBoard(db, ctx.actor, boardId);
      const rows = await stipendsRepo.payments(db, boardId, q);
      // Balances are over every payment of the members advanced, whatever the filter.
      const all = q.memberId || q.year ? await stipendsRepo.payments(db, boardId) : rows;
      const advanced = new Set(all.filter((r) => r.purpose === 'advance' && r.status !== 'returned').map((r) => r.memberId));
      const names = new Map(all.map((r) => [r.memberId, r.memberName]));
      const advances = advanceBalance(ledgerOf(all.filter((r) => advanced.has(r.memberId) && (!q.memberId || r.memberId === q.memberId)))).map((b) => ({ ...b, memberName: names.get(b.memberId)! }));
      await recordAudit(db, ctx, { action: 'stipend_payment.list', entityType: 'board', entityId: boardId, read: true });
      return { data: rows.map(toPayment), advances };
    },

    async get(ctx: Ctx, boardId: string, id: string) {
      await assertBoard(db, ctx.actor, boardId);
      const p = await one(boardId, id);
      await recordAudit(db, ctx, { action: 'stipend_payment.read', entityType: 'stipend_payment', entityId: id, read: true });
      return p;
    },

    async create(ctx: Ctx, boardId: string, input: CreateBody) {
      const id = await db.transaction(async (tx) => {
        await assertBoard(tx, ctx.actor, boardId, true);
        const policy = await policyOf(tx, boardId);
        const [m] = await stipendsRepo.lockMembers(tx, boardId, [input.memberId]);
        if (!m) throw new AppError('reference_not_found', 'No such member of this board.', { errors: [field('body.memberId', 'No such member', 'unknown_reference')] });
        assertMethod(policy, input.method, 'body.method');
        const rate = input.purpose === 'meeting' ? policy.meetingRateCents : input.purpose === 'extra_work' ? policy.extraRateCents : 0;
        const amountCents = input.amountCents ?? rate;
        if (amountCents <= 0) throw new AppError('validation_failed', 'Give the amount: the policy sets no rate for this purpose.', { errors: [field('body.amountCents', 'Required')] });
        if (input.meetingId) await assertMeeting(tx, boardId, input.meetingId);
        if (input.purpose === 'meeting' && input.meetingId) await assertNotPaidForMeeting(tx, input.meetingId, [m.id], () => 'body.memberId');
        const rows = await stipendsRepo.payments(tx, boardId, { memberId: m.id });
        const row = await record(
          tx,
          ctx,
          boardId,
          policy,
          rows,
          { memberId: m.id, amountCents, method: input.method, purpose: input.purpose, meetingId: input.meetingId ?? null, paidOn: input.paidOn ?? null, status: input.status, note: input.note ?? null },
          (f) => `body.${f}`,
        );
        return row.id;
      });
      return one(boardId, id);
    },

    /**
     * Pays a meeting: one payment at the policy's meeting rate to each member who attended it
     * (present or remote, from the meeting's attendance), all or nothing. `memberIds`, when given,
     * pays only those of the attendees (each must be one: 422 otherwise).
     */
    async payMeeting(ctx: Ctx, boardId: string, input: PayMeetingBody) {
      const ids = await db.transaction(async (tx) => {
        await assertBoard(tx, ctx.actor, boardId, true);
        const meeting = await assertMeeting(tx, boardId, input.meetingId);
        // Attendance may be recorded ahead (who said they would come): only a held meeting is paid.
        if (meeting.status !== 'held') throw new AppError('conflict', `The meeting is ${meeting.status}: only a held meeting is paid; nothing was recorded.`, { errors: [field('body.meetingId', 'Not held')] });
        const attendees = ((await meetingsRepo.attendance(tx, [input.meetingId])).get(input.meetingId) ?? []).filter((a) => countsAsPresent(a.status)).map((a) => a.memberId);
        if (!attendees.length) throw new AppError('conflict', "The meeting has no one recorded present or remote: record its attendance first; nothing was recorded.", { errors: [field('body.meetingId', 'No attendees')] });
        const attended = new Set(attendees);
        if (input.memberIds) {
          const outside = input.memberIds.map((id, i) => [id, i] as const).filter(([id]) => !attended.has(id));
          if (outside.length) {
            throw new AppError('reference_not_found', 'Some members named did not attend this meeting (present or remote); nothing was recorded.', {
              errors: outside.map(([, i]) => field(`body.memberIds.${i}`, 'Not at this meeting', 'unknown_reference')),
            });
          }
        }
        const memberIds = input.memberIds ?? attendees;
        const policy = await policyOf(tx, boardId);
        const locked = await stipendsRepo.lockMembers(tx, boardId, memberIds);
        if (locked.length !== memberIds.length) throw notFound('member');
        const path = (i: number) => (input.memberIds ? `body.memberIds.${i}` : 'body.meetingId');
        if (policy.meetingRateCents <= 0) throw new AppError('conflict', "Set the board's meeting rate in its stipend policy first; nothing was recorded.");
        if (input.method) assertMethod(policy, input.method, 'body.method');
        await assertNotPaidForMeeting(tx, input.meetingId, memberIds, path);
        const preferred = new Map((await stipendsRepo.membersWithContact(tx, boardId)).map((m) => [m.id, m.preferredMethod]));
        const rows = await stipendsRepo.payments(tx, boardId, { memberIds });
        const out: string[] = [];
        for (const [i, memberId] of memberIds.entries()) {
          const pref = preferred.get(memberId);
          const method = input.method ?? (pref && policy.methods.includes(pref) ? pref : policy.methods[0]!);
          const row = await record(
            tx,
            ctx,
            boardId,
            policy,
            rows,
            { memberId, amountCents: policy.meetingRateCents, method, purpose: 'meeting', meetingId: input.meetingId, paidOn: input.paidOn ?? null, status: input.paidOn ? 'issued' : 'planned', note: input.note ?? null },
            () => path(i),
          );
          out.push(row.id);
        }
        return out;
      });
      const rows = await stipendsRepo.payments(db, boardId);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return { data: ids.map((id) => toPayment(byId.get(id)!)) };
    },

    async update(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: UpdateBody) {
      const { version: _v, ...fields } = input;
      await db.transaction(async (tx) => {
        await assertBoard(tx, ctx.actor, boardId, true);
        const before = await stipendsRepo.lockPayment(tx, boardId, id);
        if (!before) throw notFound('payment');
        await stipendsRepo.lockMembers(tx, boardId, [before.memberId]);
        assertVersion(before.version, expected);
        const changes = diffFields(before as Record<string, unknown>, fields, ['status', 'paidOn', 'method', 'amountCents', 'note']);
        if (!Object.keys(changes).length) return;
        const after = { ...before, ...fields, note: fields.note === undefined ? before.note : fields.note };
        if (changes.status) {
          const allowed = before.status === 'planned' ? ['issued', 'returned'] : before.status === 'issued' ? ['returned'] : [];
          if (!allowed.includes(after.status)) throw new AppError('invalid_transition', `A ${before.status} payment cannot become ${after.status}.`, { allowed } as Record<string, unknown>);
        }
        if (before.status !== 'planned' && (changes.amountCents || changes.method)) throw new AppError('invalid_transition', `Amount and method change only while the payment is planned; it is ${before.status}.`);
        if (before.status === 'returned' && changes.paidOn) throw new AppError('invalid_transition', 'A returned payment keeps its paid date.');
        const policy = await policyOf(tx, boardId);
        if (changes.method) assertMethod(policy, after.method, 'body.method');
        if (after.status === 'issued' && !after.paidOn) throw new AppError('validation_failed', 'An issued payment needs its paid date.', { errors: [field('body.paidOn', 'Required when issued')] });
        const covered = Math.min(before.coveredByAdvanceCents, after.amountCents);
        if (after.status !== 'returned') {
          const rows = await stipendsRepo.payments(tx, boardId, { memberId: before.memberId });
          assertCap(policy, rows, { id, memberId: before.memberId, paidOn: after.paidOn, netCents: after.amountCents - covered }, changes.amountCents ? 'body.amountCents' : 'body.paidOn');
        }
        await stipendsRepo.updatePayment(tx, id, { status: after.status, paidOn: after.paidOn, method: after.method, amountCents: after.amountCents, note: after.note, coveredByAdvanceCents: covered });
        await recordAudit(tx, ctx, { action: 'stipend_payment.update', entityType: 'stipend_payment', entityId: id, changes });
      });
      return one(boardId, id);
    },

    async totals(actor: Actor, boardId: string, year = currentYearLA()) {
      await assertBoard(db, actor, boardId);
      return totalsOf(boardId, year);
    },

    /** The year-end export for the finance office: the totals with each member's contact details. Audited. */
    async exportYear(ctx: Ctx, boardId: string, year = currentYearLA()) {
      const board = await assertBoard(db, ctx.actor, boardId);
      const [t, contacts] = await Promise.all([totalsOf(boardId, year), stipendsRepo.membersWithContact(db, boardId)]);
      const byId = new Map(contacts.map((c) => [c.id, c]));
      await recordAudit(db, ctx, { action: 'stipend_payment.export', entityType: 'board', entityId: boardId, read: true });
      return {
        boardId,
        boardName: board.name,
        year,
        thresholdCents: t.thresholdCents,
        rows: t.data.map((r) => {
          const c = byId.get(r.memberId);
          return { ...r, phone: c?.phone ?? null, email: c?.email ?? null, zip: c?.zip ?? null, thresholdCents: t.thresholdCents };
        }),
      };
    },

    /** The table's rows, and the statutory defaults it does not hold (a reset of the demo data empties it). */
    async thresholds() {
      const rows = (await stipendsRepo.thresholds(db)).map(toThreshold);
      const held = new Set(rows.map((r) => r.year));
      const defaults = Object.entries(DEFAULT_INFORMATION_RETURN_THRESHOLDS)
        .filter(([y]) => !held.has(Number(y)))
        .map(([y, amountCents]) => ({ year: Number(y), amountCents, editable: Number(y) >= FIRST_EDITABLE_THRESHOLD_YEAR, updatedAt: null, version: 1 }));
      return { data: [...rows, ...defaults].sort((a, b) => a.year - b.year) };
    },

    async putThreshold(ctx: Ctx, year: number, expected: number | undefined, amountCents: number) {
      return db.transaction(async (tx) => {
        const inherited = informationReturnThreshold(year, thresholdMap(await stipendsRepo.thresholds(tx)));
        const before = await stipendsRepo.lockThreshold(tx, year, inherited);
        assertVersion(before.version, expected);
        if (before.amountCents === amountCents) return toThreshold(before);
        const row = await stipendsRepo.updateThreshold(tx, year, amountCents, userIdOf(ctx.actor));
        await recordAudit(tx, ctx, { action: 'stipend_threshold.update', entityType: 'stipend_reporting_threshold', entityId: null, changes: { year: { from: year, to: year }, amountCents: { from: before.amountCents, to: amountCents } } });
        return toThreshold(row);
      });
    },
  };
};
export type StipendsService = ReturnType<typeof createStipendsService>;
