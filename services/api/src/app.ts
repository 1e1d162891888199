import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config';
import { createResponseSerializer } from './lib/serializer';
import { dbPlugin } from './plugins/db';
import { authPlugin } from './plugins/auth';
import { authBroadcastPlugin } from './plugins/auth-broadcast';
import { errorsPlugin } from './plugins/errors';
import { clientErrorHandler, frameworkErrors, refuseLongUrl } from './plugins/client-errors';
import { bodyPlugin } from './plugins/body';
import { openapiPlugin } from './plugins/openapi';
import { securityPlugin } from './plugins/security';
import { idempotencyPlugin } from './plugins/idempotency';
import { healthPlugin } from './plugins/health';
import { webPlugin } from './plugins/web';
import { authModule, credentialLookup } from './modules/auth';
import { apiKeysModule } from './modules/api-keys';
import { membersModule, networkStaffNames, userNames } from './modules/members';
import { advancePartnershipStage, coverageRepo, coverageUnits, directoryLookup, directoryModule } from './modules/directory';
import { clientsModule } from './modules/clients';
import { demandBy, referralLinks, referralsModule, referralsReceivedCount } from './modules/referrals';
import { notificationsModule, notifier } from './modules/notifications';
import { webhooksModule } from './modules/webhooks';
import { auditModule } from './modules/audit';
import { hsdsModule } from './modules/hsds';
import { gapLookup, gapsModule } from './modules/gaps';
import { engagementModule } from './modules/engagement';
import { boardsModule } from './modules/boards';
import { fhirModule } from './modules/fhir';
import { overviewModule } from './modules/overview';

// Log paths that can carry PHI or secrets are censored; URLs are logged without query strings
// because searches carry client names.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  '*.dateOfBirth',
  '*.phone',
  '*.phones',
  '*.email',
  '*.address',
  '*.firstName',
  '*.lastName',
  '*.givenName',
  '*.middleName',
  '*.familyName',
  '*.preferredName',
  '*.safeContactNotes',
  '*.dateOfBirth',
  '*.clientName',
  'client',
  '*.client',
];

export const loggerOptions = (level: string, stream?: Writable): FastifyServerOptions['logger'] => ({
  level,
  ...(stream ? { stream } : {}),
  redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  serializers: {
    req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], ip: req.ip }),
  },
});

const REQUEST_ID = /^[\w.-]{8,100}$/;

/** Builds the whole API: cross-cutting plugins, then domain modules, in one explicit list. */
export const buildApp = async (config: AppConfig, deps: { logStream?: Writable; now?: () => Date } = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    bodyLimit: config.bodyLimit,
    trustProxy: config.env === 'production',
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Errors before routing (bad URL encoding, oversize request line or headers) answer problem+json too.
    frameworkErrors,
    clientErrorHandler,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createResponseSerializer({ check: config.responseCheck }));
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onRequest', refuseLongUrl);

  await app.register(errorsPlugin);
  await app.register(bodyPlugin);
  await app.register(dbPlugin, { url: config.databaseUrl, max: config.dbPoolMax, statementTimeoutMs: config.statementTimeoutMs });
  await app.register(authBroadcastPlugin, { url: config.databaseUrl, enabled: config.authCacheSeconds > 0 });
  await app.register(cookie);
  await app.register(authPlugin, { sessionTtlHours: config.sessionTtlHours, cacheSeconds: config.authCacheSeconds, credentials: credentialLookup });
  await app.register(securityPlugin, { webOrigin: config.webOrigin, rateLimitMax: config.rateLimitMax, rateLimitStore: config.rateLimitStore });
  await app.register(idempotencyPlugin, { leaseSeconds: config.idempotencyLeaseSeconds });
  await app.register(openapiPlugin, { servers: [{ url: config.publicUrl, description: 'This deployment (PUBLIC_URL)' }] });
  await app.register(healthPlugin);

  await app.register(authModule, { sessionTtlHours: config.sessionTtlHours, loginMaxFailures: config.loginMaxFailures, passwordResetsPerAddressHour: config.passwordResetsPerAddressHour, cookieSecure: config.cookieSecure, now: deps.now });
  await app.register(apiKeysModule);
  await app.register(membersModule);
  await app.register(directoryModule, { referrals: { receivedCount: referralsReceivedCount } });
  await app.register(clientsModule, { links: referralLinks });
  await app.register(referralsModule, { directory: directoryLookup, notifier });
  await app.register(notificationsModule);
  await app.register(webhooksModule, { allowPrivateUrls: config.webhooksAllowPrivateUrls });
  await app.register(auditModule);
  await app.register(hsdsModule);
  // Service gaps count from the directory and referrals through the functions those modules export.
  await app.register(gapsModule, {
    directory: { units: coverageUnits, supplyBy: coverageRepo.supplyBy, existingAgreementIds: coverageRepo.existingAgreementIds },
    referrals: { demandBy },
    people: { networkStaffNames, userNames },
  });
  // Events link gaps by id: the gaps module says which ids exist. Events with partners move their
  // partnership stage: the directory makes the move, in the event's transaction (issue 25).
  await app.register(engagementModule, {
    gaps: { existing: async (ids: string[]) => [...(await gapLookup.existing(app.db, ids))] },
    partnership: { advance: advancePartnershipStage },
  });
  await app.register(boardsModule);
  // FHIR R4 over referrals, clients and the directory, through their services (issue 27).
  await app.register(fhirModule, { directory: directoryLookup, notifier, links: referralLinks });
  // The network overview composes the referrals, directory, gaps and engagement modules' exports (issue 25).
  await app.register(overviewModule);

  if (config.webDistDir) await app.register(webPlugin, { dir: config.webDistDir });
  return app;
};
