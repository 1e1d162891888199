import { z } from 'zod';

export const LimitSchema = z.coerce.number().int().min(1).max(200).default(25).describe('Page size (1..200)');
export const CursorSchema = z.string().max(500).optional().describe('Opaque cursor from a previous page');
/**
 * Every query schema is strict: a parameter the endpoint does not know is refused with 400
 * validation_failed naming it, never silently ignored (a typo such as `updatedsince` would
 * otherwise return everything). Schemas built with `.extend()` stay strict.
 */
export const PageQuerySchema = z.strictObject({ limit: LimitSchema, cursor: CursorSchema });
export type PageQuery = z.infer<typeof PageQuerySchema>;
/** The query of a read that takes no parameters: any parameter is refused (400), as above. */
export const NoQuerySchema = z.strictObject({});

/**
 * Sync (docs/sync.md): with `updatedSince` a list holds only rows whose `updatedAt` is at or after
 * it, oldest change first, ordered by (updatedAt, id) and paged with a keyset cursor, so a row
 * changed while a job pages moves to the end and is still seen. The job stores the `updatedAt` of
 * the last row it got and asks again from there; rows at that instant come again (deduplicate by id).
 */
export const UpdatedSinceSchema = z.iso
  .datetime({ offset: true })
  .optional()
  .describe(
    'Sync: only rows changed at or after this instant (ISO 8601 with Z or an offset, e.g. 2026-03-01T00:00:00Z), ' +
      'ordered by updatedAt then id, oldest first. Store the last row’s updatedAt and ask again from it (inclusive: deduplicate by id)',
  );

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe('Cursor of the next page; null on the last page') });
