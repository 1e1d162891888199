import { AppError } from '../../lib/app-error';
import type { Actor } from '../../lib/actor';

/**
 * Who may read and write: a notification and the settings are their user's alone. Routes let
 * only signed-in users in (rules.signedIn); every query is keyed by that user, so another
 * user's notification is as unknown as a random id (404), never a 403 that says it exists.
 */
export const ownUserId = (actor: Actor): string => {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Notifications belong to a signed-in user.');
  return actor.userId;
};
