import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number | boolean | null | undefined | Date;
}

// Cells starting with these are run as formulas by spreadsheet apps (CSV injection): prefix a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

export const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a header row and CRLF line ends. */
export const toCsv = <R>(rows: readonly R[], columns: readonly CsvColumn<R>[]) =>
  [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(','))].join('\r\n') + '\r\n';

export const wantsCsv = (req: FastifyRequest) => {
  const accept = req.headers.accept ?? '';
  const q = req.query as { format?: string } | undefined;
  return q?.format === 'csv' || /\btext\/csv\b/.test(accept);
};

export const sendCsv = (reply: FastifyReply, filename: string, csv: string) =>
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .send(csv);
