/**
 * Seeds the demo network: `tsx db/src/cli/seed.ts [--force]`.
 * Migrates first, then seeds only an empty database; --force empties every table and reseeds.
 */
import { createDb, createPool } from '../client';
import { runMigrations } from '../migrate';
import { isDatabaseEmpty, seedDemo, truncateAll } from '../seed';

const main = async () => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set. Example: DATABASE_URL=postgres://user:pass@127.0.0.1:5432/tandem pnpm db:seed');
    process.exit(1);
  }
  const force = process.argv.includes('--force');
  await runMigrations(url);
  const pool = createPool(url, { max: 2, statementTimeoutMs: 120_000, applicationName: 'tandem-seed' });
  try {
    const db = createDb(pool);
    if (force) {
      const n = await truncateAll(db);
      console.log(`Emptied ${n} tables.`);
    } else if (!(await isDatabaseEmpty(db))) {
      console.log('Database already has data; not seeding (use --force to empty it and reseed).');
      return;
    }
    const started = Date.now();
    const s = await seedDemo(db);
    console.log(
      `Seeded ${s.organizations} organizations (${s.cbos} CBOs), ${s.services} services, ${s.locations} locations, ` +
        `${s.contacts} contacts, ${s.agreements} agreements, ${s.users} users in ${Date.now() - started} ms.`,
    );
  } finally {
    await pool.end();
  }
};

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
