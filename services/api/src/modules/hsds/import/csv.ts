import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface CsvRecord {
  /** Row in the file as a spreadsheet counts it: the header is row 1 (a quoted line break stays in its row). */
  row: number;
  cells: string[];
}
export interface CsvTable {
  records: CsvRecord[];
  /** Text that is not CSV (an unclosed quote...): where it starts and what is wrong; its records are left out. */
  problems: { row: number; problem: string }[];
}

/**
 * RFC 4180 CSV as published in the wild: a leading BOM is dropped, line ends may be CRLF, LF or
 * CR (even mixed), blank lines are skipped, rows may be short or long, and a stray quote inside an
 * unquoted field is kept as a character. What still is not CSV is reported, never thrown.
 */
export const parseCsv = (text: string): CsvTable => {
  const problems: CsvTable['problems'] = [];
  const report = (e: unknown): undefined => {
    if (!(e instanceof CsvError)) throw e;
    // e.records: the records read before the bad one. The message starts with csv-parse's own title.
    problems.push({ row: Number(e.records ?? 0) + 1, problem: `is not valid CSV: ${e.message.replace(/^[^:]*:\s*/, '')}` });
  };
  try {
    const out = parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: report,
      info: true,
    }) as unknown as { record: string[]; info: { records: number } }[];
    return { records: out.map((x) => ({ row: x.info.records, cells: x.record })), problems };
  } catch (e) {
    report(e);
    return { records: [], problems };
  }
};

// No formula-prefixing here (unlike lib/csv.ts reports): this is a data-interchange file that
// must round-trip exactly ("+1 213..." phone numbers would otherwise change on every re-import).
export const writeCsv = (header: readonly string[], rows: readonly Record<string, string | number | null | undefined>[]) =>
  stringify([[...header], ...rows.map((r) => header.map((h) => r[h] ?? ''))], {
    record_delimiter: '\r\n',
    // csv-stringify quotes a line break only when it is the record delimiter; a lone \n or \r must be quoted too.
    quoted_match: /[\r\n]/,
  });
