import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDb, createPool, runMigrations } from '../db/src';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/src/embedded';
import { commandLine, parentPid, pidAlive, stopProcess, stopWithOwner, workingDir } from '../db/src/processes';
import { buildApp } from '../services/api/src/app';
import { loadConfig, parseEnv } from '../services/api/src/config';
import { ensureWebBuild, webDist } from './web-build';
import { repoRoot } from '../db/src/paths';
import { MAILDEV_BIN, startMailCatcher, type MailCatcher } from '../services/worker/src/mail-catcher';

const root = repoRoot;

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, and the API serving
 * the production build of the web app on its own origin (built first when web/dist is older than
 * its sources). `npm run dev` (`--vite`): the same, with the web app from Vite's dev server (hot
 * reload) on WEB_PORT instead.
 */
const main = async () => {
  const viteMode = process.argv.includes('--vite');
  const env = parseEnv();
  const dataDir = path.resolve(root, env.TANDEM_PG_DATA);
  const stateFile = startStateFile(env.DATABASE_URL ?? dataDir);
  await stopPreviousStart(stateFile);
  let embedded: EmbeddedServer | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    console.log(`==> Starting embedded PostgreSQL (data in ${env.TANDEM_PG_DATA}/, port ${env.TANDEM_PG_PORT})`);
    embedded = await startEmbeddedPostgres({ dataDir, port: env.TANDEM_PG_PORT, onLog: (line) => line.startsWith('stopping') && console.log(`    ${line}`) });
    url = embedded.url;
  }
  console.log('==> Applying migrations');
  await runMigrations(url);
  await seedIfEmpty(url);
  if (!viteMode) await ensureWebBuild();

  // Webhook receivers on this machine are what a local run subscribes: loopback is allowed unless set otherwise.
  const runEnv = { WEBHOOKS_ALLOW_PRIVATE_URLS: 'true', ...process.env };
  const app = await buildApp({ ...loadConfig(url, runEnv), ...(viteMode ? {} : { webDistDir: webDist }) });
  const webPort = Number(process.env.WEB_PORT ?? 5173);
  const apiUrl = `http://${env.HOST}:${env.PORT}`;
  // Without SMTP_URL every email goes to the local mail catcher, read at its web page (README).
  let mail: MailCatcher | undefined;
  if (!env.SMTP_URL) {
    await stopOrphanedMailCatcher(env.MAIL_SMTP_PORT, env.MAIL_WEB_PORT);
    console.log(`==> Starting the local mail catcher (MailDev: SMTP port ${env.MAIL_SMTP_PORT}, web page port ${env.MAIL_WEB_PORT})`);
    mail = await startMailCatcher({ smtpPort: env.MAIL_SMTP_PORT, webPort: env.MAIL_WEB_PORT });
  }
  const worker = startWorkerProcess(url, {
    ...runEnv,
    APP_URL: process.env.APP_URL ?? (viteMode ? `http://127.0.0.1:${webPort}` : apiUrl),
    ...(mail ? { SMTP_URL: mail.smtpUrl } : {}),
  });
  // Listening last: once /readyz answers, the whole product (mail catcher and worker included) has started.
  await app.listen({ host: env.HOST, port: env.PORT });
  let web: ChildProcess | undefined;
  let unwatch: () => void = () => undefined;
  if (viteMode) {
    await stopOrphanedVite(webPort);
    web = spawn(path.join(root, 'web/node_modules/.bin/vite'), ['--port', String(webPort), '--strictPort', '--host', '127.0.0.1'], {
      cwd: path.join(root, 'web'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, API_URL: apiUrl },
    });
    // Vite dies with this process even after a kill -9; the next start finds what is left by the state file.
  }
  // Vite and the worker die with this process even after a kill -9; the next start finds what is left by the state file.
  unwatch = stopWithOwner(process.pid, [
    ...(web?.pid ? [{ pid: web.pid, signal: 'SIGTERM' as const, mustContain: String(webPort) }] : []),
    ...(worker.pid ? [{ pid: worker.pid, signal: 'SIGTERM' as const, mustContain: workerEntry }] : []),
    ...(mail?.process.pid ? [{ pid: mail.process.pid, signal: 'SIGTERM' as const, mustContain: MAILDEV_BIN }] : []),
  ]);
  const state: StartState = {
    pid: process.pid,
    ppid: process.ppid,
    webPid: web?.pid ?? null,
    workerPid: worker.pid ?? null,
    mailPid: mail?.process.pid ?? null,
    webPort,
    apiUrl,
    dataDir: env.DATABASE_URL ? null : dataDir,
  };
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  printWelcome(apiUrl, viteMode ? `http://127.0.0.1:${webPort}` : null, mail?.webUrl ?? null);

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    if (web) stopChild(web);
    await stopWorkerChild(worker);
    await mail?.stop();
    await app.close();
    await embedded?.stop();
    unwatch();
    rmSync(stateFile, { force: true });
    process.exit(code);
  };
  // The wrapper that started this process (npm, or tsx) was killed: stop with it rather than run on as an orphan.
  setInterval(() => {
    if (process.ppid !== state.ppid) void stop(1);
  }, 1000).unref();
  web?.on('exit', (code) => {
    if (!stopping) {
      console.error(`The web dev server stopped (exit ${code}).`);
      void stop(1);
    }
  });
  worker.on('exit', (code) => {
    if (!stopping) {
      console.error(`The background worker stopped (exit ${code}).`);
      void stop(1);
    }
  });
  mail?.process.on('exit', (code) => {
    if (!stopping) {
      console.error(`The mail catcher stopped (exit ${code}).`);
      void stop(1);
    }
  });
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

