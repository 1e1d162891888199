import fp from 'fastify-plugin';
import { api } from '@tandem/contract';
import { appliedMigrationCount, expectedMigrationCount } from '@tandem/db';
import { AppError } from '../lib/app-error';
import { rules } from '../lib/authz';
import { route } from '../lib/routes';

/** A worker is running when its once-a-minute heartbeat ran within the last 3 minutes. */
export const workerStatus = (seenAt: Date | null, now: Date): 'running' | 'late' | 'never' =>
  seenAt === null ? 'never' : now.getTime() - seenAt.getTime() <= 3 * 60_000 ? 'running' : 'late';

export const healthPlugin = fp(
  async (app) => {
    const expected = expectedMigrationCount();
    route(app, api.healthz, { rule: rules.public, handler: async () => ({ status: 'ok' as const }) });
    route(app, api.readyz, {
      rule: rules.public,
      handler: async () => {
        const applied = await appliedMigrationCount((q) => app.pool.query(q));
        if (applied < expected) throw new AppError('database_unavailable', `Migrations pending: ${applied} of ${expected} applied.`);
        const { rows } = await app.pool.query<{ seen_at: Date }>(`SELECT seen_at FROM worker_heartbeats WHERE name = 'worker'`);
        const seen = rows[0]?.seen_at ?? null;
        return { status: 'ready' as const, migrations: { applied, expected }, worker: { status: workerStatus(seen, new Date()), lastSeenAt: seen?.toISOString() ?? null } };
      },
    });
  },
  { name: 'health', dependencies: ['db'] },
);
