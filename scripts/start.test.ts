import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, tmpDataDir } from '../db/src/ports';
import { commandLine, parentPid, pidAlive, waitForExit } from '../db/src/processes';

/**
 * `npm start` (scripts/dev.ts: embedded PostgreSQL, migrations, demo data, API, Vite) is killed
 * with `kill -9` and started again with the same command, on its own data directory and ports.
 */
const root = path.resolve(__dirname, '..');
const dataDir = tmpDataDir('start');
let ports: { api: number; web: number; pg: number };
const started: ChildProcess[] = [];

const childrenOf = (ppid: number) =>
  readdirSync('/proc')
    .map(Number)
    .filter((pid) => pid && parentPid(pid) === ppid);

/** Runs the start command; resolves with the API process (dev.ts under tsx) and its Vite once /readyz answers 200. */
const start = async () => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', OVERDUE_SWEEP_SECONDS: '0' };
  Object.assign(env, { PORT: String(ports.api), WEB_PORT: String(ports.web), TANDEM_PG_PORT: String(ports.pg), TANDEM_PG_DATA: dataDir });
  const tsx = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/dev.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(tsx);
  let output = '';
  tsx.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  tsx.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const until = Date.now() + 45_000;
  for (;;) {
    if (tsx.exitCode !== null) throw new Error(`The start command exited (${tsx.exitCode}):\n${output}`);
    if (Date.now() > until) throw new Error(`Not ready after 45 s:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${ports.api}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const api = childrenOf(tsx.pid!).find((pid) => commandLine(pid)?.some((a) => a.endsWith('scripts/dev.ts')))!;
  const web = childrenOf(api).find((pid) => commandLine(pid)?.some((a) => a.endsWith('vite.js')))!;
  const postgres = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { api, web, postgres, output: () => output };
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
  ports = { api: await freePort(), web: await freePort(), pg: await freePort() };
});

afterAll(async () => {
  // Stop whatever is still running (a clean stop: SIGTERM to the API stops Vite and PostgreSQL).
  for (const tsx of started) {
    for (const api of tsx.pid ? childrenOf(tsx.pid) : []) process.kill(api, 'SIGTERM');
  }
  for (const tsx of started) if (tsx.exitCode === null && tsx.pid) await waitForExit(tsx.pid, 20_000);
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

describe('npm start after kill -9', () => {
  linux(
    'starts again with the same command, stopping the PostgreSQL and Vite the killed start left behind; and they die with their parent',
    async () => {
      const first = await start();
      // Killed with nothing left to clean up after it (its watchdogs too): PostgreSQL and Vite stay, orphaned.
      kill9(first.api, ...watchdogsOf(first.api));
      await waitForExit(first.api, 5_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect([pidAlive(first.postgres), pidAlive(first.web)]).toEqual([true, true]);

      const second = await start();
      expect(second.output()).toContain(`stopping PostgreSQL left running on ${dataDir} by a previous start (pid ${first.postgres})`);
      expect([pidAlive(first.postgres), pidAlive(first.web)]).toEqual([false, false]);
      expect(second.postgres).not.toBe(first.postgres);
      const res = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
      expect(res.status).toBe(200);

      // kill -9 alone: its PostgreSQL and Vite stop within a few seconds, with no second start.
      kill9(second.api);
      expect([await waitForExit(second.postgres, 10_000), await waitForExit(second.web, 10_000)]).toEqual([true, true]);
    },
    90_000,
  );
});
