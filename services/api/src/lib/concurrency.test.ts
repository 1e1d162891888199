import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { api, type EndpointDef } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newEngagementEvent, newOrg, newUser, newLocation, newService, newClient, newConsent, newApplicationRow, newBoardRow, newMemberRow, newReviewRow, newRecommendationRow, newBudgetRoundRow } from '@tandem/db/testing';
import { world, type World } from '../modules/referrals/testing';
import { caller, member, type Call, signIn, testApp, type TestApp } from '../testing/app';

// ARCHITECTURE §5: `If-Match`/version on state changes, the same rule on every route; `ETag` on
// reads. One table lists every state-changing route on a versioned record, and the same seven
// cases run over each. The table is checked against the contract, so a new route with a version
// fails here until it is added.

let t: TestApp;
let w: World;
let admin: Call; // a network admin: may edit any organization, service and agreement
let adminUserId: string;
beforeAll(async () => {
  t = await testApp();
  w = await world(t);
  const hq = await newOrg(t.db, { name: 'Health System', type: 'health_system' });
  const u = await newUser(t.db, { org: hq, role: 'network_admin' });
  admin = caller(t.app, await signIn(t.app, u.email));
  adminUserId = u.id;
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A fresh record for one case: who calls, where, the body without a version, and the record's version now. */
interface Target {
  call: Call;
  url: string;
  body?: Record<string, unknown>;
  version: number;
}
interface WriteRoute {
  concurrency: 'required' | 'optional';
  fresh: () => Promise<Target>;
  /** The record always exists (a user's own settings: defaults until written), so no 404 case. */
  alwaysExists?: true;
}

const versionIn = async (table: typeof schema.referrals | typeof schema.clients | typeof schema.services | typeof schema.organizations | typeof schema.agreements, id: string) =>
  (await t.db.select({ v: table.version }).from(table).where(eq(table.id, id)))[0]!.v;

const newGap = async () => (await t.db.insert(schema.serviceGaps).values({ title: 'Gap', spa: 'spa1', category: 'food-insecurity' }).returning())[0]!;
const newBaa = async () => {
  const [row] = await t.db.insert(schema.agreements).values({ kind: 'baa', status: 'draft', title: 'BAA' }).returning();
  await t.db.insert(schema.agreementParties).values([w.clinic.id, w.cbo.id].map((organizationId) => ({ agreementId: row!.id, organizationId })));
  return row!;
};
/** A complete draft for a client of its own (one client's second open referral for a need is a duplicate). */
const draft = async () => {
  const client = await newClient(t.db, w.clinic);
  await newConsent(t.db, client);
  return w.draft({ clientId: client.id });
};
/** A sent referral, as the receiver would act on it (read from the table: a receiver's GET acknowledges it). */
const sentToCbo = async () => {
  const d = await draft();
  const res = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
  expect(res.status).toBe(200);
  return { id: d.id, version: await versionIn(schema.referrals, d.id) };
};

/** A webhook subscription of the CBO and one of its org admins (who manages it). */
const newWebhook = async () => {
  const [row] = await t.db.insert(schema.webhookSubscriptions).values({ organizationId: w.cbo.id, url: 'https://127.0.0.1/hook', events: ['referral.sent'], secret: 'whsec_test' }).returning();
  return { id: row!.id, call: (await member(t, w.cbo, 'org_admin')).call };
};

/** A board with one member, a held meeting where they were present, a consensus motion and a training (board-meetings). */
const boardMeeting = async () => {
  const b = await newBoardRow(t.db);
  const m = await newMemberRow(t.db, b.id);
  const [meeting] = await t.db.insert(schema.boardMeetings).values({ boardId: b.id, startsAt: new Date('2027-03-10T18:00:00Z'), place: 'Room', status: 'held' }).returning();
  await t.db.insert(schema.boardMeetingAttendance).values({ meetingId: meeting!.id, memberId: m.id, status: 'present' });
  const [motion] = await t.db.insert(schema.boardMotions).values({ boardId: b.id, meetingId: meeting!.id, title: 'Motion', decision: 'consensus' }).returning();
  const [training] = await t.db.insert(schema.boardTrainings).values({ boardId: b.id, topic: 'Budget', trainer: 'Finance', date: '2027-02-01' }).returning();
  return { board: b, member: m, meeting: meeting!, motion: motion!, training: training! };
};
const WRITES: Record<string, WriteRoute> = {
  updateMeeting: {
    concurrency: 'required',
    fresh: async () => {
      const x = await boardMeeting();
      return { call: admin, url: `/api/v1/boards/${x.board.id}/meetings/${x.meeting.id}`, body: { minutes: 'We met.' }, version: 1 };
    },
  },
  putMeetingAttendance: {
    concurrency: 'optional',
    fresh: async () => {
      const x = await boardMeeting();
      return { call: admin, url: `/api/v1/boards/${x.board.id}/meetings/${x.meeting.id}/attendance`, body: { attendance: [{ memberId: x.member.id, status: 'remote' }] }, version: 1 };
    },
  },
  putMotionVotes: {
    concurrency: 'optional',
    fresh: async () => {
      const x = await boardMeeting();
      return { call: admin, url: `/api/v1/boards/${x.board.id}/meetings/${x.meeting.id}/motions/${x.motion.id}/votes`, body: { votes: [{ memberId: x.member.id, choice: 'agree' }] }, version: 1 };
    },
  },
  updateTraining: {
    concurrency: 'required',
    fresh: async () => {
      const x = await boardMeeting();
      return { call: admin, url: `/api/v1/boards/${x.board.id}/trainings/${x.training.id}`, body: { topic: 'Reading a budget' }, version: 1 };
    },
  },
  rotateWebhookSecret: {
    concurrency: 'optional',
    fresh: async () => {
      const h = await newWebhook();
      return { call: h.call, url: `/api/v1/webhooks/${h.id}/rotate-secret`, body: { overlapSeconds: 60 }, version: 1 };
    },
  },
  resumeWebhook: {
    concurrency: 'optional',
    fresh: async () => {
      const h = await newWebhook();
      return { call: h.call, url: `/api/v1/webhooks/${h.id}/resume`, version: 1 };
    },
  },
  updateBoard: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/boards/${(await newBoardRow(t.db)).id}`, body: { meetingCadence: 'Every other month' }, version: 1 }),
  },
  putReview: {
    concurrency: 'optional',
    fresh: async () => {
      const b = await newBoardRow(t.db);
      const a = await newApplicationRow(t.db, b.id);
      await newReviewRow(t.db, a.id, adminUserId);
      return { call: admin, url: `/api/v1/boards/${b.id}/applications/${a.id}/reviews/me`, body: { scores: { lived: 4 } }, version: 1 };
    },
  },
  decideApplication: {
    concurrency: 'required',
    fresh: async () => {
      const b = await newBoardRow(t.db);
      return { call: admin, url: `/api/v1/boards/${b.id}/applications/${(await newApplicationRow(t.db, b.id)).id}/decision`, body: { decision: 'waitlisted' }, version: 1 };
    },
  },
  updateBoardMember: {
    concurrency: 'required',
    fresh: async () => {
      const b = await newBoardRow(t.db);
      return { call: admin, url: `/api/v1/boards/${b.id}/members/${(await newMemberRow(t.db, b.id)).id}`, body: { role: 'co_chair' }, version: 1 };
    },
  },
  updateRecommendation: {
    concurrency: 'required',
    fresh: async () => {
      const b = await newBoardRow(t.db);
      return { call: admin, url: `/api/v1/boards/${b.id}/recommendations/${(await newRecommendationRow(t.db, b.id)).id}`, body: { status: 'under_review' }, version: 1 };
    },
  },
  updateBudgetRound: {
    concurrency: 'required',
    fresh: async () => {
      const b = await newBoardRow(t.db);
      return { call: admin, url: `/api/v1/boards/${b.id}/budget-rounds/${(await newBudgetRoundRow(t.db, b.id)).id}`, body: { title: 'Health fund' }, version: 1 };
    },
  },
  putBudgetVote: {
    concurrency: 'optional',
    fresh: async () => {
      const b = await newBoardRow(t.db);
      const r = await newBudgetRoundRow(t.db, b.id, { status: 'voting' });
      const m = await newMemberRow(t.db, b.id);
      await t.db.insert(schema.boardBudgetVotes).values({ roundId: r.id, memberId: m.id, points: { [r.proposals[0]!.id]: 2 } });
      return { call: admin, url: `/api/v1/boards/${b.id}/budget-rounds/${r.id}/votes/${m.id}`, body: { points: { [r.proposals[1]!.id]: 3 } }, version: 1 };
    },
  },
  updateOrganization: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/organizations/${(await newOrg(t.db)).id}`, body: { description: 'Groceries on Fridays' }, version: 1 }),
  },
  updateService: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/services/${(await newService(t.db, w.cbo.id)).id}`, body: { description: 'Hot meals' }, version: 1 }),
  },
  replaceServiceSchedule: {
    concurrency: 'optional',
    fresh: async () => ({
      call: admin,
      url: `/api/v1/services/${(await newService(t.db, w.cbo.id)).id}/schedule`,
      body: { intervals: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }] },
      version: 1,
    }),
  },
  updateServiceCapacity: {
    concurrency: 'optional',
    fresh: async () => ({ call: admin, url: `/api/v1/services/${(await newService(t.db, w.cbo.id)).id}/capacity`, body: { status: 'waitlist' }, version: 1 }),
  },
  updateAgreement: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/agreements/${(await newBaa()).id}`, body: { title: 'BAA, second draft' }, version: 1 }),
  },
  confirmPartnership: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/organizations/${(await newOrg(t.db, { partnershipStage: 'assessed' })).id}/partnership/confirm`, body: { note: 'MOU signed on paper' }, version: 1 }),
  },
  approveAgreement: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/agreements/${(await newBaa()).id}/approve`, version: 1 }),
  },
  updateGap: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/engagement/gaps/${(await newGap()).id}`, body: { severity: 'critical' }, version: 1 }),
  },
  transitionGap: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/engagement/gaps/${(await newGap()).id}/transitions`, body: { to: 'escalated' }, version: 1 }),
  },
  updateEngagementEvent: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/engagement/events/${(await newEngagementEvent(t.db)).id}`, body: { attendeeCount: 15 }, version: 1 }),
  },
  deleteEngagementEvent: {
    concurrency: 'required',
    fresh: async () => ({ call: admin, url: `/api/v1/engagement/events/${(await newEngagementEvent(t.db)).id}`, body: { reason: 'Logged twice' }, version: 1 }),
  },
  updateClient: {
    concurrency: 'required',
    fresh: async () => ({ call: w.chw.call, url: `/api/v1/clients/${(await newClient(t.db, w.clinic)).id}`, body: { preferredName: 'Ro' }, version: 1 }),
  },
  updateReferral: {
    concurrency: 'required',
    fresh: async () => {
      const d = await draft();
      return { call: w.chw.call, url: `/api/v1/referrals/${d.id}`, body: { reason: 'Rent due; food runs out' }, version: d.version };
    },
  },
  sendReferral: {
    concurrency: 'optional',
    fresh: async () => {
      const d = await draft();
      return { call: w.chw.call, url: `/api/v1/referrals/${d.id}/send`, body: {}, version: d.version };
    },
  },
  transitionReferral: {
    concurrency: 'required',
    fresh: async () => {
      const r = await sentToCbo();
      return { call: w.cboStaff.call, url: `/api/v1/referrals/${r.id}/transitions`, body: { to: 'accepted' }, version: r.version };
    },
  },
  forwardReferral: {
    concurrency: 'required',
    fresh: async () => {
      const r = await sentToCbo();
      return { call: w.cboStaff.call, url: `/api/v1/referrals/${r.id}/forward`, body: { receivingOrganizationId: w.other.id, note: 'They have evening hours' }, version: r.version };
    },
  },
  assignReferral: {
    concurrency: 'optional',
    fresh: async () => {
      const r = await sentToCbo();
      return { call: w.cboStaff.call, url: `/api/v1/referrals/${r.id}/assign`, body: { assigneeId: w.cboStaff.user.id }, version: r.version };
    },
  },
  recordFirstContact: {
    concurrency: 'optional',
    fresh: async () => {
      const r = await sentToCbo();
      return { call: w.cboStaff.call, url: `/api/v1/referrals/${r.id}/first-contact`, body: { method: 'phone' }, version: r.version };
    },
  },
  correctFirstContact: {
    concurrency: 'required',
    fresh: async () => {
      const r = await sentToCbo();
      const rec = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/first-contact`, { method: 'phone', version: r.version });
      if (rec.status !== 200) throw new Error(`first contact: ${rec.status} ${JSON.stringify(rec.body)}`);
      return { call: w.cboStaff.call, url: `/api/v1/referrals/${r.id}/first-contact`, body: { method: 'in_person' }, version: rec.body.version };
    },
  },
  updateClosedLoopMapping: {
    concurrency: 'required',
    alwaysExists: true,
    // One mapping for the network: each case starts from no saved row (the defaults, version 1).
    fresh: async () => ({ ...(await resetMapping()), call: admin, url: '/api/v1/reports/closed-loop/mapping', body: { entries: [{ status: 'declined', reason: 'out_of_area', loopClosureReason: 'not_eligible' }] }, version: 1 }),
  },
  updateNotificationSettings: {
    concurrency: 'required',
    alwaysExists: true,
    fresh: async () => ({ call: (await member(t, w.other, 'staff')).call, url: '/api/v1/me/notification-settings', body: { enabled: { 'referral.message': false } }, version: 1 }),
  },
  updateStipendPolicy: {
    concurrency: 'required',
    // Never saved: version 1 (the write creates the row).
    fresh: async () => ({ call: admin, url: `/api/v1/boards/${(await newBoardRow(t.db)).id}/stipends/policy`, body: { meetingRateCents: 15000 }, version: 1 }),
  },
  updateStipendPayment: {
    concurrency: 'required',
    fresh: async () => {
      const b = await newBoardRow(t.db);
      const m = await newMemberRow(t.db, b.id);
      const [p] = await t.db.insert(schema.stipendPayments).values({ boardId: b.id, memberId: m.id, amountCents: 15000, method: 'check', purpose: 'meeting' }).returning();
      return { call: admin, url: `/api/v1/boards/${b.id}/stipends/${p!.id}`, body: { status: 'issued', paidOn: '2026-05-01' }, version: 1 };
    },
  },
  putReportingThreshold: {
    concurrency: 'required',
    alwaysExists: true,
    // A year never set is at version 1 (it inherits the nearest earlier year's amount).
    fresh: async () => {
      await t.db.delete(schema.stipendReportingThresholds).where(eq(schema.stipendReportingThresholds.year, 2045));
      return { call: admin, url: '/api/v1/stipends/reporting-thresholds/2045', body: { amountCents: 210000 }, version: 1 };
    },
  },
  markLoopClosed: {
    concurrency: 'optional',
    fresh: async () => {
      const r = await sentToCbo();
      let version = r.version;
      for (const body of [{ to: 'accepted' }, { to: 'completed', outcome: 'services_received' }]) {
        const res = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { ...body, version });
        if (res.status !== 200) throw new Error(`transition: ${res.status} ${JSON.stringify(res.body)}`);
        version = res.body.version;
      }
      return { call: w.chw.call, url: `/api/v1/referrals/${r.id}/loop-closed`, body: {}, version };
    },
  },
};

