import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { API_SCOPES, type ApiScope, type Role } from '@tandem/contract';
import { schema, type Db } from '@tandem/db';
import { newApplicationRow, newBoardRow, newClient, newConsent, newEngagementEvent, newMeetingRow, newMemberRow, newOrg, newReferral, newUser, newService, newRecommendationRow } from '@tandem/db/testing';
import { newBudgetRoundRow } from '@tandem/db/testing';
import { sha256 } from '../../lib/crypto';
import { signIn } from '../app';

// The world the authorization matrix runs in (run-matrix.ts, for each of the shards
// authz.matrix.1.test.ts …): four organizations, a member of every role where the role may exist,
// and API keys with and without each referral scope. Built once per shard, in that shard's own
// test database; objects are made per kind by the policy table (table.ts).

/** A: the organization that owns the object (sends the referral, registered the client);
 *  B: its counterpart (receives the referral, co-signs the agreement); C: unrelated;
 *  N: the health system that runs the network (network-wide roles exist only there). */
export const SLOTS = ['A', 'B', 'C', 'N'] as const;
export type Slot = (typeof SLOTS)[number];

export type ActorSpec =
  | { kind: 'anonymous'; name: string }
  | { kind: 'user'; name: string; org: Slot; role: Role }
  | { kind: 'key'; name: string; org: Slot; scopes: ApiScope[]; label: string };

const REFERRAL_SCOPES: ApiScope[] = ['referrals:read', 'referrals:write'];
const without = (s: ApiScope) => API_SCOPES.filter((x) => x !== s);

/** Every caller the matrix tries: each role where it can exist, keys with and without each referral scope, anonymous. */
export const ACTORS: ActorSpec[] = [
  ...SLOTS.flatMap((org) => (['staff', 'org_admin'] as const).map((role): ActorSpec => ({ kind: 'user', name: `${role}@${org}`, org, role }))),
  ...(['collaboration_team', 'board_coordinator', 'network_admin'] as const).map((role): ActorSpec => ({ kind: 'user', name: `${role}@N`, org: 'N', role })),
  ...(['A', 'B', 'C'] as const).flatMap((org) => [
    { kind: 'key' as const, name: `key[none]@${org}`, org, scopes: [], label: 'no scope' },
    { kind: 'key' as const, name: `key[all]@${org}`, org, scopes: [...API_SCOPES], label: 'every scope' },
    ...REFERRAL_SCOPES.map((s) => ({ kind: 'key' as const, name: `key[all-${s}]@${org}`, org, scopes: without(s), label: `every scope but ${s}` })),
    ...REFERRAL_SCOPES.map((s) => ({ kind: 'key' as const, name: `key[${s}]@${org}`, org, scopes: [s], label: `only ${s}` })),
  ]),
  { kind: 'anonymous', name: 'anonymous' },
];

export type Org = typeof schema.organizations.$inferSelect;
export type User = Awaited<ReturnType<typeof newUser>>;

export interface World {
  app: FastifyInstance;
  db: Db;
  orgs: Record<Slot, Org>;
  /** Organization id → slot, for row-by-row list checks. */
  slotOf: (orgId: string | null | undefined) => Slot | null;
  /** Service of B (the receiver) and of C (forward target). */
  serviceB: { id: string };
  serviceC: { id: string };
  users: Map<string, User>;
  headers: Map<string, Record<string, string>>;
  keyIds: Map<string, string>;
  uniq: () => string;
}

