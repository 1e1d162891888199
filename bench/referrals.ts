import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { captureQueries, generateReferrals, OPEN_REFERRAL_STATUSES, REFERRAL_NEEDS } from '../db/src/bulk/referrals';
import { encodeCursor } from '../services/api/src/lib/pagination';
import { firstDifference } from '../services/api/src/lib/serializer';
import { referralsRepo } from '../services/api/src/modules/referrals/repo';
import { directoryGroup } from './directory';
import { runJson } from './load';
import type { LoadJob, LoadReport } from './referrals-load';
import type { BenchContext, LoadResult, Scenario, ScenarioGroup, TargetName } from './types';

export const REFERRALS_SIZE = { clients: 100_000, freshClients: 20_000, referrals: 1_000_000 };
/** Share of referrals received by the bench's receiving organization (a busy CBO inbox). */
const HUB_SHARE = 0.05;
const TRANSITION_ITEMS = 2_000;
const DETAIL_IDS = 5_000;
const INBOX = '/api/v1/referrals?box=received&limit=25';

/** What prepare finds or makes, read by the scenarios and the baseline when they run. */
interface State {
  sendingOrgId: string;
  receivingOrgId: string;
  serviceId: string | null;
  chw: { id: string; name: string; email: string };
  staff: { id: string };
  /** Clients of the sending org with no open referral: the load creates referrals for them. */
  freshClientIds: string[];
  /** Two more, for the one-off check of each target. */
  checkClientIds: string[];
  detailIds: string[];
  transitionItems: { id: string; version: number; status: string }[];
}
let state: State | undefined;
const must = () => {
  if (!state) throw new Error('referrals: prepare has not run');
  return state;
};
const chwHeaders: Record<string, string> = {};
const staffHeaders: Record<string, string> = {};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A user with a membership and a fresh session, written as modules/auth does (session id = sha256(token)). */
export const signedInUser = async (pool: pg.Pool, email: string, name: string, orgId: string) => {
  await pool.query(`insert into users (email, name) values ($1, $2) on conflict do nothing`, [email, name]);
  const { rows } = await pool.query<{ id: string }>('select id from users where lower(email) = lower($1)', [email]);
  const userId = rows[0]!.id;
  await pool.query(`insert into memberships (user_id, organization_id, role) values ($1, $2, 'staff') on conflict do nothing`, [userId, orgId]);
  const token = randomBytes(32).toString('base64url');
  await pool.query(`insert into sessions (id, user_id, expires_at, user_agent) values ($1, $2, now() + interval '1 day', 'tandem-bench')`, [sha256(token), userId]);
  return { id: userId, name, email, cookie: `tandem_session=${token}` };
};

/** The hub organizations, found the same way on every run (the directory is deterministic). */
export const hubsOf = async (pool: pg.Pool) => {
  const s = await pool.query<{ id: string }>(`select id from organizations where type = 'clinic' order by id limit 1`);
  const r = await pool.query<{ id: string }>(
    `select organization_id as id from services where status = 'active' and organization_id <> $1 group by organization_id order by count(*) desc, organization_id limit 1`,
    [s.rows[0]!.id],
  );
  return { sendingOrgId: s.rows[0]!.id, receivingOrgId: r.rows[0]!.id };
};