/** What a running start records in .tmp/ so that the next one can clean up after a kill -9. */
interface StartState {
  pid: number;
  ppid: number;
  webPid: number | null;
  /** The background worker (services/worker); absent in state files of older starts. */
  workerPid?: number | null;
  /** The local mail catcher (MailDev), when SMTP_URL was not set; absent in state files of older starts. */
  mailPid?: number | null;
  webPort: number;
  apiUrl: string;
  dataDir: string | null;
}

/** One state file per database (data directory or URL): starts of other databases in this checkout are not ours to stop. */
const startStateFile = (database: string) => {
  const dir = path.join(root, '.tmp');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `start-${createHash('sha256').update(database).digest('hex').slice(0, 16)}.json`);
};

/**
 * What a previous start of this database left running when it was killed: the API process
 * (this file, bundled or under tsx, when only its npm wrapper died) and Vite. Each is recognised by its
 * command line and working directory before it is signalled; a previous start that still runs
 * under its wrapper is another Tandem: refused. Its embedded PostgreSQL is db/src/embedded.ts's.
 */
const stopPreviousStart = async (file: string) => {
  if (!existsSync(file)) return;
  const prev = JSON.parse(readFileSync(file, 'utf8')) as StartState;
  const isApi = (pid: number) => workingDir(pid) === root && isStartCommand(commandLine(pid));
  if (prev.pid !== process.pid && pidAlive(prev.pid) && isApi(prev.pid)) {
    if (parentPid(prev.pid) === prev.ppid && pidAlive(prev.ppid)) {
      throw new Error(`Tandem is already running for this database (pid ${prev.pid}, API ${prev.apiUrl}). Stop it first (Ctrl+C in its terminal, or kill ${prev.pid}).`);
    }
    console.log(`==> Stopping the API left running by a previous start (pid ${prev.pid})`);
    await stopProcess(prev.pid, 'SIGTERM', 30_000);
  }
  if (prev.webPid && pidAlive(prev.webPid) && isOrphanedVite(prev.webPid, prev.webPort)) {
    console.log(`==> Stopping the web dev server left running by a previous start (pid ${prev.webPid})`);
    await stopProcess(prev.webPid, 'SIGTERM', 10_000);
  }
  if (prev.workerPid && pidAlive(prev.workerPid) && isOrphanedWorker(prev.workerPid)) {
    console.log(`==> Stopping the background worker left running by a previous start (pid ${prev.workerPid})`);
    await stopProcess(prev.workerPid, 'SIGTERM', 30_000);
  }
  if (prev.mailPid && pidAlive(prev.mailPid) && isOrphanedMailCatcher(prev.mailPid)) {
    console.log(`==> Stopping the mail catcher left running by a previous start (pid ${prev.mailPid})`);
    await stopProcess(prev.mailPid, 'SIGTERM', 10_000);
  }
  rmSync(file, { force: true });
};

/** A MailDev of this checkout (started by scripts/dev.ts through mail-catcher.ts) whose starter is gone. */
const isOrphanedMailCatcher = (pid: number, ports?: number[]) => {
  const args = commandLine(pid) ?? [];
  if (workingDir(pid) !== root || !args.includes(MAILDEV_BIN)) return false;
  if (ports && !ports.some((p) => args.includes(String(p)))) return false;
  const parent = parentPid(pid);
  return !(parent && pidAlive(parent) && isStartCommand(commandLine(parent)));
};

