import { z } from 'zod';

export const LimitSchema = z.coerce.number().int().min(1).max(200).default(25).describe('Page size (1..200)');
export const CursorSchema = z.string().max(500).optional().describe('Opaque cursor from a previous page');
export const PageQuerySchema = z.object({ limit: LimitSchema, cursor: CursorSchema });
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe('Cursor of the next page; null on the last page') });
