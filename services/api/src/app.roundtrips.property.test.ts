import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  allKindsEnabled,
  api,
  CLOSURE_REASONS,
  CreateApiKeyBodySchema,
  CreateClientBodySchema,
  CreateConsentBodySchema,
  CreateContactBodySchema,
  CreateLocationBodySchema,
  CreateMessageBodySchema,
  CreateOrganizationBodySchema,
  CreateReferralBodySchema,
  CreateServiceBodySchema,
  fillPath,
  FirstContactBodySchema,
  InviteMemberBodySchema,
  isNetworkRole,
  EMAIL_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
  outcomesFor,
  reasonRule,
  ReplaceScheduleBodySchema,
  ScheduleExceptionSchema,
  SPA_CODES,
  SendReferralBodySchema,
  UpdateCapacityBodySchema,
  UpdateClientBodySchema,
  UpdateContactBodySchema,
  UpdateLocationBodySchema,
  UpdateMeBodySchema,
  UpdateMemberBodySchema,
  UpdateOrganizationBodySchema,
  UpdateReferralBodySchema,
  UpdateServiceBodySchema,
  type EndpointDef,
  type ReferralStatus,
  type Role,
} from '@tandem/contract';
import { newApplicationRow, newBoardRow, newOrg, newUser, newLocation, newService, newConsent, newRecommendationRow, newMeetingRow, newMotionRow } from '@tandem/db/testing';
import { schema } from '@tandem/db';
import { bodyOf, dateArb, timestampArb, valueOf } from './testing/arbitraries';
import { signIn, testApp, type TestApp } from './testing/app';

// Issue 22: for every create and update operation, bodies with any subset of the optional fields
// absent (and nullable ones null), valid otherwise, then every read of what was made — detail,
// list, HSDS, and as each caller that may read it — answers 2xx with a body the contract's
// response schema accepts. The API also checks its responses (config.responseCheck: a mismatch is
// a 500), and `ok` below parses each body with the contract's schema again, so a mismatch fails
// here whichever side of the serializer it is on.
//
// PROP_SEED=<n> replays a run (the seed is printed); PROP_RUNS=<n> changes the runs per property.

const SEED = Number(process.env.PROP_SEED ?? 22_2026);
const RUNS = Number(process.env.PROP_RUNS ?? 15);
fc.configureGlobal({ seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false });
process.stdout.write(`app.roundtrips.property: PROP_SEED=${SEED} PROP_RUNS=${RUNS}\n`);

type Who = Record<string, string>;
const ANON: Who = {};

let t: TestApp;
let seq = 0;
const next = () => ++seq;

