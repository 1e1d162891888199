import { type z } from 'zod';
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

/** Takes limit+1 rows, returns a page and the cursor of its last row when more exist. */
export const toPage = <R>(rows: R[], limit: number, keyOf: (row: R) => readonly (string | number | null)[]) => {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
};
