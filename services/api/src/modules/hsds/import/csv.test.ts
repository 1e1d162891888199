import { parseCsv, writeCsv } from './csv';

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('HSDS CSV files', () => {
  it('reads a BOM, CRLF, LF and CR line ends (mixed), quoted commas, quotes and line breaks, and skips blank lines', () => {
    expect(cells('\ufeffid,name\r\n1,"a, ""b""\nc"\n\n2,x\r3,y')).toEqual([
      ['id', 'name'],
      ['1', 'a, "b"\nc'],
      ['2', 'x'],
      ['3', 'y'],
    ]);
  });

  it('numbers rows as a spreadsheet does: header row 1, a quoted line break stays in its row', () => {
    expect(parseCsv('id,name\n1,"two\nlines"\n2,x\n').records.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('keeps a stray quote inside an unquoted field as a character instead of swallowing the rows after it', () => {
    expect(cells('id,description\n1,a 5" screen\n2,ok\n')).toEqual([
      ['id', 'description'],
      ['1', 'a 5" screen'],
      ['2', 'ok'],
    ]);
  });

  it('reports text that is not CSV (a quote never closed) with the row where it starts, and throws nothing', () => {
    const t = parseCsv('id,name\n1,x\n2,"never closed\n3,y\n');
    expect(t.records.map((r) => r.cells)).toEqual([
      ['id', 'name'],
      ['1', 'x'],
    ]);
    expect(t.problems).toEqual([{ row: 3, problem: expect.stringMatching(/^is not valid CSV: .*quote/i) }]);
  });

  it('writes what it reads back unchanged, formulas and all (a data-interchange file, not a report)', () => {
    const header = ['id', 'name', 'phone', 'n'];
    const rows = [
      { id: '1', name: 'a,b "c"\nd\re', phone: '+1 213-555-0100', n: 5 },
      { id: '2', name: '=SUM(A1)', phone: null, n: undefined },
      { id: '3', name: ' padded ', phone: '', n: 0 },
    ];
    const text = writeCsv(header, rows);
    expect(text.startsWith('id,name,phone,n\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(cells(text)).toEqual([
      header,
      ['1', 'a,b "c"\nd\re', '+1 213-555-0100', '5'],
      ['2', '=SUM(A1)', '', ''],
      ['3', ' padded ', '', '0'],
    ]);
  });
});
