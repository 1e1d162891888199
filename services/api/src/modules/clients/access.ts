import { AppError } from '../../lib/app-error';
import { actingOrgIds, isNetworkAdmin, type Actor } from '../../lib/actor';
import type { ClientRow, ConsentRow } from './repo';

/** Whether a consent names this organization (or the whole network). */
export const covers = (c: ConsentRow, orgId: string) => c.scope === 'network' || c.organizationIds.includes(orgId);

/** Whether one of the actor's organizations registered the client (then its referrals need not be read). */
export const registeredByActor = (actor: Actor, row: Pick<ClientRow, 'createdByOrgId'>) => actingOrgIds(actor).includes(row.createdByOrgId);

/**
 * The organization through which the actor may see this client: the one that registered it, else
 * one on its referrals (`orgIdsOnClient`, needed only when registeredByActor is false), else none,
 * which only a network admin may pass. Not ok means "not yours", which callers turn into a 404.
 */
export const reachOf = (actor: Actor, row: Pick<ClientRow, 'createdByOrgId'>, orgIdsOnClient: string[]): { ok: boolean; orgId: string | null } => {
  if (registeredByActor(actor, row)) return { ok: true, orgId: row.createdByOrgId };
  const mine = actingOrgIds(actor);
  const linked = orgIdsOnClient.find((o) => mine.includes(o));
  if (linked) return { ok: true, orgId: linked };
  return { ok: isNetworkAdmin(actor), orgId: null };
};

/**
 * For the referrals module (no HTTP; the caller has already checked referral access).
 * Whether the actor may attach this client to a referral: it must be visible to them (see
 * reachOf). The caller read the row, and the organizations on its referrals unless
 * registeredByActor, in the statement it needed anyway.
 */
export const assertClientUsable = (actor: Actor, row: ClientRow | null, orgIdsOnClient: string[]) => {
  if (!row || !reachOf(actor, row, orgIdsOnClient).ok) {
    throw new AppError('reference_not_found', 'No such client.', { errors: [{ path: 'body.clientId', message: 'Unknown client' }] });
  }
};
