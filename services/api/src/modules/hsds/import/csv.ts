/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a leading BOM is dropped. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
};

// No formula-prefixing here (unlike lib/csv.ts reports): this is a data-interchange file that
// must round-trip exactly ("+1 213..." phone numbers would otherwise change on every re-import).
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const writeCsv = (header: readonly string[], rows: readonly Record<string, string | number | null | undefined>[]) =>
  [
    header.map(cell).join(','),
    ...rows.map((r) => header.map((h) => cell(r[h] === null || r[h] === undefined ? '' : String(r[h]))).join(',')),
  ].join('\r\n') + '\r\n';
