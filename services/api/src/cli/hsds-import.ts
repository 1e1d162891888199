import fs from 'node:fs';
import path from 'node:path';
import { createDb, createPool, runMigrations } from '@tandem/db';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '@tandem/db/embedded';
import { importDataset, sortUploads, type Upload } from '../modules/hsds';
import { AppError } from '../lib/app-error';
import { parseEnv } from '../config';

const ROOT = path.resolve(__dirname, '../../../..');

const USAGE = `Import an Open Referral HSDS 3.0 tabular dataset into the directory: a folder of CSV files,
or a zipped data package (datapackage.json and the CSV files, as the directory export downloads).

  pnpm hsds:import [--dry-run] <folder or file.zip>

It writes to the database npm start uses: DATABASE_URL when set, otherwise the embedded PostgreSQL
in .pgdata/ on port 54329 (TANDEM_PG_DATA, TANDEM_PG_PORT), whether npm start is running or not.
Rows match existing records on their HSDS id, so running it again with the same files changes nothing.
If any row is invalid nothing is written and every bad row is listed. Files that are not read are
listed in the report's skippedFiles with a code (unrecognized_file, not_imported, duplicate_file).
--dry-run checks and counts what would change, and writes nothing.`;

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

/** Every file in the folder (not its subfolders), or the one zip. */
const readUploads = (target: string): Upload[] =>
  fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target, { withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => ({ name: f.name, data: fs.readFileSync(path.join(target, f.name)) }))
    : [{ name: path.basename(target), data: fs.readFileSync(target) }];

const main = async () => {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const arg = args.find((a) => a !== '--dry-run');
  if (!arg || arg === '--help' || arg === '-h') {
    console.log(USAGE);
    return 2;
  }
  // pnpm runs the script in services/api; a relative path is relative to where it was typed.
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  if (!fs.existsSync(target) || !(fs.statSync(target).isDirectory() || target.toLowerCase().endsWith('.zip'))) {
    console.error(`${target} is not a folder or a .zip file.\n\n${USAGE}`);
    return 2;
  }
  let sorted: ReturnType<typeof sortUploads>;
  try {
    sorted = sortUploads(readUploads(target));
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const { files, skipped } = sorted;
  for (const s of skipped) note(`Skipped ${s.file} (${s.code}): ${s.reason}`);
  if (!Object.keys(files).length) {
    console.error(`${target} holds no HSDS tabular file Tandem reads (organizations.csv, services.csv, ...).`);
    return 2;
  }
  const db = await openDatabase();
  const pool = createPool(db.url, { max: 2, applicationName: 'tandem-hsds-import' });
  try {
    const report = await importDataset(createDb(pool), files, { dryRun, skippedFiles: skipped });
    console.log(JSON.stringify(report, null, 2));
    // A dry run answers bad rows in its report instead of failing.
    return report.errors.length ? 1 : 0;
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