const endpoints = Object.values(api) as EndpointDef[];
const byId = Object.fromEntries(endpoints.map((e) => [e.operationId, e]));

/** The object schema inside optional/pipe wrappers, if any. */
const shapeOf = (s: z.ZodType | undefined): Record<string, unknown> | undefined => {
  let x = s as unknown as { shape?: Record<string, unknown>; unwrap?: () => unknown; def?: { in?: unknown } } | undefined;
  for (let i = 0; x && !x.shape && i < 5; i++) x = (x.unwrap?.() ?? x.def?.in) as typeof x;
  return x?.shape;
};
const successOf = (e: EndpointDef) => Object.keys(e.responses).map(Number).find((s) => s >= 200 && s < 300)!;

describe('the contract and the table agree', () => {
  it('lists every route that declares a write concurrency rule, with the same rule', () => {
    const declared = Object.fromEntries(endpoints.filter((e) => e.concurrency === 'required' || e.concurrency === 'optional').map((e) => [e.operationId, e.concurrency]));
    expect(Object.fromEntries(Object.entries(WRITES).map(([op, r]) => [op, r.concurrency]))).toEqual(declared);
  });
  it('has every write that takes a body version declare its rule (a new module must add its routes here)', () => {
    const taking = endpoints.filter((e) => e.method !== 'GET' && shapeOf(e.body)?.version).map((e) => e.operationId);
    expect(taking.sort()).toEqual(Object.keys(WRITES).sort());
  });
  it('has every read of one versioned record declare `read` (ETag, 304)', () => {
    const versioned = endpoints.filter((e) => e.method === 'GET' && /\{id\}$/.test(e.path) && shapeOf(e.responses[200] ?? undefined)?.version && !e.path.startsWith('/hsds'));
    expect(versioned.filter((e) => e.concurrency !== 'read').map((e) => e.operationId)).toEqual([]);
    expect(Object.keys(READS).sort()).toEqual(endpoints.filter((e) => e.concurrency === 'read').map((e) => e.operationId).sort());
  });
  it('has every 201 name where the created resource lives (Location)', () => {
    expect(endpoints.filter((e) => successOf(e) === 201 && !e.location).map((e) => e.operationId)).toEqual([]);
  });
});