/** Builds the four organizations, signs each user in once and creates each key straight in the database. */
export const buildWorld = async (app: FastifyInstance, db: Db): Promise<World> => {
  const orgs = {
    A: await newOrg(db, { name: 'Matrix Own Clinic', type: 'clinic' }),
    B: await newOrg(db, { name: 'Matrix Counterpart Pantry', type: 'cbo' }),
    C: await newOrg(db, { name: 'Matrix Unrelated Shelter', type: 'cbo' }),
    N: await newOrg(db, { name: 'Matrix County Health System', type: 'health_system', runsNetwork: true }),
  } satisfies Record<Slot, Org>;
  const bySlot = new Map(SLOTS.map((s) => [orgs[s].id, s]));
  const serviceB = await newService(db, orgs.B.id, { ackSlaHours: 8, firstContactSlaHours: 24 });
  const serviceC = await newService(db, orgs.C.id);
  const users = new Map<string, User>();
  const headers = new Map<string, Record<string, string>>();
  const keyIds = new Map<string, string>();
  for (const a of ACTORS) {
    if (a.kind === 'anonymous') headers.set(a.name, {});
    if (a.kind === 'user') {
      const u = await newUser(db, { org: orgs[a.org], role: a.role, name: `Matrix ${a.name}` });
      users.set(a.name, u);
      headers.set(a.name, await signIn(app, u.email));
    }
    if (a.kind === 'key') {
      const secret = `tdm_matrix_${randomBytes(24).toString('hex')}`;
      const [k] = await db
        .insert(schema.apiKeys)
        .values({ organizationId: orgs[a.org].id, name: a.name, prefix: 'tdm_matr', secretHash: sha256(secret), scopes: a.scopes })
        .returning();
      keyIds.set(a.name, k!.id);
      headers.set(a.name, { authorization: `Bearer ${secret}` });
    }
  }
  let n = 0;
  return { app, db, orgs, slotOf: (id) => (id ? (bySlot.get(id) ?? null) : null), serviceB, serviceC, users, headers, keyIds, uniq: () => `${++n}-${randomBytes(3).toString('hex')}` };
};

// ---- Object factories used by the table ------------------------------------------------------

