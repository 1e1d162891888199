import type { FastifyRequest } from 'fastify';
import type { ApiScope, Role } from '@tandem/contract';
import { hasAnyRole, hasRole, isNetworkAdmin, type Actor } from './actor';

/**
 * The authorization layer: every route declares one Rule and the route helper enforces it
 * before the handler runs. Record-level visibility (e.g. "only the two orgs on a referral")
 * is decided in services, which answer 404 to hide existence.
 */
export type Rule = {
  name: string;
  check: (actor: Actor, req: FastifyRequest) => boolean | Promise<boolean>;
};

const param = (req: FastifyRequest, name: string) => (req.params as Record<string, string>)[name] ?? '';

export const rules = {
  /** Anyone, signed in or not. */
  public: { name: 'public', check: () => true } satisfies Rule,
  /** Any signed-in user, or an API key (scopes are checked from the endpoint). */
  authenticated: { name: 'authenticated', check: (a) => a.kind !== 'anonymous' } satisfies Rule,
  signedIn: { name: 'signed-in user', check: (a) => a.kind === 'user' } satisfies Rule,
  networkAdmin: { name: 'network admin', check: (a) => isNetworkAdmin(a) } satisfies Rule,
  anyRole: (...roles: Role[]): Rule => ({ name: `one of ${roles.join(', ')}`, check: (a) => hasAnyRole(a, ...roles) }),
  /** Network admins, or a user holding one of `roles` in the org named by path param `p`. */
  roleInParamOrg: (p: string, ...roles: Role[]): Rule => ({
    name: `${roles.join('/')} of the organization`,
    check: (a, req) => isNetworkAdmin(a) || hasRole(a, param(req, p), ...roles),
  }),
  /** An API key with this scope, or any signed-in user. */
  keyScopeOrUser: (scope: ApiScope): Rule => ({
    name: `user or key with ${scope}`,
    check: (a) => a.kind === 'user' || (a.kind === 'apiKey' && a.scopes.includes(scope)),
  }),
};
