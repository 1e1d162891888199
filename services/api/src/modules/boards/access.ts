import type { DbOrTx } from '@tandem/db';
import { hasAnyRole, type Actor } from '../../lib/actor';
import { notFound } from '../../lib/app-error';
import { boardsRepo } from './repo';

/**
 * Who coordinates a board (issue 26, domain: "users with the board_coordinator role, or named per
 * board"): network admins and board coordinators coordinate every board; a user named on a board
 * coordinates that one. Only people: API keys never see advisory records with contact details.
 */
export const coordinatesAll = (a: Actor) => hasAnyRole(a, 'board_coordinator', 'network_admin');

export const coordinates = async (db: DbOrTx, a: Actor, boardId: string) =>
  coordinatesAll(a) || (a.kind === 'user' && (await boardsRepo.isCoordinator(db, boardId, a.userId)));

/** Anyone who does not coordinate the board gets the 404 of a random id: no hint that it exists. */
export const assertCoordinates = async (db: DbOrTx, a: Actor, boardId: string) => {
  if (!(await coordinates(db, a, boardId))) throw notFound('board');
};
