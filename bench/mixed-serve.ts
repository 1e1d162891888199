import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Fastify, { type FastifyRequest } from 'fastify';
import pg from 'pg';
import { captureQueries } from '../db/src/bulk/referrals';
import { buildApp } from '../services/api/src/app';
import { loadConfig } from '../services/api/src/config';
import { referralsRepo } from '../services/api/src/modules/referrals/repo';
import { notificationsRepo } from '../services/api/src/modules/notifications/repo';
import { directoryGroup } from './directory';
import { registerReferralBaseline } from './referrals';
import type { MixedState } from './mixed';

/**
 * One target of the mixed workload in a process of its own, so its memory (RSS) is its own:
 * `tsx bench/mixed-serve.ts api <database url>` runs the real API as deployed (silent log, no
 * zod re-encoding of responses, no overdue sweep, rate limit out of the way);
 * `tsx bench/mixed-serve.ts baseline <database url> <state.json>` runs the hand-written baseline
 * for the same mix. Prints `{"port":…}` on one line once listening; stops on SIGTERM.
 */
const [target, url, stateFile] = process.argv.slice(2);

/**
 * BENCH_STATEMENTS_FILE (bench/mixed-ops.ts): count the statements this process sends, and write
 * the count to that file on SIGUSR2.
 */
const statementsFile = process.env.BENCH_STATEMENTS_FILE;
if (statementsFile) {
  let statements = 0;
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
    statements++;
    return query.apply(this, a);
  } as typeof pg.Client.prototype.query;
  process.on('SIGUSR2', () => writeFileSync(statementsFile, String(statements)));
}

/** The API's default AUTH_CACHE_SECONDS: the baseline holds a session lookup as long as the API does. */
const SESSION_CACHE_MS = 5_000;
const AUDIT_COLUMNS = '(actor_user_id, actor_org_id, action, entity_type, entity_id, organization_id, request_id, ip)';

/**
 * The baseline of the mix: a bare Fastify, a plain pool, the API's statements or plain ones. It
 * does the work the API must do, with less code in the way: it resolves the session cookie
 * (sha256, the sessions row, kept SESSION_CACHE_MS as the API keeps it; 401 without one), and
 * writes the rows the API writes for each operation (audit rows of every read of PHI, events,
 * outbox, notifications), each operation in one or two statements. `bench/mixed-ops.ts` prints
 * the rows each target adds per operation.
 */