describe.each(Object.entries(WRITES))('%s', (op, route) => {
  const e = byId[op]!;
  const send = async (target: Target, opts: { ifMatch?: string; bodyVersion?: number } = {}) => {
    const body = opts.bodyVersion === undefined ? target.body : { ...target.body, version: opts.bodyVersion };
    return target.call(e.method as Method, target.url, body, opts.ifMatch === undefined ? {} : { 'if-match': opts.ifMatch });
  };
  const ok = successOf(e);

  it(route.concurrency === 'required' ? 'without a version answers 428 precondition_required' : 'runs without a version', async () => {
    const target = await route.fresh();
    const res = await send(target);
    if (route.concurrency === 'required') expect([res.status, res.body.code]).toEqual([428, 'precondition_required']);
    else expect(res.status).toBe(ok);
  });

  it('runs with If-Match naming the current version, and answers the new ETag', async () => {
    const target = await route.fresh();
    const res = await send(target, { ifMatch: `"${target.version}"` });
    expect(res.status).toBe(ok);
    expect(res.headers.etag).toMatch(/^"\d+"$/);
  });

  it('answers a stale If-Match and a stale body version alike: 409 stale_version with currentVersion', async () => {
    const target = await route.fresh();
    const byHeader = await send(target, { ifMatch: `"${target.version + 7}"` });
    const byBody = await send(target, { bodyVersion: target.version + 7 });
    expect([byHeader.status, byHeader.body.code, byHeader.body.currentVersion]).toEqual([409, 'stale_version', target.version]);
    expect([byBody.status, byBody.body.code, byBody.body.currentVersion]).toEqual([409, 'stale_version', target.version]);
  });

  it('refuses If-Match and a body version that differ with 409 version_mismatch (neither wins)', async () => {
    const target = await route.fresh();
    const res = await send(target, { ifMatch: `"${target.version}"`, bodyVersion: target.version + 1 });
    expect([res.status, res.body.code]).toEqual([409, 'version_mismatch']);
  });

  it('runs with If-Match: * (any current version)', async () => {
    const target = await route.fresh();
    expect((await send(target, { ifMatch: '*' })).status).toBe(ok);
  });

  if (!route.alwaysExists) it('answers If-Match: * on a record that does not exist with 404', async () => {
    const target = await route.fresh();
    const url = target.url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, randomUUID());
    const res = await send({ ...target, url }, { ifMatch: '*' });
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
  });

  it('refuses a malformed If-Match with 400 problem+json', async () => {
    const target = await route.fresh();
    for (const bad of ['three', '"3", "4"', '"0"', '"99999999999"']) {
      const res = await send(target, { ifMatch: bad });
      expect([res.status, res.headers['content-type'], res.body.code, res.body.errors?.[0]?.path]).toEqual([400, 'application/problem+json; charset=utf-8', 'validation_failed', 'headers.if-match']);
    }
  });
});

