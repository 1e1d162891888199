import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number | boolean | null | undefined | Date;
}

// Cells starting with these are run as formulas by spreadsheet apps (CSV injection): prefix a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = ReturnType<CsvColumn<unknown>['value']>;

const OPTIONS: StringifyOptions = {
  record_delimiter: '\r\n',
  // csv-stringify quotes a line break only when it is the record delimiter; a lone \n or \r must be quoted too.
  quoted_match: /[\r\n]/,
  cast: {
    string: (s) => (FORMULA_START.test(s) ? `'${s}` : s),
    boolean: (b) => String(b),
    date: (d) => d.toISOString(),
  },
};

/** One cell as it is written: formulas defused, quoted when it must be (RFC 4180). */
export const csvCell = (v: unknown): string => stringify([[v ?? '']], OPTIONS).slice(0, -2);

/** RFC 4180 CSV with a header row and CRLF line ends. */
export const toCsv = <R>(rows: readonly R[], columns: readonly CsvColumn<R>[]) =>
  stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c): Cell => c.value(r) ?? ''))], OPTIONS);