/** A mail catcher left on our ports by a start that recorded no state (killed before it could). */
const stopOrphanedMailCatcher = async (smtpPort: number, webPort: number) => {
  if (process.platform !== 'linux') return;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (pid && pid !== process.pid && pidAlive(pid) && isOrphanedMailCatcher(pid, [smtpPort, webPort])) {
      console.log(`==> Stopping the mail catcher left running on port ${smtpPort}/${webPort} by a previous start (pid ${pid})`);
      await stopProcess(pid, 'SIGTERM', 10_000);
    }
  }
};

/**
 * The worker runs from its bundle when this file does (`npm start`), from its sources under tsx
 * otherwise; either way its command line names `workerEntry`, which is how it is recognised.
 */
const bundled = __filename.endsWith(path.join('dist', 'start.js'));
const workerEntry = bundled ? path.join(root, 'services/api/dist/worker.js') : path.join(root, 'services/worker/src/worker.ts');

const startWorkerProcess = (url: string, env: NodeJS.ProcessEnv) =>
  spawn(bundled ? process.execPath : path.join(root, 'node_modules/.bin/tsx'), [workerEntry], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, DATABASE_URL: url },
  });

/** A worker of this checkout whose starter (this file) is gone. */
const isOrphanedWorker = (pid: number) => {
  const args = commandLine(pid) ?? [];
  if (workingDir(pid) !== root || !args.some((a) => a.endsWith('services/api/dist/worker.js') || a.endsWith('services/worker/src/worker.ts'))) return false;
  const parent = parentPid(pid);
  return !(parent && pidAlive(parent) && isStartCommand(commandLine(parent)));
};

/** SIGTERM lets the worker finish or hand back its jobs; one that hangs is killed (its jobs are retried: nothing it acknowledged is repeated). */
const stopWorkerChild = async (c: ChildProcess) => {
  if (c.exitCode !== null || c.signalCode !== null || !c.pid) return;
  c.removeAllListeners('exit');
  await stopProcess(c.pid, 'SIGTERM', 15_000).catch(() => undefined);
};

/** A process running this file: the API's bundle (`node services/api/dist/start.js`, what `npm start` runs) or its sources under tsx. */
const isStartCommand = (args: string[] | null) => (args ?? []).some((a) => a.endsWith('services/api/dist/start.js') || a.endsWith('scripts/dev.ts'));

/** Vite of this checkout on this port whose starter (scripts/dev.ts) is gone. */
const isOrphanedVite = (pid: number, port: number) => {
  const args = commandLine(pid) ?? [];
  if (workingDir(pid) !== path.join(root, 'web') || !args.some((a) => a.endsWith('vite.js')) || !args.includes(String(port))) return false;
  const parent = parentPid(pid);
  return !(parent && pidAlive(parent) && isStartCommand(commandLine(parent)));
};

/** A Vite left on the web port by a start that recorded no state (killed before it could, or an older version). */
const stopOrphanedVite = async (port: number) => {
  if (process.platform !== 'linux') return;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (pid && pidAlive(pid) && isOrphanedVite(pid, port)) {
      console.log(`==> Stopping the web dev server left running on port ${port} by a previous start (pid ${pid})`);
      await stopProcess(pid, 'SIGTERM', 10_000);
    }
  }
};

const seedIfEmpty = async (url: string) => {
  const { seedDemo, isDatabaseEmpty } = await import('../db/src/seed');
  const pool = createPool(url, { max: 2 });
  try {
    const db = createDb(pool);
    if (await isDatabaseEmpty(db)) {
      console.log('==> Loading demo data (first start)');
      const summary = await seedDemo(db);
      console.log(`    ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    }
  } finally {
    await pool.end();
  }
};

const stopChild = (c: ChildProcess) => {
  if (c.exitCode === null) c.kill('SIGTERM');
};

/** webUrl: Vite's dev server (`npm run dev`); null when the API serves the built app itself (`npm start`). */
const printWelcome = (apiUrl: string, webUrl: string | null, mailUrl: string | null) => {
  console.log(`
  Tandem is running
    Web app   ${webUrl ? `${webUrl}   (Vite dev server, hot reload)` : `${apiUrl}   (production build; \`npm run dev\` for hot reload)`}
    Public    ${webUrl ?? apiUrl}/directory   (the directory, no sign-in)
    API       ${apiUrl}/api/v1
    API docs  ${apiUrl}/docs   (OpenAPI: ${apiUrl}/openapi.json)
    Email     ${mailUrl ? `${mailUrl}   (local mail catcher: every email Tandem sends lands here)` : 'sent through SMTP_URL'}

  Sign in as admin@tandem.example with the demo password tandem-demo-2026
  (every demo account is listed in README.md). Press Ctrl+C to stop.
`);
};

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
