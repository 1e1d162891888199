import { actingOrgIds, hasAnyRole, type Actor } from '../../lib/actor';

/** The collaboration team and network admins write engagement events (ARCHITECTURE §4). */
export const canWriteEvents = (a: Actor) => hasAnyRole(a, 'collaboration_team', 'network_admin');

/** Network staff, board coordinators included, read every event in full. */
export const readsAllEvents = (a: Actor) => hasAnyRole(a, 'collaboration_team', 'board_coordinator', 'network_admin');

/**
 * How the actor sees one event: in full (network staff), as a partner (a member or API key of an
 * organization that took part: no internal fields, see mappers.ts), or not at all (anyone else,
 * who gets the 404 of a random id).
 */
export const viewOf = (a: Actor, organizationIds: readonly string[]): 'full' | 'partner' | null => {
  if (readsAllEvents(a)) return 'full';
  return actingOrgIds(a).some((o) => organizationIds.includes(o)) ? 'partner' : null;
};
