import { and, eq, inArray } from 'drizzle-orm';
import { Client } from 'pg';
import { schema } from '@tandem/db';
import { newOrg, newService, newClient } from '@tandem/db/testing';
import { testApp, type TestApp, apiKey, member, type Call } from '../../testing/app';
import { referralLinks } from '../referrals';
import { world } from '../referrals/testing';
import { clientsRepo } from './repo';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id).sort();
const auditRows = (action: string, entityIds: string[]) =>
  t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, action), inArray(schema.auditLog.entityId, entityIds)));

describe('GET /api/v1/clients?q= (client search)', () => {
  /** One organization's clients: the García family and a few others. */
  const people = async () => {
    const org = await newOrg(t.db);
    const chw = await member(t, org);
    const garcia = await newClient(t.db, org, { givenName: 'María', familyName: 'García', dateOfBirth: '1990-04-12', phones: ['(323) 555-0142'] });
    const rodrigo = await newClient(t.db, org, { givenName: 'Rodrigo', middleName: 'José', familyName: 'Garcia-López', dateOfBirth: '1975-01-30', phones: ['213.555.0177', '+1 818 555 0101'] });
    const maria = await newClient(t.db, org, { givenName: 'Maria', familyName: 'Nguyen', preferredName: 'Mimi', dateOfBirth: '1990-04-12', phones: [] });
    const ana = await newClient(t.db, org, { givenName: 'Ana', familyName: 'Ortega', dateOfBirth: '2001-09-09', phones: ['3235550142'] });
    return { org, chw, garcia, rodrigo, maria, ana };
  };
  const search = (call: Call, q: string, extra = '') =>
    call('GET', `/api/v1/clients?q=${encodeURIComponent(q)}${extra}`);

  it('matches the start of any word of the name, two letters and up, accents and case either way', async () => {
    const p = await people();
    const cases: [string, string[]][] = [
      ['Garc', [p.garcia.id, p.rodrigo.id]],
      ['garcia', [p.garcia.id, p.rodrigo.id]],
      ['GARCÍA', [p.garcia.id, p.rodrigo.id]],
      ['Maria', [p.garcia.id, p.maria.id]],
      ['María', [p.garcia.id, p.maria.id]],
      ['Ro', [p.rodrigo.id]],
      ['lopez', [p.rodrigo.id]], // the second half of a hyphenated family name
      ['jose', [p.rodrigo.id]], // the middle name
      ['Mimi', [p.maria.id]], // the preferred name
      ['maría garc', [p.garcia.id]], // every word must match
      ['arcia', []], // the middle of a word is not a start
    ];
    for (const [q, expected] of cases) {
      const res = await search(p.chw.call, q);
      expect([q, res.status, ids(res)]).toEqual([q, 200, expected.sort()]);
    }
    const one = await search(p.chw.call, 'Ortega');
    expect(one.body).toEqual({
      data: [{ id: p.ana.id, givenName: 'Ana', familyName: 'Ortega', preferredName: null, dateOfBirth: '2001-09-09', phones: ['3235550142'] }],
      nextCursor: null,
    });
  });

  it('matches a date of birth, and phone digits in any formatting', async () => {
    const p = await people();
    const cases: [string, string[]][] = [
      ['1990-04-12', [p.garcia.id, p.maria.id]],
      ['Garc 1990-04-12', [p.garcia.id]],
      ['(323) 555-0142', [p.garcia.id, p.ana.id]],
      ['323-555-0142', [p.garcia.id, p.ana.id]],
      ['+1 323 555 0142', [p.garcia.id, p.ana.id]],
      ['0177', [p.rodrigo.id]],
      ['8185550101', [p.rodrigo.id]], // the second phone; stored with +1
      ['5550142 5550177', []], // digits never span two numbers
    ];
    for (const [q, expected] of cases) {
      const res = await search(p.chw.call, q);
      expect([q, res.status, ids(res)]).toEqual([q, 200, expected.sort()]);
    }
  });

  it('refuses a query with nothing to search by (400 with the field), and pages with a cursor', async () => {
    const p = await people();
    for (const q of ['G', '12', '']) {
      const res = await search(p.chw.call, q);
      expect([q, res.status, res.body.code, res.body.errors?.[0]?.path]).toEqual([q, 400, 'validation_failed', 'query.q']);
    }
    const first = await search(p.chw.call, 'Garc', '&limit=1');
    // Sorted by folded family name, then given name: "garcia lopez rodrigo" before "garcia maria".
    expect(first.body.data.map((c: { familyName: string }) => c.familyName)).toEqual(['Garcia-López']);
    const second = await search(p.chw.call, 'Garc', `&limit=1&cursor=${first.body.nextCursor}`);
    expect([second.body.data.map((c: { familyName: string }) => c.familyName), second.body.nextCursor]).toEqual([['García'], null]);
    const bad = await search(p.chw.call, 'Garc', '&cursor=nope');
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_cursor']);
  });

  it('finds only clients the caller may read, and audits each result as a read', async () => {
    const w = await world(t);
    const family = w.client.familyName;
    const outsider = await member(t, w.other);
    const cboKey = await apiKey(t, w.cbo, ['referrals:read']);
    expect(ids(await search(w.chw.call, family))).toEqual([w.client.id]);
    // Not registered by them, no referral sent to them: nothing, not even with the exact phone.
    expect(ids(await search(outsider.call, family))).toEqual([]);
    expect(ids(await search(outsider.call, w.client.phones[0]!))).toEqual([]);
    expect(ids(await search(w.cboStaff.call, family))).toEqual([]);
    // A draft to the CBO is still the clinic's alone.
    await w.draft();
    expect(ids(await search(w.cboStaff.call, family))).toEqual([]);
    await w.sent({ needs: ['housing-instability'] });
    expect(ids(await search(w.cboStaff.call, family))).toEqual([w.client.id]);
    expect(ids(await search(cboKey, family))).toEqual([w.client.id]);
    expect(ids(await search(outsider.call, family))).toEqual([]);

    const rows = await auditRows('client.search', [w.client.id]);
    expect(rows.map((r) => [r.actorUserId ?? 'key', r.organizationId]).sort()).toEqual(
      [
        [w.chw.user.id, w.clinic.id],
        [w.cboStaff.user.id, w.cbo.id],
        ['key', w.cbo.id],
      ].sort(),
    );
  });
});

