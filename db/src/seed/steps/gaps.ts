import type { GapStatus } from '@tandem/contract';
import type { Tx } from '../../client';
import { serviceGapEvents, serviceGaps } from '../../schema';
import { daysFrom, must, type SeedContext } from '../context';
import { count, insertAll } from './util';

type GapRow = typeof serviceGaps.$inferInsert;
/** The kind of regional gaps the collaboration team took to leadership (domain.md, "Service assessment"). */
const GAPS: (Pick<GapRow, 'title' | 'spa' | 'category' | 'communitySupport' | 'focusPopulation' | 'severity' | 'status' | 'statusRationale' | 'description'> & { age: number })[] = [
  { title: 'Too few shelter beds in the Antelope Valley', spa: 'spa1', category: 'housing-instability', focusPopulation: 'homelessness', severity: 'critical', status: 'escalated', statusRationale: 'Taken to the contracts division', age: 60, description: 'Both shelters report full most nights; CHWs drive clients to SPA 2.' },
  { title: 'No sobering center in the South Bay', spa: 'spa8', communitySupport: 'sobering_centers', focusPopulation: 'substance_use', severity: 'high', status: 'identified', age: 20, description: null },
  { title: 'Reentry housing navigation waitlists in South LA', spa: 'spa6', communitySupport: 'housing_transition_navigation', focusPopulation: 'justice_involvement', severity: 'high', status: 'in_progress', statusRationale: 'MOU with the city diversion program in negotiation', age: 120, description: null },
  { title: 'Doula support for county hospital births', spa: 'spa4', category: 'sdoh-category-unspecified', focusPopulation: 'healthy_pregnancy', severity: 'medium', status: 'resolved', statusRationale: 'MOU with public health signed', age: 300, description: null },
  { title: 'Evening food pantry hours in the West', spa: 'spa5', category: 'food-insecurity', focusPopulation: null, severity: 'low', status: 'not_pursued', statusRationale: 'Two pantries added Saturday hours; demand met', age: 200, description: null },
];

const PATHS: Record<GapStatus, GapStatus[]> = {
  identified: [],
  escalated: ['escalated'],
  in_progress: ['in_progress'],
  resolved: ['escalated', 'resolved'],
  not_pursued: ['not_pursued'],
};

/** A few service gaps in every status, owned by the collaboration team, each with its first history row. */
export const seedGaps = async (tx: Tx, ctx: SeedContext) => {
  const owner = must(ctx.users, 'collab@tandem.example', 'user');
  const rows: GapRow[] = GAPS.map(({ age, ...g }) => ({
    ...g,
    id: ctx.ids.uuid(),
    category: g.category ?? null,
    communitySupport: g.communitySupport ?? null,
    statusRationale: g.statusRationale ?? null,
    ownerUserId: owner,
    createdBy: owner,
    createdAt: daysFrom(ctx.now, -age),
    statusChangedAt: daysFrom(ctx.now, -Math.floor(age / 2)),
  }));
  // Each gap got where it is along edges the status machine allows (packages/contract/src/gaps/status.ts).
  const events = rows.flatMap((g) => {
    const path = PATHS[g.status!];
    return [
      { id: ctx.ids.uuid(), gapId: g.id!, at: g.createdAt!, actorUserId: owner, kind: 'created' as const, toStatus: 'identified' as const },
      ...path.map((to, i) => ({
        id: ctx.ids.uuid(),
        gapId: g.id!,
        at: i === path.length - 1 ? g.statusChangedAt! : daysFrom(g.createdAt!, 1),
        actorUserId: owner,
        kind: 'status_changed' as const,
        fromStatus: i === 0 ? ('identified' as const) : path[i - 1]!,
        toStatus: to,
        note: i === path.length - 1 ? g.statusRationale : null,
      })),
    ];
  });
  count(ctx, 'serviceGaps', await insertAll(tx, serviceGaps, rows));
  count(ctx, 'serviceGapEvents', await insertAll(tx, serviceGapEvents, events));
};
