import { runMigrations } from '../migrate';

// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the PostgreSQL server to migrate (npm start migrates the embedded one by itself).');
  process.exit(1);
}
runMigrations(url).then(
  () => console.log('Migrations applied.'),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
