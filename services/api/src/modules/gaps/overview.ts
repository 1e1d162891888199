import { sql } from 'drizzle-orm';
import { GAP_SEVERITIES, type GapSeverity, type Spa } from '@tandem/contract';
import { schema, type DbOrTx } from '@tandem/db';

const { serviceGaps } = schema;

/**
 * The network overview's gap figures (issue 25): open gaps (identified, escalated, in progress) by
 * severity, and the gaps escalated and unanswered — status escalated with no status change for
 * more than `staleDays` days (status_changed_at is when it was escalated: leadership has not moved
 * it to in progress, resolved or not pursued since), longest waiting first.
 */
export const gapOverview = async (db: DbOrTx, q: { spa?: string; staleDays: number; limit: number }) => {
  const spa = q.spa ? sql`and g.spa = ${q.spa}` : sql``;
  const [bySeverity, stale] = await Promise.all([
    db.execute<{ severity: GapSeverity; n: number }>(
      sql`select g.severity, count(*)::int as n from ${serviceGaps} g where g.status in ('identified', 'escalated', 'in_progress') ${spa} group by g.severity`,
    ),
    db.execute<{ id: string; title: string; spa: Spa; severity: GapSeverity; escalatedAt: string; daysWaiting: number }>(sql`
      select g.id, g.title, g.spa, g.severity, g.status_changed_at as "escalatedAt", floor(extract(epoch from now() - g.status_changed_at) / 86400)::int as "daysWaiting"
      from ${serviceGaps} g
      where g.status = 'escalated' and g.status_changed_at < now() - make_interval(days => ${q.staleDays}) ${spa}
      order by g.status_changed_at, g.id
      limit ${q.limit}`),
  ]);
  const counts = Object.fromEntries(GAP_SEVERITIES.map((s) => [s, 0])) as Record<GapSeverity, number>;
  for (const r of bySeverity.rows) counts[r.severity] = r.n;
  return {
    openBySeverity: counts,
    escalatedUnanswered: stale.rows.map((r) => ({ ...r, escalatedAt: new Date(r.escalatedAt).toISOString() })),
  };
};
