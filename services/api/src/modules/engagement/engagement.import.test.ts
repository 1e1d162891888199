import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
let team: Record<string, string>;
let leadId: string;
beforeAll(async () => {
  t = await testApp();
  const hq = await newOrg(t.db, { type: 'health_system' });
  const u = await newUser(t.db, { org: hq, role: 'collaboration_team' });
  leadId = u.id;
  team = await signIn(t.app, u.email);
});
afterAll(() => t.close());

const URL = '/api/v1/engagement/events/import';
const HEADER = 'source_id,title,type,date,start_time,spas,focus_populations,attendee_count,community_members,cbo_staff,organization_ids,staff_lead_ids';
const send = (csv: string, dryRun?: boolean) => t.app.inject({ method: 'POST', url: `${URL}${dryRun ? '?dryRun=true' : ''}`, headers: team, payload: { csv } });
const count = async (tag: string) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(schema.engagementEvents).where(sql`${schema.engagementEvents.sourceId} like ${`${tag}%`}`))[0]!.n;

describe('GET /api/v1/engagement/events/import/template', () => {
  it('answers a CSV template whose example row imports as it is', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${URL}/template`, headers: team });
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    const dry = await send(res.body, true);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 1, created: 1, problems: [] });
  });
});

describe('POST /api/v1/engagement/events/import', () => {
  it('imports every row, at the Los Angeles date and time given, with partners and staff leads; re-importing changes nothing', async () => {
    const tag = `imp-${randomUUID().slice(0, 8)}-`;
    const org = await newOrg(t.db, { name: 'Reentry Partners' });
    const csv = [
      HEADER,
      `${tag}1,Reentry workgroup,workgroup,2019-02-12,10:00,spa6;8,justice_involvement,24,10,8,${org.id},${leadId}`,
      `${tag}2,"Town hall, Lancaster",town_hall,2019-07-01,,SPA 1,homelessness;other,60,,,,`,
    ].join('\r\n');
    const dry = await send(csv, true);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, created: 2, unchanged: 0, problems: [], eventIds: [] });
    expect(await count(tag)).toBe(0);

    const res = await send(csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: 2, unchanged: 0 });
    const rows = await t.db.select().from(schema.engagementEvents).where(inArray(schema.engagementEvents.id, res.json().eventIds)).orderBy(schema.engagementEvents.sourceId);
    expect(rows.map((r) => [r.sourceId, r.startsAt.toISOString(), r.spas, r.title])).toEqual([
      [`${tag}1`, '2019-02-12T18:00:00.000Z', ['spa6', 'spa8'], 'Reentry workgroup'],
      [`${tag}2`, '2019-07-01T19:00:00.000Z', ['spa1'], 'Town hall, Lancaster'],
    ]);
    const [first] = rows;
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/engagement/events/${first!.id}`, headers: team });
    expect(got.json()).toMatchObject({ organizationIds: [org.id], staffLeadIds: [leadId], attendeesByGroup: { communityMembers: 10, cboStaff: 8 } });
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, first!.id));
    expect(audits.map((a) => a.action)).toEqual(['engagement_event.create']);

    const again = await send(csv);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 2, eventIds: [] });
    expect(await count(tag)).toBe(2);
  });

  it('lists every bad row (row, column, problem) on a dry run, and a real run imports nothing (422 import_rejected)', async () => {
    const tag = `bad-${randomUUID().slice(0, 8)}-`;
    const csv = [
      HEADER,
      `${tag}1,Good row,outreach_meeting,2020-01-15,09:30,spa4,homelessness,12,,,,`,
      `${tag}2,Bad date,outreach_meeting,15/01/2020,,spa4,homelessness,12,,,,`,
      `${tag}3,Unknown codes,training,2020-01-16,,spa9,veterans,5,,,,`,
      `,No id,other,2020-01-17,,spa2,other,3,,,,`,
      `${tag}1,Same id twice,other,2020-01-18,,spa2,other,3,,,,`,
      `${tag}4,Groups over total,training,2020-01-19,25:00,spa2,other,5,4,3,,`,
      `${tag}5,Groups over total,training,2020-01-19,,spa2,other,5,4,3,,`,
      `${tag}6,Not a number,training,2020-01-19,,spa2,other,a few,,,,`,
    ].join('\n');
    const dry = await send(csv, true);
    expect(dry.statusCode).toBe(200);
    const problems = dry.json().problems as { row: number; column: string }[];
    expect(problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual(
      ['3:date', '4:spas', '4:focus_populations', '5:source_id', '6:source_id', '7:start_time', '8:attendee_count', '9:attendee_count'].sort(),
    );
    // Cross-field rules (the attendee groups) and references are checked on rows whose cells are otherwise right.
    const res = await send(csv);
    expect([res.statusCode, res.json().code]).toEqual([422, 'import_rejected']);
    expect(res.json().problems).toHaveLength(problems.length);
    expect(res.json().errors[0].path).toMatch(/^body\.csv\.\d+\./);
    expect(await count(tag)).toBe(0);
  });

  it('names unknown partner organizations and staff leads by row', async () => {
    const tag = `ref-${randomUUID().slice(0, 8)}-`;
    const stranger = randomUUID();
    const csv = `${HEADER}\n${tag}1,Case conference,case_conference,2021-05-05,,spa3,mental_health,6,,,${stranger},${randomUUID()}\n`;
    const dry = await send(csv, true);
    expect(dry.json().problems).toEqual([
      { row: 2, column: 'organization_ids', problem: `No such organization: ${stranger}` },
      expect.objectContaining({ row: 2, column: 'staff_lead_ids' }),
    ]);
  });

  it('refuses unknown and missing columns, and text that is not CSV, as problems of the file', async () => {
    const unknown = await send('source_id,title,colour\nx,y,red\n', true);
    expect(unknown.json().problems).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'colour', problem: 'Unknown column (see the template)' },
        { row: 1, column: 'type', problem: 'Missing column' },
      ]),
    );
    const broken = await send(`${HEADER}\n"unclosed,quote`, true);
    expect(broken.json().problems[0]).toMatchObject({ column: '', problem: expect.stringMatching(/^Not valid CSV/) });
    const empty = await send(`${HEADER}\n`, true);
    expect(empty.json().problems).toEqual([{ row: 0, column: '', problem: 'The file has no rows to import' }]);
  });

  it('is for the collaboration team and network admins: a board coordinator gets 403', async () => {
    const coord = await newUser(t.db, { org: await newOrg(t.db), role: 'board_coordinator' });
    const res = await t.app.inject({ method: 'POST', url: `${URL}?dryRun=true`, headers: await signIn(t.app, coord.email), payload: { csv: HEADER } });
    expect(res.statusCode).toBe(403);
  });
});
