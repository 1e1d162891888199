import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { captureQueries } from '../db/src/bulk/referrals';
import { buildApp } from '../services/api/src/app';
import { loadConfig } from '../services/api/src/config';
import { referralsRepo } from '../services/api/src/modules/referrals/repo';
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

/** The baseline of the mix: a bare Fastify, a plain pool, the API's statements or plain ones. */
const baseline = (state: MixedState) => {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'tandem-bench-baseline', options: '-c max_parallel_workers_per_gather=0' });
  const app = Fastify({ logger: false });
  const must = () => state;
  // Inbox, detail, create, send: the referrals group's baseline; search: the directory's.
  registerReferralBaseline(app, pool, must);
  directoryGroup.registerBaseline!(app, pool);

  // Client lookup: the row and the audit row the API writes for it, one statement.
  app.get<{ Params: { id: string } }>('/api/v1/clients/:id', async (req, reply) => {
    const { rows } = await pool.query({
      name: 'bench_client',
      text: `with a as (insert into audit_log (actor_user_id, actor_org_id, action, entity_type, entity_id, organization_id, request_id, ip)
               values ($2, $3, 'client.read', 'client', $1::uuid::text, $3, $4, $5))
             select * from clients where id = $1::uuid`,
      values: [req.params.id, state.chw.id, state.sendingOrgId, req.id, req.ip],
    });
    if (!rows[0]) return reply.code(404).send({ title: 'Not found' });
    return reply.type('application/json').send(JSON.stringify(rows[0]));
  });

  // Status change: one version-checked UPDATE and its event.
  app.post<{ Params: { id: string }; Body: { to: string; version: number } }>('/api/v1/referrals/:id/transitions', async (req, reply) => {
    const { rows } = await pool.query({
      name: 'bench_transition',
      text: `with r as (
               update referrals set status = $3, status_changed_at = now(), version = version + 1, updated_at = now()
               where id = $1 and version = $2 returning *
             ), e as (insert into referral_events (referral_id, kind, actor_user_id, actor_org_id, to_status) select id, 'status_changed', $4, receiving_org_id, $3 from r)
             select * from r`,
      values: [req.params.id, req.body.version, req.body.to, state.staff.id],
    });
    if (!rows[0]) return reply.code(409).send({ title: 'stale_version' });
    return reply.type('application/json').send(JSON.stringify(rows[0]));
  });

  // Messages: the API's page statement (captured once, the id swapped in); a post is one INSERT.
  let messagesSql: Promise<{ text: string; values: unknown[] }> | undefined;
  app.get<{ Params: { id: string } }>('/api/v1/referrals/:id/messages', async (req, reply) => {
    const sample = state.detailIds[0]!;
    messagesSql ??= captureQueries(pool, (db) => referralsRepo.messages(db, sample, 25)).then((q) => q.at(-1)!);
    const q = await messagesSql;
    const { rows } = await pool.query({ text: q.text, values: q.values.map((v) => (v === sample ? req.params.id : v)), rowMode: 'array' });
    return reply.type('application/json').send(JSON.stringify({ data: rows.slice(0, 25), nextCursor: rows.length > 25 ? 'more' : null }));
  });
  app.post<{ Params: { id: string }; Body: { body: string } }>('/api/v1/referrals/:id/messages', async (req, reply) => {
    const { rows } = await pool.query({
      name: 'bench_message',
      text: `insert into referral_messages (referral_id, author_user_id, author_org_id, body) values ($1, $2, $3, $4) returning *`,
      values: [req.params.id, state.staff.id, state.receivingOrgId, req.body.body],
    });
    return reply.type('application/json').send(JSON.stringify(rows[0]));
  });

  // Notifications: the API's page statement.
  let notificationsSql: Promise<{ text: string; values: unknown[] }> | undefined;
  app.get('/api/v1/notifications', async (_req, reply) => {
    notificationsSql ??= captureQueries(pool, (db) => referralsRepo.notifications(db, state.staff.id, 25)).then((q) => q.at(-1)!);
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
