import type { z } from 'zod';
import type { Db } from '@tandem/db';
import {
  closedLoopReason,
  defaultPeriod,
  effectiveClosedLoopMapping,
  type ClosedLoopMapping,
  type ClosedLoopMappingEntry,
  type ClosedLoopQuerySchema,
  type ClosedLoopReport,
  type ClosedLoopRow,
  type UpdateClosedLoopMappingBodySchema,
} from '@tandem/contract';
import { type Ctx, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { toCsv } from '../../lib/csv';
import { closedLoopRepo, type MappingRow } from './closed-loop.repo';

type Query = z.output<typeof ClosedLoopQuerySchema>;
type UpdateBody = z.output<typeof UpdateClosedLoopMappingBodySchema>;

/** Today in Los Angeles, as YYYY-MM-DD. */
const todayInLa = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());

const toMapping = (row: MappingRow | undefined): ClosedLoopMapping => ({
  entries: effectiveClosedLoopMapping(row?.entries ?? []),
  version: row?.version ?? 1,
  updatedAt: row && row.version > 1 ? row.updatedAt.toISOString() : null,
});

/** The entries that differ from the default: what the row keeps. */
const overrides = (entries: readonly ClosedLoopMappingEntry[]) => {
  const defaults = effectiveClosedLoopMapping([]);
  const named = effectiveClosedLoopMapping(entries);
  return named.filter((e, i) => e.loopClosureReason !== defaults[i]!.loopClosureReason);
};

/**
 * The export (issue 27): the rows of the statement in closed-loop.repo.ts, each with its
 * loop-closure reason under the saved mapping. The read is audited: it carries client ids.
 */
export const closedLoopReport = async (db: Db, ctx: Ctx, input: Query): Promise<ClosedLoopReport> => {
  const q = { ...input, ...defaultPeriod(todayInLa(), input) };
  const [raw, saved] = await Promise.all([
    closedLoopRepo.rows(db, q),
    closedLoopRepo.mapping(db),
    recordAudit(db, ctx, { action: 'report.closed_loop.read', entityType: 'report', entityId: null, organizationId: q.receivingOrganizationId ?? null }),
  ]);
  const mapping = effectiveClosedLoopMapping(saved?.entries ?? []);
  const rows: ClosedLoopRow[] = raw.map(({ statusReason, outcome, ...r }) => ({
    ...r,
    loopClosureReason: closedLoopReason(mapping, r.status, statusReason, outcome),
    daysToAcknowledge: r.daysToAcknowledge === null ? null : Number(r.daysToAcknowledge),
    daysToClose: r.daysToClose === null ? null : Number(r.daysToClose),
  }));
  return { from: q.from, to: q.to, rows };
};

export const closedLoopMapping = async (db: Db) => toMapping(await closedLoopRepo.mapping(db));

/**
 * The write recipe: lock the row (created at the defaults on first write), check the version, and
 * only when the mapping changes: update, audit. The same mapping again writes nothing.
 */
export const updateClosedLoopMapping = (db: Db, ctx: Ctx, expected: number | undefined, body: UpdateBody) =>
  db.transaction(async (tx) => {
    const row = await closedLoopRepo.lockMapping(tx);
    assertVersion(row.version, expected);
    const before = overrides(row.entries);
    const next = overrides(body.entries);
    if (JSON.stringify(before) === JSON.stringify(next)) return toMapping(row);
    const updated = await closedLoopRepo.updateMapping(tx, next, userIdOf(ctx.actor));
    await recordAudit(tx, ctx, { action: 'report.closed_loop.mapping_update', entityType: 'closed_loop_mapping', entityId: null, changes: { entries: { from: before, to: next } } });
    return toMapping(updated);
  });

const COLUMNS: { header: string; value: (r: ClosedLoopRow) => string | number | null }[] = [
  { header: 'referralId', value: (r) => r.referralId },
  { header: 'clientId', value: (r) => r.clientId },
  { header: 'communitySupport', value: (r) => r.communitySupport },
  { header: 'needs', value: (r) => r.needs.join(';') },
  { header: 'referringOrganizationId', value: (r) => r.referringOrganizationId },
  { header: 'referringOrganization', value: (r) => r.referringOrganization },
  { header: 'receivingOrganizationId', value: (r) => r.receivingOrganizationId },
  { header: 'receivingOrganization', value: (r) => r.receivingOrganization },
  { header: 'dateReferred', value: (r) => r.dateReferred },
  { header: 'status', value: (r) => r.status },
  { header: 'statusDate', value: (r) => r.statusDate },
  { header: 'loopClosureReason', value: (r) => r.loopClosureReason },
  { header: 'daysToAcknowledge', value: (r) => r.daysToAcknowledge },
  { header: 'daysToClose', value: (r) => r.daysToClose },
];

/** One row per referral, needs joined with `;`. */
export const closedLoopCsv = (m: ClosedLoopReport) => toCsv(m.rows, COLUMNS);
