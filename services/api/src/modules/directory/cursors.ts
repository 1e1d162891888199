import { z } from 'zod';

/** Keyset cursors: [lower(name), id] for name-sorted lists (lib/pagination's KeyCursor), [at as PostgreSQL text, id] for history. */
export { KeyCursor as NameCursor } from '../../lib/pagination';
export const TimeCursor = z.tuple([z.string().max(40), z.uuid()]);
/** Search: the sort key (text for name order, number for rank or distance) and the id. */
export const SearchCursor = z.tuple([z.union([z.string(), z.number()]), z.uuid()]);
