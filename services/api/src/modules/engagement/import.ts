import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '@tandem/db';
import { CreateEngagementEventBodySchema, EVENT_IMPORT_COLUMNS, laInstant, SPA_CODES, type EventImportColumn } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import type { Ctx } from '../../lib/actor';
import { eventsRepo } from './repo';
import type { EngagementService, EventInput } from './service';

type Problem = { row: number; column: string; problem: string };
const REQUIRED: EventImportColumn[] = ['source_id', 'title', 'type', 'date', 'spas', 'focus_populations', 'attendee_count'];
const MAX_ROWS = 5000;
const GROUP_COLUMNS = { communityMembers: 'community_members', cboStaff: 'cbo_staff', countyStaff: 'county_staff', healthSystemStaff: 'health_system_staff', livedExperience: 'lived_experience' } as const;
/** Contract field → spreadsheet column, to name the column of each problem. */
const COLUMN_OF: Record<string, EventImportColumn> = {
  title: 'title',
  type: 'type',
  startsAt: 'date',
  durationMinutes: 'duration_minutes',
  spas: 'spas',
  modality: 'modality',
  address: 'address',
  focusPopulations: 'focus_populations',
  attendeeCount: 'attendee_count',
  summary: 'summary',
  organizationIds: 'organization_ids',
  staffLeadIds: 'staff_lead_ids',
};
const columnOf = (path: readonly PropertyKey[]) =>
  path[0] === 'attendeesByGroup' ? (GROUP_COLUMNS[path[1] as keyof typeof GROUP_COLUMNS] ?? 'attendee_count') : (COLUMN_OF[String(path[0])] ?? String(path[0]));

const EXAMPLE: Record<EventImportColumn, string> = {
  source_id: '2019-Q1-014',
  title: 'Reentry workgroup, February',
  type: 'workgroup',
  date: '2019-02-12',
  start_time: '10:00',
  duration_minutes: '90',
  spas: 'spa6;spa8',
  modality: 'in_person',
  address: '1000 S Fremont Ave, Alhambra, CA 91803',
  focus_populations: 'justice_involvement',
  attendee_count: '24',
  community_members: '10',
  cbo_staff: '8',
  county_staff: '4',
  health_system_staff: '2',
  lived_experience: '6',
  summary: 'Mapped reentry housing beds in SPA 6.',
  organization_ids: '',
  staff_lead_ids: '',
};
/** The template: the columns and one example row (RFC 4180, CRLF). */
export const importTemplate = () =>
  stringify([[...EVENT_IMPORT_COLUMNS], EVENT_IMPORT_COLUMNS.map((c) => EXAMPLE[c])], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });

/** CSV text → header and rows keyed by column; what is not CSV is a problem, never a throw. */
const readCsv = (text: string): { header: string[]; rows: { row: number; cells: Record<string, string> }[]; problems: Problem[] } => {
  let records: string[][];
  try {
    records = parse(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { header: [], rows: [], problems: [{ row: Number(e.records ?? 0) + 1, column: '', problem: `Not valid CSV: ${e.message.replace(/^[^:]*:\s*/, '')}` }] };
  }
  const [head = [], ...data] = records;
  const header = head.map((h) => h.trim().toLowerCase());
  return { header, rows: data.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) })), problems: [] };
};

const list = (v: string) => v.split(';').map((x) => x.trim()).filter(Boolean);
/** "spa4", "4" or "SPA 4" → spa4 (anything else is left for the schema to refuse). */
const spaCode = (v: string) => {
  const n = /^(?:spa\s*)?([1-8])$/i.exec(v.trim())?.[1];
  return n ? SPA_CODES[Number(n) - 1]! : v.trim().toLowerCase();
};

