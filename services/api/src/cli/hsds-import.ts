import fs from 'node:fs';
import path from 'node:path';
import { createDb, createPool, runMigrations } from '@tandem/db';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '@tandem/db/embedded';
import { importDataset } from '../modules/hsds/import';
import { AppError } from '../lib/app-error';
import { parseEnv } from '../config';

const ROOT = path.resolve(__dirname, '../../../..');

const USAGE = `Import an Open Referral HSDS 3.0 tabular dataset (a folder of CSV files) into the directory.

  pnpm hsds:import <folder>

It writes to the database npm start uses: DATABASE_URL when set, otherwise the embedded PostgreSQL
in .pgdata/ on port 54329 (TANDEM_PG_DATA, TANDEM_PG_PORT), whether npm start is running or not.
Rows match existing records on their HSDS id, so running it again with the same files changes nothing.
If any row is invalid nothing is written and every bad row is listed.`;

/** Progress notes go to stderr: stdout is the JSON report. */
const note = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The database `npm start` uses (scripts/dev.ts): DATABASE_URL, else the embedded server on
 * TANDEM_PG_DATA (relative to the repository) and TANDEM_PG_PORT. When npm start runs, its server
 * is used as it is; otherwise the embedded server is started (and migrated) for this run only.
 */
const openDatabase = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  const env = parseEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, close: async () => undefined };
  const dataDir = path.resolve(ROOT, env.TANDEM_PG_DATA);
  const running = runningEmbeddedPostgres(dataDir);
  if (running) return { url: running.url, close: async () => undefined };
  note(`Starting the embedded PostgreSQL (data in ${dataDir}, port ${env.TANDEM_PG_PORT}) for this import.`);
  const server = await startEmbeddedPostgres({ dataDir, port: env.TANDEM_PG_PORT });
  try {
    await runMigrations(server.url);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    url: server.url,
    close: async () => {
      await server.stop();
      note('Stopped the embedded PostgreSQL.');
    },
  };
};

const readFolder = (folder: string) => {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(folder))
    if (f.toLowerCase().endsWith('.csv')) files[f.toLowerCase()] = fs.readFileSync(path.join(folder, f), 'utf8');
  return files;
};

const main = async () => {
  const arg = process.argv[2];
  if (!arg || arg === '--help' || arg === '-h') {
    console.log(USAGE);
    return 2;
  }
  // pnpm runs the script in services/api; a relative folder is relative to where it was typed.
  const folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    console.error(`${folder} is not a folder.\n\n${USAGE}`);
    return 2;
  }
  const files = readFolder(folder);
  if (!Object.keys(files).length) {
    console.error(`${folder} holds no .csv files.`);
    return 2;
  }
  const db = await openDatabase();
  const pool = createPool(db.url, { max: 2, applicationName: 'tandem-hsds-import' });
  try {
    const report = await importDataset(createDb(pool), files);
    console.log(JSON.stringify(report, null, 2));
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.extra.report) {
      console.error(`${e.message}\n${JSON.stringify(e.extra.report, null, 2)}`);
      return 1;
    }
    throw e;
  } finally {
    await pool.end();
    await db.close();
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