/** The network's one closed-loop mapping, back to never saved. */
const resetMapping = async () => {
  await t.db.delete(schema.closedLoopMapping);
  return {};
};

/** Reads of versioned records: ETag, and 304 to a matching If-None-Match. */
const READS: Record<string, () => Promise<{ call: Call; url: string; version: number }>> = {
  getMeeting: async () => {
    const x = await boardMeeting();
    return { call: admin, url: `/api/v1/boards/${x.board.id}/meetings/${x.meeting.id}`, version: 1 };
  },
  getMotion: async () => {
    const x = await boardMeeting();
    return { call: admin, url: `/api/v1/boards/${x.board.id}/meetings/${x.meeting.id}/motions/${x.motion.id}`, version: 1 };
  },
  getTraining: async () => {
    const x = await boardMeeting();
    return { call: admin, url: `/api/v1/boards/${x.board.id}/trainings/${x.training.id}`, version: 1 };
  },
  getBudgetRound: async () => {
    const b = await newBoardRow(t.db);
    return { call: admin, url: `/api/v1/boards/${b.id}/budget-rounds/${(await newBudgetRoundRow(t.db, b.id)).id}`, version: 1 };
  },
  getBoard: async () => ({ call: admin, url: `/api/v1/boards/${(await newBoardRow(t.db)).id}`, version: 1 }),
  getBoardMember: async () => {
    const b = await newBoardRow(t.db);
    return { call: admin, url: `/api/v1/boards/${b.id}/members/${(await newMemberRow(t.db, b.id)).id}`, version: 1 };
  },
  getApplication: async () => {
    const b = await newBoardRow(t.db);
    return { call: admin, url: `/api/v1/boards/${b.id}/applications/${(await newApplicationRow(t.db, b.id)).id}`, version: 1 };
  },
  getRecommendation: async () => {
    const b = await newBoardRow(t.db);
    return { call: admin, url: `/api/v1/boards/${b.id}/recommendations/${(await newRecommendationRow(t.db, b.id)).id}`, version: 1 };
  },
  getOrganization: async () => ({ call: admin, url: `/api/v1/organizations/${w.cbo.id}`, version: await versionIn(schema.organizations, w.cbo.id) }),
  getService: async () => {
    const s = await newService(t.db, w.cbo.id);
    return { call: admin, url: `/api/v1/services/${s.id}`, version: 1 };
  },
  getPartnership: async () => ({ call: admin, url: `/api/v1/organizations/${(await newOrg(t.db)).id}/partnership`, version: 1 }),
  getAgreement: async () => ({ call: admin, url: `/api/v1/agreements/${(await newBaa()).id}`, version: 1 }),
  getGap: async () => ({ call: admin, url: `/api/v1/engagement/gaps/${(await newGap()).id}`, version: 1 }),
  getWebhook: async () => {
    const h = await newWebhook();
    return { call: h.call, url: `/api/v1/webhooks/${h.id}`, version: 1 };
  },
  getEngagementEvent: async () => ({ call: admin, url: `/api/v1/engagement/events/${(await newEngagementEvent(t.db)).id}`, version: 1 }),
  getClient: async () => ({ call: w.chw.call, url: `/api/v1/clients/${(await newClient(t.db, w.clinic)).id}`, version: 1 }),
  getClosedLoopMapping: async () => ({ ...(await resetMapping()), call: admin, url: '/api/v1/reports/closed-loop/mapping', version: 1 }),
  getNotificationSettings: async () => ({ call: (await member(t, w.other, 'staff')).call, url: '/api/v1/me/notification-settings', version: 1 }),
  getReferral: async () => {
    const d = await draft();
    return { call: w.chw.call, url: `/api/v1/referrals/${d.id}`, version: d.version };
  },
};

