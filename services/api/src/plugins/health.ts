import fp from 'fastify-plugin';
import { api } from '@tandem/contract';
import { appliedMigrationCount, expectedMigrationCount } from '@tandem/db';
import { AppError } from '../lib/app-error';
import { rules } from '../lib/authz';
import { route } from '../lib/routes';

export const healthPlugin = fp(
  async (app) => {
    const expected = expectedMigrationCount();
    route(app, api.healthz, { rule: rules.public, handler: async () => ({ status: 'ok' as const }) });
    route(app, api.readyz, {
      rule: rules.public,
      handler: async () => {
        const applied = await appliedMigrationCount((q) => app.pool.query(q));
        if (applied < expected) throw new AppError('database_unavailable', `Migrations pending: ${applied} of ${expected} applied.`);
        return { status: 'ready' as const, migrations: { applied, expected } };
      },
    });
  },
  { name: 'health', dependencies: ['db'] },
);