const prepare = async (ctx: BenchContext) => {
  const { pool, log } = ctx;
  // Referrals go between the directory's organizations: make sure it is there (reused if so).
  await directoryGroup.prepare(ctx);
  const hubs = await hubsOf(pool);
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from referrals');
  const have = rows[0]?.n ?? 0;
  if (have >= REFERRALS_SIZE.referrals) log(`referrals: reusing ${have} referrals already in the database`);
  else if (have > 0) throw new Error(`The bench database holds ${have} referrals, fewer than ${REFERRALS_SIZE.referrals}: point BENCH_DATABASE_URL at an empty database.`);
  else {
    const started = Date.now();
    const client = await pool.connect();
    try {
      await client.query('begin');
      const counts = await generateReferrals(client, REFERRALS_SIZE, { ...hubs, share: HUB_SHARE });
      await client.query('commit');
      log(`referrals: generated ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
    const t = Date.now();
    await pool.query('vacuum analyze clients, consents, referrals, referral_events');
    log(`referrals: vacuum analyze in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }

  const chw = await signedInUser(pool, 'bench-chw@tandem.bench', 'Bench CHW', hubs.sendingOrgId);
  const staff = await signedInUser(pool, 'bench-staff@tandem.bench', 'Bench CBO Staff', hubs.receivingOrgId);
  chwHeaders.cookie = chw.cookie;
  staffHeaders.cookie = staff.cookie;

  const open = OPEN_REFERRAL_STATUSES.map((s) => `'${s}'`).join(', ');
  const svc = await pool.query<{ id: string }>(`select id from services where organization_id = $1 and status = 'active' order by id limit 1`, [hubs.receivingOrgId]);
  const fresh = await pool.query<{ id: string }>(
    `select c.id from clients c join consents k on k.client_id = c.id and k.scope = 'network' and k.revoked_at is null and k.expires_at > now()
     where c.created_by_org_id = $1 and not exists (select 1 from referrals r where r.client_id = c.id and r.status in (${open}))
     order by c.created_at desc, c.id limit $2`,
    [hubs.sendingOrgId, REFERRALS_SIZE.freshClients],
  );
  const items = await pool.query<{ id: string; version: number; status: string }>(
    `select id, version, status from referrals where receiving_org_id = $1 and status in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold') order by id limit $2`,
    [hubs.receivingOrgId, TRANSITION_ITEMS],
  );
  const detail = await pool.query<{ id: string }>(
    `select id from referrals where receiving_org_id = $1 and status <> 'draft' order by id desc limit $2`,
    [hubs.receivingOrgId, DETAIL_IDS],
  );
  // A reused database (BENCH_DATABASE_URL) loses fresh clients to every earlier run: top them up.
  const missing = REFERRALS_SIZE.freshClients - fresh.rows.length;
  if (missing > 0) {
    const added = await pool.query<{ id: string }>(
      `with c as (
         insert into clients (given_name, family_name, date_of_birth, phones, email, preferred_language, preferred_contact_method, created_by_org_id)
         select 'Bench', 'Client ' || g, date '1980-01-01' + (g % 9000), array['(323) 555-' || lpad((g % 10000)::text, 4, '0')], null, 'es', 'phone', $1
         from generate_series(1, $2::int) g returning id
       ), k as (
         insert into consents (client_id, scope, method, language, signed_at, expires_at, recorded_by_org_id)
         select id, 'network', 'electronic', 'es', now() - interval '1 day', now() + interval '1 year', $1 from c
       ) select id from c`,
      [hubs.sendingOrgId, missing],
    );
    fresh.rows.unshift(...added.rows);
    log(`referrals: added ${added.rows.length} fresh clients with consents (the reused database had run out)`);
  }
  const freshIds = fresh.rows.map((r) => r.id);
  state = {
    ...hubs,
    serviceId: svc.rows[0]?.id ?? null,
    chw: { id: chw.id, name: chw.name, email: chw.email },
    staff: { id: staff.id },
    freshClientIds: freshIds.slice(2),
    checkClientIds: freshIds.slice(0, 2),
    detailIds: detail.rows.map((r) => r.id).filter((id) => !items.rows.some((i) => i.id === id)),
    transitionItems: items.rows,
  };
  log(`referrals: ${freshIds.length} clients without open referrals for create+send, ${state.detailIds.length} detail ids, ${items.rows.length} open referrals to move`);
};

// ---- The load script (child process) ------------------------------------------------------------

const TSX = path.resolve(__dirname, '../node_modules/.bin/tsx');
const LOAD_SCRIPT = path.resolve(__dirname, 'referrals-load.ts');

const runScript = async (scenario: Scenario, target: TargetName, job: LoadJob, unit: string): Promise<LoadResult> => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-')), 'job.json');
  writeFileSync(file, JSON.stringify(job));
  const r = await runJson<LoadReport>(TSX, [LOAD_SCRIPT, file], 'load script');
  const notes = [`${r.completed} ${unit} in ${job.durationSec} s (${r.requests} HTTP requests)`];
  if (job.mode === 'transition') notes.push(`${r.conflicts} version conflicts (409, counted apart from errors)`);
  if (r.firstError) notes.push(`first error: ${r.firstError}`);
  return { scenario, target, requestsPerSec: r.perSec, p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.errors, requests: r.completed, note: notes.join('; ') };
};

const createSend: Scenario = {
  group: 'referrals',
  name: 'create+send pairs',
  path: '/api/v1/referrals',
  connections: 20,
  run: (baseUrl, target, opts) => {
    const s = must();
    // Each target gets its own half of the clients, so a client never gets the same need twice.
    const half = Math.floor(s.freshClientIds.length / 2);
    const clientIds = target === 'api' ? s.freshClientIds.slice(0, half) : s.freshClientIds.slice(half);
    const job: LoadJob = { mode: 'pair', baseUrl, ...opts, headers: chwHeaders, pair: { clientIds, receivingOrgId: s.receivingOrgId, serviceId: s.serviceId, needs: [...REFERRAL_NEEDS] } };
    return runScript(createSend, target, job, 'create+send pairs');
  },
  check: async (apiUrl, baseUrl) => {
    const s = must();
    const pair = async (url: string, clientId: string) => {
      const body = { clientId, receivingOrganizationId: s.receivingOrgId, receivingServiceId: s.serviceId ?? undefined, needs: ['food-insecurity'], reason: 'Bench check', senderContactPhone: '(323) 555-0199' };
      const post = (p: string, b: unknown) => fetch(`${url}${p}`, { method: 'POST', headers: { ...chwHeaders, 'content-type': 'application/json' }, body: JSON.stringify(b) });
      const c = await post('/api/v1/referrals', body);
      if (c.status !== 201 && c.status !== 200) throw new Error(`create answered ${c.status} at ${url}: ${(await c.text()).slice(0, 300)}`);
      const d = (await c.json()) as { id: string; version: number };
      const r = await post(`/api/v1/referrals/${d.id}/send`, { version: d.version });
      if (!r.ok) throw new Error(`send answered ${r.status} at ${url}: ${(await r.text()).slice(0, 300)}`);
      return ((await r.json()) as { status: string }).status;
    };
    return `API → ${await pair(apiUrl, s.checkClientIds[0]!)}, baseline → ${await pair(baseUrl, s.checkClientIds[1]!)}`;
  },
};

const inbox: Scenario = { group: 'referrals', name: 'inbox received', path: INBOX, headers: staffHeaders, connections: 50 };

const detail: Scenario = {
  group: 'referrals',
  name: 'referral detail',
  path: '/api/v1/referrals/{id}',
  connections: 50,
  run: (baseUrl, target, opts) => runScript(detail, target, { mode: 'get', baseUrl, ...opts, headers: staffHeaders, paths: must().detailIds.map((id) => `/api/v1/referrals/${id}`) }, 'details'),
  check: async (apiUrl, baseUrl) => {
    const id = must().detailIds[0]!;
    const get = async (url: string) => {
      const res = await fetch(`${url}/api/v1/referrals/${id}`, { headers: staffHeaders });
      if (!res.ok) throw new Error(`detail answered ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
      return ((await res.json()) as { id: string }).id;
    };
    const [a, b] = [await get(apiUrl), await get(baseUrl)];
    return a === b && a === id ? 'both return the referral' : `DIFFERS (${a} / ${b})`;
  },
};

const transitions: Scenario = {
  group: 'referrals',
  name: 'status change',
  path: '/api/v1/referrals/{id}/transitions',
  connections: 20,
  targets: ['api'],
  run: (baseUrl, target, opts) => runScript(transitions, target, { mode: 'transition', baseUrl, ...opts, headers: staffHeaders, items: must().transitionItems.map((i) => ({ ...i })) }, 'transitions'),
};

const FLOOR = '/floor/inbox';
/**
 * The inbox page at the least work it can cost here, to read the API's figure against: the same page,
 * byte for byte once parsed (checked against the API before loading), with its JSON built by
 * PostgreSQL and passed through as text, and its audit row; no session lookup, no validation, no
 * row mapping in Node. Baseline only.
 */
const inboxFloor: Scenario = {
  group: 'referrals',
  name: 'inbox floor',
  path: FLOOR,
  connections: 50,
  targets: ['baseline'],
  check: async (apiUrl, baseUrl) => {
    const get = async (url: string) => {
      const res = await fetch(url, { headers: staffHeaders });
      if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return res.json() as Promise<unknown>;
    };
    const diff = firstDifference(await get(`${apiUrl}${INBOX}`), await get(`${baseUrl}${FLOOR}`));
    for (let i = 0; i < 20; i++) await get(`${baseUrl}${FLOOR}`);
    return diff ? `DIFFERS from the API's page at ${diff}` : "the same page as the API's";
  },
};

export const referralScenarios: Scenario[] = [createSend, inbox, inboxFloor, detail, transitions];

// ---- Baseline ------------------------------------------------------------------------------------

/** What the referral baseline routes need to know of the bench's data. */
export type ReferralBaselineState = Pick<State, 'sendingOrgId' | 'receivingOrgId' | 'chw' | 'staff' | 'detailIds'>;

/**
 * The referral routes of the hand-written baseline (inbox, inbox floor, detail, create, send),
 * reading the bench's data from `must`: the referrals group's, or another group's (mixed).
 */
export const registerReferralBaseline = (app: FastifyInstance, pool: pg.Pool, must: () => ReferralBaselineState) => {
  let inboxSql: Promise<{ text: string; values: unknown[] }[]> | undefined;
  let itemSql: Promise<{ text: string; values: unknown[]; sample: string }> | undefined;
  const asJson = (rows: unknown[][]) => rows.map((r) => ({ id: r[0], row: r }));

  // The audit row of a read of PHI, as the API writes it (lib/audit.ts).
  const audit = (req: FastifyRequest, userId: string, orgId: string, action: string, entityType: string, entityId: string | null) =>
    pool.query({
      name: 'bench_audit',
      text: `insert into audit_log (actor_user_id, actor_org_id, action, entity_type, entity_id, organization_id, request_id, ip) values ($1, $2, $3, $4, $5, $2, $6, $7)`,
      values: [userId, orgId, action, entityType, entityId, req.id, req.ip],
    });

  // Same inbox page statements as the API (referralsRepo.page: pick the page's ids, then widen
  // them), rows as arrays; the list's audit row at the same time, as the API writes it.
  app.get('/api/v1/referrals', async (req, reply) => {
    const s = must();
    inboxSql ??= captureQueries(pool, (db) => referralsRepo.page(db, { box: 'received', orgIds: [s.receivingOrgId], limit: 25 }, { kind: 'user', id: s.staff.id }));
    const [pick, widen] = await inboxSql;
    const page = (async () => {
      const ids = (await pool.query<unknown[]>({ text: pick!.text, values: pick!.values, rowMode: 'array' })).rows.map((r) => r[0]);
      const values = widen!.values.map((v) => (Array.isArray(v) ? ids : v));
      return pool.query<unknown[]>({ text: widen!.text, values, rowMode: 'array' });
    })();
    const [{ rows }] = await Promise.all([page, audit(req, s.staff.id, s.receivingOrgId, 'referral.list', 'referral', null)]);
    return reply.type('application/json').send(JSON.stringify({ data: asJson(rows.slice(0, 25)), nextCursor: rows.length > 25 ? 'more' : null }));
  });

  // The inbox floor (see inboxFloor): the page's ids as the API picks them, then one named
  // statement that writes the page's JSON, then the audit row the API writes for a list read.
  const iso = (c: string) => `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const late = (due: string, done: string) => `(r.${due} is not null and coalesce(r.${done}, r.closed_at, now()) > r.${due})`;
  const floorJson = `select coalesce(json_agg(json_build_object(
      'id', r.id, 'clientId', r.client_id, 'sendingOrganizationId', r.sending_org_id, 'sendingUserId', r.sending_user_id,
      'receivingOrganizationId', r.receiving_org_id, 'receivingServiceId', r.receiving_service_id, 'receivingContactId', r.receiving_contact_id,
      'assigneeId', r.assignee_user_id, 'consentId', r.consent_id, 'needs', r.needs, 'reason', r.reason, 'urgency', r.urgency, 'status', r.status,
      'statusReason', r.status_reason, 'statusNote', r.status_note, 'outcome', null, 'senderContactName', r.sender_contact_name,
      'senderContactPhone', r.sender_contact_phone, 'senderContactEmail', r.sender_contact_email,
      'sentAt', ${iso('r.sent_at')}, 'acknowledgedAt', ${iso('r.acknowledged_at')}, 'firstContactAt', ${iso('r.first_contact_at')}, 'closedAt', ${iso('r.closed_at')},
      'acknowledgeBy', ${iso('r.acknowledge_due_at')}, 'firstContactBy', ${iso('r.first_contact_due_at')}, 'forwardedFromId', r.forwarded_from_id,
      'version', r.version, 'createdAt', ${iso('r.created_at')}, 'updatedAt', ${iso('r.updated_at')},
      'clientName', (select c.given_name || ' ' || c.family_name from clients c where c.id = r.client_id),
      'sendingOrganizationName', (select o.name from organizations o where o.id = r.sending_org_id),
      'receivingOrganizationName', (select o.name from organizations o where o.id = r.receiving_org_id),
      'receivingServiceName', (select v.name from services v where v.id = r.receiving_service_id),
      'assigneeName', (select u.name from users u where u.id = r.assignee_user_id),
      'overdue', json_build_object('acknowledge', ${late('acknowledge_due_at', 'acknowledged_at')}, 'firstContact', ${late('first_contact_due_at', 'first_contact_at')}),
      'unreadMessages', (select count(*)::int from referral_messages m where m.referral_id = r.id and m.author_user_id is distinct from $1::uuid
        and m.created_at > coalesce((select d.last_read_at from referral_reads d where d.referral_id = r.id and d.user_id = $1::uuid), '-infinity'))
    ) order by r.created_at desc, r.id desc), '[]')::text as data
    from referrals r where r.id = any($2::uuid[])`;
  app.get(FLOOR, async (req, reply) => {
    const s = must();
    const { rows: page } = await pool.query<[string, string]>({
      text: `select id, created_at::text as cursor_at from referrals where receiving_org_id = $1 and status <> 'draft' order by created_at desc, id desc limit 26`,
      values: [s.receivingOrgId],
      rowMode: 'array',
    });
    const shown = page.slice(0, 25);
    const { rows } = await pool.query<{ data: string }>({ name: 'bench_floor_inbox', text: floorJson, values: [s.staff.id, shown.map((r) => r[0])] });
    await pool.query({
      name: 'bench_floor_audit',
      text: `insert into audit_log (actor_user_id, actor_org_id, action, entity_type, organization_id, request_id, ip) values ($1, $2, 'referral.list', 'referral', $2, $3, $4)`,
      values: [s.staff.id, s.receivingOrgId, req.id, req.ip],
    });
    const last = shown.at(-1);
    const next = page.length > 25 && last ? JSON.stringify(encodeCursor([last[1], last[0]])) : 'null';
    return reply.type('application/json').send(`{"data":${rows[0]!.data},"nextCursor":${next}}`);
  });

  // Same detail row statement as the API (referralsRepo.detail: row, names, client, consent), with the id swapped in.
  app.get<{ Params: { id: string } }>('/api/v1/referrals/:id', async (req, reply) => {
    const s = must();
    itemSql ??= (async () => {
      const sample = s.detailIds[0]!;
      return { ...(await captureQueries(pool, (db) => referralsRepo.detail(db, sample, { kind: 'user', id: s.staff.id }))).at(-1)!, sample };
    })();
    const q = await itemSql;
    const values = q.values.map((v) => (v === q.sample ? req.params.id : v));
    const { rows } = await pool.query<unknown[]>({ text: q.text, values, rowMode: 'array' });
    if (!rows[0]) return reply.code(404).send({ title: 'Not found' });
    // What the API records of a read (service.ts readRecords): the view (once per window) and
    // the audit rows of the referral and of its client, one statement.
    await pool.query({
      name: 'bench_detail_records',
      text: `with v as (insert into referral_views (referral_id, user_id, org_id) select $1::uuid, $2::uuid, $3::uuid
               where not exists (select 1 from referral_views v where v.referral_id = $1::uuid and v.user_id = $2::uuid and v.org_id = $3::uuid and v.at > now() - interval '15 minutes')),
             a as (insert into audit_log (actor_user_id, actor_org_id, action, entity_type, entity_id, organization_id, request_id, ip)
               select $2::uuid, $3::uuid, 'referral.read', 'referral', $1::uuid::text, $3::uuid, $4::text, $5::inet
               union all select $2::uuid, $3::uuid, 'client.read', 'client', client_id::text, $3::uuid, $4::text, $5::inet from referrals where id = $1::uuid and client_id is not null)
             select 1`,
      values: [req.params.id, s.staff.id, s.receivingOrgId, req.id, req.ip],
    });
    return reply.type('application/json').send(JSON.stringify(asJson(rows)[0]));
  });

  // create: one plain INSERT of the draft and its 'created' event (one round trip).
  app.post<{ Body: { clientId: string; receivingOrganizationId: string; receivingServiceId?: string; needs: string[]; reason: string; senderContactPhone: string } }>(
    '/api/v1/referrals',
    async (req, reply) => {
      const s = must();
      const b = req.body;
      const { rows } = await pool.query(
        `with r as (
           insert into referrals (client_id, sending_org_id, sending_user_id, sender_contact_name, sender_contact_email, sender_contact_phone, receiving_org_id, receiving_service_id, needs, reason, status)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft') returning *
         ), e as (insert into referral_events (referral_id, kind, actor_user_id, actor_org_id, to_status) select id, 'created', $3, $2, 'draft' from r),
         a as (insert into audit_log (actor_user_id, actor_org_id, action, entity_type, entity_id, organization_id, request_id, ip) select $3, $2, 'referral.create', 'referral', id::text, $2, $11, $12 from r)
         select * from r`,
        [b.clientId, s.sendingOrgId, s.chw.id, s.chw.name, s.chw.email, b.senderContactPhone, b.receivingOrganizationId, b.receivingServiceId ?? null, b.needs, b.reason, req.id, req.ip],
      );
      return reply.code(201).type('application/json').send(JSON.stringify(rows[0]));
    },
  );

  // send: one version-checked UPDATE and its 'status_changed' event.
  app.post<{ Params: { id: string }; Body: { version: number } }>('/api/v1/referrals/:id/send', async (req, reply) => {
    const s = must();
    const { rows } = await pool.query(
      `with r as (
         update referrals set status = 'sent', sent_at = now(), status_changed_at = now(), acknowledge_due_at = now() + interval '72 hours',
           first_contact_due_at = now() + interval '7 days', version = version + 1, updated_at = now()
         where id = $1 and version = $2 and status = 'draft' returning *
       ), e as (insert into referral_events (referral_id, kind, actor_user_id, actor_org_id, from_status, to_status) select id, 'status_changed', $3, sending_org_id, 'draft', 'sent' from r),
       o as (insert into outbox (event, organization_ids, payload) select 'referral.status_changed', array[sending_org_id, receiving_org_id], json_build_object('referralId', id, 'from', 'draft', 'to', 'sent') from r),
       n as (insert into notifications (user_id, kind, referral_id, title) select distinct m.user_id, 'referral.received', r.id, 'New referral' from r join memberships m on m.organization_id = r.receiving_org_id where m.user_id <> $3),
       a as (insert into audit_log (actor_user_id, actor_org_id, action, entity_type, entity_id, organization_id, request_id, ip) select $3, sending_org_id, 'referral.transition', 'referral', id::text, sending_org_id, $4, $5 from r)
       select * from r`,
      [req.params.id, req.body.version, s.chw.id, req.id, req.ip],
    );
    if (!rows[0]) return reply.code(409).send({ title: 'stale_version' });
    return reply.type('application/json').send(JSON.stringify(rows[0]));
  });
};

export const referralsGroup: ScenarioGroup = {
  name: 'referrals',
  prepare,
  scenarios: referralScenarios,
  registerBaseline: (app, pool) => registerReferralBaseline(app, pool, must),
};