describe.each(Object.entries(READS))('%s', (_op, fresh) => {
  it('sends ETag: "<version>-<digest>" and answers 304 with no body to a matching If-None-Match', async () => {
    const r = await fresh();
    const first = await r.call('GET', r.url);
    const tag = String(first.headers.etag);
    expect([first.status, tag, first.body.version]).toEqual([200, expect.stringMatching(new RegExp(`^"${r.version}-[0-9a-f]{16}"$`)), r.version]);
    for (const sent of [tag, `W/${tag}`, `"999", ${tag}`, '*']) {
      const again = await r.call('GET', r.url, undefined, { 'if-none-match': sent });
      expect([again.status, again.body, again.headers.etag]).toEqual([304, undefined, tag]);
    }
    // The bare version (what a write answers) does not vouch for what the read draws from elsewhere.
    for (const sent of [`"${r.version}"`, `"${r.version}-0000000000000000"`]) {
      const other = await r.call('GET', r.url, undefined, { 'if-none-match': sent });
      expect([other.status, other.body.version]).toEqual([200, r.version]);
    }
  });
});

/** A read's ETag moves with its representation, also where the record's version does not (ADR 0007). */
describe("a read's ETag follows what it shows", () => {
  it('GET /services/{id}: after its location is edited, the old ETag answers 200 with the new address', async () => {
    const loc = await newLocation(t.db, w.cbo.id, { address1: '1 Main St' });
    const s = await newService(t.db, w.cbo.id, { locationIds: [loc.id] });
    const first = await admin('GET', `/api/v1/services/${s.id}`);
    expect(first.status).toBe(200);
    expect((await admin('PATCH', `/api/v1/locations/${loc.id}`, { address1: '99 New Ave' })).status).toBe(200);
    const again = await admin('GET', `/api/v1/services/${s.id}`, undefined, { 'if-none-match': String(first.headers.etag) });
    expect([again.status, again.body.version, JSON.stringify(again.body.locations)]).toEqual([200, 1, expect.stringContaining('99 New Ave')]);
    expect(again.headers.etag).not.toBe(first.headers.etag);
    // A browser may store the anonymous answer again: revalidating it can no longer keep the old address.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/services/${s.id}` })).headers['cache-control']).toBeUndefined();
  });

  it("GET /services/{id}: the read's ETag is accepted as If-Match on the service's writes (only its version counts)", async () => {
    const s = await newService(t.db, w.cbo.id);
    const tag = String((await admin('GET', `/api/v1/services/${s.id}`)).headers.etag);
    const res = await admin('PATCH', `/api/v1/services/${s.id}`, { description: 'Hot meals' }, { 'if-match': tag });
    expect([res.status, res.headers.etag]).toEqual([200, '"2"']);
    const stale = await admin('PATCH', `/api/v1/services/${s.id}`, { description: 'Cold meals' }, { 'if-match': tag });
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([409, 'stale_version', 2]);
  });

  it('GET /referrals/{id}: after a message is posted, the old ETag answers 200 (the version did not move)', async () => {
    const r = await sentToCbo();
    const first = await w.chw.call('GET', `/api/v1/referrals/${r.id}`);
    expect((await w.chw.call('GET', `/api/v1/referrals/${r.id}`, undefined, { 'if-none-match': String(first.headers.etag) })).status).toBe(304);
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'We will call tomorrow' })).status).toBe(201);
    const again = await w.chw.call('GET', `/api/v1/referrals/${r.id}`, undefined, { 'if-none-match': String(first.headers.etag) });
    expect([again.status, again.body.version, again.body.unreadMessages]).toEqual([200, first.body.version, 1]);
    expect(again.headers.etag).not.toBe(first.headers.etag);
  });
});

