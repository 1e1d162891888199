import { z } from 'zod';
import type { EmailOptions } from '@tandem/api/src/modules/email';
import { DEFAULT_DELIVERY, type DeliveryOptions } from '@tandem/api/src/modules/webhooks/delivery';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEBHOOKS_ALLOW_PRIVATE_URLS: bool.default(false),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_DELIVERY.timeoutMs),
  WEBHOOK_RETRY_HOURS: z.coerce.number().positive().default(DEFAULT_DELIVERY.retryWindowMs / 3600_000),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(DEFAULT_DELIVERY.backoffBaseMs),
  // Empty (docker-compose's ${SMTP_URL:-}) is the same as unset.
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  APP_URL: z.string().url().default('http://127.0.0.1:3000'),
  EMAIL_FROM: z.string().min(3).default('Tandem <no-reply@tandem.example>'),
  WEBHOOK_BACKOFF_MAX_MS: z.coerce.number().int().positive().default(DEFAULT_DELIVERY.backoffMaxMs),
});

export interface WorkerConfig {
  databaseUrl: string;
  concurrency: number;
  logLevel: string;
  delivery: DeliveryOptions;
  /** Outgoing email; without an SMTP URL this worker sends none (messages wait for a worker that has one). */
  email?: EmailOptions;
}

/** The only place the worker reads process.env. */
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => {
  const e = EnvSchema.parse(env);
  return {
    databaseUrl: e.DATABASE_URL,
    concurrency: e.WORKER_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
    ...(e.SMTP_URL ? { email: { smtpUrl: e.SMTP_URL, appUrl: e.APP_URL.replace(/\/$/, ''), from: e.EMAIL_FROM } } : {}),
    delivery: {
      allowPrivateUrls: e.WEBHOOKS_ALLOW_PRIVATE_URLS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retryWindowMs: e.WEBHOOK_RETRY_HOURS * 3600_000,
      backoffBaseMs: e.WEBHOOK_BACKOFF_BASE_MS,
      backoffMaxMs: e.WEBHOOK_BACKOFF_MAX_MS,
    },
  };
};
