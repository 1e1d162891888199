import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, tmpDataDir } from '../db/src/ports';
import { commandLine, parentPid, pidAlive, waitForExit } from '../db/src/processes';

/**
 * `npm start` (scripts/start.sh: builds the API, then execs its bundle of scripts/dev.ts: embedded
 * PostgreSQL, migrations, demo data, the API serving the built web app) and `npm run dev` (the same with Vite, `--vite`) are killed with `kill -9` and
 * started again with the same command, on their own data directory and ports.
 */
const root = path.resolve(__dirname, '..');
const dataDir = tmpDataDir('start');
let ports: { api: number; web: number; pg: number; mailSmtp: number; mailWeb: number };
const started: ChildProcess[] = [];

const childrenOf = (ppid: number) =>
  readdirSync('/proc')
    .map(Number)
    .filter((pid) => pid && parentPid(pid) === ppid);

/**
 * Runs the start command; resolves with the API process (the command's own, after its exec) and, with --vite, its
 * Vite once /readyz answers 200. Without --vite it may build the web app first (5-15 s).
 */
const start = async (args: string[] = []) => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' };
  Object.assign(env, {
    PORT: String(ports.api),
    WEB_PORT: String(ports.web),
    TANDEM_PG_PORT: String(ports.pg),
    TANDEM_PG_DATA: dataDir,
    // Its own mail catcher, off the default ports a developer's npm start may hold.
    MAIL_SMTP_PORT: String(ports.mailSmtp),
    MAIL_WEB_PORT: String(ports.mailWeb),
  });
  const cmd = spawn('bash', ['scripts/start.sh', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(cmd);
  let output = '';
  cmd.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  cmd.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const until = Date.now() + 90_000;
  for (;;) {
    if (cmd.exitCode !== null) throw new Error(`The start command exited (${cmd.exitCode}):\n${output}`);
    if (Date.now() > until) throw new Error(`Not ready after 90 s:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${ports.api}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const api = cmd.pid!;
  expect(commandLine(api)).toEqual(expect.arrayContaining([expect.stringMatching(/services\/api\/dist\/start\.js$/)]));
  const web = childrenOf(api).find((pid) => commandLine(pid)?.some((a) => a.endsWith('vite.js')));
  const worker = childrenOf(api).find((pid) => commandLine(pid)?.some((a) => a.endsWith('services/api/dist/worker.js')));
  const postgres = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { api, web, worker, postgres, output: () => output };
};

/** The detached watchdogs (db/src/processes.ts stopWithOwner) of an owner process. */
const watchdogsOf = (owner: number) =>
  readdirSync('/proc')
    .map(Number)
    .filter((pid) => {
      const args = commandLine(pid);
      return pid && args?.[0] === 'sh' && args.includes('tandem-watchdog') && args[args.indexOf('tandem-watchdog') + 1] === String(owner);
    });

const kill9 = (...pids: number[]) => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
};

beforeAll(async () => {
  ports = { api: await freePort(), web: await freePort(), pg: await freePort(), mailSmtp: await freePort(), mailWeb: await freePort() };
});

afterAll(async () => {
  // Stop whatever is still running (a clean stop: SIGTERM to the API stops Vite and PostgreSQL).
  for (const cmd of started) if (cmd.exitCode === null && cmd.pid && pidAlive(cmd.pid)) cmd.kill('SIGTERM');
  for (const cmd of started) if (cmd.exitCode === null && cmd.pid) await waitForExit(cmd.pid, 20_000);
  const pgPid = (() => {
    try {
      return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return 0;
    }
  })();
  if (pgPid && pidAlive(pgPid) && commandLine(pgPid)?.includes(dataDir)) {
    process.kill(pgPid, 'SIGINT');
    await waitForExit(pgPid, 20_000);
  }
  rmSync(dataDir, { recursive: true, force: true });
  // The state file the last (killed) start left in .tmp/.
  for (const f of readdirSync(path.join(root, '.tmp')).filter((n) => /^start-.*\.json$/.test(n))) {
    const file = path.join(root, '.tmp', f);
    if ((JSON.parse(readFileSync(file, 'utf8')) as { dataDir?: string }).dataDir === dataDir) rmSync(file);
  }
}, 60_000);

const linux = process.platform === 'linux' ? it : it.skip;

describe('npm start', () => {
  linux(
    'serves the built web app on the API origin (cached, compressed); after a kill -9 starts again, stopping the PostgreSQL left behind',
    async () => {
      const first = await start();
      expect(first.web).toBeUndefined();
      // The background worker (services/worker) runs beside the API, from its bundle.
      expect(first.worker).toBeDefined();
      const page = await fetch(`http://127.0.0.1:${ports.api}/directory`);
      const html = await page.text();
      expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      const asset = await fetch(`http://127.0.0.1:${ports.api}${bundle}`, { headers: { 'accept-encoding': 'br' } });
      expect([asset.status, asset.headers.get('cache-control'), asset.headers.get('content-encoding')]).toEqual([200, 'public, max-age=31536000, immutable', 'br']);
      // Nothing listens on the web port: there is one origin.
      expect(await fetch(`http://127.0.0.1:${ports.web}/`).then(() => 'answered', () => 'refused')).toBe('refused');

      // Killed with its watchdogs: the worker is left running, orphaned, until the next start stops it.
      kill9(first.api, ...watchdogsOf(first.api));
      await waitForExit(first.api, 5_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(pidAlive(first.worker!)).toBe(true);
      const second = await start();
      expect(second.output()).toContain(`stopping PostgreSQL left running on ${dataDir} by a previous start (pid ${first.postgres})`);
      expect(second.output()).toContain(`Stopping the background worker left running by a previous start (pid ${first.worker})`);
      expect(second.output()).toContain('Web app build is current');
      expect([pidAlive(first.postgres), pidAlive(first.worker!)]).toEqual([false, false]);
      expect(second.worker).toBeDefined();
      // kill -9 alone: its worker dies with it (the watchdog), and its PostgreSQL stops.
      kill9(second.api);
      expect([await waitForExit(second.worker!, 10_000), await waitForExit(second.postgres, 10_000)]).toEqual([true, true]);
    },
    240_000,
  );
});

describe('npm run dev after kill -9', () => {
  linux(
    'starts again with the same command, stopping the PostgreSQL and Vite the killed start left behind; and they die with their parent',
    async () => {
      const first = await start(['--vite']);
      // Killed with nothing left to clean up after it (its watchdogs too): PostgreSQL and Vite stay, orphaned.
      kill9(first.api, ...watchdogsOf(first.api));
      await waitForExit(first.api, 5_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect([pidAlive(first.postgres), pidAlive(first.web!)]).toEqual([true, true]);

      const second = await start(['--vite']);
      expect(second.output()).toContain(`stopping PostgreSQL left running on ${dataDir} by a previous start (pid ${first.postgres})`);
      expect([pidAlive(first.postgres), pidAlive(first.web!)]).toEqual([false, false]);
      expect(second.postgres).not.toBe(first.postgres);
      const res = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
      expect(res.status).toBe(200);

      // kill -9 alone: its PostgreSQL and Vite stop within a few seconds, with no second start.
      kill9(second.api);
      expect([await waitForExit(second.postgres, 10_000), await waitForExit(second.web!, 10_000)]).toEqual([true, true]);
    },
    90_000,
  );
});