const baseline = (state: MixedState) => {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'tandem-bench-baseline', options: '-c max_parallel_workers_per_gather=0' });
  const app = Fastify({ logger: false });
  const must = () => state;
  const sessions = new Map<string, { at: number; userId: string; orgId: string }>();
  app.decorateRequest('user', null as never);
  app.addHook('onRequest', async (req, reply) => {
    const token = /(?:^|;\s*)tandem_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const id = token ? createHash('sha256').update(token).digest('hex') : '';
    let s = sessions.get(id);
    if (!s || Date.now() - s.at > SESSION_CACHE_MS) {
      const { rows } = await pool.query<{ user_id: string; org_id: string }>({
        name: 'bench_session',
        text: `select s.user_id, (select m.organization_id from memberships m where m.user_id = s.user_id limit 1) as org_id
               from sessions s join users u on u.id = s.user_id where s.id = $1 and s.expires_at > now() and u.active`,
        values: [id],
      });
      if (!rows[0]) return reply.code(401).send({ title: 'unauthenticated' });
      s = { at: Date.now(), userId: rows[0].user_id, orgId: rows[0].org_id };
      sessions.set(id, s);
    }
    (req as unknown as { user: typeof s }).user = s;
  });
  const userOf = (req: FastifyRequest) => (req as unknown as { user: { userId: string; orgId: string } }).user;
  // Inbox, detail, create, send: the referrals group's baseline; search: the directory's.
  registerReferralBaseline(app, pool, must);
  directoryGroup.registerBaseline!(app, pool);

  // Client lookup: the row and the audit row the API writes for it, one statement.
  app.get<{ Params: { id: string } }>('/api/v1/clients/:id', async (req, reply) => {
    const u = userOf(req);
    const { rows } = await pool.query({
      name: 'bench_client',
      text: `with a as (insert into audit_log ${AUDIT_COLUMNS}
               select $2, $3, 'client.read', 'client', $1::uuid::text, $3, $4, $5 where exists (select 1 from clients where id = $1::uuid))
             select * from clients where id = $1::uuid`,
      values: [req.params.id, u.userId, u.orgId, req.id, req.ip],
    });
    if (!rows[0]) return reply.code(404).send({ title: 'Not found' });
    return reply.type('application/json').send(JSON.stringify(rows[0]));
  });

  // Status change: one version-checked UPDATE with its event, outbox row and audit row.
  app.post<{ Params: { id: string }; Body: { to: string; version: number } }>('/api/v1/referrals/:id/transitions', async (req, reply) => {
    const u = userOf(req);
    const { rows } = await pool.query({
      name: 'bench_transition',
      text: `with r as (
               update referrals set status = $3, status_changed_at = now(), version = version + 1, updated_at = now()
               where id = $1 and version = $2 and receiving_org_id = $5 returning *
             ), e as (insert into referral_events (referral_id, kind, actor_user_id, actor_org_id, to_status) select id, 'status_changed', $4, $5, $3 from r),
             o as (insert into outbox (event, organization_ids, payload) select 'referral.status_changed', array[sending_org_id, receiving_org_id], json_build_object('referralId', id, 'status', status) from r),
             a as (insert into audit_log ${AUDIT_COLUMNS} select $4, $5, 'referral.transition', 'referral', id::text, $5, $6, $7 from r)
             select * from r`,
      values: [req.params.id, req.body.version, req.body.to, u.userId, u.orgId, req.id, req.ip],
    });
    if (!rows[0]) return reply.code(409).send({ title: 'stale_version' });
    return reply.type('application/json').send(JSON.stringify(rows[0]));
  });

  // Messages: the API's page statement (captured once, the id swapped in) and its audit row, on
  // two connections at once; a post is one INSERT with the audit row, after checking the referral is the caller's.
  let messagesSql: Promise<{ text: string; values: unknown[] }> | undefined;
  app.get<{ Params: { id: string } }>('/api/v1/referrals/:id/messages', async (req, reply) => {
    const u = userOf(req);
    const sample = state.detailIds[0]!;
    messagesSql ??= captureQueries(pool, (db) => referralsRepo.messages(db, sample, 25)).then((q) => q.at(-1)!);
    const q = await messagesSql;
    const [{ rows }] = await Promise.all([
      pool.query({ text: q.text, values: q.values.map((v) => (v === sample ? req.params.id : v)), rowMode: 'array' }),
      pool.query({
        name: 'bench_messages_audit',
        text: `insert into audit_log ${AUDIT_COLUMNS} select $1, $2, 'referral.messages.read', 'referral', id::text, $2, $4, $5 from referrals where id = $3 and (sending_org_id = $2 or receiving_org_id = $2)`,
        values: [u.userId, u.orgId, req.params.id, req.id, req.ip],
      }),
    ]);
    return reply.type('application/json').send(JSON.stringify({ data: rows.slice(0, 25), nextCursor: rows.length > 25 ? 'more' : null }));
  });
  app.post<{ Params: { id: string }; Body: { body: string } }>('/api/v1/referrals/:id/messages', async (req, reply) => {
    const u = userOf(req);
    const { rows } = await pool.query({
      name: 'bench_message',
      text: `with r as (select id from referrals where id = $1 and (sending_org_id = $3 or receiving_org_id = $3)),
             m as (insert into referral_messages (referral_id, author_user_id, author_org_id, body) select id, $2, $3, $4 from r returning *),
             a as (insert into audit_log ${AUDIT_COLUMNS} select $2, $3, 'referral.message', 'referral', id::text, $3, $5, $6 from r)
             select * from m`,
      values: [req.params.id, u.userId, u.orgId, req.body.body, req.id, req.ip],
    });
    if (!rows[0]) return reply.code(404).send({ title: 'Not found' });
    return reply.type('application/json').send(JSON.stringify(rows[0]));
  });

  // Notifications: the API's page statement.
  let notificationsSql: Promise<{ text: string; values: unknown[] }> | undefined;
  app.get('/api/v1/notifications', async (_req, reply) => {
    notificationsSql ??= captureQueries(pool, (db) => notificationsRepo.page(db, state.staff.id, 25)).then((q) => q.at(-1)!);
    const q = await notificationsSql;
    const { rows } = await pool.query({ text: q.text, values: q.values, rowMode: 'array' });
    return reply.type('application/json').send(JSON.stringify({ data: rows.slice(0, 25), nextCursor: rows.length > 25 ? 'more' : null }));
  });
  app.addHook('onClose', async () => pool.end());
  return app;
};

const main = async () => {
  if (!url || (target !== 'api' && target !== 'baseline')) throw new Error('usage: mixed-serve.ts api|baseline <database url> [state.json]');
  const app =
    target === 'api'
      ? await buildApp(loadConfig(url, { ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '100000000', OVERDUE_SWEEP_SECONDS: '0', RESPONSE_CHECK: 'false' }))
      : baseline(JSON.parse(readFileSync(stateFile!, 'utf8')) as MixedState);
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`);
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
