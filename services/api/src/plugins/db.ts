import fp from 'fastify-plugin';
import type pg from 'pg';
import { createDb, createPool, type Db } from '@tandem/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    pool: pg.Pool;
  }
}

export interface DbPluginOptions {
  url: string;
  max: number;
  statementTimeoutMs: number;
}

/** One pg pool for the process; closed with the app. */
export const dbPlugin = fp<DbPluginOptions>(
  async (app, opts) => {
    const pool = createPool(opts.url, {
      max: opts.max,
      statementTimeoutMs: opts.statementTimeoutMs,
      onError: (err) => app.log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'idle database connection lost'),
    });
    app.decorate('pool', pool);
    app.decorate('db', createDb(pool));
    app.addHook('onClose', async () => {
      await pool.end();
    });
  },
  { name: 'db' },
);
