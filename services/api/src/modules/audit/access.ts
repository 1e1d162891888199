import { forbidden } from '../../lib/app-error';
import { isNetworkAdmin, type Actor } from '../../lib/actor';

/**
 * Whose rows the actor may read: every organization's (null) for a network admin, else the
 * organizations they administer. Anyone else is refused.
 */
export const readableOrgIds = (actor: Actor): string[] | null => {
  if (isNetworkAdmin(actor)) return null;
  const adminOf = actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId) : [];
  if (!adminOf.length) throw forbidden('Only org admins and network admins read the audit trail.');
  return adminOf;
};
