import type { FastifyInstance } from 'fastify';
import type { CredentialLookup } from '../../plugins/auth';
import { authRepo } from './repo';
import { authRoutes } from './routes';
import { createAuthService } from './service';

export interface AuthModuleOptions {
  sessionTtlHours: number;
  loginMaxFailures: number;
  passwordResetsPerAddressHour: number;
  cookieSecure: boolean;
  /** The sign-in throttle's clock; tests pass one they can move. */
  now?: () => Date;
}

export const authModule = async (app: FastifyInstance, opts: AuthModuleOptions) => {
  const svc = createAuthService({ db: app.db, sessionTtlHours: opts.sessionTtlHours, loginMaxFailures: opts.loginMaxFailures, passwordResetsPerAddressHour: opts.passwordResetsPerAddressHour, now: opts.now });
  authRoutes(app, svc, { cookieSecure: opts.cookieSecure });
};

/** What the auth plugin reads on each request (who a session or API key is); app.ts hands it over. */
export const credentialLookup: CredentialLookup = {
  findActiveSession: authRepo.findActiveSession,
  touchSession: authRepo.touchSession,
  findApiKeyBySecretHash: authRepo.findApiKeyBySecretHash,
  markApiKeyUsed: authRepo.markApiKeyUsed,
};
