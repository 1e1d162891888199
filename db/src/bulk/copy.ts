import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value COPY's text format can carry: arrays become PostgreSQL array literals, objects JSON. */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[] | Record<string, unknown>;

// COPY text format: backslash escapes for the characters that delimit columns and rows.
const escapeText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
const arrayLiteral = (items: readonly string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** One value in COPY text format (`\N` is NULL). */
export const copyField = (v: CopyValue): string => {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeText(arrayLiteral(v as readonly string[]));
  return escapeText(JSON.stringify(v));
};

/** Lines of COPY text, grouped so the stream moves large chunks instead of one row at a time. */
async function* copyLines(rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>, batch = 2000) {
  let buf: string[] = [];
  for await (const row of rows) {
    buf.push(`${row.map(copyField).join('\t')}\n`);
    if (buf.length >= batch) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Streams rows into a table with `COPY table (columns) FROM STDIN` (pg-copy-streams): far faster
 * than INSERTs for bench-sized data. Each row lists values in `columns` order. Returns the row count.
 */
export const copyRows = async (
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>,
): Promise<number> => {
  const stream = client.query(copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyLines(rows)), stream);
  return stream.rowCount;
};
