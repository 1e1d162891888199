import { z } from 'zod';

/** Keyset cursors: [lower(name), id] for name-sorted lists, [at as PostgreSQL text, id] for history. */
export const NameCursor = z.tuple([z.string(), z.uuid()]);
export const TimeCursor = z.tuple([z.string().max(40), z.uuid()]);
/** Search: the sort key (text for name order, number for rank or distance) and the id. */
export const SearchCursor = z.tuple([z.union([z.string(), z.number()]), z.uuid()]);
