import type { FastifyInstance } from 'fastify';
import { auditRepo } from './repo';
import { auditRoutes } from './routes';
import { createAuditService } from './service';

/** Months of audit log partitions kept ready ahead of the current one. */
export const AUDIT_MONTHS_AHEAD = 3;
const DAY_MS = 24 * 3_600_000;

/**
 * The audit trail, read-only: org admins (their organization's rows) and network admins. On start
 * and then daily it makes sure the audit log's next months have their partitions (a row outside
 * them would still land in the DEFAULT partition: see docs/decisions/0005-audit-log-partitions.md).
 */
export const auditModule = async (app: FastifyInstance) => {
  auditRoutes(app, createAuditService({ db: app.db }));

  const ensure = async () => {
    try {
      const made = await auditRepo.ensurePartitions(app.db, AUDIT_MONTHS_AHEAD);
      if (made > 0) app.log.info({ made }, 'audit log partitions created');
    } catch (err) {
      app.log.warn({ code: (err as { code?: string }).code ?? 'unknown' }, 'audit log partitions not created');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await ensure();
    timer = setInterval(() => void ensure(), DAY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};