/** One spreadsheet row → an event body, with the problems of the cells that are not even of the right form. */
const toBody = (cells: Record<string, string>, row: number) => {
  const problems: Problem[] = [];
  const int = (column: EventImportColumn) => {
    const v = cells[column]?.trim() ?? '';
    if (v === '') return null;
    if (/^\d+$/.test(v)) return Number(v);
    problems.push({ row, column, problem: 'Must be a whole number' });
    return undefined;
  };
  const date = cells.date ?? '';
  const time = cells.start_time || '12:00';
  let startsAt: string | undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) problems.push({ row, column: 'date', problem: 'Must be a date written YYYY-MM-DD' });
  else if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) problems.push({ row, column: 'start_time', problem: 'Must be a time written HH:MM (24-hour)' });
  else startsAt = laInstant(date, time).toISOString();
  const body = {
    title: cells.title ?? '',
    type: cells.type?.trim() ?? '',
    startsAt,
    durationMinutes: int('duration_minutes'),
    spas: list(cells.spas ?? '').map(spaCode),
    modality: cells.modality?.trim() || 'in_person',
    address: cells.address?.trim() || null,
    focusPopulations: list(cells.focus_populations ?? ''),
    attendeeCount: int('attendee_count') ?? undefined,
    attendeesByGroup: Object.fromEntries(Object.entries(GROUP_COLUMNS).map(([g, c]) => [g, int(c)])),
    summary: cells.summary?.trim() || null,
    organizationIds: list(cells.organization_ids ?? ''),
    staffLeadIds: list(cells.staff_lead_ids ?? ''),
  };
  return { body, problems };
};

/**
 * CSV import of past events (issue 25): the team's spreadsheets, checked row by row. A dry run
 * reports; a real run imports every new row in one transaction or nothing. source_id makes it
 * idempotent: a row imported before is left alone.
 */
export const createEngagementImport = ({ db, events }: { db: Db; events: EngagementService }) => ({
  template: importTemplate,

  async run(ctx: Ctx, csv: string, dryRun: boolean) {
    const { header, rows, problems } = readCsv(csv);
    for (const h of header) if (!(EVENT_IMPORT_COLUMNS as readonly string[]).includes(h)) problems.push({ row: 1, column: h, problem: 'Unknown column (see the template)' });
    for (const c of REQUIRED) if (header.length && !header.includes(c)) problems.push({ row: 1, column: c, problem: 'Missing column' });
    if (!problems.length && !rows.length) problems.push({ row: 0, column: '', problem: 'The file has no rows to import' });
    if (rows.length > MAX_ROWS) problems.push({ row: 0, column: '', problem: `At most ${MAX_ROWS} rows per file; split it` });

    const taken = problems.length ? new Set<string>() : await eventsRepo.takenSourceIds(db, rows.map((r) => r.cells.source_id ?? '').filter(Boolean));
    const seen = new Set<string>();
    const fresh: { sourceId: string; input: EventInput }[] = [];
    let unchanged = 0;
    for (const { row, cells } of problems.length ? [] : rows) {
      const sourceId = cells.source_id ?? '';
      if (!sourceId) {
        problems.push({ row, column: 'source_id', problem: 'Required: the row’s id in your spreadsheet' });
        continue;
      }
      if (seen.has(sourceId)) {
        problems.push({ row, column: 'source_id', problem: `Also on an earlier row: ${sourceId}` });
        continue;
      }
      seen.add(sourceId);
      if (taken.has(sourceId)) {
        unchanged++;
        continue;
      }
      const { body, problems: cellProblems } = toBody(cells, row);
      problems.push(...cellProblems);
      const bad = new Set(cellProblems.map((p) => (p.column === 'start_time' ? 'date' : p.column)));
      const parsed = CreateEngagementEventBodySchema.safeParse(body);
      if (!parsed.success) {
        for (const i of parsed.error.issues) if (!bad.has(columnOf(i.path))) problems.push({ row, column: columnOf(i.path), problem: i.message });
        continue;
      }
      const refs = await events.referenceProblems(parsed.data, 'row');
      for (const r of refs) {
        const [, field = '', index = '0'] = r.path.split('.');
        const id = (parsed.data as unknown as Record<string, string[]>)[field]?.[Number(index)];
        problems.push({ row, column: columnOf([field]), problem: `${r.message}: ${id ?? ''}` });
      }
      if (!cellProblems.length && !refs.length) fresh.push({ sourceId, input: parsed.data });
    }

    const report = { dryRun, rows: rows.length, created: problems.length ? 0 : fresh.length, unchanged, problems, eventIds: [] as string[] };
    if (dryRun) return { ...report, created: fresh.length };
    if (problems.length) {
      throw new AppError('import_rejected', `${problems.length} problem(s) in the file; nothing was imported.`, {
        errors: problems.slice(0, 200).map((p) => ({ path: `body.csv.${p.row}.${p.column || 'row'}`, message: `Row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.problem}` })),
        problems,
      });
    }
    report.eventIds = await db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const f of fresh) ids.push(await events.insertEvent(tx, ctx, f.input, { sourceId: f.sourceId }));
      return ids;
    });
    return report;
  },
});
