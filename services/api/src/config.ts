import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  TANDEM_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  TANDEM_PG_DATA: z.string().default('.pgdata'),
  WEB_ORIGIN: z.string().default('http://127.0.0.1:5173'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: bool,
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(1200),
  RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).default('memory'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  PASSWORD_RESETS_PER_ADDRESS_HOUR: z.coerce.number().int().positive().default(10),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  WEB_DIST_DIR: z.string().optional(),
  WEBHOOKS_ALLOW_PRIVATE_URLS: bool,
  AUTH_CACHE_SECONDS: z.coerce.number().min(0).default(5),
  IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().positive().default(60),
  RESPONSE_CHECK: bool,
  /** Outgoing email (the worker's); `npm start` without it runs the local mail catcher on the two ports below. */
  SMTP_URL: z.string().url().optional(),
  MAIL_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  MAIL_WEB_PORT: z.coerce.number().int().min(1).max(65535).default(1080),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  databaseUrl: string;
  webOrigin: string;
  /** Where callers reach the API (the OpenAPI document's `servers`); default http://HOST:PORT. */
  publicUrl: string;
  logLevel: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  rateLimitMax: number;
  /** Count requests per process (`memory`) or in PostgreSQL across every API process (`postgres`; docs/scaling.md). */
  rateLimitStore: 'memory' | 'postgres';
  loginMaxFailures: number;
  /** Password reset requests one address may make in an hour (then 429). */
  passwordResetsPerAddressHour: number;
  bodyLimit: number;
  dbPoolMax: number;
  statementTimeoutMs: number;
  /** Serve the built web app from this folder on the same origin (tests, production). */
  webDistDir?: string;
  /** Let webhook subscriptions reach loopback, link-local and private addresses (local receivers: the start command, tests). */
  webhooksAllowPrivateUrls: boolean;
  /** How long this process may reuse a session or API key lookup (lib/auth-cache.ts); 0 = look up on every request. */
  authCacheSeconds: number;
  /** How long a request holds its Idempotency-Key: after it, a retry re-claims a key whose write never committed (plugins/idempotency.ts). */
  idempotencyLeaseSeconds: number;
  /** Also encode every response with zod and fail it when the fast serializer wrote otherwise (lib/serializer.ts). */
  responseCheck: boolean;
}

export const parseEnv = (env: NodeJS.ProcessEnv = process.env) => EnvSchema.parse(env);

/** The only place that reads process.env. The database URL may come from an embedded server. */
export const loadConfig = (databaseUrl: string, env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const e = parseEnv(env);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl,
    webOrigin: e.WEB_ORIGIN,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    rateLimitMax: e.RATE_LIMIT_MAX,
    rateLimitStore: e.RATE_LIMIT_STORE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    passwordResetsPerAddressHour: e.PASSWORD_RESETS_PER_ADDRESS_HOUR,
    bodyLimit: e.BODY_LIMIT_BYTES,
    dbPoolMax: e.DB_POOL_MAX,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    webDistDir: e.WEB_DIST_DIR,
    webhooksAllowPrivateUrls: e.WEBHOOKS_ALLOW_PRIVATE_URLS ?? false,
    authCacheSeconds: e.AUTH_CACHE_SECONDS,
    idempotencyLeaseSeconds: e.IDEMPOTENCY_LEASE_SECONDS,
    responseCheck: e.RESPONSE_CHECK ?? e.NODE_ENV !== 'production',
  };
};

export const testConfig = (databaseUrl: string, over: Partial<AppConfig> = {}): AppConfig => ({
  env: 'test',
  host: '127.0.0.1',
  port: 0,
  databaseUrl,
  webOrigin: 'http://127.0.0.1:5173',
  publicUrl: 'http://127.0.0.1:3000',
  logLevel: 'silent',
  sessionTtlHours: 12,
  cookieSecure: false,
  rateLimitMax: 100_000,
  rateLimitStore: 'memory',
  loginMaxFailures: 5,
  passwordResetsPerAddressHour: 100_000,
  bodyLimit: 1_048_576,
  dbPoolMax: 5,
  webhooksAllowPrivateUrls: true,
  authCacheSeconds: 5,
  idempotencyLeaseSeconds: 60,
  responseCheck: true,
  statementTimeoutMs: 15_000,
  ...over,
});