/** A write that changes nothing: the same values again. */
const NO_OPS: Record<string, () => Promise<{ call: Call; method: Method; url: string; body: Record<string, unknown>; id: string; version: number }>> = {
  updateOrganization: async () => {
    const o = await newOrg(t.db);
    return { call: admin, method: 'PATCH', url: `/api/v1/organizations/${o.id}`, body: { name: o.name, languages: o.languages }, id: o.id, version: 1 };
  },
  updateService: async () => {
    const s = await newService(t.db, w.cbo.id);
    return { call: admin, method: 'PATCH', url: `/api/v1/services/${s.id}`, body: { name: s.name, categories: s.categories, locationIds: [] }, id: s.id, version: 1 };
  },
  replaceServiceSchedule: async () => {
    const s = await newService(t.db, w.cbo.id);
    const body = { intervals: [{ weekday: 2, opensAt: '09:00', closesAt: '17:00' }] };
    expect((await admin('PUT', `/api/v1/services/${s.id}/schedule`, { ...body, version: 1 })).status).toBe(200);
    return { call: admin, method: 'PUT', url: `/api/v1/services/${s.id}/schedule`, body, id: s.id, version: 2 };
  },
  updateAgreement: async () => {
    const a = await newBaa();
    return { call: admin, method: 'PATCH', url: `/api/v1/agreements/${a.id}`, body: { title: a.title, partyOrganizationIds: [w.cbo.id, w.clinic.id] }, id: a.id, version: 1 };
  },
  updateGap: async () => {
    const g = await newGap();
    return { call: admin, method: 'PATCH', url: `/api/v1/engagement/gaps/${g.id}`, body: { title: g.title, spa: g.spa, category: g.category, communitySupport: null, linkedAgreementIds: [] }, id: g.id, version: 1 };
  },
  updateEngagementEvent: async () => {
    const e = await newEngagementEvent(t.db);
    return { call: admin, method: 'PATCH', url: `/api/v1/engagement/events/${e.id}`, body: { title: e.title, spas: e.spas, attendeeCount: e.attendeeCount, followUps: e.followUps }, id: e.id, version: 1 };
  },
  updateClient: async () => {
    const c = await newClient(t.db, w.clinic);
    return { call: w.chw.call, method: 'PATCH', url: `/api/v1/clients/${c.id}`, body: { givenName: c.givenName, familyName: c.familyName }, id: c.id, version: 1 };
  },
  // Its audit row names no entity (there is one mapping): the no-audit check is in referrals.closed-loop.test.ts.
  updateClosedLoopMapping: async () => ({ ...(await resetMapping()), call: admin, method: 'PUT', url: '/api/v1/reports/closed-loop/mapping', body: { entries: [] }, id: '00000000-0000-4000-8000-000000000000', version: 1 }),
  updateNotificationSettings: async () => {
    const m = await member(t, w.other, 'staff');
    return { call: m.call, method: 'PUT', url: '/api/v1/me/notification-settings', body: { enabled: { 'referral.message': true } }, id: m.user.id, version: 1 };
  },
  updateRecommendation: async () => {
    const b = await newBoardRow(t.db);
    const r = await newRecommendationRow(t.db, b.id, { followUps: [{ text: 'Hire two navigators', owner: 'Reentry program', due: '2026-06-01', done: false }] });
    return { call: admin, method: 'PATCH', url: `/api/v1/boards/${b.id}/recommendations/${r.id}`, body: { title: r.title, topic: r.topic, status: r.status, meetingId: null, response: null, followUps: r.followUps }, id: r.id, version: 1 };
  },
  // The email preferences (issue 27): keeping an emailable kind on is no change either.
  'updateNotificationSettings (email)': async () => {
    const m = await member(t, w.other, 'staff');
    return { call: m.call, method: 'PUT', url: '/api/v1/me/notification-settings', body: { email: { 'referral.received': true } }, id: m.user.id, version: 1 };
  },
  updateReferral: async () => {
    const d = await draft();
    return { call: w.chw.call, method: 'PATCH', url: `/api/v1/referrals/${d.id}`, body: { reason: 'Family of four; food runs out mid-month', needs: ['food-insecurity'] }, id: d.id, version: d.version };
  },
};