describe('GET /api/v1/clients/{id}/referrals', () => {
  const list = async (call: Call, clientId: string) => call('GET', `/api/v1/clients/${clientId}/referrals`);

  it("lists the client's referrals each viewer may open, with status; never another organization's draft", async () => {
    const w = await world(t);
    const sent = await w.sent();
    const draft = await w.draft({ needs: ['housing-instability'] });
    // The CBO sends the same client elsewhere (it may read the client once the clinic's referral reached it).
    const shelter = await newService(t.db, w.other.id);
    const cboOwnDraft = await w.draft({ receivingOrganizationId: w.other.id, receivingServiceId: shelter.id, needs: ['utility-insecurity'] }, w.cboStaff.call);

    const clinicView = await list(w.chw.call, w.client.id);
    expect(clinicView.status).toBe(200);
    expect(clinicView.body.data.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [draft.id, 'draft'],
      [sent.id, 'sent'],
    ]);
    expect(clinicView.body.data[1]).toMatchObject({
      needs: ['food-insecurity'],
      sendingOrganizationId: w.clinic.id,
      sendingOrganizationName: 'Eastside Clinic',
      receivingOrganizationName: 'Boyle Heights Pantry',
      receivingServiceName: expect.any(String),
      sentAt: expect.any(String),
      closedAt: null,
    });
    const cboView = await list(w.cboStaff.call, w.client.id);
    expect(cboView.body.data.map((r: { id: string }) => r.id)).toEqual([cboOwnDraft.id, sent.id]);
    const audit = await auditRows('client.referrals.read', [w.client.id]);
    expect(audit.map((r) => r.organizationId).sort()).toEqual([w.clinic.id, w.cbo.id].sort());

    // A network admin sees the sent one only; pages follow the cursor.
    const admin = await member(t, await newOrg(t.db, { type: 'health_system' }), 'network_admin');
    expect((await list(admin.call, w.client.id)).body.data.map((r: { id: string }) => r.id)).toEqual([sent.id]);
    const page1 = await w.chw.call('GET', `/api/v1/clients/${w.client.id}/referrals?limit=1`);
    const page2 = await w.chw.call('GET', `/api/v1/clients/${w.client.id}/referrals?limit=1&cursor=${page1.body.nextCursor}`);
    expect([page1.body.data[0].id, page2.body.data[0].id, page2.body.nextCursor]).toEqual([draft.id, sent.id, null]);
  });

  it('answers 404 to an organization that may not read the client, as for a random id', async () => {
    const w = await world(t);
    await w.draft();
    const outsider = await member(t, w.other);
    for (const call of [outsider.call, w.cboStaff.call]) {
      const res = await list(call, w.client.id);
      const random = await list(call, '00000000-0000-4000-8000-000000000000');
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
      expect(res.body).toEqual({ ...random.body, instance: res.body.instance, requestId: res.body.requestId });
    }
  });
});

describe('client search plan', () => {
  // The repo's expressions must be the indexes' expressions, or every search reads every client.
  it.each([
    ['a name', { names: ['Garc'], dateOfBirth: null, phoneDigits: null }, 'clients_name_key_idx'],
    ['a phone', { names: [], dateOfBirth: null, phoneDigits: '5550142' }, 'clients_phone_key_idx'],
  ])('searches by %s through its index', async (_, terms, index) => {
    const q = clientsRepo.search(t.db, { terms, orgIds: [], everywhere: true, links: referralLinks, limit: 25 }).toSQL();
    const pg = new Client({ connectionString: t.url });
    await pg.connect();
    try {
      await pg.query('set enable_seqscan = off');
      const plan = (await pg.query(`explain ${q.sql}`, q.params)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain(index);
    } finally {
      await pg.end();
    }
  });
});
