import path from 'node:path';
import { runMigrations } from '@tandem/db';
import { startEmbeddedPostgres } from '@tandem/db/embedded';
import { repoRoot } from '@tandem/db/paths';
import { buildApp } from './app';
import { loadConfig, parseEnv } from './config';

/**
 * Production-style entry: DATABASE_URL or an embedded PostgreSQL (TANDEM_PG_DATA, relative to the
 * repository as for npm start and hsds:import), migrations, then listen.
 */
const main = async () => {
  const env = parseEnv();
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.resolve(repoRoot, env.TANDEM_PG_DATA), port: env.TANDEM_PG_PORT });
  const url = env.DATABASE_URL ?? embedded!.url;
  await runMigrations(url);
  const app = await buildApp(loadConfig(url));
  const close = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: env.HOST, port: env.PORT });
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
