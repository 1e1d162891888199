import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createDb, createPool, schema } from '../db/src';
import { freePort } from '../db/src/ports';
import { commandLine, pidAlive, waitForExit } from '../db/src/processes';
import { createTestDatabase, newOrg, newUser, type TestDatabase } from '../db/src/testing';
import { newClient, newConsent } from '../db/src/testing/referral-factories';
import { sha256 } from '../services/api/src/lib/crypto';

/**
 * Fault test (issue 22): the API started by the README's start command (`npm start` runs
 * scripts/dev.ts; here with DATABASE_URL, on this test's own database) is killed with `kill -9`
 * while clients write, and started again with the same command. Each client sends every logical
 * write with its own Idempotency-Key and retries it, same key and same body, on a transport error,
 * a 5xx or 409 idempotency_in_progress, until a final answer. Afterwards, in the database: every
 * write exists exactly once (none lost, none duplicated) and no key is left unfinished (none
 * stranded). The idempotency lease is 2 s so that keys claimed by the killed process free quickly.
 */
const root = path.resolve(__dirname, '..');
const LEASE_SECONDS = 2;
const CLIENTS = 8;
const KILLS = 2;
/** Writes completed between two kills (so each kill lands mid-load, with requests in flight). */
const WRITES_BETWEEN_KILLS = 15;
/** How long a phase of the load may take to complete WRITES_BETWEEN_KILLS writes. */
const PHASE_MS = 15_000;
/** How long the clients may still retry once the load ends (the lease is 2 s: a key still in progress after this is stranded). */
const SETTLE_MS = 10_000;
const WEB_ORIGIN = 'http://127.0.0.1:5173';