/** Referral states the matrix covers: every status, and a draft cancelled before it was sent. */
export const REFERRAL_STATES = [
  'draft',
  'cancelled_draft',
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'in_progress',
  'on_hold',
  'completed',
  'unable_to_complete',
  'cancelled',
  'entered_in_error',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
export const statusOf = (s: ReferralState) => (s === 'cancelled_draft' ? 'cancelled' : s);
export const wasSent = (s: ReferralState) => s !== 'draft' && s !== 'cancelled_draft';

/** A client registered by A with a network consent, and a referral A → B in `state` (straight into the database). */
export const makeReferral = async (w: World, state: ReferralState) => {
  const client = await newClient(w.db, w.orgs.A);
  const consent = await newConsent(w.db, client);
  const now = Date.now();
  const sent = wasSent(state);
  const acked = sent && state !== 'sent';
  const closed = ['declined', 'completed', 'unable_to_complete', 'cancelled', 'cancelled_draft', 'entered_in_error'].includes(state);
  const reason = state === 'declined' || state === 'unable_to_complete' || state === 'cancelled' ? 'client_declined' : null;
  const referral = await newReferral(w.db, {
    from: w.orgs.A,
    to: w.orgs.B,
    client,
    receivingServiceId: w.serviceB.id,
    senderContactPhone: '(323) 555-0199',
    status: statusOf(state),
    statusReason: reason,
    consentId: sent ? consent.id : null,
    sentAt: sent ? new Date(now - 3 * 86_400_000) : null,
    acknowledgedAt: acked ? new Date(now - 2 * 86_400_000) : null,
    acknowledgeDueAt: sent ? new Date(now + 86_400_000) : null,
    firstContactDueAt: sent ? new Date(now + 2 * 86_400_000) : null,
    closedAt: closed ? new Date(now - 86_400_000) : null,
  });
  return { id: referral.id, version: referral.version, client, consent, referral };
};
export type ReferralObject = Awaited<ReturnType<typeof makeReferral>>;

/** A client registered by A whose only referral to B is in `state` (sent, draft or cancelled draft). */
export const makeClient = async (w: World, state: 'sent' | 'draft' | 'cancelled_draft') => {
  const r = await makeReferral(w, state);
  return { id: r.client.id, version: r.client.version, name: `${r.client.givenName} ${r.client.familyName}`, familyName: r.client.familyName, dateOfBirth: r.client.dateOfBirth, consentId: r.consent.id, referralId: r.id };
};

export const makeMember = async (w: World, slot: Slot, role: Role = 'staff') => newUser(w.db, { org: w.orgs[slot], role, name: `Matrix member ${w.uniq()}` });

export const makeApiKey = async (w: World, slot: Slot) => {
  const [k] = await w.db
    .insert(schema.apiKeys)
    .values({ organizationId: w.orgs[slot].id, name: `object key ${w.uniq()}`, prefix: 'tdm_objk', secretHash: sha256(`object-${w.uniq()}-${randomBytes(16).toString('hex')}`), scopes: ['referrals:read'] })
    .returning();
  return k!;
};

export const makeLocation = async (w: World, slot: Slot) =>
  (await w.db.insert(schema.locations).values({ organizationId: w.orgs[slot].id, name: `Matrix site ${w.uniq()}`, address1: '1 Main St', city: 'Los Angeles', postalCode: '90001' }).returning())[0]!;

export const makeContact = async (w: World, slot: Slot, isPublic: boolean) =>
  (await w.db.insert(schema.contacts).values({ organizationId: w.orgs[slot].id, name: `Matrix contact ${w.uniq()}`, isPublic }).returning())[0]!;

export const makeAgreement = async (w: World, kind: 'mou' | 'baa') => {
  const [a] = await w.db.insert(schema.agreements).values({ kind, status: 'active', title: `Matrix ${kind} ${w.uniq()}`, startDate: '2026-01-01', endDate: '2027-12-31' }).returning();
  await w.db.insert(schema.agreementParties).values([{ agreementId: a!.id, organizationId: w.orgs.A.id }, { agreementId: a!.id, organizationId: w.orgs.B.id }]);
  return a!;
};

/** An organization at assessed, fresh for each cell, with an agreement (evidence for partnered) or with none (issue 25). */
export const makePartnerCandidate = async (w: World, evidence: boolean) => {
  const org = await newOrg(w.db, { name: `Matrix candidate ${w.uniq()}`, partnershipStage: 'assessed' });
  if (evidence) {
    const [a] = await w.db.insert(schema.agreements).values({ kind: 'mou', status: 'active', title: `Matrix MOU ${w.uniq()}` }).returning();
    await w.db.insert(schema.agreementParties).values({ agreementId: a!.id, organizationId: org.id });
  }
  return org;
};

/** A service gap in a status (issue 25): the network's record, no organization's. */
export const makeGap = async (w: World, status: 'identified' | 'resolved') =>
  (await w.db.insert(schema.serviceGaps).values({ title: `Matrix gap ${w.uniq()}`, spa: 'spa6', category: 'food-insecurity', status }).returning())[0]!;

export const makeNotification = async (w: World, userName: string) => {
  const u = w.users.get(userName)!;
  const [n] = await w.db.insert(schema.notifications).values({ userId: u.id, kind: 'referral.message', title: 'New message on a referral' }).returning();
  return n!;
};

/** An open invitation from A, as staff, to `userName` (an actor who has an account: it is theirs to accept). */
export const makeInvitation = async (w: World, userName: string) => {
  const u = w.users.get(userName)!;
  const [i] = await w.db
    .insert(schema.invitations)
    .values({ userId: u.id, organizationId: w.orgs.A.id, role: 'staff', tokenHash: sha256(`invitation-${w.uniq()}-${randomBytes(16).toString('hex')}`), expiresAt: new Date(Date.now() + 7 * 86_400_000) })
    .returning();
  return i!;
};

/** A webhook subscription of A (straight into the database; the URL is never called here). */
export const makeWebhook = async (w: World) => {
  const [s] = await w.db
    .insert(schema.webhookSubscriptions)
    .values({ organizationId: w.orgs.A.id, url: `https://hooks.example.org/${w.uniq()}`, events: ['referral.status_changed'], secret: `whsec_${randomBytes(16).toString('hex')}` })
    .returning();
  return s!;
};

/** Who coordinates a board besides every board_coordinator and network admin: a user named on it (issue 26). */
export const BOARD_NAMED = 'staff@C';
export const CHARTER_SECTIONS_ALL = ['purpose', 'scope', 'values', 'decisionRules', 'quorum', 'terms', 'conflictOfInterest', 'stipendPolicy', 'meetingCommitments'] as const;

/**
 * A board in `status` with BOARD_NAMED named as its coordinator, and around it: a submitted
 * application (or one in `applicationStatus`), a selected one not yet seated, a member seated
 * from another, a charter version in force, and a form token issued a minute ago from another
 * address (so it is old enough to send, and the per-address limits of the matrix's one address are not touched).
 */
export const makeBoard = async (w: World, status: 'draft' | 'recruiting' | 'active', applicationStatus: 'submitted' | 'declined' = 'submitted') => {
  const board = await newBoardRow(w.db, { status });
  await w.db.insert(schema.boardCoordinators).values({ boardId: board.id, userId: w.users.get(BOARD_NAMED)!.id });
  const application = await newApplicationRow(w.db, board.id, { status: applicationStatus });
  const selected = await newApplicationRow(w.db, board.id, { status: 'selected' });
  const seated = await newApplicationRow(w.db, board.id, { status: 'selected' });
  const member = await newMemberRow(w.db, board.id, { applicationId: seated.id });
  const [charter] = await w.db
    .insert(schema.boardCharters)
    .values({ boardId: board.id, number: 1, sections: Object.fromEntries(CHARTER_SECTIONS_ALL.map((k) => [k, `Matrix ${k}`])) as Record<(typeof CHARTER_SECTIONS_ALL)[number], string> })
    .returning();
  const formToken = `matrix-form-${randomBytes(16).toString('hex')}`;
  await w.db.insert(schema.boardApplicationForms).values({ token: formToken, boardId: board.id, ipHash: sha256(`matrix-elsewhere-${w.uniq()}`), issuedAt: new Date(Date.now() - 60_000) });
  return { id: board.id, version: board.version, application, selected, member, charter: charter!, formToken };
};

/** An active board's recommendation: submitted (awaiting a response) or adopted (taking implementation updates). */
export const makeBoardRecommendation = async (w: World, state: 'submitted' | 'adopted') => {
  const board = await makeBoard(w, 'active');
  const recommendation = await newRecommendationRow(
    w.db,
    board.id,
    state === 'adopted' ? { status: 'adopted', response: 'Adopted', respondedAt: new Date(), submittedOn: '2026-01-10', responseDue: '2026-04-10' } : { submittedOn: '2026-01-10', responseDue: '2099-04-10' },
  );
  return { ...board, recommendation };
};

export const membershipOf = async (db: Db, userId: string) => db.select().from(schema.memberships).where(eq(schema.memberships.userId, userId));

/** An engagement event A took part in (B did not), with internal notes and a gap link. */
export const makeEngagementEvent = async (w: World) =>
  newEngagementEvent(w.db, { title: `Matrix event ${w.uniq()}`, organizationIds: [w.orgs.A.id], gapIds: ['0f3c9a4e-1b2d-4c5e-8f70-9a1b2c3d4e5f'] });

/**
 * makeBoard with a saved stipend policy ($150 a meeting, version 2), a planned extra-work payment of
 * its member, and a held meeting (not yet paid) the member attended (issue 26 stipends).
 */
export const makeStipendBoard = async (w: World) => {
  const b = await makeBoard(w, 'active');
  const [policy] = await w.db.insert(schema.boardStipendPolicies).values({ boardId: b.id, meetingRateCents: 15000, extraRateCents: 10000, version: 2 }).returning();
  const [payment] = await w.db.insert(schema.stipendPayments).values({ boardId: b.id, memberId: b.member.id, amountCents: 10000, method: 'check', purpose: 'extra_work' }).returning();
  const meeting = await newMeetingRow(w.db, b.id, [[b.member.id, 'present']]);
  return { ...b, policy: policy!, payment: payment!, meeting };
};

/**
 * A board (makeBoard) with a meeting held after its charter, where its one member was present
 * (quorum met), a consensus motion put to it, a training and a satisfaction check for a quarter.
 */
export const makeBoardMeeting = async (w: World) => {
  const b = await makeBoard(w, 'active');
  const [meeting] = await w.db.insert(schema.boardMeetings).values({ boardId: b.id, startsAt: new Date('2027-03-10T18:00:00Z'), place: 'Community room', status: 'held' }).returning();
  await w.db.insert(schema.boardMeetingAttendance).values({ meetingId: meeting!.id, memberId: b.member.id, status: 'present' });
  const [motion] = await w.db.insert(schema.boardMotions).values({ boardId: b.id, meetingId: meeting!.id, title: 'Matrix motion', decision: 'consensus' }).returning();
  const [training] = await w.db.insert(schema.boardTrainings).values({ boardId: b.id, topic: 'Matrix training', trainer: 'Trainer', date: '2027-02-01' }).returning();
  const [satisfaction] = await w.db.insert(schema.boardSatisfaction).values({ boardId: b.id, memberId: b.member.id, quarter: '2027-Q1', date: '2027-01-01', heard: 4, used: 3 }).returning();
  return { ...b, meeting: meeting!, motion: motion!, training: training!, satisfaction: satisfaction! };
};

/** An active board (makeBoard's) with a participatory budgeting round in `status` and two proposals (issue 26). */
export const makeBudgetBoard = async (w: World, status: 'draft' | 'voting' | 'closed') => {
  const b = await makeBoard(w, 'active');
  const round = await newBudgetRoundRow(w.db, b.id, { status, title: `Matrix round ${w.uniq()}` });
  return { ...b, round };
};