describe.each(Object.entries(NO_OPS))('%s with the values it already has', (_op, fresh) => {
  it('answers 200 at the same version, and writes no audit or event row', async () => {
    const r = await fresh();
    const audits = async () => (await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, r.id))).filter((a) => !a.action.endsWith('.read')).length;
    const events = async () => (await t.db.select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, r.id))).length;
    const [a0, e0] = [await audits(), await events()];
    const res = await r.call(r.method, r.url, r.body, { 'if-match': `"${r.version}"` });
    expect([res.status, res.headers.etag]).toEqual([200, `"${r.version}"`]);
    if (res.body.version !== undefined) expect(res.body.version).toBe(r.version);
    expect([await audits(), await events()]).toEqual([a0, e0]);
  });
});

describe('201 Created', () => {
  it('carries Location, the URL of what was created, on every create route', async () => {
    const admins = await member(t, w.cbo, 'org_admin');
    const s = await newService(t.db, w.cbo.id);
    const created: [string, Call, string, Record<string, unknown>][] = [
      ['createOrganization', admin, '/api/v1/organizations', { name: 'Echo Park Pantry', type: 'cbo' }],
      ['createService', admins.call, `/api/v1/organizations/${w.cbo.id}/services`, { name: 'Diapers', categories: ['food-insecurity'] }],
      ['createLocation', admins.call, `/api/v1/organizations/${w.cbo.id}/locations`, { name: 'Annex', address1: '2 Main St', city: 'Los Angeles', postalCode: '90033' }],
      ['createContact', admins.call, `/api/v1/organizations/${w.cbo.id}/contacts`, { name: 'Intake desk', serviceId: s.id }],
      ['createAgreement', admin, '/api/v1/agreements', { kind: 'mou', status: 'draft', title: 'MOU', partyOrganizationIds: [w.cbo.id, w.clinic.id] }],
      ['createGap', admin, '/api/v1/engagement/gaps', { title: 'No sobering center', spa: 'spa1', communitySupport: 'sobering_centers' }],
      ['createEngagementEvent', admin, '/api/v1/engagement/events', { title: 'Outreach', type: 'outreach_meeting', startsAt: '2026-03-10T10:00:00-07:00', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 5 }],
      ['createEngagementSeries', admin, '/api/v1/engagement/series', { title: 'Workgroup', type: 'workgroup', startsAt: '2026-03-10T10:00:00-07:00', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 0, frequency: 'monthly', count: 2 }],
      ['createClient', w.chw.call, '/api/v1/clients', { givenName: 'Ana', familyName: 'Lopez', preferredLanguage: 'es', preferredContactMethod: 'phone', phones: ['(323) 555-0111'] }],
      ['createConsent', w.chw.call, `/api/v1/clients/${w.client.id}/consents`, { scope: 'network', method: 'written', signedAt: new Date().toISOString() }],
      ['createReferral', w.chw.call, '/api/v1/referrals', { receivingOrganizationId: w.cbo.id }],
      ['createApiKey', admins.call, `/api/v1/organizations/${w.cbo.id}/api-keys`, { name: 'sync', scopes: ['directory:read'] }],
      ['inviteMember', admins.call, `/api/v1/organizations/${w.cbo.id}/members`, { email: 'new.hire@test.example', name: 'New Hire', role: 'staff' }],
      ['createWebhook', admins.call, '/api/v1/webhooks', { url: 'https://127.0.0.1/hook', events: ['referral.sent'], organizationId: w.cbo.id }],
    ];
    const sent = await sentToCbo();
    created.push(['createReferralMessage', w.cboStaff.call, `/api/v1/referrals/${sent.id}/messages`, { body: 'We will call tomorrow' }]);
    const board = await newBoardRow(t.db);
    const chosen = await newApplicationRow(t.db, board.id, { status: 'selected' });
    created.push(['createBoard', admin, '/api/v1/boards', { name: 'Youth board', program: 'Youth', purpose: 'Advise', seats: 9, termMonths: 12, meetingCadence: 'Monthly' }]);
    created.push(['createCharter', admin, `/api/v1/boards/${board.id}/charters`, { sections: Object.fromEntries(['purpose', 'scope', 'values', 'decisionRules', 'quorum', 'terms', 'conflictOfInterest', 'stipendPolicy', 'meetingCommitments'].map((k) => [k, 'Text'])) }]);
    created.push(['createBoardMember', admin, `/api/v1/boards/${board.id}/members`, { applicationId: chosen.id, termStart: '2027-01-01' }]);
    const adopted = await newRecommendationRow(t.db, board.id, { status: 'adopted', response: 'Yes', respondedAt: new Date() });
    created.push(['createRecommendation', admin, `/api/v1/boards/${board.id}/recommendations`, { title: 'Peer navigators', text: 'At release', topic: 'Reentry', addressedTo: 'Reentry program' }]);
    created.push(['addRecommendationUpdate', admin, `/api/v1/boards/${board.id}/recommendations/${adopted.id}/updates`, { text: 'Hired', progress: 30 }]);
    created.push(['createStipendPayment', admin, `/api/v1/boards/${board.id}/stipends`, { memberId: (await newMemberRow(t.db, board.id)).id, method: 'check', purpose: 'advance', amountCents: 50000 }]);
    const bm = await boardMeeting();
    created.push(['createMeeting', admin, `/api/v1/boards/${bm.board.id}/meetings`, { startsAt: '2027-04-14T18:00:00Z', place: 'Room' }]);
    created.push(['createMotion', admin, `/api/v1/boards/${bm.board.id}/meetings/${bm.meeting.id}/motions`, { title: 'Evening hours', decision: 'consensus' }]);
    created.push(['createTraining', admin, `/api/v1/boards/${bm.board.id}/trainings`, { topic: 'Budget', trainer: 'Finance', date: '2027-02-01' }]);
    created.push(['createSatisfaction', admin, `/api/v1/boards/${bm.board.id}/satisfaction`, { memberId: bm.member.id, meetingId: bm.meeting.id, heard: 4, used: 3 }]);
    created.push(['createBudgetRound', admin, `/api/v1/boards/${board.id}/budget-rounds`, { title: 'Health fund', budgetCents: 100_000 }]);
    created.push(['createBudgetProposal', admin, `/api/v1/boards/${board.id}/budget-rounds/${(await newBudgetRoundRow(t.db, board.id)).id}/proposals`, { title: 'Bus passes', description: 'Monthly', costCents: 5_000 }]);
    const fwd = await sentToCbo();
    created.push(['forwardReferral', w.cboStaff.call, `/api/v1/referrals/${fwd.id}/forward`, { receivingOrganizationId: w.other.id, note: 'Closer to home', version: fwd.version }]);
    // Every 201 the OpenAPI document lists is in the table.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is walked field by field
    const doc: any = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const documented = Object.values(doc.paths).flatMap((ops) => Object.values(ops as Record<string, { operationId: string; responses: Record<string, unknown> }>).filter((o) => o.responses?.['201']).map((o) => o.operationId));
    expect(created.map((c) => c[0]).sort()).toEqual(documented.sort());
    // An invitation of someone who already has an account is not a membership yet: Location still reads it.
    const elsewhere = await member(t, w.other, 'staff');
    created.push(['inviteMember', admins.call, `/api/v1/organizations/${w.cbo.id}/members`, { email: elsewhere.user.email, name: elsewhere.user.name, role: 'staff' }]);

    for (const [op, call, url, body] of created) {
      const res = await call('POST', url, body);
      expect([op, res.status]).toEqual([op, 201]);
      const id = res.body.id ?? res.body.client?.id ?? res.body.member?.userId;
      const location = String(res.headers.location);
      expect([op, location]).toEqual([op, expect.stringMatching(new RegExp(`^/api/v1/[\\w/-]*${id}$`))]);
      // Location reads what was created (issue 23): a GET of the contract matches it and answers 200.
      const get = endpoints.find((e) => e.method === 'GET' && new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(location));
      expect([op, get?.method]).toEqual([op, 'GET']);
      const read = await call('GET', location);
      expect([op, read.status, read.body.id ?? read.body.client?.id ?? read.body.userId]).toEqual([op, 200, id]);
      if (op === 'inviteMember') expect(read.body.status).toBe('invited');
    }
  });
});

describe('GET /openapi.json', () => {
  it('documents If-Match and its answers on every write, If-None-Match and 304 on every versioned read', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is checked field by field
    const doc: any = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const e of endpoints.filter((x) => x.concurrency)) {
      const op = doc.paths[e.path][e.method.toLowerCase()];
      const headers = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'header').map((p: { name: string }) => p.name);
      const statuses = Object.keys(op.responses);
      if (e.concurrency === 'read') expect([e.operationId, headers, statuses]).toEqual([e.operationId, expect.arrayContaining(['if-none-match']), expect.arrayContaining(['200', '304'])]);
      else expect([e.operationId, headers, statuses]).toEqual([e.operationId, expect.arrayContaining(['if-match']), expect.arrayContaining(e.concurrency === 'required' ? ['400', '409', '428'] : ['400', '409'])]);
    }
  });
});