/** One call of a contract endpoint. */
const call = (who: Who, e: EndpointDef, opts: { params?: Record<string, string>; query?: Record<string, string | number>; body?: unknown; headers?: Who } = {}) => {
  const qs = opts.query ? `?${new URLSearchParams(Object.entries(opts.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}` : '';
  return t.app.inject({
    method: e.method,
    url: fillPath(e.path, opts.params) + qs,
    headers: { ...who, ...opts.headers },
    ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
};

/** A 2xx the endpoint declares, with a body its response schema accepts; the parsed body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are read field by field after the schema check
const ok = (e: EndpointDef, res: LightMyRequestResponse, what = ''): any => {
  const where = `${e.operationId}${what ? ` (${what})` : ''}`;
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`${where} answered ${res.statusCode}: ${res.body}`);
  const schema = e.responses[res.statusCode];
  if (schema === undefined) throw new Error(`${where} answered ${res.statusCode}, which the contract does not declare`);
  if (schema === null) return undefined;
  const parsed = (schema as z.ZodType).safeParse(res.json());
  if (!parsed.success) throw new Error(`${where} answered a body its contract schema refuses: ${JSON.stringify(parsed.error.issues)}\n${res.body}`);
  return res.json();
};
const read = async (who: Who, e: EndpointDef, opts: Parameters<typeof call>[2], what = '') => ok(e, await call(who, e, opts), what);
/** A list page of `e` that contains `id`. */
const listed = async (who: Who, e: EndpointDef, opts: Parameters<typeof call>[2], id: string, what = '', key = 'id') => {
  const page = await read(who, e, opts, what);
  if (!(page.data as Record<string, unknown>[]).some((x) => x[key] === id)) throw new Error(`${e.operationId} (${what}) does not list ${id}`);
  return page;
};

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const run = <T extends [unknown, ...unknown[]]>(prop: fc.IAsyncPropertyWithHooks<T>) => fc.assert(prop);

// The world: a network admin, a clinic that refers, a CBO that receives (with a location, a
// service and a contact), a third organization, their people and API keys with every scope.
const w = {} as {
  netAdmin: Who;
  netAdminId: string;
  clinic: { id: string };
  cbo: { id: string };
  other: { id: string };
  clinicStaff: Who;
  clinicAdmin: Who;
  cboStaff: Who;
  cboStaffId: string;
  cboAdmin: Who;
  clinicKey: Who;
  cboKey: Who;
  location: { id: string };
  service: { id: string };
  contactId: string;
};
const ALL_SCOPES = ['directory:read', 'directory:write', 'referrals:read', 'referrals:write', 'engagement:read'];

beforeAll(async () => {
  t = await testApp(process.env.PROP_LOG ? { logLevel: 'error' } : {});
  const net = await newOrg(t.db, { name: 'County Health', type: 'health_system' });
  const admin = await newUser(t.db, { org: net, role: 'network_admin' });
  w.netAdmin = await signIn(t.app, admin.email);
  w.netAdminId = admin.id;
  w.clinic = await newOrg(t.db, { name: 'Eastside Clinic', type: 'clinic' });
  w.cbo = await newOrg(t.db, { name: 'Boyle Heights Pantry', type: 'cbo' });
  w.other = await newOrg(t.db, { name: 'Westside Shelter', type: 'cbo' });
  const person = async (org: { id: string }, role: 'staff' | 'org_admin') => {
    const u = await newUser(t.db, { org, role });
    return { id: u.id, who: await signIn(t.app, u.email) };
  };
  w.clinicStaff = (await person(w.clinic, 'staff')).who;
  w.clinicAdmin = (await person(w.clinic, 'org_admin')).who;
  const cboStaff = await person(w.cbo, 'staff');
  w.cboStaff = cboStaff.who;
  w.cboStaffId = cboStaff.id;
  w.cboAdmin = (await person(w.cbo, 'org_admin')).who;
  const key = async (admin: Who, org: { id: string }) => {
    const res = ok(api.createApiKey, await call(admin, api.createApiKey, { params: { id: org.id }, body: { name: 'sync', scopes: ALL_SCOPES } }));
    return { authorization: `Bearer ${res.secret as string}` };
  };
  w.clinicKey = await key(w.clinicAdmin, w.clinic);
  w.cboKey = await key(w.cboAdmin, w.cbo);
  w.location = await newLocation(t.db, w.cbo.id);
  w.service = await newService(t.db, w.cbo.id, { locationIds: [w.location.id] });
  w.contactId = ok(api.createContact, await call(w.cboAdmin, api.createContact, { params: { id: w.cbo.id }, body: { name: 'Ana Ruiz', email: 'ana@pantry.example' } })).id;
}, 60_000);
afterAll(() => t?.close());

describe('the checker', () => {
  it('fails on a 2xx body the contract refuses, and on a status the contract does not declare', async () => {
    const res = await call(ANON, api.getOrganization, { params: { id: w.cbo.id } });
    expect(ok(api.getOrganization, res).id).toBe(w.cbo.id);
    const bad = { ...res, statusCode: 200, json: () => ({ ...res.json(), partnershipStage: null }) } as unknown as LightMyRequestResponse;
    expect(() => ok(api.getOrganization, bad)).toThrow(/contract schema refuses/);
    expect(() => ok(api.getOrganization, { ...res, statusCode: 201 } as LightMyRequestResponse)).toThrow(/does not declare/);
    expect(() => ok(api.getOrganization, { ...res, statusCode: 500 } as LightMyRequestResponse)).toThrow(/answered 500/);
  });
});

// ---- Directory ------------------------------------------------------------------------------

/** Every read of an organization: public, signed in, by key, HSDS, history, its list. */
const readOrganization = async (id: string, name: string) => {
  for (const [who, as] of [[ANON, 'anonymous'], [w.netAdmin, 'network admin'], [w.clinicStaff, 'staff'], [w.clinicKey, 'key']] as const) await read(who, api.getOrganization, { params: { id } }, as);
  for (const [who, as] of [[ANON, 'anonymous'], [w.netAdmin, 'network admin']] as const) await listed(who, api.listOrganizations, { query: { q: name.trim(), limit: 200 } }, id, `${as}, q=name`);
  await read(ANON, api.getHsdsOrganization, { params: { id } });
  await read(w.netAdmin, api.getOrganizationHistory, { params: { id } });
};

/** Every read of a service: detail as each caller, its organization's list, search, HSDS. */
const readService = async (id: string, orgId: string) => {
  // The detail as each caller (signed-in callers see more contacts); lists and search answer the
  // same rows to everyone, so twice is enough.
  for (const [who, as] of [[ANON, 'anonymous'], [w.netAdmin, 'network admin'], [w.cboStaff, 'staff'], [w.clinicKey, 'key']] as const) await read(who, api.getService, { params: { id } }, as);
  for (const [who, as] of [[ANON, 'anonymous'], [w.clinicKey, 'key']] as const) {
    const s = await read(who, api.getService, { params: { id } }, as);
    await listed(who, api.listOrganizationServices, { params: { id: orgId }, query: { limit: 200 } }, id, as);
    await read(who, api.searchServices, { query: { q: (s.name as string).trim() || 'x', limit: 5 } }, `${as}, q=name`);
  }
  await read(ANON, api.getHsdsService, { params: { id } });
  await read(ANON, api.listHsdsServiceAtLocations, { query: { organization_id: orgId } });
};

const orgBody = () => bodyOf(CreateOrganizationBodySchema).map((b) => ({ ...b, name: `${String(b.name).trim().slice(0, 190)} ${next()}` }));

describe('organizations', () => {
  it('create', () =>
    run(
      fc.asyncProperty(orgBody(), async (body) => {
        const org = ok(api.createOrganization, await call(w.netAdmin, api.createOrganization, { body }));
        await readOrganization(org.id, org.name);
      }),
    ), 60_000);

  it('update', () =>
    run(
      fc.asyncProperty(
        orgBody(),
        // Never to partnered: that is POST .../partnership/confirm (a PATCH to it → 409 partnership_confirm_required, organizations.test.ts).
        bodyOf(UpdateOrganizationBodySchema, { liaisonUserId: fc.constant(w.netAdminId), partnershipStage: fc.constantFrom('prospect', 'outreach', 'assessed') }, ['version']),
        fc.boolean(),
        async (create, body, byHeader) => {
          const org = ok(api.createOrganization, await call(w.netAdmin, api.createOrganization, { body: create }));
          const res = await call(w.netAdmin, api.updateOrganization, byHeader ? { params: { id: org.id }, body, headers: ifMatch(org.version) } : { params: { id: org.id }, body: { ...body, version: org.version } });
          const updated = ok(api.updateOrganization, res);
          await readOrganization(org.id, updated.name);
        },
      ),
    ), 60_000);
});

describe('services, capacity and schedules', () => {
  let org: { id: string };
  let locs: string[];
  beforeAll(async () => {
    org = await newOrg(t.db);
    locs = [(await newLocation(t.db, org.id)).id, (await newLocation(t.db, org.id)).id];
  });
  const serviceOverrides = () => ({ locationIds: fc.subarray(locs) });
  const writers = () => fc.constantFrom('netAdmin', 'key');
  let orgAdmin: Who;
  let orgKey: Who;
  beforeAll(async () => {
    const u = await newUser(t.db, { org, role: 'org_admin' });
    orgAdmin = await signIn(t.app, u.email);
    const k = ok(api.createApiKey, await call(orgAdmin, api.createApiKey, { params: { id: org.id }, body: { name: 'k', scopes: ALL_SCOPES } }));
    orgKey = { authorization: `Bearer ${k.secret as string}` };
  });
  const as = (writer: string) => (writer === 'key' ? orgKey : writer === 'admin' ? orgAdmin : w.netAdmin);

  it('create', () =>
    run(
      fc.asyncProperty(bodyOf(CreateServiceBodySchema, serviceOverrides()), writers(), async (body, writer) => {
        const s = ok(api.createService, await call(as(writer), api.createService, { params: { id: org.id }, body }));
        await readService(s.id, org.id);
      }),
    ), 60_000);

  it('update', () =>
    run(
      fc.asyncProperty(bodyOf(CreateServiceBodySchema, serviceOverrides()), bodyOf(UpdateServiceBodySchema, serviceOverrides(), ['version']), writers(), async (create, body, writer) => {
        const s = ok(api.createService, await call(as(writer), api.createService, { params: { id: org.id }, body: create }));
        const updated = await call(as(writer), api.updateService, { params: { id: s.id }, body, headers: ifMatch(s.version) });
        // minAge/maxAge out of order across the stored and the new values is refused, not a 500.
        if (updated.statusCode === 400 && /minAge|maxAge/.test(updated.body)) return;
        ok(api.updateService, updated);
        await readService(s.id, org.id);
      }),
    ), 60_000);

  it('capacity', () =>
    run(
      fc.asyncProperty(bodyOf(UpdateCapacityBodySchema, {}, ['version']), writers(), async (body, writer) => {
        const s = await newService(t.db, org.id, { locationIds: locs });
        ok(api.updateServiceCapacity, await call(as(writer), api.updateServiceCapacity, { params: { id: s.id }, body }));
        await readService(s.id, org.id);
      }),
    ), 60_000);

  // Hours that never overlap by construction: up to four slots a day, each inside its own six hours.
  const time = (m: number, seconds: boolean) => (m === 24 * 60 ? (seconds ? '24:00:00' : '24:00') : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}${seconds ? ':00' : ''}`);
  const intervals = () =>
    fc
      .uniqueArray(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), slot: fc.integer({ min: 0, max: 3 }), a: fc.integer({ min: 0, max: 359 }), b: fc.integer({ min: 1, max: 360 }), seconds: fc.boolean(), where: fc.constantFrom('absent', 'null', 'location') }), {
        selector: (i) => `${i.weekday}/${i.slot}`,
        maxLength: 10,
      })
      .map((list) =>
        list
          .filter((i) => i.a < i.b)
          .map((i) => ({
            weekday: i.weekday,
            opensAt: time(i.slot * 360 + i.a, i.seconds),
            closesAt: time(i.slot * 360 + i.b, i.seconds),
            ...(i.where === 'null' ? { locationId: null } : i.where === 'location' ? { locationId: locs[0] } : {}),
          })),
      );
  const exceptions = () => fc.uniqueArray(valueOf(ScheduleExceptionSchema, { date: dateArb(new Date('2020-01-01'), new Date('2035-12-31')) }), { selector: (e) => (e as { date: string }).date, maxLength: 4 });

  it('schedule', () =>
    run(
      fc.asyncProperty(bodyOf(ReplaceScheduleBodySchema, { intervals: intervals(), exceptions: exceptions() }, ['version']), writers(), async (body, writer) => {
        const s = await newService(t.db, org.id, { locationIds: locs });
        ok(api.replaceServiceSchedule, await call(as(writer), api.replaceServiceSchedule, { params: { id: s.id }, body }));
        await readService(s.id, org.id);
        await read(ANON, api.searchServices, { query: { openNow: 'true', limit: 5 } });
      }),
    ), 60_000);

  /** A location as each caller reads it: its organization's list, the services delivered there. */
  const readLocation = async (id: string) => {
    for (const who of [ANON, w.netAdmin, w.clinicKey]) await listed(who, api.listOrganizationLocations, { params: { id: org.id }, query: { limit: 200 } }, id);
    const s = await newService(t.db, org.id, { locationIds: [id] });
    for (const who of [ANON, w.netAdmin]) await read(who, api.getService, { params: { id: s.id } });
    await read(ANON, api.getHsdsService, { params: { id: s.id } });
    await read(ANON, api.searchServices, { query: { near: '34.05,-118.25', limit: 5 } });
  };

  it('locations: create', () =>
    run(
      fc.asyncProperty(bodyOf(CreateLocationBodySchema), writers(), async (body, writer) => {
        const l = ok(api.createLocation, await call(as(writer), api.createLocation, { params: { id: org.id }, body }));
        await readLocation(l.id);
      }),
    ), 60_000);

  it('locations: update', () =>
    run(
      fc.asyncProperty(bodyOf(CreateLocationBodySchema), bodyOf(UpdateLocationBodySchema), writers(), async (create, body, writer) => {
        const l = ok(api.createLocation, await call(as(writer), api.createLocation, { params: { id: org.id }, body: create }));
        ok(api.updateLocation, await call(as(writer), api.updateLocation, { params: { id: l.id }, body }));
        await readLocation(l.id);
      }),
    ), 60_000);

  const readContact = async (id: string) => {
    await listed(w.netAdmin, api.listOrganizationContacts, { params: { id: org.id }, query: { limit: 200 } }, id, 'network admin');
    await listed(orgAdmin, api.listOrganizationContacts, { params: { id: org.id }, query: { limit: 200 } }, id, 'org admin');
    await read(ANON, api.listOrganizationContacts, { params: { id: org.id }, query: { limit: 200 } }, 'anonymous');
    await read(w.clinicKey, api.listOrganizationContacts, { params: { id: org.id }, query: { limit: 200 } }, 'key');
  };
  let svc: { id: string };
  beforeAll(async () => {
    svc = await newService(t.db, org.id);
  });
  const contactOverrides = () => ({ serviceId: fc.constant(svc.id) });

  it('contacts: create', () =>
    run(
      fc.asyncProperty(bodyOf(CreateContactBodySchema, contactOverrides()), writers(), async (body, writer) => {
        const c = ok(api.createContact, await call(as(writer), api.createContact, { params: { id: org.id }, body }));
        await readContact(c.id);
        for (const who of [ANON, w.netAdmin, orgKey]) await read(who, api.getService, { params: { id: svc.id } });
      }),
    ), 60_000);

  it('contacts: update', () =>
    run(
      fc.asyncProperty(bodyOf(CreateContactBodySchema, contactOverrides()), bodyOf(UpdateContactBodySchema, contactOverrides()), writers(), async (create, body, writer) => {
        const c = ok(api.createContact, await call(as(writer), api.createContact, { params: { id: org.id }, body: create }));
        ok(api.updateContact, await call(as(writer), api.updateContact, { params: { id: c.id }, body }));
        await readContact(c.id);
        for (const who of [ANON, w.netAdmin, orgKey]) await read(who, api.getService, { params: { id: svc.id } });
      }),
    ), 60_000);
});

describe('agreements', () => {
  const overrides = () => ({ partyOrganizationIds: fc.shuffledSubarray([w.clinic.id, w.cbo.id, w.other.id], { minLength: 2 }) });
  const readAgreement = async (id: string, parties: string[]) => {
    await read(w.netAdmin, api.getAgreement, { params: { id } }, 'network admin');
    await listed(w.netAdmin, api.listAgreements, { query: { limit: 200 } }, id, 'network admin');
    if (parties.includes(w.clinic.id)) {
      await read(w.clinicStaff, api.getAgreement, { params: { id } }, 'party');
      await listed(w.clinicStaff, api.listAgreements, { query: { organizationId: w.clinic.id, limit: 200 } }, id, 'party');
    }
  };
  it('create', () =>
    run(
      fc.asyncProperty(bodyOf(api.createAgreement.body, overrides()), async (body) => {
        const a = ok(api.createAgreement, await call(w.netAdmin, api.createAgreement, { body }));
        await readAgreement(a.id, body.partyOrganizationIds as string[]);
      }),
    ), 60_000);
  it('update', () =>
    run(
      fc.asyncProperty(bodyOf(api.createAgreement.body, overrides()), bodyOf(api.updateAgreement.body, overrides(), ['version']), async (create, body) => {
        const a = ok(api.createAgreement, await call(w.netAdmin, api.createAgreement, { body: create }));
        const res = await call(w.netAdmin, api.updateAgreement, { params: { id: a.id }, body, headers: ifMatch(a.version) });
        if (res.statusCode === 400 && /startDate|endDate/.test(res.body)) return;
        const u = ok(api.updateAgreement, res);
        await readAgreement(a.id, (u.parties as { id: string }[]).map((p) => p.id));
      }),
    ), 60_000);
});

describe('partnership confirmation', () => {
  // An organization at assessed, with an agreement or without one (then a note is needed); the
  // body absent, empty, with a note (any text the schema takes) and/or the version instead of If-Match.
  const note = valueOf(api.confirmPartnership.body.unwrap().unwrap().shape.note.unwrap().unwrap());
  it('confirm, then every read', () =>
    run(
      fc.asyncProperty(fc.boolean(), fc.option(note, { nil: undefined }), fc.constantFrom('none', 'empty', 'body'), fc.boolean(), async (hasAgreement, text, shape, byHeader) => {
        const org = await newOrg(t.db, { partnershipStage: 'assessed' });
        if (hasAgreement) {
          const [a] = await t.db.insert(schema.agreements).values({ kind: 'mou', status: 'active', title: `Round trip MOU ${next()}` }).returning();
          await t.db.insert(schema.agreementParties).values({ agreementId: a!.id, organizationId: org.id });
        }
        const p = ok(api.getPartnership, await call(w.netAdmin, api.getPartnership, { params: { id: org.id } }), 'before');
        const body = shape === 'none' ? undefined : shape === 'empty' ? {} : { ...(text === undefined ? {} : { note: text }), ...(byHeader ? {} : { version: p.version }) };
        const headers = byHeader || !body || !('version' in body) ? ifMatch(p.version) : {};
        const res = await call(w.netAdmin, api.confirmPartnership, { params: { id: org.id }, body, headers });
        const hasNote = typeof text === 'string' && text.trim() !== '' && shape === 'body';
        if (!hasAgreement && !hasNote) {
          if (res.statusCode !== 422 || res.json().code !== 'partnership_evidence_missing') throw new Error(`no evidence, no note: ${res.statusCode} ${res.body}`);
          return;
        }
        const c = ok(api.confirmPartnership, res);
        if (c.stage !== 'partnered') throw new Error(`not partnered: ${res.body}`);
        ok(api.getPartnership, await call(w.netAdmin, api.getPartnership, { params: { id: org.id } }), 'after');
        ok(api.getOrganization, await call(w.netAdmin, api.getOrganization, { params: { id: org.id } }));
        ok(api.getOrganizationHistory, await call(w.netAdmin, api.getOrganizationHistory, { params: { id: org.id } }));
      }),
    ), 60_000);
});

describe('network overview', () => {
  // Any valid query (range, SPA, each absent or not) answers a body the contract accepts, for both roles that read it.
  it('read', () =>
    run(
      fc.asyncProperty(fc.option(dateArb(), { nil: undefined }), fc.option(dateArb(), { nil: undefined }), fc.option(fc.constantFrom(...SPA_CODES), { nil: undefined }), async (a, b, spa) => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        const query = Object.fromEntries(Object.entries({ from, to, spa }).filter(([, v]) => v !== undefined)) as Record<string, string>;
        ok(api.getNetworkOverview, await call(w.netAdmin, api.getNetworkOverview, { query }), 'network admin');
      }),
    ), 60_000);
});

describe('service gaps', () => {
  // The owner is network staff (or none); agreements are linked in gaps.test.ts (ids must exist).
  const overrides = () => ({ ownerUserId: fc.constantFrom(w.netAdminId, null), linkedAgreementIds: fc.constant([]) });
  const readGap = async (id: string, transitionTo?: string) => {
    const g = await read(w.netAdmin, api.getGap, { params: { id } });
    await listed(w.netAdmin, api.listGaps, { query: { limit: 200 } }, id);
    await read(w.netAdmin, api.listGapHistory, { params: { id }, query: { limit: 200 } });
    await read(w.netAdmin, api.getGapEvidence, { params: { id }, query: { from: '2026-01-01', to: '2026-12-31' } });
    if (transitionTo) ok(api.transitionGap, await call(w.netAdmin, api.transitionGap, { params: { id }, body: { to: transitionTo, rationale: 'Round trip' }, headers: ifMatch(g.version) }));
  };
  it('create', () =>
    run(
      fc.asyncProperty(bodyOf(api.createGap.body, overrides()), async (body) => {
        const g = ok(api.createGap, await call(w.netAdmin, api.createGap, { body }));
        await readGap(g.id, 'not_pursued');
        await read(w.netAdmin, api.getCoverage, { query: { from: '2026-01-01', to: '2026-12-31', axis: body.communitySupport ? 'community_support' : 'category' } });
      }),
    ), 60_000);
  it('update', () =>
    run(
      fc.asyncProperty(bodyOf(api.createGap.body, overrides()), bodyOf(api.updateGap.body, overrides(), ['version']), async (create, body) => {
        const g = ok(api.createGap, await call(w.netAdmin, api.createGap, { body: create }));
        ok(api.updateGap, await call(w.netAdmin, api.updateGap, { params: { id: g.id }, body, headers: ifMatch(g.version) }));
        await readGap(g.id);
      }),
    ), 60_000);
});

// ---- Engagement events ------------------------------------------------------------------------

describe('engagement events', () => {
  // Partner organizations from the world, the network admin as staff lead, no gap ids (none are
  // wired); attendee groups small enough for any total the bodies carry.
  const groups = fc.record(
    { communityMembers: fc.integer({ min: 0, max: 20 }), cboStaff: fc.integer({ min: 0, max: 20 }), countyStaff: fc.integer({ min: 0, max: 20 }), healthSystemStaff: fc.integer({ min: 0, max: 20 }), livedExperience: fc.integer({ min: 0, max: 20 }) },
    { requiredKeys: [] },
  );
  const overrides = () => ({
    organizationIds: fc.shuffledSubarray([w.clinic.id, w.cbo.id, w.other.id]),
    staffLeadIds: fc.shuffledSubarray([w.netAdminId]),
    gapIds: fc.constant([] as string[]),
    attendeeCount: fc.integer({ min: 100, max: 5000 }),
    attendeesByGroup: groups,
  });
  const readEvent = async (id: string, orgIds: string[]) => {
    await read(w.netAdmin, api.getEngagementEvent, { params: { id } }, 'network admin');
    await listed(w.netAdmin, api.listEngagementEvents, { query: { limit: 200 } }, id, 'network admin');
    if (orgIds.includes(w.clinic.id)) {
      for (const [who, as] of [[w.clinicStaff, 'partner staff'], [w.clinicKey, 'partner key']] as const) {
        await read(who, api.getEngagementEvent, { params: { id } }, as);
        await listed(who, api.listEngagementEvents, { query: { organizationId: w.clinic.id, limit: 200 } }, id, as);
      }
    }
  };
  /** Its leads' monthly report (the network admin's, when they lead it) lists it, in its Los Angeles month. */
  const readInStaffReport = async (e: { id: string; startsAt: string; staffLeadIds: string[] }) => {
    if (!e.staffLeadIds.includes(w.netAdminId)) return;
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(e.startsAt)).slice(0, 7);
    const r = await read(w.netAdmin, api.getEngagementStaffMonthly, { query: { staffId: w.netAdminId, month } }, 'staff report');
    if (!(r.rows as { id: string }[]).some((x) => x.id === e.id)) throw new Error(`getEngagementStaffMonthly (${month}) does not list ${e.id}`);
  };
  it('create', () =>
    run(
      fc.asyncProperty(bodyOf(api.createEngagementEvent.body, overrides()), async (body) => {
        const e = ok(api.createEngagementEvent, await call(w.netAdmin, api.createEngagementEvent, { body }));
        await readEvent(e.id, e.organizationIds as string[]);
        await readInStaffReport(e);
      }),
    ), 60_000);
  it('update', () =>
    run(
      fc.asyncProperty(bodyOf(api.createEngagementEvent.body, overrides()), bodyOf(api.updateEngagementEvent.body, overrides(), ['version']), async (create, body) => {
        const e = ok(api.createEngagementEvent, await call(w.netAdmin, api.createEngagementEvent, { body: create }));
        const u = ok(api.updateEngagementEvent, await call(w.netAdmin, api.updateEngagementEvent, { params: { id: e.id }, body, headers: ifMatch(e.version) }));
        await readEvent(e.id, u.organizationIds as string[]);
        await readInStaffReport(u);
      }),
    ), 60_000);
  it('series', () =>
    run(
      fc.asyncProperty(bodyOf(api.createEngagementSeries.body, { ...overrides(), count: fc.integer({ min: 2, max: 4 }) }), async (body) => {
        const s = ok(api.createEngagementSeries, await call(w.netAdmin, api.createEngagementSeries, { body }));
        await read(w.netAdmin, api.getEngagementSeries, { params: { id: s.id } });
        for (const e of s.events as { id: string; organizationIds: string[] }[]) await readEvent(e.id, e.organizationIds);
      }),
    ), 60_000);
});

// ---- People and keys ------------------------------------------------------------------------

describe('members, me and API keys', () => {
  const uniqueEmail = (b: Record<string, unknown>) => ({ ...b, email: `m${next()}.${String(b.email).trim()}` });
  const inviters = () => fc.constantFrom('netAdmin', 'orgAdmin');
  const inviter = (x: string) => (x === 'netAdmin' ? w.netAdmin : w.cboAdmin);
  const readMember = async (userId: string, email: string) => {
    for (const [who, as] of [[w.netAdmin, 'network admin'], [w.cboAdmin, 'org admin']] as const) {
      await listed(who, api.listMembers, { params: { id: w.cbo.id }, query: { limit: 200 } }, userId, as, 'userId');
      await listed(who, api.listUsers, { query: { q: email.slice(0, 100), limit: 200 } }, userId, `${as}, q=email`);
    }
    await read(w.cboStaff, api.listColleagues, { params: { id: w.cbo.id }, query: { limit: 200 } });
  };
  const invite = async (x: string, body: Record<string, unknown>) => {
    const res = await call(inviter(x), api.inviteMember, { params: { id: w.cbo.id }, body });
    // Network-wide roles exist only in the organization that runs the network (not this CBO),
    // and an org admin grants none of them.
    if (isNetworkRole(body.role as Role)) {
      expect([res.statusCode, res.json().code]).toEqual([403, 'role_not_grantable']);
      return null;
    }
    return ok(api.inviteMember, res);
  };

  it('invite', () =>
    run(
      fc.asyncProperty(bodyOf(InviteMemberBodySchema).map(uniqueEmail), inviters(), async (body, x) => {
        const r = await invite(x, body);
        if (r) await readMember(r.member.userId, r.member.email);
      }),
    ), 60_000);

  it('role', () =>
    run(
      fc.asyncProperty(bodyOf(InviteMemberBodySchema).map(uniqueEmail), bodyOf(UpdateMemberBodySchema), async (create, body) => {
        const role = (create as { role?: Role }).role;
        const r = await invite('netAdmin', { ...create, role: role && isNetworkRole(role) ? 'staff' : role });
        const res = await call(w.netAdmin, api.updateMember, { params: { id: w.cbo.id, userId: r.member.userId }, body });
        // Network-wide roles exist only in the organization that runs the network, not this CBO.
        if (isNetworkRole(body.role as Role)) expect([res.statusCode, res.json().code]).toEqual([403, 'role_not_grantable']);
        else ok(api.updateMember, res);
        await readMember(r.member.userId, r.member.email);
      }),
    ), 60_000);

  it('me', () =>
    run(
      fc.asyncProperty(bodyOf(UpdateMeBodySchema), async (body) => {
        const u = await newUser(t.db, { org: w.other });
        const me = await signIn(t.app, u.email);
        ok(api.updateMe, await call(me, api.updateMe, { body }));
        await read(me, api.getMe, {});
      }),
    ), 60_000);

  // Issue 24: notification settings, written twice with the version read, then read back as written.
  it('notification settings', () =>
    run(
      fc.asyncProperty(
        fc.array(
          bodyOf(
            api.updateNotificationSettings.body,
            {
              enabled: fc.option(fc.record(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, fc.boolean()])), { requiredKeys: [] }), { nil: undefined }),
              email: fc.option(fc.record(Object.fromEntries(EMAIL_NOTIFICATION_KINDS.map((k) => [k, fc.boolean()])), { requiredKeys: [] }), { nil: undefined }),
            },
            ['version'],
          ),
          { minLength: 1, maxLength: 3 },
        ),
        async (bodies) => {
          const u = await newUser(t.db, { org: w.other });
          const me = await signIn(t.app, u.email);
          const want: Record<string, boolean> = allKindsEnabled();
          const wantEmail: Record<string, boolean> = Object.fromEntries(EMAIL_NOTIFICATION_KINDS.map((k) => [k, true]));
          let s = await read(me, api.getNotificationSettings, {});
          for (const body of bodies) {
            s = ok(api.updateNotificationSettings, await call(me, api.updateNotificationSettings, { body, headers: ifMatch(s.version) }));
            Object.assign(want, body.enabled);
            Object.assign(wantEmail, body.email);
          }
          const back = await read(me, api.getNotificationSettings, {});
          expect([back.enabled, back.email]).toEqual([want, wantEmail]);
        },
      ),
    ), 60_000);

  // Issue 27: a reset asked for any valid email is 202; for an account, the emailed token with any
  // valid password is 204, then that password signs in and the token is used up.
  it('password reset', () =>
    run(
      fc.asyncProperty(bodyOf(PasswordResetRequestBodySchema), bodyOf(PasswordResetConfirmBodySchema), async (anyone, confirm) => {
        ok(api.requestPasswordReset, await call(ANON, api.requestPasswordReset, { body: anyone }), 'any email');
        const u = await newUser(t.db, { org: w.other });
        ok(api.requestPasswordReset, await call(ANON, api.requestPasswordReset, { body: { email: u.email } }), 'an account');
        const [row] = (await t.db.execute<{ token: string }>(sql`select params->>'token' as token from outgoing_emails where user_id = ${u.id}::uuid and template = 'password_reset'`)).rows;
        ok(api.confirmPasswordReset, await call(ANON, api.confirmPasswordReset, { body: { ...confirm, token: row!.token } }));
        await read(await signIn(t.app, u.email, String(confirm.password)), api.getMe, {});
        expect((await call(ANON, api.confirmPasswordReset, { body: { ...confirm, token: row!.token } })).statusCode).toBe(400);
      }),
    ), 60_000);

  it('api keys', () =>
    run(
      fc.asyncProperty(bodyOf(CreateApiKeyBodySchema), async (body) => {
        const k = ok(api.createApiKey, await call(w.cboAdmin, api.createApiKey, { params: { id: w.cbo.id }, body }));
        await listed(w.cboAdmin, api.listApiKeys, { params: { id: w.cbo.id } }, k.id, 'org admin');
        await listed(w.netAdmin, api.listApiKeys, { params: { id: w.cbo.id } }, k.id, 'network admin');
      }),
    ), 60_000);
});

// ---- Clients, consents, referrals -------------------------------------------------------------

const clientBody = () => bodyOf(CreateClientBodySchema);
const writersOf = { clinic: () => [w.clinicStaff, w.clinicKey] as const };

/** Every read of a client its creator, a network admin and (after a sent referral) the receiver may make. */
const readClient = async (id: string, receiver = false) => {
  const readers: [Who, string][] = [[w.clinicStaff, 'creator'], [w.clinicKey, 'creator key'], [w.netAdmin, 'network admin']];
  if (receiver) readers.push([w.cboStaff, 'receiver'], [w.cboKey, 'receiver key']);
  for (const [who, as] of readers) await read(who, api.getClient, { params: { id } }, as);
  await read(w.clinicStaff, api.listConsents, { params: { id } }, 'creator');
  if (receiver) await read(w.cboStaff, api.listConsents, { params: { id } }, 'receiver');
};

describe('clients and consents', () => {
  it('create', () =>
    run(
      fc.asyncProperty(clientBody(), fc.constantFrom(0, 1), async (body, by) => {
        const c = ok(api.createClient, await call(writersOf.clinic()[by]!, api.createClient, { body }));
        await readClient(c.client.id);
        if (typeof body.givenName === 'string') await read(w.clinicStaff, api.findClientMatches, { query: { name: `${body.givenName.trim()} ${String(body.familyName).trim()}`.padEnd(2, 'x') } });
      }),
    ), 60_000);

  it('update', () =>
    run(
      fc.asyncProperty(clientBody(), bodyOf(UpdateClientBodySchema, {}, ['version']), fc.constantFrom(0, 1), async (create, body, by) => {
        const c = ok(api.createClient, await call(writersOf.clinic()[by]!, api.createClient, { body: create }));
        ok(api.updateClient, await call(writersOf.clinic()[by]!, api.updateClient, { params: { id: c.client.id }, body: { ...body, version: c.client.version } }));
        await readClient(c.client.id);
      }),
    ), 60_000);

  const consentBody = () =>
    bodyOf(CreateConsentBodySchema, {
      organizationIds: fc.subarray([w.cbo.id, w.other.id, w.clinic.id]),
      signedAt: timestampArb(new Date('2020-01-01'), new Date()),
      expiresAt: timestampArb(new Date(), new Date('2040-01-01')),
    });

  it('consents', () =>
    run(
      fc.asyncProperty(clientBody(), consentBody(), fc.constantFrom(0, 1), async (client, body, by) => {
        const c = ok(api.createClient, await call(w.clinicStaff, api.createClient, { body: client }));
        ok(api.createConsent, await call(writersOf.clinic()[by]!, api.createConsent, { params: { id: c.client.id }, body }));
        await readClient(c.client.id);
      }),
    ), 60_000);
});

// A referral's client and consent are made in the run, after its body is generated: the body
// names them by these placeholders, which `withIds` replaces.
const CLIENT = '00000000-0000-4000-8000-00000000c11e';
const CONSENT = '00000000-0000-4000-8000-00000000c0de';
const withIds = (b: Record<string, unknown>, ids: { clientId: string; consentId: string }) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v === CLIENT ? ids.clientId : v === CONSENT ? ids.consentId : v]));

/** The overrides that keep a referral's ids pointing at one consistent world. */
const referralOverrides = () => ({
  clientId: fc.constant(CLIENT),
  receivingOrganizationId: fc.constant(w.cbo.id),
  receivingServiceId: fc.constant(w.service.id),
  receivingContactId: fc.constant(w.contactId),
  consentId: fc.constant(CONSENT),
  sendingOrganizationId: fc.constant(w.clinic.id),
});

/** Every read of a referral by each caller that may see it; a draft is the sender's alone. */
const readReferral = async (id: string, sent: boolean) => {
  const readers: [Who, string, 'sent' | 'received'][] = [
    [w.clinicStaff, 'sender', 'sent'],
    [w.clinicKey, 'sender key', 'sent'],
  ];
  if (sent) readers.push([w.cboStaff, 'receiver', 'received'], [w.cboKey, 'receiver key', 'received']);
  for (const [who, as, box] of readers) {
    await read(who, api.getReferral, { params: { id } }, as);
    await listed(who, api.listReferrals, { query: { box, limit: 200 } }, id, as);
    await read(who, api.getReferralTimeline, { params: { id } }, as);
  }
  // Counts and the thread answer the same to a person and a key of one side: once per side.
  for (const [who, as, box] of readers.filter((_, i) => i % 2 === 0)) {
    await read(who, api.countReferrals, { query: { box } }, as);
    await read(who, api.listReferralMessages, { params: { id } }, as);
  }
  // A network admin reads what was sent; a draft is the sender's alone (ARCHITECTURE §4).
  if (sent) {
    await read(w.netAdmin, api.getReferral, { params: { id } }, 'network admin');
    await read(w.netAdmin, api.getReferralTimeline, { params: { id } }, 'network admin');
  }
  const detail = await read(w.clinicStaff, api.getReferral, { params: { id } }, 'sender');
  if (detail.clientId) await readClient(detail.clientId, sent);
  return detail;
};

/** A client made through the API from a generated body, with a network consent. */
const clientWithConsent = async (body: Record<string, unknown>) => {
  const c = ok(api.createClient, await call(w.clinicStaff, api.createClient, { body }));
  const consent = await newConsent(t.db, { id: c.client.id as string });
  return { clientId: c.client.id as string, consentId: consent.id };
};
/** Enough for a send: a language and a phone (the rest of the client as generated). */
const sendable = (b: Record<string, unknown>) => ({ ...b, preferredLanguage: 'es', phones: ['(323) 555-0100'] });
const completeDraft = (clientId: string) => ({
  clientId,
  receivingOrganizationId: w.cbo.id,
  receivingServiceId: w.service.id,
  needs: ['food-insecurity'],
  reason: 'Family of four; food runs out mid-month',
  senderContactName: 'Carla CHW',
  senderContactPhone: '(323) 555-0199',
});
const draftBody = () => bodyOf(CreateReferralBodySchema, referralOverrides());
const sendBody = () => bodyOf(SendReferralBodySchema, {}, ['version']);

describe('referrals', () => {
  // A draft holds any subset of its fields: the client it names is generated too.
  it('draft: create', () =>
    run(
      fc.asyncProperty(clientBody(), draftBody(), fc.constantFrom(0, 1), async (client, body, by) => {
        const ids = await clientWithConsent(client);
        const d = ok(api.createReferral, await call(writersOf.clinic()[by]!, api.createReferral, { body: withIds(body, ids) }));
        await readReferral(d.id, false);
      }),
    ), 90_000);

  it('draft: update', () =>
    run(
      // assigneeId, outcome and firstContactAt are the receiver's, after sending: never on a draft.
      fc.asyncProperty(clientBody(), draftBody(), bodyOf(UpdateReferralBodySchema, referralOverrides(), ['version', 'assigneeId', 'outcome', 'firstContactAt']), fc.constantFrom(0, 1), async (client, create, body, by) => {
        const ids = await clientWithConsent(client);
        const d = ok(api.createReferral, await call(writersOf.clinic()[by]!, api.createReferral, { body: withIds(create, ids) }));
        ok(api.updateReferral, await call(writersOf.clinic()[by]!, api.updateReferral, { params: { id: d.id }, body: { ...withIds(body, ids), version: d.version } }));
        await readReferral(d.id, false);
      }),
    ), 90_000);

  it('send', () =>
    run(
      fc.asyncProperty(clientBody().map(sendable), sendBody(), fc.constantFrom(0, 1), async (client, body, by) => {
        const { clientId } = await clientWithConsent(client);
        const d = ok(api.createReferral, await call(w.clinicStaff, api.createReferral, { body: completeDraft(clientId) }));
        ok(api.sendReferral, await call(writersOf.clinic()[by]!, api.sendReferral, { params: { id: d.id }, body, headers: ifMatch(d.version) }));
        await readReferral(d.id, true);
      }),
    ), 90_000);

  // A walk through the lifecycle: each step one side (person or key) takes one of the transitions
  // the detail offers it, with a reason when the edge takes one, or assigns, or records first contact.
  const step = fc.record({
    side: fc.constantFrom('sender', 'receiver', 'senderKey', 'receiverKey'),
    kind: fc.constantFrom('transition', 'transition', 'transition', 'assign', 'firstContact'),
    pick: fc.nat(),
    reason: fc.constantFrom(...CLOSURE_REASONS),
    withOptionalReason: fc.boolean(),
    note: valueOf(CreateMessageBodySchema.shape.body),
    noteAbsent: fc.boolean(),
    firstContact: bodyOf(FirstContactBodySchema, { at: timestampArb(new Date('2024-01-01'), new Date()) }, ['version']),
    unassign: fc.boolean(),
  });

  it('transitions, assignment and first contact', () =>
    run(
      fc.asyncProperty(clientBody().map(sendable), fc.array(step, { minLength: 1, maxLength: 5 }), async (client, steps) => {
        const { clientId } = await clientWithConsent(client);
        const d = ok(api.createReferral, await call(w.clinicStaff, api.createReferral, { body: completeDraft(clientId) }));
        ok(api.sendReferral, await call(w.clinicStaff, api.sendReferral, { params: { id: d.id }, body: { version: d.version } }));
        for (const s of steps) {
          const who = { sender: w.clinicStaff, receiver: w.cboStaff, senderKey: w.clinicKey, receiverKey: w.cboKey }[s.side];
          const cur = await read(who, api.getReferral, { params: { id: d.id } }, s.side);
          const receiving = s.side.startsWith('receiver');
          if (s.kind === 'assign' && receiving && !['declined', 'completed', 'unable_to_complete', 'cancelled', 'entered_in_error'].includes(cur.status)) {
            ok(api.assignReferral, await call(who, api.assignReferral, { params: { id: d.id }, body: { assigneeId: s.unassign ? null : w.cboStaffId, version: cur.version } }), 'assign');
          } else if (s.kind === 'firstContact' && receiving && ['accepted', 'in_progress', 'on_hold'].includes(cur.status)) {
            ok(api.recordFirstContact, await call(who, api.recordFirstContact, { params: { id: d.id }, body: { ...s.firstContact, version: cur.version } }), 'first contact');
          } else {
            const allowed = (cur.allowedTransitions as ReferralStatus[]).filter((x) => x !== 'entered_in_error');
            if (!allowed.length) continue;
            const to = allowed[s.pick % allowed.length]!;
            const rule = reasonRule(cur.status, to);
            const reason = rule === 'required' || (rule === 'optional' && s.withOptionalReason) ? s.reason : null;
            // Completing (or unable to complete) carries an outcome from its own list; `other` needs a note.
            const outcomes = outcomesFor(to);
            const outcome = outcomes ? outcomes[s.pick % outcomes.length]! : undefined;
            const note = reason === 'other' || outcome === 'other' || !s.noteAbsent ? s.note : undefined;
            const body = {
              to,
              version: cur.version,
              ...(reason ? { reason } : rule === 'none' && s.withOptionalReason ? {} : { reason: null }),
              ...(outcome ? { outcome } : {}),
              ...(note !== undefined ? { note } : {}),
            };
            ok(api.transitionReferral, await call(who, api.transitionReferral, { params: { id: d.id }, body }), `${cur.status} → ${to}`);
          }
          for (const reader of [w.clinicStaff, w.cboKey, w.netAdmin]) await read(reader, api.getReferral, { params: { id: d.id } });
        }
        await readReferral(d.id, true);
      }),
    ), 120_000);

  it('messages', () =>
    run(
      fc.asyncProperty(bodyOf(CreateMessageBodySchema), fc.constantFrom('sender', 'receiver', 'senderKey', 'receiverKey'), async (body, side) => {
        if (!messageRef) {
          const { clientId } = await clientWithConsent(sendable({ givenName: 'Rosa', familyName: 'Thread' }));
          const d = ok(api.createReferral, await call(w.clinicStaff, api.createReferral, { body: completeDraft(clientId) }));
          ok(api.sendReferral, await call(w.clinicStaff, api.sendReferral, { params: { id: d.id }, body: { version: d.version } }));
          messageRef = d.id as string;
        }
        const who = { sender: w.clinicStaff, receiver: w.cboStaff, senderKey: w.clinicKey, receiverKey: w.cboKey }[side];
        const m = ok(api.createReferralMessage, await call(who, api.createReferralMessage, { params: { id: messageRef }, body }), side);
        for (const reader of [w.clinicStaff, w.cboStaff, w.clinicKey, w.cboKey]) await listed(reader, api.listReferralMessages, { params: { id: messageRef }, query: { limit: 200 } }, m.id);
        await read(w.cboStaff, api.markReferralRead, { params: { id: messageRef } });
        for (const reader of [w.clinicStaff, w.cboKey, w.netAdmin]) await read(reader, api.getReferralTimeline, { params: { id: messageRef } });
      }),
    ), 60_000);
});
let messageRef: string | undefined;

// ---- Advisory boards (issue 26) ----------------------------------------------------------------

describe('board meetings, motions, trainings and satisfaction', () => {
  const P = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
  /** A board with three members; placeholders in a generated body are mapped onto them. */
  const boardOf3 = async () => {
    const b = await newBoardRow(t.db);
    const members: string[] = [];
    for (const name of ['Ana', 'Luis', 'Rosa']) members.push((await t.db.insert(schema.boardMembers).values({ boardId: b.id, name, termStart: '2027-01-01', termEnd: '2028-12-31' }).returning())[0]!.id);
    const real = (id: unknown) => (typeof id === 'string' && P.includes(id) ? members[P.indexOf(id)]! : id);
    return { board: b, members, real };
  };
  const readMeeting = async (boardId: string, id: string) => {
    await read(w.netAdmin, api.getMeeting, { params: { id: boardId, meetingId: id } });
    await listed(w.netAdmin, api.listMeetings, { params: { id: boardId } }, id);
    await read(w.netAdmin, api.listMeetingMotions, { params: { id: boardId, meetingId: id } });
  };
  const meetingOver = () => ({ 'supports[].memberId': fc.constantFrom(...P) });
  const mapSupports = (body: Record<string, unknown>, real: (id: unknown) => unknown) =>
    body.supports ? { ...body, supports: (body.supports as Record<string, unknown>[]).map((x) => ({ ...x, memberId: real(x.memberId) })) } : body;

  it('meeting: create, update, attendance, a motion and its votes', () =>
    run(
      fc.asyncProperty(
        bodyOf(api.createMeeting.body, meetingOver()),
        bodyOf(api.updateMeeting.body, meetingOver(), ['version']),
        fc.array(fc.constantFrom('present', 'remote', 'excused', 'absent'), { minLength: 3, maxLength: 3 }),
        bodyOf(api.createMotion.body),
        async (create, update, statuses, motionBody) => {
          const { board, members, real } = await boardOf3();
          const m = ok(api.createMeeting, await call(w.netAdmin, api.createMeeting, { params: { id: board.id }, body: mapSupports(create, real) }));
          await readMeeting(board.id, m.id);
          const res = await call(w.netAdmin, api.updateMeeting, { params: { id: board.id, meetingId: m.id }, body: mapSupports(update, real), headers: ifMatch(m.version) });
          // Clearing both place and link, or an end before the stored start: refused by name.
          if (res.statusCode === 400 && /place|endsAt/.test(res.body)) return;
          const u = ok(api.updateMeeting, res);
          await readMeeting(board.id, u.id);
          if (u.status === 'cancelled') return;
          const attendance = members.map((memberId, i) => ({ memberId, status: statuses[i]! }));
          const a = ok(api.putMeetingAttendance, await call(w.netAdmin, api.putMeetingAttendance, { params: { id: board.id, meetingId: m.id }, body: { attendance } }));
          const mo = ok(api.createMotion, await call(w.netAdmin, api.createMotion, { params: { id: board.id, meetingId: m.id }, body: motionBody }));
          if (a.quorum.met) {
            const votes = attendance.filter((x) => x.status === 'present' || x.status === 'remote').map((x) => ({ memberId: x.memberId, choice: mo.decision === 'consensus' ? 'agree' : 'yes' }));
            ok(api.putMotionVotes, await call(w.netAdmin, api.putMotionVotes, { params: { id: board.id, meetingId: m.id, motionId: mo.id }, body: { votes } }));
          }
          await read(w.netAdmin, api.getMotion, { params: { id: board.id, meetingId: m.id, motionId: mo.id } });
          await listed(w.netAdmin, api.listBoardMotions, { params: { id: board.id } }, mo.id);
          await readMeeting(board.id, m.id);
        },
      ),
    ), 60_000);

  it('training: create, then update', () =>
    run(
      fc.asyncProperty(
        bodyOf(api.createTraining.body, { 'attendance[].memberId': fc.constantFrom(...P) }),
        bodyOf(api.updateTraining.body, { 'attendance[].memberId': fc.constantFrom(...P) }, ['version']),
        async (create, update) => {
          const { board, real } = await boardOf3();
          const mapAtt = (b: Record<string, unknown>) => (b.attendance ? { ...b, attendance: (b.attendance as Record<string, unknown>[]).map((x) => ({ ...x, memberId: real(x.memberId) })) } : b);
          const tr = ok(api.createTraining, await call(w.netAdmin, api.createTraining, { params: { id: board.id }, body: mapAtt(create) }));
          await read(w.netAdmin, api.getTraining, { params: { id: board.id, trainingId: tr.id } });
          const u = ok(api.updateTraining, await call(w.netAdmin, api.updateTraining, { params: { id: board.id, trainingId: tr.id }, body: mapAtt(update), headers: ifMatch(tr.version) }));
          await read(w.netAdmin, api.getTraining, { params: { id: board.id, trainingId: u.id } });
          await listed(w.netAdmin, api.listTrainings, { params: { id: board.id } }, u.id);
        },
      ),
    ), 60_000);

  it('satisfaction check: create, then the summary', () =>
    run(
      fc.asyncProperty(bodyOf(api.createSatisfaction.body, { memberId: fc.constantFrom(...P), meetingId: fc.constant(P[0]) }), async (body) => {
        const { board, real } = await boardOf3();
        const [meeting] = await t.db.insert(schema.boardMeetings).values({ boardId: board.id, startsAt: new Date('2027-03-10T18:00:00Z'), place: 'Room' }).returning();
        const s = ok(api.createSatisfaction, await call(w.netAdmin, api.createSatisfaction, { params: { id: board.id }, body: { ...body, memberId: real(body.memberId), ...(body.meetingId ? { meetingId: meeting!.id } : {}) } }));
        await read(w.netAdmin, api.getSatisfaction, { params: { id: board.id, responseId: s.id } });
        expect((await read(w.netAdmin, api.getSatisfactionSummary, { params: { id: board.id } })).overall.responses).toBe(1);
      }),
    ), 60_000);
});

// ---- Webhook subscriptions --------------------------------------------------------------------------

describe('webhook subscriptions', () => {
  // A loopback receiver (the test configuration allows it; nothing is delivered here), any event
  // types, the organization named or left to the caller's only administered one.
  const overrides = () => ({ url: fc.constant('https://127.0.0.1:9/hook'), organizationId: fc.constantFrom(undefined, w.cbo.id) });
  const readWebhook = async (id: string) => {
    await read(w.cboAdmin, api.getWebhook, { params: { id } });
    await listed(w.cboAdmin, api.listWebhooks, { query: { limit: 200 } }, id);
    await read(w.cboAdmin, api.listWebhookAttempts, { params: { id }, query: { limit: 200 } });
  };
  it('create, then rotate the secret with any optional field absent', () =>
    run(
      fc.asyncProperty(bodyOf(api.createWebhook.body, overrides()), fc.option(bodyOf(api.rotateWebhookSecret.body.unwrap().unwrap(), {}, ['version']), { nil: undefined }), async (body, rotate) => {
        const s = ok(api.createWebhook, await call(w.cboAdmin, api.createWebhook, { body }));
        await readWebhook(s.id);
        ok(api.rotateWebhookSecret, await call(w.cboAdmin, api.rotateWebhookSecret, { params: { id: s.id }, body: rotate, headers: ifMatch(s.version) }));
        await readWebhook(s.id);
      }),
    ), 60_000);
});

describe('boards, members and charters', () => {
  const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
  const boardOverrides = () => ({ coordinatorUserIds: fc.subarray([w.cboStaffId, w.netAdminId]) });
  const boardBody = () => bodyOf(api.createBoard.body, boardOverrides()).map((b) => ({ ...b, name: `${String(b.name).trim().slice(0, 190)} ${next()}` }));
  /** A refusal the request's fields earn on their own (a rule across stored and new values), not a 500. */
  const refusedFor = (res: LightMyRequestResponse, path: RegExp) => res.statusCode >= 400 && res.statusCode < 500 && res.json().code === 'validation_failed' && path.test(res.body);

  /** Every read of a board: as a network admin, as a named coordinator, its public page while recruiting. */
  const readBoard = async (b: { id: string; status: string; coordinators: { id: string }[] }) => {
    await read(w.netAdmin, api.getBoard, { params: { id: b.id } }, 'network admin');
    await listed(w.netAdmin, api.listBoards, { query: { status: b.status, limit: 100 } }, b.id, 'network admin, by status');
    if (b.coordinators.some((c) => c.id === w.cboStaffId)) {
      await read(w.cboStaff, api.getBoard, { params: { id: b.id } }, 'named coordinator');
      await listed(w.cboStaff, api.listBoards, { query: { limit: 100 } }, b.id, 'named coordinator');
    }
    await read(w.netAdmin, api.listCharters, { params: { id: b.id } });
    await read(w.netAdmin, api.listApplications, { params: { id: b.id } });
    await read(w.netAdmin, api.listBoardMembers, { params: { id: b.id } });
    if (b.status === 'recruiting') await read(ANON, api.getPublicBoard, { params: { id: b.id } }, 'public page');
  };
  /** A member as coordinators read it: detail, list, the application it came from, the charters. */
  const readMember = async (boardId: string, m: { id: string; applicationId: string | null }) => {
    await read(w.netAdmin, api.getBoardMember, { params: { id: boardId, memberId: m.id } });
    await listed(w.netAdmin, api.listBoardMembers, { params: { id: boardId } }, m.id);
    if (m.applicationId) expect((await read(w.netAdmin, api.getApplication, { params: { id: boardId, applicationId: m.applicationId } })).memberId).toBe(m.id);
    await read(w.netAdmin, api.listCharters, { params: { id: boardId } });
  };
  const selectedApplication = async () => {
    const b = await newBoardRow(t.db);
    return { board: b, application: await newApplicationRow(t.db, b.id, { status: 'selected' }) };
  };

  it('board: create', () =>
    run(
      fc.asyncProperty(boardBody(), async (body) => {
        const b = ok(api.createBoard, await call(w.netAdmin, api.createBoard, { body }));
        await readBoard(b);
      }),
    ), 60_000);

  it('board: update', () =>
    run(
      fc.asyncProperty(boardBody(), bodyOf(api.updateBoard.body, boardOverrides(), ['version']), fc.boolean(), async (create, body, byHeader) => {
        const b = ok(api.createBoard, await call(w.netAdmin, api.createBoard, { body: create }));
        const res = await call(w.netAdmin, api.updateBoard, byHeader ? { params: { id: b.id }, body, headers: ifMatch(b.version) } : { params: { id: b.id }, body: { ...body, version: b.version } });
        await readBoard(ok(api.updateBoard, res));
      }),
    ), 60_000);

  it('member: create from a selected application', () =>
    run(
      fc.asyncProperty(bodyOf(api.createBoardMember.body, { applicationId: fc.constant(PLACEHOLDER) }), async (body) => {
        const { board, application } = await selectedApplication();
        const res = await call(w.netAdmin, api.createBoardMember, { params: { id: board.id }, body: { ...body, applicationId: application.id } });
        // termStart near the end of the calendar plus the board's term: refused by name, not a 500.
        if (refusedFor(res, /termEnd/)) return;
        await readMember(board.id, ok(api.createBoardMember, res));
      }),
    ), 60_000);

  it('member: update', () =>
    run(
      fc.asyncProperty(bodyOf(api.updateBoardMember.body, {}, ['version']), async (body) => {
        const { board, application } = await selectedApplication();
        const m = ok(api.createBoardMember, await call(w.netAdmin, api.createBoardMember, { params: { id: board.id }, body: { applicationId: application.id, termStart: '2027-01-01' } }));
        const res = await call(w.netAdmin, api.updateBoardMember, { params: { id: board.id, memberId: m.id }, body, headers: ifMatch(m.version) });
        // Leaving without an exit reason, or a term that ends before it starts: refused by name.
        if (refusedFor(res, /exitReason|termEnd/)) return;
        await readMember(board.id, ok(api.updateBoardMember, res));
      }),
    ), 60_000);

  // The public application with any optional field absent or null, then the coordinators' reads of
  // it. The form token is issued a minute ago straight in the database (the minimum fill time), and
  // each application is moved off the test's one address (the per-address limit is boards.test.ts's).
  it('public application', () =>
    run(
      fc.asyncProperty(bodyOf(api.submitApplication.body, { website: fc.constant(undefined), answers: fc.constant({}) }), async (body) => {
        const b = await newBoardRow(t.db, { status: 'recruiting' });
        const formToken = `roundtrip-${next()}-${'x'.repeat(16)}`;
        await t.db.insert(schema.boardApplicationForms).values({ token: formToken, boardId: b.id, ipHash: `elsewhere-${next()}`, issuedAt: new Date(Date.now() - 60_000) });
        ok(api.submitApplication, await call(ANON, api.submitApplication, { params: { id: b.id }, body: { ...body, formToken } }));
        await t.db.update(schema.boardApplications).set({ ipHash: `moved-${next()}` }).where(eq(schema.boardApplications.boardId, b.id));
        const ranked = await read(w.netAdmin, api.listApplications, { params: { id: b.id } });
        expect(ranked.data).toHaveLength(1);
        await read(w.netAdmin, api.getApplication, { params: { id: b.id, applicationId: ranked.data[0].id } });
      }),
    ), 60_000);

  // A round with any title, amount and allocation, then proposals, a vote within the allocation,
  // and the close: each answer read back as the coordinators and the public read it.
  it('budget round: create, proposals, a vote, closed', () =>
    run(
      fc.asyncProperty(bodyOf(api.createBudgetRound.body), fc.array(bodyOf(api.createBudgetProposal.body), { minLength: 1, maxLength: 3 }), async (create, proposals) => {
        const { board, application } = await selectedApplication();
        const m = ok(api.createBoardMember, await call(w.netAdmin, api.createBoardMember, { params: { id: board.id }, body: { applicationId: application.id, termStart: '2027-01-01' } }));
        let r = ok(api.createBudgetRound, await call(w.netAdmin, api.createBudgetRound, { params: { id: board.id }, body: create }));
        for (const p of proposals) r = ok(api.createBudgetProposal, await call(w.netAdmin, api.createBudgetProposal, { params: { id: board.id, roundId: r.id }, body: p }));
        await read(w.netAdmin, api.getBudgetRound, { params: { id: board.id, roundId: r.id } });
        r = ok(api.updateBudgetRound, await call(w.netAdmin, api.updateBudgetRound, { params: { id: board.id, roundId: r.id }, body: { status: 'voting' }, headers: ifMatch(r.version) }));
        const points = { [r.proposals[0].id]: Math.min(r.pointsPerMember, 3) };
        ok(api.putBudgetVote, await call(w.netAdmin, api.putBudgetVote, { params: { id: board.id, roundId: r.id, memberId: m.id }, body: { points } }));
        r = ok(api.updateBudgetRound, await call(w.netAdmin, api.updateBudgetRound, { params: { id: board.id, roundId: r.id }, body: { status: 'closed' }, headers: ifMatch(r.version) }));
        expect(r.result.ranking).toHaveLength(proposals.length);
        await listed(w.netAdmin, api.listBudgetRounds, { params: { id: board.id } }, r.id);
        await listed(ANON, api.listPublicBudgetRounds, { params: { id: board.id } }, r.id);
      }),
    ), 60_000);

  it('charter: a new version, then acknowledged', () =>
    run(
      fc.asyncProperty(bodyOf(api.createCharter.body, { quorumRule: fc.constantFrom({ kind: 'majority_of_seated_members' }, { kind: 'fraction', value: 0.5 }, { kind: 'count', value: 4 }) }), async (body) => {
        const { board, application } = await selectedApplication();
        const m = ok(api.createBoardMember, await call(w.netAdmin, api.createBoardMember, { params: { id: board.id }, body: { applicationId: application.id, termStart: '2027-01-01' } }));
        const c = ok(api.createCharter, await call(w.netAdmin, api.createCharter, { params: { id: board.id }, body }));
        await read(w.netAdmin, api.getCharter, { params: { id: board.id, charterId: c.id } });
        ok(api.acknowledgeCharter, await call(w.netAdmin, api.acknowledgeCharter, { params: { id: board.id, charterId: c.id }, body: { memberId: m.id } }));
        expect((await read(w.netAdmin, api.getBoardMember, { params: { id: board.id, memberId: m.id } })).acknowledgedCurrentCharter).toBe(true);
        await listed(w.netAdmin, api.listCharters, { params: { id: board.id } }, c.id);
      }),
    ), 60_000);
});

// ---- Board recommendations (issue 26, the feedback loop) ---------------------------------------
describe('board recommendations', () => {
  const NIL = '00000000-0000-4000-8000-000000000000';
  /** A refusal the fields earn by name (a rule across fields, or a status edge that does not exist), not a 500. */
  const refusedBy = (res: LightMyRequestResponse, path: RegExp) =>
    (res.statusCode === 400 && res.json().code === 'validation_failed' && path.test(res.body)) || (res.statusCode === 409 && res.json().code === 'invalid_transition');
  /** NIL stands for a meeting (and a motion of it) of the board: they must be the board's own. */
  const withLinks = async <B extends { meetingId?: string | null; motionId?: string | null }>(boardId: string, body: B): Promise<B> => {
    if (body.meetingId !== NIL && body.motionId !== NIL) return body;
    const meeting = await newMeetingRow(t.db, boardId);
    const motion = await newMotionRow(t.db, meeting);
    return { ...body, ...(body.meetingId === NIL ? { meetingId: meeting.id } : {}), ...(body.motionId === NIL ? { motionId: motion.id } : {}) };
  };
  /** Every read of a recommendation: detail, the board's list, the public page of its (active) board. */
  const readRecommendation = async (boardId: string, id: string) => {
    await read(w.netAdmin, api.getRecommendation, { params: { id: boardId, recommendationId: id } });
    await listed(w.netAdmin, api.listRecommendations, { params: { id: boardId } }, id);
    const page = await read(ANON, api.getPublicBoard, { params: { id: boardId } }, 'public page');
    expect((page.recommendations as { id: string }[]).map((r) => r.id)).toContain(id);
  };

  it('create, with any optional field absent or null', () =>
    run(
      fc.asyncProperty(bodyOf(api.createRecommendation.body, { meetingId: fc.constantFrom(undefined, null, NIL), motionId: fc.constantFrom(undefined, null, NIL) }), async (generated) => {
        const b = await newBoardRow(t.db, { status: 'active' });
        const body = await withLinks(b.id, generated);
        const res = await call(w.netAdmin, api.createRecommendation, { params: { id: b.id }, body });
        if (refusedBy(res, /responseDue/)) return;
        await readRecommendation(b.id, ok(api.createRecommendation, res).id);
      }),
    ), 60_000);

  it('update or respond, by If-Match or version', () =>
    run(
      fc.asyncProperty(bodyOf(api.updateRecommendation.body, { meetingId: fc.constantFrom(undefined, null, NIL), motionId: fc.constantFrom(undefined, null, NIL) }, ['version']), fc.boolean(), async (generated, byHeader) => {
        const b = await newBoardRow(t.db, { status: 'active' });
        const body = await withLinks(b.id, generated);
        const r = await newRecommendationRow(t.db, b.id);
        const params = { id: b.id, recommendationId: r.id };
        const res = await call(w.netAdmin, api.updateRecommendation, byHeader ? { params, body, headers: ifMatch(r.version) } : { params, body: { ...body, version: r.version } });
        // A decision without its response or rationale, a due date before submission: refused by name.
        if (refusedBy(res, /response|rationale|responseDue/)) return;
        await readRecommendation(b.id, ok(api.updateRecommendation, res).id);
      }),
    ), 60_000);

  it('implementation update on an adopted recommendation', () =>
    run(
      fc.asyncProperty(bodyOf(api.addRecommendationUpdate.body), async (body) => {
        const b = await newBoardRow(t.db, { status: 'active' });
        const r = await newRecommendationRow(t.db, b.id, { status: 'adopted', response: 'Adopted', respondedAt: new Date(), submittedOn: '2000-01-01', responseDue: '2000-03-31' });
        const res = await call(w.netAdmin, api.addRecommendationUpdate, { params: { id: b.id, recommendationId: r.id }, body });
        // A date in the future or before submission: refused by name.
        if (refusedBy(res, /body\.date/)) return;
        const got = ok(api.addRecommendationUpdate, res);
        expect(got.progress).toBe(body.progress);
        await readRecommendation(b.id, r.id);
      }),
    ), 60_000);
});

describe('board stipends', () => {
  const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
  /** A refusal the fields earn together (a rule across stored and new values), by code and field: not a 500. */
  const refused = (res: LightMyRequestResponse, codes: string[], path?: RegExp) => res.statusCode >= 400 && res.statusCode < 500 && codes.includes(res.json().code) && (!path || path.test(res.body));
  const boardWithMember = async () => {
    const b = await newBoardRow(t.db);
    const [m] = await t.db.insert(schema.boardMembers).values({ boardId: b.id, name: `Member ${next()}`, termStart: '2026-01-01', termEnd: '2027-12-31' }).returning();
    return { board: b, member: m! };
  };
  /** Every read of a payment: detail, list, the year's totals and export when it has a paid date. */
  const readPayment = async (boardId: string, p: { id: string; paidOn: string | null }) => {
    await read(w.netAdmin, api.getStipendPayment, { params: { id: boardId, paymentId: p.id } });
    await listed(w.netAdmin, api.listStipendPayments, { params: { id: boardId } }, p.id);
    await read(w.netAdmin, api.getStipendPolicy, { params: { id: boardId } });
    if (p.paidOn) {
      const year = Number(p.paidOn.slice(0, 4));
      await listed(w.netAdmin, api.listStipendPayments, { params: { id: boardId }, query: { year } }, p.id, 'by year');
      await read(w.netAdmin, api.getStipendTotals, { params: { id: boardId }, query: { year } });
      await read(w.netAdmin, api.exportStipends, { params: { id: boardId }, query: { year } });
    }
  };

  it('policy: update with any field absent', () =>
    run(
      fc.asyncProperty(bodyOf(api.updateStipendPolicy.body, {}, ['version']), async (body) => {
        const { board } = await boardWithMember();
        ok(api.updateStipendPolicy, await call(w.netAdmin, api.updateStipendPolicy, { params: { id: board.id }, body, headers: ifMatch(1) }));
        await read(w.netAdmin, api.getStipendPolicy, { params: { id: board.id } });
      }),
    ), 60_000);

  it('payment: create, then update, with any optional field absent or null', () =>
    run(
      fc.asyncProperty(bodyOf(api.createStipendPayment.body, { memberId: fc.constant(PLACEHOLDER), meetingId: fc.constantFrom(undefined, null) }), bodyOf(api.updateStipendPayment.body, {}, ['version']), async (create, update) => {
        const { board, member } = await boardWithMember();
        const res = await call(w.netAdmin, api.createStipendPayment, { params: { id: board.id }, body: { ...create, memberId: member.id } });
        // No amount where the policy (never saved: rates 0) gives none: refused by name.
        if (refused(res, ['validation_failed'], /amountCents/)) return;
        const p = ok(api.createStipendPayment, res);
        await readPayment(board.id, p);
        const changed = await call(w.netAdmin, api.updateStipendPayment, { params: { id: board.id, paymentId: p.id }, body: update, headers: ifMatch(p.version) });
        // A status change the lifecycle does not allow, or issued without a paid date: refused by name.
        if (refused(changed, ['invalid_transition', 'validation_failed'])) return;
        await readPayment(board.id, ok(api.updateStipendPayment, changed));
      }),
    ), 60_000);

  it('pay a meeting with any optional field absent or null', () =>
    run(
      fc.asyncProperty(bodyOf(api.payMeeting.body, { memberIds: fc.constantFrom(undefined, [PLACEHOLDER]), meetingId: fc.constant(PLACEHOLDER) }), async (body) => {
        const { board, member } = await boardWithMember();
        await t.db.insert(schema.boardStipendPolicies).values({ boardId: board.id, meetingRateCents: 15000 });
        const meeting = await newMeetingRow(t.db, board.id, [[member.id, 'remote']]);
        const paid = ok(api.payMeeting, await call(w.netAdmin, api.payMeeting, { params: { id: board.id }, body: { ...body, meetingId: meeting.id, ...(body.memberIds ? { memberIds: [member.id] } : {}) } }));
        expect(paid.data.map((p: { memberId: string; meetingId: string | null }) => [p.memberId, p.meetingId])).toEqual([[member.id, meeting.id]]);
        for (const p of paid.data) await readPayment(board.id, p);
      }),
    ), 60_000);

  it('reporting threshold: set a later year, then read the list', () =>
    run(
      fc.asyncProperty(fc.integer({ min: 2027, max: 2100 }), bodyOf(api.putReportingThreshold.body, {}, ['version']), async (year, body) => {
        await t.db.delete(schema.stipendReportingThresholds).where(eq(schema.stipendReportingThresholds.year, year));
        const r = ok(api.putReportingThreshold, await call(w.netAdmin, api.putReportingThreshold, { params: { year: String(year) }, body, headers: ifMatch(1) }));
        expect((await read(w.netAdmin, api.listReportingThresholds, {})).data).toContainEqual(r);
        await t.db.delete(schema.stipendReportingThresholds).where(eq(schema.stipendReportingThresholds.year, year));
      }),
    ), 60_000);
});
