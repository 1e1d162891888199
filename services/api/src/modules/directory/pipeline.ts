import { sql } from 'drizzle-orm';
import { PARTNERSHIP_STAGES, partnershipStageAfter, SPA_CODES, type EngagementEventType, type PartnershipStage, type PipelineReport, type PipelineReportQuery, type Spa } from '@tandem/contract';
import { schema, type DbOrTx } from '@tandem/db';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { toCsv } from '../../lib/csv';
import { organizationsRepo } from './repo';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The partnership pipeline's automatic moves (issue 25): what the engagement module calls, in its
 * own transaction, when an event of `eventType` is logged (or changed) with these partner
 * organizations. Each organization is locked and moved only forward by the contract's
 * `partnershipStageAfter`; each move is one `organization.stage_advance` audit row in the
 * organization's change history, naming the event that caused it (`causeEventId`).
 */
export const advancePartnershipStage = async (tx: DbOrTx, ctx: Ctx, cause: { organizationIds: string[]; eventType: EngagementEventType; eventId: string }) => {
  // Sorted, so two transactions touching the same organizations lock them in one order.
  for (const id of [...new Set(cause.organizationIds)].sort()) {
    const before = await organizationsRepo.lock(tx, id);
    if (!before) continue;
    const to = partnershipStageAfter(before.partnershipStage as PartnershipStage, cause.eventType);
    if (!to) continue;
    const stageDates = { ...before.stageDates, [to]: before.stageDates[to] ?? today() };
    await organizationsRepo.update(tx, id, { partnershipStage: to, stageDates });
    await recordAudit(tx, ctx, {
      action: 'organization.stage_advance',
      entityType: 'organization',
      entityId: id,
      organizationId: id,
      changes: {
        partnershipStage: { from: before.partnershipStage, to },
        stageDates: { from: before.stageDates, to: stageDates },
        causeEventId: { from: null, to: cause.eventId },
      },
    });
  }
};

const { organizations } = schema;
const zeros = () => Object.fromEntries(PARTNERSHIP_STAGES.map((s) => [s, 0])) as Record<PartnershipStage, number>;

/**
 * The partnership funnel (`GET /api/v1/reports/pipeline`): organizations at each stage per SPA
 * (an organization serving several SPAs counts in each) and a total row counting each once.
 * With `spa`, that SPA's row and a total over the organizations serving it (the same numbers).
 */
export const pipelineReport = async (db: DbOrTx, q: PipelineReportQuery): Promise<PipelineReport> => {
  const only = q.spa ? sql`where ${organizations.spas} @> array[${q.spa}]::text[]` : sql``;
  const bySpa = await db.execute<{ spa: string; stage: string; n: number }>(
    sql`select s.spa, o.partnership_stage as stage, count(*)::int as n from ${organizations} o, unnest(o.spas) as s(spa) ${q.spa ? sql`where s.spa = ${q.spa}` : sql``} group by 1, 2`,
  );
  const total = await db.execute<{ stage: string; n: number }>(sql`select ${organizations.partnershipStage} as stage, count(*)::int as n from ${organizations} ${only} group by 1`);
  const rows = (q.spa ? [q.spa as Spa] : [...SPA_CODES]).map((spa) => ({ spa: spa as Spa | null, counts: zeros() }));
  for (const r of bySpa.rows) {
    const row = rows.find((x) => x.spa === r.spa);
    if (row && r.stage in row.counts) row.counts[r.stage as PartnershipStage] = r.n;
  }
  const all = { spa: null, counts: zeros() };
  for (const r of total.rows) if (r.stage in all.counts) all.counts[r.stage as PartnershipStage] = r.n;
  const withTotal = (r: { spa: Spa | null; counts: Record<PartnershipStage, number> }) => ({ ...r, total: PARTNERSHIP_STAGES.reduce((s, k) => s + r.counts[k], 0) });
  return { stages: [...PARTNERSHIP_STAGES], rows: [...rows, all].map(withTotal) };
};

/** The funnel as CSV: one row per SPA and the total row (spa TOTAL), a column per stage, and the row's total. */
export const pipelineReportCsv = (r: PipelineReport) =>
  toCsv(r.rows, [
    { header: 'spa', value: (x: PipelineReport['rows'][number]) => x.spa ?? 'TOTAL' },
    ...PARTNERSHIP_STAGES.map((s) => ({ header: s, value: (x: PipelineReport['rows'][number]) => x.counts[s] })),
    { header: 'total', value: (x: PipelineReport['rows'][number]) => x.total },
  ]);
