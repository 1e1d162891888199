import { z } from 'zod';
import { AppError } from './app-error';

/** Cursors are opaque base64url JSON arrays of the sort key of the last row of a page. */
export const encodeCursor = (values: readonly (string | number | null)[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

export const decodeCursor = <T extends z.ZodTuple>(cursor: string | undefined, shape: T): z.output<T> | undefined => {
  if (!cursor) return undefined;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: any undecodable cursor is the caller's error, not ours
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this API issued; start again without it.', {
    errors: [{ path: 'query.cursor', message: 'Invalid cursor', code: 'invalid_cursor' }],
  });
};

/**
 * The keyset cursor of most lists: [sort key as text, id] of the last row (lower(name), a
 * timestamp as PostgreSQL text, ...). One schema; a list with another key (urgency rank, an
 * end date or 'infinity', a search score) declares its own beside its query.
 */
export const KeyCursor = z.tuple([z.string(), z.uuid()]);

/** Takes limit+1 rows, returns a page and the cursor of its last row when more exist. */
export const toPage = <R>(rows: R[], limit: number, keyOf: (row: R) => readonly (string | number | null)[]) => {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
};

/**
 * The keyset of a sync page (a list asked with `updatedSince`): ['u', updated_at as PostgreSQL
 * text, id]. The marker keeps a cursor of the default order from being read as one of this order.
 */
export const SyncCursor = z.tuple([z.literal('u'), z.string().max(40), z.uuid()]);
export type SyncAfter = [string, string];
/** The [updated_at, id] to continue after, from a sync cursor; undefined without one. */
export const decodeSyncCursor = (cursor: string | undefined): SyncAfter | undefined => {
  const c = decodeCursor(cursor, SyncCursor);
  return c && [c[1], c[2]];
};