type Kind = 'organization' | 'client' | 'referral' | 'referral-by-key';
interface Write {
  kind: Kind;
  marker: string;
  key: string;
  /** 201 (first answer or its replay) or 409 idempotency_key_committed; anything else is a failure. */
  final?: { status: number; code?: string; id?: string };
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tdb: TestDatabase;
let ports: { api: number; web: number; mailSmtp: number; mailWeb: number };
const started: ChildProcess[] = [];
let output = '';

/** The start command (`npm start` runs scripts/start.sh, which builds the API and execs it: the process is the API); resolves with the API's pid once /readyz answers 200. */
const start = async () => {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: tdb.url,
    PORT: String(ports.api),
    WEB_PORT: String(ports.web),
    // Its own mail catcher, off the default ports a developer's npm start may hold.
    MAIL_SMTP_PORT: String(ports.mailSmtp),
    MAIL_WEB_PORT: String(ports.mailWeb),
    WEB_ORIGIN,
    LOG_LEVEL: 'warn',
    OVERDUE_SWEEP_SECONDS: '0',
    RATE_LIMIT_MAX: '1000000',
    IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  const cmd = spawn('bash', ['scripts/start.sh'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(cmd);
  cmd.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  cmd.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const until = Date.now() + 45_000;
  for (;;) {
    if (cmd.exitCode !== null) throw new Error(`The start command exited (${cmd.exitCode}):\n${output}`);
    if (Date.now() > until) throw new Error(`Not ready after 45 s:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${ports.api}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    await sleep(100);
  }
  const api = cmd.pid!;
  if (!commandLine(api)?.some((a) => a.endsWith('services/api/dist/start.js'))) throw new Error(`The start command is not running the API's build: ${commandLine(api)?.join(' ')}`);
  return api;
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  ports = { api: await freePort(), web: await freePort(), mailSmtp: await freePort(), mailWeb: await freePort() };
});

afterAll(async () => {
  // A clean stop of the last start (SIGTERM: the API closes and stops its Vite), then the database.
  for (const cmd of started) if (cmd.exitCode === null && cmd.pid && pidAlive(cmd.pid)) cmd.kill('SIGTERM');
  for (const cmd of started) if (cmd.exitCode === null && cmd.pid) await waitForExit(cmd.pid, 20_000);
  await tdb?.drop();
  // The start's state file in .tmp/ (one per database), if the stop left it.
  for (const f of readdirSync(path.join(root, '.tmp')).filter((n) => /^start-.*\.json$/.test(n))) {
    const file = path.join(root, '.tmp', f);
    if ((JSON.parse(readFileSync(file, 'utf8')) as { apiUrl?: string }).apiUrl === `http://127.0.0.1:${ports?.api}`) rmSync(file);
  }
}, 60_000);

const linux = process.platform === 'linux' ? it : it.skip;

describe('kill -9 of the API under writes, clients retrying with the same Idempotency-Key', () => {
  linux(
    'every write exists once, none is lost or stranded, and the start command brings the API back',
    async () => {
      const pool = createPool(tdb.url, { max: 2 });
      const db = createDb(pool);
      try {
        // The world: a network admin (creates organizations), a clinic's staff member (clients and
        // referrals), and an API key of the clinic (referrals: the single-statement create).
        const run = randomBytes(3).toString('hex');
        const dhs = await newOrg(db, { name: 'Crash DHS', type: 'health_system' });
        const clinic = await newOrg(db, { name: 'Crash Clinic', type: 'clinic' });
        const cbo = await newOrg(db, { name: 'Crash Pantry', type: 'cbo' });
        const admin = await newUser(db, { org: dhs, role: 'network_admin' });
        const chw = await newUser(db, { org: clinic, role: 'staff' });
        const person = await newClient(db, clinic);
        await newConsent(db, person);
        const session = async (userId: string) => {
          const token = randomBytes(32).toString('base64url');
          await db.insert(schema.sessions).values({ id: sha256(token), userId, expiresAt: new Date(Date.now() + 3600_000) });
          return { cookie: `tandem_session=${token}`, origin: WEB_ORIGIN };
        };
        const secret = `tdm_crash${run}_${randomBytes(24).toString('base64url')}`;
        await db.insert(schema.apiKeys).values({ organizationId: clinic.id, name: 'crash', prefix: `tdm_crash${run}`, secretHash: sha256(secret), scopes: ['referrals:read', 'referrals:write'] });
        const as = { admin: await session(admin.id), chw: await session(chw.id), key: { authorization: `Bearer ${secret}` } };

        const request = (w: Write) => {
          const m = `${run}-${w.marker}`;
          switch (w.kind) {
            case 'organization':
              return { url: '/api/v1/organizations', headers: as.admin, body: { name: `Crash Org ${m}`, type: 'cbo' } };
            case 'client':
              return { url: '/api/v1/clients', headers: as.chw, body: { givenName: 'Rosa', familyName: `Crash-${m}`, dateOfBirth: '1984-06-02' } };
            case 'referral':
            case 'referral-by-key':
              return {
                url: '/api/v1/referrals',
                headers: w.kind === 'referral' ? as.chw : as.key,
                body: { clientId: person.id, receivingOrganizationId: cbo.id, needs: ['food-insecurity'], reason: `crash ${m}` },
              };
          }
        };

        const writes: Write[] = [];
        const stats = { transportErrors: 0, serverErrors: 0, inProgress: 0, inFlight: 0, done: 0 };
        let loading = true;
        /** Until when a write is retried: moved to SETTLE_MS after the load ends, when every key's lease has long run out. */
        let deadline = Date.now() + 100_000;

        /** Sends one logical write until it has a final answer: same key, same body, every time. */
        const send = async (w: Write) => {
          const { url, headers, body } = request(w);
          const payload = JSON.stringify(body);
          while (Date.now() < deadline) {
            w.attempts++;
            stats.inFlight++;
            let res: Response;
            try {
              res = await fetch(`http://127.0.0.1:${ports.api}${url}`, {
                method: 'POST',
                headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': w.key },
                body: payload,
                signal: AbortSignal.timeout(20_000),
              });
            } catch {
              stats.transportErrors++;
              await sleep(100);
              continue;
            } finally {
              stats.inFlight--;
            }
            // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer is checked field by field below
            const answer: any = await res.json().catch(() => null);
            if (res.status >= 500) {
              stats.serverErrors++;
              await sleep(100);
              continue;
            }
            if (res.status === 409 && answer?.code === 'idempotency_in_progress') {
              stats.inProgress++;
              await sleep(Math.min(1000, 1000 * Number(res.headers.get('retry-after') ?? 1)));
              continue;
            }
            const id = res.status === 201 ? (w.kind === 'client' ? answer?.client?.id : answer?.id) : answer?.entity?.id;
            w.final = { status: res.status, code: answer?.code, id };
            return;
          }
        };

        const kinds: Kind[] = ['organization', 'client', 'referral', 'referral-by-key'];
        const loop = async (c: number) => {
          for (let i = 0; loading; i++) {
            const w: Write = { kind: kinds[(c + i) % kinds.length]!, marker: `${c}-${i}`, key: `crash-${run}-${c}-${i}`, attempts: 0 };
            writes.push(w);
            await send(w);
            stats.done++;
          }
        };

        let api = await start();
        const loops = Array.from({ length: CLIENTS }, (_, c) => loop(c));
        let kills = 0;
        const killedInFlight: number[] = [];
        /** Waits for the condition, at most PHASE_MS: clients stuck on their keys stop the load, and the checks below say why. */
        const waitFor = async (condition: () => boolean) => {
          const until = Date.now() + PHASE_MS;
          while (!condition() && Date.now() < until) await sleep(5);
          return condition();
        };
        for (; kills < KILLS; kills++) {
          const target = stats.done + WRITES_BETWEEN_KILLS;
          if (!(await waitFor(() => stats.done >= target && stats.inFlight >= CLIENTS / 2))) break;
          killedInFlight.push(stats.inFlight);
          process.kill(api, 'SIGKILL');
          await waitForExit(api, 10_000);
          api = await start();
        }
        // Some writes on the restarted API, then the clients finish what they have started.
        const target = stats.done + WRITES_BETWEEN_KILLS;
        if (kills === KILLS) await waitFor(() => stats.done >= target);
        loading = false;
        deadline = Date.now() + SETTLE_MS;
        await Promise.all(loops);

        // What the database holds for each logical write, by the marker in its body.
        const marked = (table: string, column: string, prefix: string) =>
          pool.query<{ m: string; id: string }>(`select substring(${column} from length($1) + 1) m, id::text from ${table} where starts_with(${column}, $1)`, [prefix]);
        const orgs = await marked('organizations', 'name', `Crash Org ${run}-`);
        const clients = await marked('clients', 'family_name', `Crash-${run}-`);
        const referrals = await marked('referrals', 'reason', `crash ${run}-`);
        const rows = new Map<string, string[]>();
        const table = (kind: Kind) => (kind === 'organization' ? 'organization' : kind === 'client' ? 'client' : 'referral');
        for (const [t, rs] of [['organization', orgs.rows], ['client', clients.rows], ['referral', referrals.rows]] as const) {
          for (const r of rs) rows.set(`${t}:${r.m}`, [...(rows.get(`${t}:${r.m}`) ?? []), r.id]);
        }
        const lost = writes.filter((w) => !rows.get(`${table(w.kind)}:${w.marker}`)?.length).map((w) => w.key);
        const duplicated = [...rows].filter(([, ids]) => ids.length > 1).map(([m, ids]) => `${m} ×${ids.length}`);
        const strays = [...rows.keys()].filter((m) => !writes.some((w) => `${table(w.kind)}:${w.marker}` === m));
        // Every write ends with its row: 201 (or its replay) naming it, or 409 committed naming it.
        const answered = (w: Write) =>
          (w.final?.status === 201 || (w.final?.status === 409 && w.final.code === 'idempotency_key_committed')) &&
          rows.get(`${table(w.kind)}:${w.marker}`)?.[0] === w.final.id;
        const unanswered = writes.filter((w) => !answered(w)).map((w) => `${w.key}: ${JSON.stringify(w.final ?? 'no final answer before the deadline')}`);
        const keys = await pool.query<{ key: string; status_code: number | null; committed: boolean }>(
          'select key, status_code, committed_at is not null committed from idempotency_keys where starts_with(key, $1)',
          [`crash-${run}-`],
        );
        const stranded = keys.rows.filter((k) => k.status_code === null && !k.committed).map((k) => k.key);
        const committedUnanswered = keys.rows.filter((k) => k.status_code === null && k.committed).length;

        const retries = writes.reduce((n, w) => n + w.attempts - 1, 0);
        console.log(
          [
            `kill -9 under writes: ${writes.length} writes by ${CLIENTS} clients, ${retries} retries, ${kills} kills (requests in flight at each: ${killedInFlight.join(', ')})`,
            `  retried after: ${stats.transportErrors} transport errors, ${stats.serverErrors} 5xx, ${stats.inProgress} 409 in progress`,
            `  final answers: ${writes.filter((w) => w.final?.status === 201).length} 201, ${writes.filter((w) => w.final?.code === 'idempotency_key_committed').length} 409 committed (keys committed with no stored answer: ${committedUnanswered})`,
            `  rows: ${orgs.rows.length} organizations, ${clients.rows.length} clients, ${referrals.rows.length} referrals; lost ${lost.length}, duplicated ${duplicated.length}, stranded keys ${stranded.length}`,
          ].join('\n'),
        );
        const problems = { lost, duplicated, strays, unanswered, stranded };
        if (Object.values(problems).some((p) => p.length)) console.log(`API output:\n${output.slice(-4000)}`);
        expect(problems).toEqual({ lost: [], duplicated: [], strays: [], unanswered: [], stranded: [] });
        expect(keys.rows.length).toBe(writes.length);
        expect(kills).toBe(KILLS);

        // The restarted API answers as before.
        const res = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
        expect(res.status).toBe(200);
      } finally {
        await pool.end();
      }
    },
    120_000,
  );
});
