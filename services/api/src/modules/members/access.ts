import type { DbOrTx } from '@tandem/db';
import { isNetworkRole, type Role } from '@tandem/contract';
import { AppError, forbidden, notFound } from '../../lib/app-error';
import { isNetworkAdmin, type Actor } from '../../lib/actor';
import { membersRepo } from './repo';

/**
 * Who grants what (ARCHITECTURE §4): an org admin grants staff and org_admin in their own
 * organization (the route's rule); the network-wide roles only a network admin grants, and only
 * in the organization that runs the network.
 */
export const assertMayGrant = async (db: DbOrTx, actor: Actor, orgId: string, role: Role) => {
  if (!isNetworkRole(role)) return;
  if (!isNetworkAdmin(actor)) throw new AppError('role_not_grantable', `Only network admins grant the ${role} role.`);
  const runsNetwork = await membersRepo.runsNetwork(db, orgId);
  if (runsNetwork === undefined) throw notFound('organization');
  if (!runsNetwork) throw new AppError('role_not_grantable', `The ${role} role exists only in the organization that runs the network.`);
};

/** Only network admins change or remove someone holding a network-wide role. */
export const assertMayManage = (actor: Actor, current: string) => {
  if (isNetworkRole(current as Role) && !isNetworkAdmin(actor)) throw forbidden(`Only network admins change or remove a member with the ${current} role.`);
};

/**
 * May the actor deactivate or reactivate this account? The account is shared by every
 * organization the person works for, so an org admin decides it only when they administer all of
 * them; otherwise they remove the membership instead, and a network admin decides. A person the
 * actor administers in none of their organizations gets the 404 of a random id (as in GET /users).
 */
export const assertMayDeactivate = (actor: Actor, targetId: string, ms: { organizationId: string; role: string }[]) => {
  if (actor.kind !== 'user') throw forbidden();
  const network = isNetworkAdmin(actor);
  const administers = (orgId: string) => actor.memberships.some((m) => m.organizationId === orgId && m.role === 'org_admin');
  if (!network && !ms.some((m) => administers(m.organizationId))) throw notFound('user');
  if (targetId === actor.userId) throw new AppError('own_account', 'You cannot deactivate your own account: ask another admin.');
  if (network) return;
  for (const m of ms) assertMayManage(actor, m.role);
  if (!ms.every((m) => administers(m.organizationId))) {
    throw forbidden('This person also works for an organization you do not administer: remove them from yours instead, or ask a network admin.');
  }
};
