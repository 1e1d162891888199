import { Logger, parseCronItems, run, type Runner, type TaskList } from 'graphile-worker';
import { createDb, createPool } from '@tandem/db';
import { sweepOverdueRecommendations } from '@tandem/api/src/modules/boards';
import { notifier } from '@tandem/api/src/modules/notifications';
import { sweepOverdueReferrals } from '@tandem/api/src/modules/referrals';
import { deliverStream, fanOutOutbox, resumeStreams } from '@tandem/api/src/modules/webhooks/delivery';
import { createMailTransport, emailOutbox, sendQueuedEmail } from '@tandem/api/src/modules/email';
import { PRUNE_RATE_LIMIT_WINDOWS } from '@tandem/api/src/lib/rate-limit-store';
import { loadWorkerConfig, type WorkerConfig } from './config';

/**
 * Tandem's background work on graphile-worker (docs/decisions/0014-job-queue.md): any number of
 * these processes may run against one database; jobs are rows claimed with SKIP LOCKED, woken by
 * LISTEN/NOTIFY, and cron runs once per minute across all of them.
 * - outbox.fanout: queued by the outbox trigger in the transaction of the change (migration
 *   outbox_jobs); hands new outbox rows to webhook deliveries.
 * - webhooks.deliver: one subscription × referral stream (modules/webhooks/delivery.ts).
 * - webhooks.resume (at start and every 5 minutes): fan out what was written while no worker ran,
 *   and re-queue streams whose job was lost with a killed worker (its stream lock died with it).
 * - referrals.sweep-overdue (each minute): the overdue notifications and `referral.overdue` events,
 *   and the board recommendations' overdue responses (`board.recommendation_overdue` to coordinators).
 * - worker.heartbeat (each minute): when a worker last ran, which /readyz reports.
 * - rate-limit.prune (hourly): request counters idle for an hour (RATE_LIMIT_STORE=postgres).
 * - send-email: one outgoing_emails row (modules/email/send.ts), queued by its insert trigger
 *   (migration email_jobs); only when SMTP_URL is set. Unsent messages are re-queued at start.
 */
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export const startWorker = async (config: WorkerConfig) => {
  const pool = createPool(config.databaseUrl, { max: config.concurrency + 3, onError: () => undefined });
  const db = createDb(pool);
  const min = config.logLevel === 'silent' ? Infinity : LEVELS.indexOf(config.logLevel);
  // Codes and messages only: job payloads are ids, and nothing here logs a body.
  const logger = new Logger((scope) => (level, message) => {
    if (LEVELS.indexOf(level === 'warning' ? 'warn' : level) >= min) console.error(`[worker${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ''}] ${level}: ${message}`);
  });
  const taskList: TaskList = {
    'outbox.fanout': async () => {
      await fanOutOutbox(db);
    },
    'webhooks.deliver': async (payload) => {
      const p = payload as { subscriptionId: string; referralId: string | null };
      await deliverStream(pool, p.subscriptionId, p.referralId, config.delivery);
    },
    'webhooks.resume': async () => {
      await fanOutOutbox(db);
      await resumeStreams(db);
    },
    'referrals.sweep-overdue': async (_payload, helpers) => {
      const r = await sweepOverdueReferrals(db, notifier);
      if (r.notifications) helpers.logger.info(`overdue: ${r.referrals} referrals, ${r.notifications} notifications`);
      // Board recommendations whose response is overdue: their coordinators are told once.
      const b = await sweepOverdueRecommendations(db, notifier);
      if (b.notifications) helpers.logger.info(`overdue: ${b.recommendations} board recommendations, ${b.notifications} notifications`);
    },
    'worker.heartbeat': async () => {
      await pool.query(`INSERT INTO worker_heartbeats (name, seen_at) VALUES ('worker', now()) ON CONFLICT (name) DO UPDATE SET seen_at = now()`);
    },
    'rate-limit.prune': async () => {
      await pool.query(PRUNE_RATE_LIMIT_WINDOWS);
    },
  };
  const transport = config.email ? createMailTransport(config.email.smtpUrl) : undefined;
  if (config.email && transport) {
    const email = config.email;
    taskList['send-email'] = async (payload, helpers) => {
      const r = await sendQueuedEmail(db, transport, email, (payload as { id: string }).id);
      if (r !== 'sent') helpers.logger.info(`email ${r}`);
    };
  } else {
    // A fixed configuration message (no address, no content), through the worker's one logger.
    logger.warn('SMTP_URL is not set: outgoing messages stay queued for a worker that has one');
  }
  const runner: Runner = await run({
    pgPool: pool,
    taskList,
    concurrency: config.concurrency,
    noHandleSignals: true,
    pollInterval: 5_000,
    logger,
    parsedCronItems: parseCronItems([
      { task: 'referrals.sweep-overdue', match: '* * * * *', options: { backfillPeriod: 0, maxAttempts: 1, jobKey: 'referrals.sweep-overdue' } },
      { task: 'webhooks.resume', match: '*/5 * * * *', options: { backfillPeriod: 0, maxAttempts: 1, jobKey: 'webhooks.resume' } },
      { task: 'worker.heartbeat', match: '* * * * *', options: { backfillPeriod: 0, maxAttempts: 1, jobKey: 'worker.heartbeat' } },
      { task: 'rate-limit.prune', match: '17 * * * *', options: { backfillPeriod: 0, maxAttempts: 1, jobKey: 'rate-limit.prune' } },
    ]),
  });
  await runner.addJob('webhooks.resume', {}, { jobKey: 'webhooks.resume', maxAttempts: 3 });
  await runner.addJob('referrals.sweep-overdue', {}, { jobKey: 'referrals.sweep-overdue', maxAttempts: 1 });
  await runner.addJob('worker.heartbeat', {}, { jobKey: 'worker.heartbeat', maxAttempts: 1 });
  if (transport) {
    // Written while no worker had installed the queue (the trigger had nothing to queue into), or whose job failed for good.
    for (const { id } of await emailOutbox.unsent(db)) await runner.addJob('send-email', { id }, { jobKey: `email:${id}`, maxAttempts: 10 });
  }
  let stopped = false;
  return {
    runner,
    async stop() {
      if (stopped) return;
      stopped = true;
      await runner.stop();
      transport?.close();
      await pool.end();
    },
  };
};

if (require.main === module) {
  const config = loadWorkerConfig();
  startWorker(config).then(
    (w) => {
      const stop = () => void w.stop().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      console.error('[worker] started');
    },
    (err: unknown) => {
      console.error(`[worker] could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
