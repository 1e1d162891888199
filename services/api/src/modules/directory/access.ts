import { forbidden } from '../../lib/app-error';
import { hasAnyRole, hasRole, type Actor } from '../../lib/actor';

/** Network admins and the collaboration team look after the whole directory. */
export const isNetworkStaff = (a: Actor) => hasAnyRole(a, 'collaboration_team', 'network_admin');

/** Signed-in people (not API keys, not the public) see internal notes and non-public contacts. */
export const isSignedIn = (a: Actor) => a.kind === 'user';

/**
 * The public: anonymous callers of the open directory (the public web pages, anyone with curl).
 * They get no internal notes, partnership records or capacity notes (see service.ts, services.service.ts).
 */
export const isAnonymous = (a: Actor) => a.kind === 'anonymous';

/**
 * Who may change an organization's directory entry (its services, locations and contacts):
 * its org admins, network staff, or an API key of that organization (the route already
 * required the directory:write scope).
 */
export const canEditOrg = (a: Actor, orgId: string) =>
  isNetworkStaff(a) || hasRole(a, orgId, 'org_admin') || (a.kind === 'apiKey' && a.organizationId === orgId && a.scopes.includes('directory:write'));

export const assertCanEditOrg = (a: Actor, orgId: string) => {
  if (!canEditOrg(a, orgId)) throw forbidden("Only this organization's admins, network admins and the collaboration team may change its directory entry.");
};
