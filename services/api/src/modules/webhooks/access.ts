import { AppError, notFound } from '../../lib/app-error';
import { hasRole, type Actor } from '../../lib/actor';
import type { SubscriptionRow } from './repo';

/** The organizations whose webhooks the actor manages: an API key's own (its scope is checked by the route), a person's where they are org_admin. */
export const managedOrgIds = (a: Actor): string[] =>
  a.kind === 'apiKey' ? [a.organizationId] : a.kind === 'user' ? a.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId) : [];

/** Hide existence: a subscription of an organization the actor does not manage is as unknown as a random id. */
export const assertManages = (a: Actor, row: SubscriptionRow | undefined): SubscriptionRow => {
  if (!row || !managedOrgIds(a).includes(row.organizationId)) throw notFound('webhook subscription');
  return row;
};

/** Which organization a new subscription is for: the one named (if managed), else the only one managed. */
export const subscribingOrg = (a: Actor, named: string | undefined): string => {
  const orgs = managedOrgIds(a);
  if (named) {
    if (!orgs.includes(named) && !(a.kind === 'user' && hasRole(a, named, 'org_admin'))) throw new AppError('forbidden', 'Only an org admin of that organization (or its API key with webhooks:manage) subscribes its webhooks.');
    return named;
  }
  if (orgs.length === 1) return orgs[0]!;
  if (!orgs.length) throw new AppError('forbidden', 'Only org admins (or API keys with webhooks:manage) subscribe webhooks.');
  throw new AppError('validation_failed', 'Name the organization: you administer more than one.', { errors: [{ path: 'organizationId', message: 'Required when you administer several organizations' }] });
};
