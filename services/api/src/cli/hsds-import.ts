import fs from 'node:fs';
import path from 'node:path';
import { createDb, createPool } from '@tandem/db';
import { importDataset } from '../modules/hsds/import';
import { AppError } from '../lib/app-error';
import { parseEnv } from '../config';

const USAGE = `Import an Open Referral HSDS 3.0 tabular dataset (a folder of CSV files) into the directory.

  DATABASE_URL=postgres://user:pass@host:5432/tandem pnpm hsds:import <folder>

Rows match existing records on their HSDS id, so running it again with the same files changes nothing.
If any row is invalid nothing is written and every bad row is listed.`;

const main = async () => {
  const folder = process.argv[2];
  const url = parseEnv().DATABASE_URL;
  if (!folder || !url) {
    console.log(USAGE);
    return 2;
  }
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(folder))
    if (f.toLowerCase().endsWith('.csv')) files[f.toLowerCase()] = fs.readFileSync(path.join(folder, f), 'utf8');
  const pool = createPool(url, { max: 2, applicationName: 'tandem-hsds-import' });
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
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
