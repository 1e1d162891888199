import { isDeepStrictEqual } from 'node:util';
import { count, eq, sql } from 'drizzle-orm';
import type { ApiScope, Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { sha256 } from '../../lib/crypto';
import {
  BOARD_NAMED,
  CHARTER_SECTIONS_ALL,
  makeAgreement,
  makeBoard,
  makeBudgetBoard,
  makeBoardRecommendation,
  makeStipendBoard,
  makeBoardMeeting,
  makeApiKey,
  makeClient,
  makeContact,
  makeGap,
  makeEngagementEvent,
  makeInvitation,
  makeWebhook,
  makeLocation,
  makeMember,
  makeNotification,
  makePartnerCandidate,
  makeReferral,
  membershipOf,
  REFERRAL_STATES,
  statusOf,
  wasSent,
  type ActorSpec,
  type ReferralState,
  type Slot,
  type World,
} from './world';

/*
 * THE AUTHORIZATION POLICY, as one table (issue 22). Written by hand from the spec
 * (ARCHITECTURE §3 who does which transition, §4 roles and visibility, the endpoint contract),
 * NOT derived from the code, so that the two can disagree. The authz.matrix.N.test.ts shards
 * (testing/policy/run-matrix.ts) expand it into cells: every object kind × state × action × caller
 * (ACTORS in world.ts).
 *
 * Outcomes:
 *   allow     2xx (the cell gets a fresh object when the action changes it)
 *   conflict  409: the caller got through authorization and the object's state refused
 *             (e.g. invalid_transition for an edge that does not exist)
 *   hidden    404, with exactly the status and body a random id gets
 *   forbidden 403
 *   unauth    401
 *   refused   403, 409 or 422 where the spec says "no" but not which refusal
 * Every refused write (anything but allow) must leave the object as it was.
 *
 * New modules add their object kinds to OBJECT_KINDS below.
 */
export type Outcome = 'allow' | 'conflict' | 'hidden' | 'forbidden' | 'unauth' | 'refused';
export type Relationship = 'own' | 'counterpart' | 'unrelated' | 'network' | 'none';

export interface CellCtx<O> {
  w: World;
  obj: O;
  actor: ActorSpec;
  state: string;
  /** Unique per cell: new emails, names. */
  tag: string;
}

export interface ActionDef<O> {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  path: (c: CellCtx<O>) => string;
  body?: (c: CellCtx<O>) => unknown;
  /** Which credentials the endpoint takes, and the key scope it needs (route-level gate); public: none needed, any accepted. */
  security: 'both' | 'session' | 'public';
  scope?: ApiScope;
  /** The spec's answer once the gate is passed. */
  expect: (a: ActorSpec, state: string) => Outcome;
  /** An allowed call changes the object: that cell gets its own object. */
  mutates?: boolean | ((a: ActorSpec, state: string) => boolean);
  /** Run after every other cell (it changes things other cells look at). */
  runLast?: (a: ActorSpec) => boolean;
  /** The id a random uuid replaces to check that a hidden answer is a random id's answer. */
  hiddenId?: (o: O) => string;
  /** Snapshot override (default: the kind's) proving a refused write changed nothing. */
  snapshot?: (c: CellCtx<O>) => Promise<unknown>;
  /** Request headers besides the caller's credentials (e.g. a multipart content type for `body`). */
  headers?: (c: CellCtx<O>) => Record<string, string>;
  /** For list endpoints: is this row one the caller may see? Returns a complaint or null. */
  row?: (c: CellCtx<O>, row: Record<string, unknown>) => Promise<string | null> | string | null;
  /** Extra checks on an allowed call (returns a complaint or null). */
  verify?: (c: CellCtx<O>, body: unknown) => Promise<string | null>;
}

export interface KindDef<O> {
  kind: string;
  states: readonly string[];
  /** Which org owns the object and which is its counterpart (for the relationship label). */
  owner: Slot;
  counterpart?: Slot;
  create: (w: World, state: string) => Promise<O>;
  id: (o: O) => string;
  snapshot: (w: World, o: O) => Promise<unknown>;
  actions: ActionDef<O>[];
}

// ---- Who the caller is ---------------------------------------------------------------------------
const isUser = (a: ActorSpec): a is Extract<ActorSpec, { kind: 'user' }> => a.kind === 'user';
const inOrg = (a: ActorSpec, s: Slot) => a.kind !== 'anonymous' && a.org === s;
const hasRole = (a: ActorSpec, r: Role, s?: Slot) => isUser(a) && a.role === r && (!s || a.org === s);
const netAdmin = (a: ActorSpec) => hasRole(a, 'network_admin');
/** Network admins and the collaboration team look after the network's partners (directory, agreements). */
const networkStaff = (a: ActorSpec) => netAdmin(a) || hasRole(a, 'collaboration_team');
const slotOfActor = (a: ActorSpec): Slot | null => (a.kind === 'anonymous' ? null : a.org);

/** Route-level gate: credentials and key scope, decided before any object is looked at. */
export const gate = (a: ActorSpec, act: { security: 'both' | 'session' | 'public'; scope?: ApiScope }): Outcome | null => {
  if (act.security === 'public') return null;
  if (a.kind === 'anonymous') return 'unauth';
  if (a.kind === 'key' && act.security === 'session') return 'forbidden';
  if (a.kind === 'key' && act.scope && !a.scopes.includes(act.scope)) return 'forbidden';
  return null;
};

export const relationshipOf = (a: ActorSpec, k: { owner: Slot; counterpart?: Slot }): Relationship => {
  const s = slotOfActor(a);
  if (!s) return 'none';
  if (s === k.owner) return 'own';
  if (s === k.counterpart) return 'counterpart';
  return s === 'N' ? 'network' : 'unrelated';
};

// ---- §3 / §4: referrals ----------------------------------------------------------------------------
type Side = 'sender' | 'receiver';
/** A: the sending org; B: the receiving org, but only once the referral was sent (a draft, even cancelled, is the sender's alone). */
const sidesOf = (a: ActorSpec, s: ReferralState): Side[] => [
  ...(inOrg(a, 'A') ? (['sender'] as const) : []),
  ...(inOrg(a, 'B') && wasSent(s) ? (['receiver'] as const) : []),
];
/**
 * Who sees a referral, its client, messages and timeline: the sending and receiving orgs and
 * network admins. "A draft — and a draft cancelled before it was ever sent — is the sender's
 * alone. Anyone else gets 404": that sentence names no exception, so network admins too.
 */
const seesReferral = (a: ActorSpec, s: ReferralState) => sidesOf(a, s).length > 0 || (netAdmin(a) && wasSent(s));

/** ARCHITECTURE §3, the who column, written out again here (not imported from the contract). */
type Who = 'sender' | 'receiver' | 'either' | 'admin';
const WORK = { completed: 'receiver', unable_to_complete: 'receiver', cancelled: 'either' } as const;
const SPEC_EDGES: Record<string, Record<string, Who>> = {
  draft: { sent: 'sender', cancelled: 'sender' },
  // "acknowledged (automatic the first time receiving staff open it)"; an API key's read is not a
  // person opening it, so the receiver may also ask for it (issue 23).
  sent: { acknowledged: 'receiver', accepted: 'receiver', declined: 'receiver', cancelled: 'either' },
  acknowledged: { accepted: 'receiver', declined: 'receiver', cancelled: 'either' },
  accepted: { in_progress: 'receiver', on_hold: 'receiver', ...WORK },
  in_progress: { on_hold: 'receiver', ...WORK },
  on_hold: { in_progress: 'receiver', ...WORK },
  declined: {},
  completed: {},
  unable_to_complete: {},
  cancelled: {},
  entered_in_error: {},
};
// "any → entered_in_error: an admin of the sending org" (and network admins, who may correct any).
for (const [from, edges] of Object.entries(SPEC_EDGES)) if (from !== 'entered_in_error') edges.entered_in_error = 'admin';

const isTerminalState = (s: ReferralState) => ['declined', 'completed', 'unable_to_complete', 'cancelled', 'cancelled_draft', 'entered_in_error'].includes(s);
const isOpenState = (s: ReferralState) => wasSent(s) && !isTerminalState(s);

const transition = (to: string) => (a: ActorSpec, st: string): Outcome => {
  const s = st as ReferralState;
  if (!seesReferral(a, s)) return 'hidden';
  const who = SPEC_EDGES[statusOf(s)]![to];
  if (!who) return 'conflict';
  const sides = sidesOf(a, s);
  const may =
    who === 'either' ? sides.length > 0 : who === 'admin' ? hasRole(a, 'org_admin', 'A') || netAdmin(a) : sides.includes(who);
  return may ? 'allow' : 'forbidden';
};
/** Receiver-only work on a visible referral: hidden, else forbidden for others, else the state decides. */
const receiverWork = (stateOk: (s: ReferralState) => boolean) => (a: ActorSpec, st: string): Outcome => {
  const s = st as ReferralState;
  if (!seesReferral(a, s)) return 'hidden';
  if (!sidesOf(a, s).includes('receiver')) return 'forbidden';
  return stateOk(s) ? 'allow' : 'conflict';
};
const readReferral = (a: ActorSpec, st: string): Outcome => (seesReferral(a, st as ReferralState) ? 'allow' : 'hidden');

type Ref = Awaited<ReturnType<typeof makeReferral>>;
const refPath = (suffix = '') => (c: CellCtx<Ref>) => `/api/v1/referrals/${c.obj.id}${suffix}`;
const referralSnapshot = async (w: World, id: string) => {
  const r = await w.db.execute(sql`select to_jsonb(r) - 'updated_at' as row,
      (select count(*) from ${schema.referralEvents} e where e.referral_id = r.id)::int as events,
      (select count(*) from ${schema.referralMessages} m where m.referral_id = r.id)::int as messages,
      (select count(*) from ${schema.referrals} f where f.forwarded_from_id = r.id)::int as forwards,
      (select count(*) from ${schema.referralFollows} fl where fl.referral_id = r.id)::int as follows
    from ${schema.referrals} r where r.id = ${id}::uuid`);
  return r.rows[0];
};
const transitionAction = (name: string, to: string, extra: Record<string, unknown> = {}): ActionDef<Ref> => ({
  name,
  method: 'POST',
  path: refPath('/transitions'),
  body: (c) => ({ to, ...extra, version: c.obj.version }),
  security: 'both',
  scope: 'referrals:write',
  expect: transition(to),
  mutates: true,
});

const referralKind: KindDef<Ref> = {
  kind: 'referral',
  states: REFERRAL_STATES,
  owner: 'A',
  counterpart: 'B',
  create: (w, s) => makeReferral(w, s as ReferralState),
  id: (o) => o.id,
  snapshot: (w, o) => referralSnapshot(w, o.id),
  actions: [
    // Receiving staff's first open of a sent referral acknowledges it: that cell gets its own referral.
    // An API key's read does not (issue 23): verify checks it is still sent.
    {
      name: 'get',
      method: 'GET',
      path: refPath(),
      security: 'both',
      scope: 'referrals:read',
      expect: readReferral,
      mutates: (a, s) => s === 'sent' && a.kind === 'user',
      verify: async (c, body) => {
        const status = (body as { status?: string }).status;
        if (c.state !== 'sent' || c.actor.kind !== 'key') return null;
        return status === 'sent' ? null : `an API key's read moved a sent referral to ${String(status)}`;
      },
    },
    { name: 'timeline', method: 'GET', path: refPath('/timeline'), security: 'both', scope: 'referrals:read', expect: readReferral },
    // The FHIR facade (issue 27): the same referral as a Task, under the same rules. Its read is
    // the REST read (a receiving user's first open acknowledges); its PATCH the same transition.
    {
      name: 'FHIR read Task',
      method: 'GET',
      path: (c) => `/fhir/Task/${c.obj.id}`,
      security: 'both',
      scope: 'referrals:read',
      expect: readReferral,
      mutates: (a, s) => s === 'sent' && a.kind === 'user',
    },
    { name: 'FHIR read ServiceRequest', method: 'GET', path: (c) => `/fhir/ServiceRequest/${c.obj.id}`, security: 'both', scope: 'referrals:read', expect: readReferral, mutates: (a, s) => s === 'sent' && a.kind === 'user' },
    {
      name: 'FHIR PATCH Task to accepted',
      method: 'PATCH',
      path: (c) => `/fhir/Task/${c.obj.id}`,
      body: () => [{ op: 'replace', path: '/status', value: 'accepted' }],
      headers: (c) => ({ 'content-type': 'application/json-patch+json', 'if-match': `W/"${c.obj.version}"` }),
      security: 'both',
      scope: 'referrals:write',
      // A patch that leaves the Task as it is (already accepted) changes nothing and answers it
      // (JSON Patch semantics), where the REST transition to the same status is a 409.
      expect: (a, st) => (seesReferral(a, st as ReferralState) && statusOf(st as ReferralState) === 'accepted' ? 'allow' : transition('accepted')(a, st)),
      mutates: true,
    },
    {
      name: 'edit draft',
      method: 'PATCH',
      path: refPath(),
      body: (c) => ({ reason: 'Edited by the matrix', version: c.obj.version }),
      security: 'both',
      scope: 'referrals:write',
      expect: (a, st) => {
        const s = st as ReferralState;
        if (!seesReferral(a, s)) return 'hidden';
        if (!sidesOf(a, s).includes('sender')) return 'forbidden';
        return s === 'draft' ? 'allow' : 'conflict';
      },
      mutates: true,
    },
    {
      name: 'send',
      method: 'POST',
      path: refPath('/send'),
      body: (c) => ({ version: c.obj.version }),
      security: 'both',
      scope: 'referrals:write',
      expect: transition('sent'),
      mutates: true,
    },
    transitionAction('acknowledge', 'acknowledged'),
    transitionAction('cancel', 'cancelled', { reason: 'other', note: 'Matrix cancels' }),
    transitionAction('accept', 'accepted'),
    // Completing records an outcome (ARCHITECTURE §3 closing the loop).
    transitionAction('complete', 'completed', { outcome: 'services_received' }),
    transitionAction('mark entered in error', 'entered_in_error'),
    {
      name: 'forward',
      method: 'POST',
      path: refPath('/forward'),
      body: (c) => ({ receivingOrganizationId: c.w.orgs.C.id, receivingServiceId: c.w.serviceC.id, note: 'Matrix forwards', version: c.obj.version }),
      security: 'both',
      scope: 'referrals:write',
      // Forwarding is declining as referred_elsewhere: sent or acknowledged only.
      expect: receiverWork((s) => s === 'sent' || s === 'acknowledged'),
      mutates: true,
    },
    {
      name: 'assign',
      method: 'POST',
      path: refPath('/assign'),
      body: () => ({ assigneeId: null }),
      security: 'both',
      scope: 'referrals:write',
      expect: receiverWork((s) => !isTerminalState(s)),
      mutates: true,
    },
    {
      name: 'first contact',
      method: 'POST',
      path: refPath('/first-contact'),
      body: () => ({ method: 'phone' }),
      security: 'both',
      scope: 'referrals:write',
      expect: receiverWork(isOpenState),
      mutates: true,
    },
    {
      name: 'mark loop closed',
      method: 'POST',
      path: refPath('/loop-closed'),
      body: (c) => ({ version: c.obj.version }),
      security: 'both',
      scope: 'referrals:write',
      expect: loopClosed(false),
      mutates: true,
    },
  ],
};

// ---- Closing the loop (issue 24) ---------------------------------------------------------------------
/**
 * "The sender marks the outcome seen ('loop closed', who and when) … Terminal states stay
 * terminal" (§3): only the sending side (its staff, admins and keys; a network admin looking in
 * is on neither side), only once there is an outcome (completed, unable_to_complete), once.
 * The receiver asking is forbidden whatever the state: it is not the receiver's act.
 */
function loopClosed(alreadyClosed: boolean) {
  return (a: ActorSpec, st: string): Outcome => {
    const s = st as ReferralState;
    if (!seesReferral(a, s)) return 'hidden';
    if (!sidesOf(a, s).includes('sender')) return 'forbidden';
    return (s === 'completed' || s === 'unable_to_complete') && !alreadyClosed ? 'allow' : 'conflict';
  };
}
/** Correcting first contact: the receiver's, while open or closed with an outcome, until the loop is closed. */
const correctFirstContact = (alreadyClosed: boolean) =>
  receiverWork((s) => !alreadyClosed && (isOpenState(s) || s === 'completed' || s === 'unable_to_complete'));
const correctAction = (alreadyClosed: boolean): ActionDef<Ref> => ({
  name: 'correct first contact',
  method: 'PATCH',
  path: refPath('/first-contact'),
  body: (c) => ({ method: 'in_person', version: c.obj.version }),
  security: 'both',
  scope: 'referrals:write',
  expect: correctFirstContact(alreadyClosed),
  mutates: true,
});

/** A referral whose first contact is on record (by phone, an hour after sending) when it was sent. */
const makeContacted = async (w: World, s: ReferralState, loopClosed = false) => {
  const r = await makeReferral(w, s);
  if (!wasSent(s)) return r;
  const sentAt = r.referral.sentAt!;
  const [row] = await w.db
    .update(schema.referrals)
    .set({
      firstContactAt: new Date(sentAt.getTime() + 3_600_000),
      firstContactMethod: 'phone',
      outcome: s === 'completed' ? 'services_received' : s === 'unable_to_complete' ? 'client_declined' : null,
      ...(loopClosed ? { loopClosedAt: new Date(), loopClosedByUserId: w.users.get('staff@A')!.id } : {}),
    })
    .where(eq(schema.referrals.id, r.id))
    .returning();
  return { ...r, version: row!.version, referral: row! };
};

const contactedKind: KindDef<Ref> = {
  kind: 'referral with first contact',
  states: REFERRAL_STATES,
  owner: 'A',
  counterpart: 'B',
  create: (w, s) => makeContacted(w, s as ReferralState),
  id: (o) => o.id,
  snapshot: (w, o) => referralSnapshot(w, o.id),
  actions: [correctAction(false)],
};

/** Completed / unable to complete, and the sender already marked the loop closed: once, and sealed. */
const loopClosedKind: KindDef<Ref> = {
  kind: 'referral with the loop closed',
  states: ['completed', 'unable_to_complete'],
  owner: 'A',
  counterpart: 'B',
  create: (w, s) => makeContacted(w, s as ReferralState, true),
  id: (o) => o.id,
  snapshot: (w, o) => referralSnapshot(w, o.id),
  actions: [
    {
      name: 'mark loop closed again',
      method: 'POST',
      path: refPath('/loop-closed'),
      body: (c) => ({ version: c.obj.version }),
      security: 'both',
      scope: 'referrals:write',
      expect: loopClosed(true),
    },
    correctAction(true),
  ],
};

// ---- Messages on a referral ------------------------------------------------------------------------
const messageKind: KindDef<Ref & { messageId: string }> = {
  kind: 'message',
  states: ['draft', 'cancelled_draft', 'sent', 'completed'],
  owner: 'A',
  counterpart: 'B',
  create: async (w, s) => {
    const r = await makeReferral(w, s as ReferralState);
    const [m] = await w.db.insert(schema.referralMessages).values({ referralId: r.id, authorOrgId: w.orgs.A.id, body: 'Matrix message' }).returning();
    return { ...r, messageId: m!.id };
  },
  id: (o) => o.id,
  snapshot: (w, o) => referralSnapshot(w, o.id),
  actions: [
    {
      name: 'list',
      method: 'GET',
      path: refPath('/messages?limit=100'),
      security: 'both',
      scope: 'referrals:read',
      expect: readReferral,
      row: (c, m) => (m.referralId === c.obj.id ? null : `message of another referral ${String(m.referralId)}`),
    },
    // Where createReferralMessage's Location points (issue 23): the thread's readers only.
    { name: 'get one', method: 'GET', path: (c) => `/api/v1/referrals/${c.obj.id}/messages/${c.obj.messageId}`, security: 'both', scope: 'referrals:read', expect: readReferral },
    {
      name: 'post',
      method: 'POST',
      path: refPath('/messages'),
      body: () => ({ body: 'Matrix says hello' }),
      security: 'both',
      scope: 'referrals:write',
      // Messages are between the two sides: a network admin looking in reads but does not write.
      expect: (a, st) => (!seesReferral(a, st as ReferralState) ? 'hidden' : sidesOf(a, st as ReferralState).length ? 'allow' : 'forbidden'),
      mutates: true,
    },
    // A person marks it read for themselves; a key for its organization (issue 23): both only on a
    // referral they see, outsiders' keys the 404 of a random id.
    { name: 'mark read', method: 'POST', path: refPath('/read'), security: 'both', scope: 'referrals:write', expect: readReferral },
    // Issue 24: whoever may read a referral may follow it (a person: keys get the gate), and is
    // notified of its changes; anyone else gets the random id's 404.
    { name: 'follow', method: 'POST', path: refPath('/follow'), security: 'session', expect: readReferral, mutates: true },
    { name: 'unfollow', method: 'DELETE', path: refPath('/follow'), security: 'session', expect: readReferral, mutates: true },
  ],
};

// ---- Clients and consents ----------------------------------------------------------------------------
type ClientObj = Awaited<ReturnType<typeof makeClient>>;
const CLIENT_STATES = ['sent', 'draft', 'cancelled_draft'] as const;
/** The registering org (A), the receiving org once a referral was sent to it, network admins. */
const seesClient = (a: ActorSpec, s: string) => inOrg(a, 'A') || (inOrg(a, 'B') && s === 'sent') || netAdmin(a);
const clientRead = (a: ActorSpec, s: string): Outcome => (seesClient(a, s) ? 'allow' : 'hidden');
const clientSnapshot = async (w: World, clientId: string) => ({
  client: (await w.db.execute(sql`select to_jsonb(c) - 'updated_at' as row from ${schema.clients} c where c.id = ${clientId}::uuid`)).rows[0],
  consents: (await w.db.execute(sql`select to_jsonb(c) as row from ${schema.consents} c where c.client_id = ${clientId}::uuid order by c.id`)).rows,
});

/** Every client row a caller gets back must be one it may read (computed from the database). */
export const clientReadableBy = async (w: World, a: ActorSpec, clientId: string): Promise<boolean> => {
  if (netAdmin(a)) return true;
  const s = slotOfActor(a);
  if (!s) return false;
  const org = w.orgs[s].id;
  const r = await w.db.execute<{ ok: boolean }>(sql`select exists(select 1 from ${schema.clients} c where c.id = ${clientId}::uuid and c.created_by_org_id = ${org}::uuid)
    or exists(select 1 from ${schema.referrals} r where r.client_id = ${clientId}::uuid and (r.sending_org_id = ${org}::uuid or (r.receiving_org_id = ${org}::uuid and r.sent_at is not null))) as ok`);
  return Boolean(r.rows[0]?.ok);
};

const clientKind: KindDef<ClientObj> = {
  kind: 'client',
  states: CLIENT_STATES,
  owner: 'A',
  counterpart: 'B',
  create: (w, s) => makeClient(w, s as (typeof CLIENT_STATES)[number]),
  id: (o) => o.id,
  snapshot: (w, o) => clientSnapshot(w, o.id),
  actions: [
    { name: 'get', method: 'GET', path: (c) => `/api/v1/clients/${c.obj.id}`, security: 'both', scope: 'referrals:read', expect: clientRead },
    { name: 'FHIR read Patient', method: 'GET', path: (c) => `/fhir/Patient/${c.obj.id}`, security: 'both', scope: 'referrals:read', expect: clientRead },
    {
      name: 'edit',
      method: 'PATCH',
      path: (c) => `/api/v1/clients/${c.obj.id}`,
      body: (c) => ({ preferredName: 'Matrix', version: c.obj.version }),
      security: 'both',
      scope: 'referrals:write',
      expect: clientRead,
      mutates: true,
    },
    {
      name: 'list consents',
      method: 'GET',
      path: (c) => `/api/v1/clients/${c.obj.id}/consents`,
      security: 'both',
      scope: 'referrals:read',
      expect: clientRead,
      row: (c, r) => (r.clientId === c.obj.id ? null : `consent of another client ${String(r.clientId)}`),
    },
    {
      name: 'record consent',
      method: 'POST',
      path: (c) => `/api/v1/clients/${c.obj.id}/consents`,
      body: () => ({ scope: 'network', method: 'written', signedAt: '2026-01-02T00:00:00.000Z' }),
      security: 'both',
      scope: 'referrals:write',
      expect: clientRead,
      mutates: true,
    },
    {
      // Search: only clients the caller may already read, and this one (by family name) if they may.
      name: 'search',
      method: 'GET',
      path: (c) => `/api/v1/clients?q=${encodeURIComponent(c.obj.familyName)}`,
      security: 'both',
      scope: 'referrals:read',
      expect: () => 'allow',
      row: async (c, r) => ((await clientReadableBy(c.w, c.actor, String(r.id))) ? null : `client ${String(r.id)} is not readable by the caller`),
      verify: async (c, body) => {
        const found = ((body as { data: { id: string }[] }).data ?? []).some((m) => m.id === c.obj.id);
        return !found && (await clientReadableBy(c.w, c.actor, c.obj.id)) ? 'a client the caller may read is missing from its search' : null;
      },
    },
    {
      // The client's referrals: the client's readers only, and among its referrals only those the
      // caller may open (a draft is the sender's alone, network admins too).
      name: 'list referrals',
      method: 'GET',
      path: (c) => `/api/v1/clients/${c.obj.id}/referrals`,
      security: 'both',
      scope: 'referrals:read',
      expect: clientRead,
      row: (c, r) => (r.id === c.obj.referralId && seesReferral(c.actor, c.state as ReferralState) ? null : `referral ${String(r.id)} is not one the caller may open`),
      verify: async (c, body) => {
        const listed = ((body as { data: { id: string }[] }).data ?? []).some((r) => r.id === c.obj.referralId);
        return !listed && seesReferral(c.actor, c.state as ReferralState) ? 'a referral the caller may open is missing' : null;
      },
    },
    {
      // Likely matches: only clients the caller may already read, and this one if they may.
      name: 'matches',
      method: 'GET',
      path: (c) => `/api/v1/clients/matches?name=${encodeURIComponent(c.obj.name)}&dateOfBirth=${c.obj.dateOfBirth}`,
      security: 'both',
      scope: 'referrals:read',
      expect: () => 'allow',
      row: async (c, r) => ((await clientReadableBy(c.w, c.actor, String(r.id))) ? null : `client ${String(r.id)} is not readable by the caller`),
      verify: async (c, body) => {
        const found = ((body as { data: { id: string }[] }).data ?? []).some((m) => m.id === c.obj.id);
        return !found && (await clientReadableBy(c.w, c.actor, c.obj.id)) ? 'a client the caller may read is missing from its matches' : null;
      },
    },
  ],
};

const consentKind: KindDef<ClientObj> = {
  kind: 'consent',
  states: CLIENT_STATES,
  owner: 'A',
  counterpart: 'B',
  create: (w, s) => makeClient(w, s as (typeof CLIENT_STATES)[number]),
  id: (o) => o.consentId,
  snapshot: (w, o) => clientSnapshot(w, o.id),
  actions: [
    // Where createConsent's Location points (issue 23): the client's readers only.
    { name: 'get', method: 'GET', path: (c) => `/api/v1/consents/${c.obj.consentId}`, security: 'both', scope: 'referrals:read', expect: clientRead },
    { name: 'FHIR read Consent', method: 'GET', path: (c) => `/fhir/Consent/${c.obj.consentId}`, security: 'both', scope: 'referrals:read', expect: clientRead },
    {
      name: 'revoke',
      method: 'POST',
      path: (c) => `/api/v1/consents/${c.obj.consentId}/revoke`,
      body: () => ({ reason: 'Matrix revokes' }),
      security: 'both',
      scope: 'referrals:write',
      expect: clientRead,
      mutates: true,
    },
  ],
};

// ---- Members, role grants, API keys (§4 "who grants what") --------------------------------------------
type MemberObj = Awaited<ReturnType<typeof makeMember>>;
const memberSnapshot = async (w: World, userId: string) => ({
  memberships: (await membershipOf(w.db, userId)).map((m) => ({ org: m.organizationId, role: m.role })),
});
const usersWithEmail = async (w: World, email: string) => (await w.db.select({ n: count() }).from(schema.users).where(eq(schema.users.email, email)))[0]!.n;
/** An org admin of the organization, or a network admin. */
const adminOf = (s: Slot) => (a: ActorSpec): Outcome => (hasRole(a, 'org_admin', s) || netAdmin(a) ? 'allow' : 'forbidden');

const memberKind: KindDef<MemberObj> = {
  kind: 'member',
  states: ['staff of A'],
  owner: 'A',
  create: (w) => makeMember(w, 'A'),
  id: (o) => o.id,
  snapshot: (w, o) => memberSnapshot(w, o.id),
  actions: [
    {
      name: 'list',
      method: 'GET',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/members?limit=100`,
      security: 'session',
      expect: adminOf('A'),
      row: (c, m) => (m.organizationId === c.w.orgs.A.id ? null : `member of ${String(m.organizationId)}`),
    },
    {
      name: 'colleagues',
      method: 'GET',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/colleagues?limit=100`,
      // An integration assigns referrals too: a key of A with directory:read (issue 23).
      security: 'both',
      scope: 'directory:read',
      expect: (a) => (inOrg(a, 'A') || netAdmin(a) ? 'allow' : 'forbidden'),
      row: async (c, m) => ((await membershipOf(c.w.db, String(m.userId))).some((x) => x.organizationId === c.w.orgs.A.id) ? null : `${String(m.userId)} is not a member of A`),
    },
    {
      name: 'invite new person as staff',
      method: 'POST',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/members`,
      body: (c) => ({ email: `matrix-${c.tag}@test.example`, name: 'Matrix Invitee', role: 'staff' }),
      security: 'session',
      expect: adminOf('A'),
      snapshot: async (c) => usersWithEmail(c.w, `matrix-${c.tag}@test.example`),
    },
    {
      // "Adding a person who already has an account elsewhere is an invitation they accept" (defect 3).
      name: 'add a user of another org',
      method: 'POST',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/members`,
      body: (c) => ({ email: c.obj.email, name: c.obj.name, role: 'staff' }),
      security: 'session',
      expect: adminOf('A'),
      mutates: true,
      snapshot: (c) => memberSnapshot(c.w, c.obj.id),
      verify: async (c) =>
        (await membershipOf(c.w.db, c.obj.id)).some((m) => m.organizationId === c.w.orgs.A.id) ? 'a membership was created at once instead of an invitation' : null,
    },
    // Where inviteMember's Location points (issue 23): the organization's admins, network admins.
    { name: 'get', method: 'GET', path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/members/${c.obj.id}`, security: 'session', expect: adminOf('A') },
    {
      // Through the caller's own organization's path: A's member is as unknown there as a random id.
      name: 'get through own org path',
      method: 'GET',
      path: (c) => `/api/v1/organizations/${c.w.orgs[slotOfActor(c.actor) ?? 'A'].id}/members/${c.obj.id}`,
      security: 'session',
      expect: (a) => (hasRole(a, 'org_admin', 'A') ? 'allow' : hasRole(a, 'org_admin') || netAdmin(a) ? 'hidden' : 'forbidden'),
    },
    {
      name: 'change role to org_admin',
      method: 'PATCH',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/members/${c.obj.id}`,
      body: () => ({ role: 'org_admin' }),
      security: 'session',
      expect: adminOf('A'),
      mutates: true,
    },
    {
      name: 'remove',
      method: 'DELETE',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/members/${c.obj.id}`,
      security: 'session',
      expect: adminOf('A'),
      mutates: true,
    },
  ],
};
// 'add a user of another org' needs a user of B as its object.
const memberOfB: KindDef<MemberObj> = { ...memberKind, kind: 'member (user of B)', states: ['user of B'], create: (w) => makeMember(w, 'B'), actions: memberKind.actions.filter((x) => x.name === 'add a user of another org') };
memberKind.actions = memberKind.actions.filter((x) => x.name !== 'add a user of another org');

/**
 * The network-wide roles exist only in the organization that runs the network, and only a
 * network admin grants them (defect 2). States: the org the grant is made in.
 */
const NETWORK_ROLES = ['collaboration_team', 'board_coordinator', 'network_admin'] as const;
const grantExpect = (a: ActorSpec, st: string): Outcome => {
  if (st === 'in N') return netAdmin(a) ? 'allow' : 'forbidden';
  // In any other org nobody may: org admins are refused; a network admin is refused as the role cannot exist there.
  return netAdmin(a) ? 'refused' : 'forbidden';
};
const grantKind: KindDef<MemberObj & { slot: Slot }> = {
  kind: 'role grant',
  states: ['in A', 'in N'],
  owner: 'A',
  create: async (w, st) => {
    const slot: Slot = st === 'in N' ? 'N' : 'A';
    return { ...(await makeMember(w, slot)), slot };
  },
  id: (o) => o.id,
  snapshot: (w, o) => memberSnapshot(w, o.id),
  actions: NETWORK_ROLES.flatMap((role): ActionDef<MemberObj & { slot: Slot }>[] => [
    {
      name: `invite as ${role}`,
      method: 'POST',
      path: (c) => `/api/v1/organizations/${c.w.orgs[c.obj.slot].id}/members`,
      body: (c) => ({ email: `grant-${c.tag}@test.example`, name: 'Matrix Grantee', role }),
      security: 'session',
      expect: grantExpect,
      snapshot: async (c) => usersWithEmail(c.w, `grant-${c.tag}@test.example`),
    },
    {
      name: `promote to ${role}`,
      method: 'PATCH',
      path: (c) => `/api/v1/organizations/${c.w.orgs[c.obj.slot].id}/members/${c.obj.id}`,
      body: () => ({ role }),
      security: 'session',
      expect: grantExpect,
      mutates: true,
    },
  ]),
};

/**
 * Deactivating an account (issue 24): an org admin of every organization the person works for, or
 * a network admin. Anyone else holding org_admin somewhere gets the 404 of a random id (the
 * person is not among the users they administer); everyone else the route's 403.
 */
const accountKind: KindDef<MemberObj> = {
  kind: 'account',
  states: ['active staff of A', 'deactivated staff of A'],
  owner: 'A',
  create: async (w, st) => {
    const m = await makeMember(w, 'A');
    if (st.startsWith('deactivated')) await w.db.update(schema.users).set({ active: false }).where(eq(schema.users.id, m.id));
    return m;
  },
  id: (o) => o.id,
  snapshot: async (w, o) => (await w.db.select({ active: schema.users.active }).from(schema.users).where(eq(schema.users.id, o.id)))[0],
  actions: (['deactivate', 'reactivate'] as const).map(
    (verb): ActionDef<MemberObj> => ({
      name: verb,
      method: 'POST',
      path: (c) => `/api/v1/users/${c.obj.id}/${verb}`,
      security: 'session',
      expect: (a) => (hasRole(a, 'org_admin', 'A') || netAdmin(a) ? 'allow' : hasRole(a, 'org_admin') ? 'hidden' : 'forbidden'),
      mutates: true,
    }),
  ),
};

type KeyObj = Awaited<ReturnType<typeof makeApiKey>>;
const keySnapshot = async (w: World, id: string) => (await w.db.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id)))[0];
const apiKeyKind: KindDef<KeyObj> = {
  kind: 'api key',
  states: ['active key of A'],
  owner: 'A',
  create: (w) => makeApiKey(w, 'A'),
  id: (o) => o.id,
  snapshot: (w, o) => keySnapshot(w, o.id),
  actions: [
    {
      name: 'list',
      method: 'GET',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/api-keys`,
      security: 'session',
      expect: adminOf('A'),
      row: (c, k) => (k.organizationId === c.w.orgs.A.id ? null : `key of ${String(k.organizationId)}`),
    },
    {
      name: 'create',
      method: 'POST',
      path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/api-keys`,
      body: (c) => ({ name: `matrix ${c.tag}`, scopes: ['referrals:read'] }),
      security: 'session',
      expect: adminOf('A'),
      snapshot: async (c) => (await c.w.db.select({ n: count() }).from(schema.apiKeys).where(eq(schema.apiKeys.name, `matrix ${c.tag}`)))[0]!.n,
    },
    // Where createApiKey's Location points (issue 23).
    { name: 'get', method: 'GET', path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/api-keys/${c.obj.id}`, security: 'session', expect: adminOf('A') },
    {
      name: 'get through own org path',
      method: 'GET',
      path: (c) => `/api/v1/organizations/${c.w.orgs[slotOfActor(c.actor) ?? 'A'].id}/api-keys/${c.obj.id}`,
      security: 'session',
      expect: (a) => (hasRole(a, 'org_admin', 'A') ? 'allow' : hasRole(a, 'org_admin') || netAdmin(a) ? 'hidden' : 'forbidden'),
    },
    { name: 'revoke', method: 'DELETE', path: (c) => `/api/v1/organizations/${c.w.orgs.A.id}/api-keys/${c.obj.id}`, security: 'session', expect: adminOf('A'), mutates: true },
    {
      // Through the caller's own organization's path: another org's key is as unknown as a random id.
      name: 'revoke through own org path',
      method: 'DELETE',
      path: (c) => `/api/v1/organizations/${c.w.orgs[slotOfActor(c.actor) ?? 'A'].id}/api-keys/${c.obj.id}`,
      security: 'session',
      expect: (a) => (hasRole(a, 'org_admin', 'A') ? 'allow' : hasRole(a, 'org_admin') || netAdmin(a) ? 'hidden' : 'forbidden'),
      mutates: true,
    },
  ],
};

// ---- Agreements (incl. BAA): network staff see and write all; others read their own ---------------
type AgreementObj = Awaited<ReturnType<typeof makeAgreement>>;
const agreementKind: KindDef<AgreementObj> = {
  kind: 'agreement',
  states: ['mou', 'baa'],
  owner: 'A',
  counterpart: 'B',
  create: (w, s) => makeAgreement(w, s as 'mou' | 'baa'),
  id: (o) => o.id,
  snapshot: async (w, o) => ({
    row: (await w.db.execute(sql`select to_jsonb(a) - 'updated_at' as row from ${schema.agreements} a where a.id = ${o.id}::uuid`)).rows[0],
    parties: (await w.db.select().from(schema.agreementParties).where(eq(schema.agreementParties.agreementId, o.id))).map((p) => p.organizationId).sort(),
  }),
  actions: [
    {
      name: 'get',
      method: 'GET',
      path: (c) => `/api/v1/agreements/${c.obj.id}`,
      // A key with directory:read reads its own organization's agreements (issue 23).
      security: 'both',
      scope: 'directory:read',
      expect: (a) => (inOrg(a, 'A') || inOrg(a, 'B') || networkStaff(a) ? 'allow' : 'hidden'),
    },
    {
      name: 'edit',
      method: 'PATCH',
      path: (c) => `/api/v1/agreements/${c.obj.id}`,
      body: (c) => ({ notes: 'Matrix edit', version: c.obj.version }),
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      mutates: true,
    },
    {
      // Approving a BAA (issue 22 defect 2): a network admin or an org admin of a party may; the
      // matrix's agreements are already active (and an MOU needs no approval), so they get 409;
      // the parties' other members and the collaboration team 403; everyone else the 404 of a random id.
      name: 'approve',
      method: 'POST',
      path: (c) => `/api/v1/agreements/${c.obj.id}/approve`,
      body: (c) => ({ version: c.obj.version }),
      security: 'session',
      expect: (a) =>
        netAdmin(a) || hasRole(a, 'org_admin', 'A') || hasRole(a, 'org_admin', 'B')
          ? 'conflict'
          : inOrg(a, 'A') || inOrg(a, 'B') || networkStaff(a)
            ? 'forbidden'
            : 'hidden',
      mutates: true,
    },
    {
      name: 'list',
      method: 'GET',
      path: (c) => `/api/v1/agreements?limit=100&kind=${c.state}`,
      security: 'both',
      scope: 'directory:read',
      expect: () => 'allow',
      row: (c, r) => {
        if (networkStaff(c.actor)) return null;
        const s = slotOfActor(c.actor);
        const parties = (r.parties as { id: string }[]).map((p) => p.id);
        return s && parties.includes(c.w.orgs[s].id) ? null : `agreement ${String(r.id)} between ${parties.join(', ')}`;
      },
    },
  ],
};

// ---- Service gaps (issue 25): the collaboration team and network admins write, board coordinators read ----
// Gaps are the network's planning records, no partner's: every other person gets 403 at the route
// (nothing to hide: the refusal does not depend on the record), API keys 403, anonymous 401.
type GapObj = Awaited<ReturnType<typeof makeGap>>;
const gapReader = (a: ActorSpec) => networkStaff(a) || hasRole(a, 'board_coordinator');
const gapPath = (suffix = '') => (c: CellCtx<GapObj>) => `/api/v1/engagement/gaps/${c.obj.id}${suffix}`;
const gapKind: KindDef<GapObj> = {
  kind: 'service gap',
  states: ['identified', 'resolved'],
  owner: 'N',
  create: (w, s) => makeGap(w, s as 'identified' | 'resolved'),
  id: (o) => o.id,
  snapshot: async (w, o) =>
    (
      await w.db.execute(sql`select to_jsonb(g) - 'updated_at' as row, (select count(*) from ${schema.serviceGapEvents} e where e.gap_id = g.id)::int as events
        from ${schema.serviceGaps} g where g.id = ${o.id}::uuid`)
    ).rows[0],
  actions: [
    { name: 'get', method: 'GET', path: gapPath(), security: 'session', expect: (a) => (gapReader(a) ? 'allow' : 'forbidden') },
    { name: 'history', method: 'GET', path: gapPath('/history'), security: 'session', expect: (a) => (gapReader(a) ? 'allow' : 'forbidden') },
    { name: 'evidence', method: 'GET', path: gapPath('/evidence?from=2026-01-01&to=2026-12-31'), security: 'session', expect: (a) => (gapReader(a) ? 'allow' : 'forbidden') },
    { name: 'list', method: 'GET', path: (c) => `/api/v1/engagement/gaps?limit=100&status=${c.state}`, security: 'session', expect: (a) => (gapReader(a) ? 'allow' : 'forbidden') },
    { name: 'coverage', method: 'GET', path: () => '/api/v1/engagement/coverage?from=2026-01-01&to=2026-12-31', security: 'session', expect: (a) => (gapReader(a) ? 'allow' : 'forbidden') },
    {
      name: 'edit',
      method: 'PATCH',
      path: gapPath(),
      body: (c) => ({ severity: 'critical', version: c.obj.version }),
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      mutates: true,
    },
    {
      // identified → escalated is an edge; resolved is final (409).
      name: 'escalate',
      method: 'POST',
      path: gapPath('/transitions'),
      body: (c) => ({ to: 'escalated', version: c.obj.version }),
      security: 'session',
      expect: (a, s) => (!networkStaff(a) ? 'forbidden' : s === 'identified' ? 'allow' : 'conflict'),
      mutates: true,
    },
    {
      name: 'note',
      method: 'POST',
      path: gapPath('/notes'),
      body: () => ({ note: 'Matrix note' }),
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      mutates: true,
    },
  ],
};

// ---- Directory locations and contacts (issue 23: where their creates' Location points) ---------------
/**
 * Public directory facts: anyone reads a location and a public contact, with or without
 * credentials. A non-public contact is for signed-in users only (ARCHITECTURE §4 "the directory
 * (no PHI) is public"; non-public contacts as in the organization's contact list): anonymous
 * callers and API keys get the 404 of a random id.
 */
type DirObj = { id: string };
const locationKind: KindDef<DirObj> = {
  kind: 'location',
  states: ['of A'],
  owner: 'A',
  create: (w) => makeLocation(w, 'A'),
  id: (o) => o.id,
  snapshot: async () => null,
  actions: [{ name: 'get', method: 'GET', path: (c) => `/api/v1/locations/${c.obj.id}`, security: 'public', expect: () => 'allow' }],
};
const contactKind: KindDef<DirObj> = {
  kind: 'contact',
  states: ['public', 'non-public'],
  owner: 'A',
  create: (w, s) => makeContact(w, 'A', s === 'public'),
  id: (o) => o.id,
  snapshot: async () => null,
  actions: [
    {
      name: 'get',
      method: 'GET',
      path: (c) => `/api/v1/contacts/${c.obj.id}`,
      security: 'public',
      expect: (a, s) => (s === 'public' || isUser(a) ? 'allow' : 'hidden'),
    },
  ],
};

// ---- Audit trail: org admins their organization's rows, network admins all ---------------------------
type AuditObj = { referralId: string; clientId: string };
const auditRow = (c: CellCtx<AuditObj>, r: Record<string, unknown>) => {
  if (netAdmin(c.actor)) return null;
  const s = slotOfActor(c.actor);
  return s && r.organizationId === c.w.orgs[s].id ? null : `audit row of ${String(r.organizationId)}`;
};
const auditKind: KindDef<AuditObj> = {
  kind: 'audit',
  states: ['rows of A'],
  owner: 'A',
  create: async (w) => {
    const r = await makeReferral(w, 'accepted');
    // A read by A's staff and one by B's staff: audit rows of both organizations about one entity.
    for (const who of ['staff@A', 'staff@B']) await w.app.inject({ method: 'GET', url: `/api/v1/referrals/${r.id}`, headers: w.headers.get(who)! });
    return { referralId: r.id, clientId: r.client.id };
  },
  id: (o) => o.referralId,
  snapshot: async () => null,
  actions: [
    { name: 'list', method: 'GET', path: () => '/api/v1/audit?limit=100', security: 'session', expect: (a) => (hasRole(a, 'org_admin') || netAdmin(a) ? 'allow' : 'forbidden'), row: auditRow },
    {
      name: 'list for one referral',
      method: 'GET',
      path: (c) => `/api/v1/audit?limit=100&entityId=${c.obj.referralId}`,
      security: 'session',
      expect: (a) => (hasRole(a, 'org_admin') || netAdmin(a) ? 'allow' : 'forbidden'),
      row: auditRow,
    },
    {
      name: 'list for one client, who and when',
      method: 'GET',
      path: (c) => `/api/v1/audit?limit=100&clientId=${c.obj.clientId}&action=referral.&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`,
      security: 'session',
      expect: (a) => (hasRole(a, 'org_admin') || netAdmin(a) ? 'allow' : 'forbidden'),
      row: auditRow,
    },
  ],
};

// ---- Webhooks: an organization's subscriptions, for its org admins and its keys with webhooks:manage ----------
type WebhookObj = Awaited<ReturnType<typeof makeWebhook>>;
const managesA = (a: ActorSpec) => hasRole(a, 'org_admin', 'A') || (a.kind === 'key' && a.org === 'A');
const webhookOf = (a: ActorSpec): Outcome => (managesA(a) ? 'allow' : 'hidden');
const webhookKind: KindDef<WebhookObj> = {
  kind: 'webhook subscription',
  states: ['active, of A'],
  owner: 'A',
  create: (w) => makeWebhook(w),
  id: (o) => o.id,
  snapshot: async (w, o) => (await w.db.select().from(schema.webhookSubscriptions).where(eq(schema.webhookSubscriptions.id, o.id)))[0],
  actions: [
    {
      name: 'list',
      method: 'GET',
      path: () => '/api/v1/webhooks?limit=100',
      security: 'both',
      scope: 'webhooks:manage',
      expect: () => 'allow',
      // Only subscriptions of organizations the caller manages (an org admin's, a key's own).
      row: async (c, s) => {
        const [row] = await c.w.db.select().from(schema.webhookSubscriptions).where(eq(schema.webhookSubscriptions.id, String(s.id)));
        const slot = c.w.slotOf(row?.organizationId);
        const manages = c.actor.kind === 'key' ? c.actor.org === slot : !!slot && hasRole(c.actor, 'org_admin', slot);
        return manages ? null : `a subscription of ${slot ?? 'another organization'}`;
      },
    },
    { name: 'get', method: 'GET', path: (c) => `/api/v1/webhooks/${c.obj.id}`, security: 'both', scope: 'webhooks:manage', expect: webhookOf },
    { name: 'delivery attempts', method: 'GET', path: (c) => `/api/v1/webhooks/${c.obj.id}/attempts`, security: 'both', scope: 'webhooks:manage', expect: webhookOf },
    { name: 'rotate the secret', method: 'POST', path: (c) => `/api/v1/webhooks/${c.obj.id}/rotate-secret`, body: () => ({}), security: 'both', scope: 'webhooks:manage', expect: webhookOf, mutates: true },
    { name: 'delete', method: 'DELETE', path: (c) => `/api/v1/webhooks/${c.obj.id}`, security: 'both', scope: 'webhooks:manage', expect: webhookOf, mutates: true },
  ],
};

// ---- Reports over the network's referrals (metrics, closed-loop export and its mapping): network staff only ----------------------------------------
const reportKind: KindDef<{ id: string }> = {
  kind: 'referral metrics',
  states: ['network-wide'],
  owner: 'N',
  create: async (w) => ({ id: (await makeReferral(w, 'accepted')).id }),
  id: (o) => o.id,
  snapshot: async () => null,
  actions: [
    {
      name: 'read by month and flow',
      method: 'GET',
      path: () => '/api/v1/reports/referrals?from=2026-01-01&to=2026-12-31&by=flow',
      security: 'session',
      expect: (a) => (hasRole(a, 'collaboration_team') || netAdmin(a) ? 'allow' : 'forbidden'),
    },
    {
      name: 'Medi-Cal closed-loop export',
      method: 'GET',
      path: () => '/api/v1/reports/closed-loop?from=2026-01-01&to=2026-12-31',
      security: 'session',
      expect: (a) => (hasRole(a, 'collaboration_team') || netAdmin(a) ? 'allow' : 'forbidden'),
    },
    {
      name: 'closed-loop mapping',
      method: 'GET',
      path: () => '/api/v1/reports/closed-loop/mapping',
      security: 'session',
      expect: (a) => (hasRole(a, 'collaboration_team') || netAdmin(a) ? 'allow' : 'forbidden'),
    },
    {
      // The defaults again: writes nothing, so every cell starts from version 1.
      name: 'replace the closed-loop mapping',
      method: 'PUT',
      path: () => '/api/v1/reports/closed-loop/mapping',
      body: () => ({ entries: [], version: 1 }),
      security: 'session',
      expect: (a) => (netAdmin(a) ? 'allow' : 'forbidden'),
    },
  ],
};

// Engagement reports: the collaboration team, board coordinators and network admins, signed in.
const engagementReader = (a: ActorSpec) => hasRole(a, 'collaboration_team') || hasRole(a, 'board_coordinator') || netAdmin(a);
const engagementReportKind: KindDef<{ id: string }> = {
  kind: 'engagement report',
  states: ['network-wide'],
  owner: 'N',
  create: async (w) => ({ id: (await makeEngagementEvent(w)).id }),
  id: (o) => o.id,
  snapshot: async () => null,
  actions: [
    {
      name: 'read by month and SPA',
      method: 'GET',
      path: () => '/api/v1/reports/engagement?from=2026-01-01&to=2026-12-31&by=spa',
      security: 'session',
      expect: (a) => (engagementReader(a) ? 'allow' : 'forbidden'),
    },
    {
      name: "read the State's quarterly roll-up",
      method: 'GET',
      path: () => '/api/v1/reports/engagement/state-quarterly?year=2026&quarter=1',
      security: 'session',
      expect: (a) => (engagementReader(a) ? 'allow' : 'forbidden'),
    },
    {
      name: "read a staff member's monthly report",
      method: 'GET',
      path: () => '/api/v1/reports/engagement/staff-monthly?month=2026-03',
      security: 'session',
      expect: (a) => (engagementReader(a) ? 'allow' : 'forbidden'),
    },
  ],
};

// The partnership funnel (issue 25): the network's own record about partners, network staff signed in.
const pipelineReportKind: KindDef<{ id: string }> = {
  kind: 'partnership pipeline report',
  states: ['network-wide'],
  owner: 'N',
  create: async (w) => ({ id: w.orgs.B.id }),
  id: (o) => o.id,
  snapshot: async () => null,
  actions: [
    {
      name: 'read by SPA',
      method: 'GET',
      path: () => '/api/v1/reports/pipeline?spa=spa4',
      security: 'session',
      expect: (a) => (hasRole(a, 'collaboration_team') || netAdmin(a) ? 'allow' : 'forbidden'),
    },
  ],
};

// The network overview (issue 25): the collaboration team and network admins, signed in.
const networkOverviewKind: KindDef<{ id: string }> = {
  kind: 'network overview',
  states: ['network-wide'],
  owner: 'N',
  create: async (w) => ({ id: w.orgs.B.id }),
  id: (o) => o.id,
  snapshot: async () => null,
  actions: [
    {
      name: 'read for one SPA',
      method: 'GET',
      path: () => '/api/v1/reports/network-overview?from=2026-01-01&to=2026-03-31&spa=spa4',
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
    },
  ],
};

// Partnered is a person's confirmation with evidence beside it (issue 25): network staff, signed in.
// Without an agreement or a referral received (and without a note), staff are refused (422).
type CandidateObj = Awaited<ReturnType<typeof makePartnerCandidate>>;
const partnershipKind: KindDef<CandidateObj> = {
  kind: 'partnership confirmation',
  states: ['assessed, with an agreement', 'assessed, no evidence'],
  owner: 'N',
  create: (w, s) => makePartnerCandidate(w, s.includes('agreement')),
  id: (o) => o.id,
  snapshot: async (w, o) => (await w.db.execute(sql`select to_jsonb(o) - 'updated_at' as row from ${schema.organizations} o where o.id = ${o.id}::uuid`)).rows[0],
  actions: [
    {
      name: 'read with evidence',
      method: 'GET',
      path: (c) => `/api/v1/organizations/${c.obj.id}/partnership`,
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
    },
    {
      name: 'confirm partnered',
      method: 'POST',
      path: (c) => `/api/v1/organizations/${c.obj.id}/partnership/confirm`,
      body: (c) => ({ version: c.obj.version }),
      security: 'session',
      expect: (a, s) => (!networkStaff(a) ? 'forbidden' : s.includes('agreement') ? 'allow' : 'refused'),
      mutates: true,
    },
  ],
};

// ---- Notifications: each user's own ------------------------------------------------------------------
type NoteObj = Awaited<ReturnType<typeof makeNotification>>;
const OWNER = 'staff@A';
const noteSnapshot = async (w: World, o: NoteObj) => (await w.db.select().from(schema.notifications).where(eq(schema.notifications.id, o.id)))[0];
const notificationKind: KindDef<NoteObj> = {
  kind: 'notification',
  states: [`unread, of ${OWNER}`],
  owner: 'A',
  create: (w) => makeNotification(w, OWNER),
  id: (o) => o.id,
  snapshot: noteSnapshot,
  actions: [
    {
      name: 'mark read',
      method: 'POST',
      path: (c) => `/api/v1/notifications/${c.obj.id}/read`,
      security: 'session',
      expect: (a) => (a.name === OWNER ? 'allow' : 'hidden'),
      mutates: true,
    },
    {
      name: 'list',
      method: 'GET',
      path: () => '/api/v1/notifications?limit=100',
      security: 'session',
      expect: () => 'allow',
      row: async (c, n) => {
        const [row] = await c.w.db.select({ userId: schema.notifications.userId }).from(schema.notifications).where(eq(schema.notifications.id, String(n.id)));
        return row?.userId === c.w.users.get(c.actor.name)?.id ? null : `notification ${String(n.id)} of another user`;
      },
    },
    {
      name: 'mark all read',
      method: 'POST',
      path: () => '/api/v1/notifications/read-all',
      security: 'session',
      expect: () => 'allow',
      runLast: (a) => a.name === OWNER,
      // Everyone may call it, but it reads only their own: the owner's notification stays unread.
      verify: async (c) => (c.actor.name === OWNER ? null : (await noteSnapshot(c.w, c.obj))?.readAt ? `${OWNER}'s notification was marked read` : null),
    },
  ],
};

// ---- Invitations: an existing account's, to accept or not; nobody else's ---------------------------------
type InvitationObj = Awaited<ReturnType<typeof makeInvitation>>;
const INVITEE = 'staff@B';
const invitationSnapshot = async (w: World, o: InvitationObj) => ({
  invitation: (await w.db.select().from(schema.invitations).where(eq(schema.invitations.id, o.id)))[0],
  memberships: (await membershipOf(w.db, o.userId)).map((m) => m.organizationId).sort(),
});
const invitationKind: KindDef<InvitationObj> = {
  kind: 'invitation',
  states: [`open, from A to ${INVITEE}`],
  owner: 'A',
  create: (w) => makeInvitation(w, INVITEE),
  id: (o) => o.id,
  snapshot: invitationSnapshot,
  actions: [
    {
      name: 'list mine',
      method: 'GET',
      path: () => '/api/v1/me/invitations',
      security: 'session',
      expect: () => 'allow',
      row: (c, i) => (c.actor.name === INVITEE ? null : `invitation ${String(i.id)} addressed to ${INVITEE}`),
    },
    {
      // Accepting makes the invitee a member of A: after every other cell, which count on their memberships.
      name: 'accept',
      method: 'POST',
      path: (c) => `/api/v1/me/invitations/${c.obj.id}/accept`,
      security: 'session',
      expect: (a) => (a.name === INVITEE ? 'allow' : 'hidden'),
      mutates: true,
      runLast: (a) => a.name === INVITEE,
      verify: async (c) => ((await membershipOf(c.w.db, c.obj.userId)).some((m) => m.organizationId === c.w.orgs.A.id) ? null : 'accepted, but no membership of A'),
    },
  ],
};

// ---- Notification settings: each user's own (issue 24) ---------------------------------------------------
// The path names no one: every signed-in user reads and writes only their own settings. The write
// turns on a kind that is on by default, so every cell answers at version 1 and changes nothing.
const settingsOf = async (w: World, name: string) => {
  const id = w.users.get(name)?.id;
  return id ? (await w.db.select().from(schema.notificationSettings).where(eq(schema.notificationSettings.userId, id)))[0] : undefined;
};
const settingsKind: KindDef<{ owner: string }> = {
  kind: 'notification settings',
  states: [`of ${OWNER}`],
  owner: 'A',
  create: async () => ({ owner: OWNER }),
  id: () => OWNER,
  snapshot: (w, o) => settingsOf(w, o.owner),
  actions: [
    {
      name: 'get',
      method: 'GET',
      path: () => '/api/v1/me/notification-settings',
      security: 'session',
      expect: () => 'allow',
      verify: async (_c, body) => ((body as { version?: number }).version === 1 ? null : `settings at version ${String((body as { version?: number }).version)}`),
    },
    {
      name: 'turn a kind on',
      method: 'PUT',
      path: () => '/api/v1/me/notification-settings',
      body: () => ({ enabled: { 'referral.message': true }, version: 1 }),
      security: 'session',
      expect: () => 'allow',
      // The row written (at its defaults) is the caller's, never the owner's on their behalf.
      verify: async (c) => ((await settingsOf(c.w, c.actor.name)) ? null : `no settings row of ${c.actor.name}`),
    },
    {
      name: 'keep an email kind on',
      method: 'PUT',
      path: () => '/api/v1/me/notification-settings',
      body: () => ({ email: { 'referral.assigned': true }, version: 1 }),
      security: 'session',
      expect: () => 'allow',
      verify: async (c) => ((await settingsOf(c.w, c.actor.name)) ? null : `no settings row of ${c.actor.name}`),
    },
  ],
};

// ---- Password reset: public, the emailed token is the credential (issue 27) ------------------------------
// Each cell gets a person of its own with an open reset link (confirming ends that person's sessions,
// never a matrix actor's). Anyone may ask for a link, for any email, and gets the same 202; anyone
// holding the token may use it, once.
type ResetObj = { userId: string; email: string; token: string };
const resetKind: KindDef<ResetObj> = {
  kind: 'password reset',
  states: ['open reset link of a member of A'],
  owner: 'A',
  create: async (w) => {
    const u = await makeMember(w, 'A');
    const token = `matrix-reset-${w.uniq()}-${'r'.repeat(24)}`;
    await w.db.insert(schema.passwordResetTokens).values({ tokenHash: sha256(token), userId: u.id, expiresAt: new Date(Date.now() + 3600_000) });
    return { userId: u.id, email: u.email, token };
  },
  id: (o) => o.userId,
  snapshot: async (w, o) => ({
    user: (await w.db.select({ passwordHash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, o.userId)))[0],
    tokens: await w.db.select({ usedAt: schema.passwordResetTokens.usedAt }).from(schema.passwordResetTokens).where(eq(schema.passwordResetTokens.userId, o.userId)),
  }),
  actions: [
    {
      name: 'request a link',
      method: 'POST',
      path: () => '/api/v1/auth/password-reset',
      body: (c) => ({ email: c.obj.email }),
      security: 'public',
      expect: () => 'allow',
      mutates: true,
    },
    {
      name: 'set a new password with the token',
      method: 'POST',
      path: () => '/api/v1/auth/password-reset/confirm',
      body: (c) => ({ token: c.obj.token, password: `matrix-new-password-${c.tag}` }),
      security: 'public',
      expect: () => 'allow',
      mutates: true,
      verify: async (c) => {
        const [t] = await c.w.db.select({ usedAt: schema.passwordResetTokens.usedAt }).from(schema.passwordResetTokens).where(eq(schema.passwordResetTokens.userId, c.obj.userId));
        return t?.usedAt ? null : 'the token was not used up';
      },
    },
  ],
};

// ---- Inbox boxes: row by row ----------------------------------------------------------------------------
type InboxObj = { ids: string[] };
const inboxRow = (box: 'received' | 'sent') => async (c: CellCtx<InboxObj>, item: Record<string, unknown>) => {
  const s = slotOfActor(c.actor);
  const [r] = await c.w.db.select().from(schema.referrals).where(eq(schema.referrals.id, String(item.id)));
  if (!r || !s) return `unknown referral ${String(item.id)}`;
  const org = c.w.orgs[s].id;
  if (box === 'sent') return r.sendingOrgId === org ? null : `sent box shows a referral sent by ${c.w.slotOf(r.sendingOrgId)}`;
  if (r.receivingOrgId !== org) return `received box shows a referral received by ${c.w.slotOf(r.receivingOrgId)}`;
  return r.sentAt ? null : `received box shows a ${r.status} referral that was never sent`;
};
const box = (name: string, b: 'received' | 'sent', query = ''): ActionDef<InboxObj> => ({
  name,
  method: 'GET',
  path: () => `/api/v1/referrals?box=${b}&limit=100${query}`,
  security: 'both',
  scope: 'referrals:read',
  expect: () => 'allow',
  row: inboxRow(b),
});
/**
 * The network box (issue 24): network admins and the collaboration team see every referral that
 * was sent; a draft, even cancelled, stays the sender's alone (§4). The collaboration team is not
 * among those §4 lets see a client: its rows carry none.
 */
const networkRow = async (c: CellCtx<InboxObj>, item: Record<string, unknown>) => {
  const [r] = await c.w.db.select().from(schema.referrals).where(eq(schema.referrals.id, String(item.id)));
  if (!r) return `unknown referral ${String(item.id)}`;
  if (!r.sentAt) return `network box shows a ${r.status} referral that was never sent`;
  if (!netAdmin(c.actor)) {
    const shown = (['clientId', 'clientName', 'reason', 'statusNote', 'outcome', 'consentId'] as const).filter((k) => item[k] != null);
    if (shown.length) return `network box shows ${shown.join(', ')} to ${c.actor.name}`;
  }
  return null;
};
const networkBox = (name: string, query = ''): ActionDef<InboxObj> => ({
  name,
  method: 'GET',
  path: (c) => `/api/v1/referrals?box=network&limit=100&organizationId=${c.w.orgs.A.id}${query}`,
  security: 'both',
  scope: 'referrals:read',
  expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
  row: networkRow,
});
const inboxKind: KindDef<InboxObj> = {
  kind: 'inbox',
  states: ['A→B in every state'],
  owner: 'A',
  counterpart: 'B',
  create: async (w) => ({ ids: await Promise.all(REFERRAL_STATES.map(async (s) => (await makeReferral(w, s)).id)) }),
  id: (o) => o.ids[0]!,
  snapshot: async () => null,
  actions: [
    box('received box', 'received'),
    box('received box, cancelled', 'received', '&status=cancelled'),
    box('received box, drafts', 'received', '&status=draft'),
    box('sent box', 'sent'),
    networkBox('network box'),
    networkBox('network box, cancelled', '&status=cancelled'),
    networkBox('network box, drafts', '&status=draft'),
    box('sent box, by urgency', 'sent', '&sort=urgency'),
    box('received box, not closed', 'received', '&closed=false'),
    {
      // The home worklist counts only the caller's own organizations' referrals (session only: it is about "me").
      name: 'worklist',
      method: 'GET',
      path: () => '/api/v1/referrals/worklist',
      security: 'session',
      expect: () => 'allow',
      // After every other cell, so that no cell changes the referrals between the call and the check.
      runLast: () => true,
      verify: async (c, body) => {
        const b = body as { sent: { drafts: number }; received: { toAcknowledge: number } };
        const s = slotOfActor(c.actor);
        const user = c.w.users.get(c.actor.name);
        if (!s || !user) return 'no organization or user for the caller';
        const org = c.w.orgs[s].id;
        const [row] = await c.w.db
          .select({
            drafts: sql<number>`(count(*) filter (where ${schema.referrals.sendingOrgId} = ${org}::uuid and ${schema.referrals.sendingUserId} = ${user.id}::uuid and ${schema.referrals.status} = 'draft'))::int`,
            toAcknowledge: sql<number>`(count(*) filter (where ${schema.referrals.receivingOrgId} = ${org}::uuid and ${schema.referrals.status} = 'sent' and ${schema.referrals.sentAt} is not null))::int`,
          })
          .from(schema.referrals);
        const want = { drafts: row!.drafts, toAcknowledge: row!.toAcknowledge };
        const got = { drafts: b.sent.drafts, toAcknowledge: b.received.toAcknowledge };
        return isDeepStrictEqual(got, want) ? null : `worklist ${JSON.stringify(got)}, the caller's own referrals say ${JSON.stringify(want)}`;
      },
    },
  ],
};

// ---- The directory as HSDS (issue 23): network staff export it, network admins import into it ----------
/** One organization under an HSDS id of the cell's own, as a multipart upload of organizations.csv. */
const BOUNDARY = 'matrix-hsds-boundary';
const hsdsOrgId = (c: CellCtx<unknown>) => `matrix-hsds-${c.tag}`;
const hsdsUpload = (c: CellCtx<unknown>) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="organizations.csv"; filename="organizations.csv"\r\nContent-Type: text/csv\r\n\r\n` +
  `id,name\r\n${hsdsOrgId(c)},Matrix HSDS ${c.tag}\r\n\r\n--${BOUNDARY}--\r\n`;
const hsdsImport = (name: string, query: string, mutates: boolean): ActionDef<unknown> => ({
  name,
  method: 'POST',
  path: () => `/api/v1/directory/imports${query}`,
  body: hsdsUpload,
  headers: () => ({ 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }),
  security: 'session',
  expect: (a) => (netAdmin(a) ? 'allow' : 'forbidden'),
  mutates,
  // The organization the upload would create: a refused (or dry) run leaves none.
  snapshot: async (c) => c.w.db.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.sourceId, hsdsOrgId(c))),
  verify: async (c, body) => {
    const rows = await c.w.db.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.sourceId, hsdsOrgId(c)));
    const report = body as { dryRun?: boolean; created?: number };
    if (report.created !== 1) return `report created ${String(report.created)}, not 1`;
    return rows.length === (mutates ? 1 : 0) ? null : `${rows.length} organization(s) with the upload's HSDS id after a ${mutates ? 'real' : 'dry'} run`;
  },
});
const directoryKind: KindDef<unknown> = {
  kind: 'HSDS directory',
  states: ['the directory'],
  owner: 'N',
  create: async () => ({}),
  id: () => 'directory',
  snapshot: async () => null,
  actions: [
    { name: 'export (JSON)', method: 'GET', path: () => '/api/v1/directory/export', security: 'session', expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden') },
    {
      name: 'export package (zip)',
      method: 'GET',
      path: () => '/api/v1/directory/export/package',
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
    },
    hsdsImport('import, dry run', '?dryRun=true', false),
    { ...hsdsImport('import', '', true), runLast: (a) => netAdmin(a) },
  ],
};

// ---- Engagement events (issue 25): the collaboration team and network admins write; board ---------
// coordinators read; a partner organization that took part (A) reads the partner view, without
// the internal summary, follow-ups and gap links; everyone else gets a random id's 404.
type EventObj = Awaited<ReturnType<typeof makeEngagementEvent>>;
const readsAllEvents = (a: ActorSpec) => networkStaff(a) || hasRole(a, 'board_coordinator');
/** The partner view leaves the internal fields out; the full view has them. */
const eventView = (a: ActorSpec, r: Record<string, unknown>) => {
  const full = readsAllEvents(a);
  if (r.view !== (full ? 'full' : 'partner')) return `view ${String(r.view)}`;
  const internal = ['summary', 'followUps', 'gapIds'].filter((f) => f in r);
  return full || internal.length === 0 ? null : `partner view shows ${internal.join(', ')}`;
};
const eventCount = async (w: World, title: string) =>
  (await w.db.select({ n: count() }).from(schema.engagementEvents).where(eq(schema.engagementEvents.title, title)))[0]!.n;
const newEventBody = (c: CellCtx<unknown>) => ({ title: `Matrix new ${c.tag}`, type: 'town_hall', startsAt: '2026-04-01T18:00:00-07:00', spas: ['spa3'], focusPopulations: ['other'], attendeeCount: 3 });
const engagementKind: KindDef<EventObj> = {
  kind: 'engagement event',
  states: ['logged'],
  owner: 'A',
  create: (w) => makeEngagementEvent(w),
  id: (o) => o.id,
  snapshot: async (w, o) => ({
    row: (await w.db.execute(sql`select to_jsonb(e) - 'updated_at' as row from ${schema.engagementEvents} e where e.id = ${o.id}::uuid`)).rows[0],
    orgs: (await w.db.select().from(schema.engagementEventOrganizations).where(eq(schema.engagementEventOrganizations.eventId, o.id))).map((x) => x.organizationId),
  }),
  actions: [
    {
      name: 'get',
      method: 'GET',
      path: (c) => `/api/v1/engagement/events/${c.obj.id}`,
      security: 'both',
      scope: 'engagement:read',
      expect: (a) => (readsAllEvents(a) || inOrg(a, 'A') ? 'allow' : 'hidden'),
      verify: async (c, body) => eventView(c.actor, body as Record<string, unknown>),
    },
    {
      name: 'edit',
      method: 'PATCH',
      path: (c) => `/api/v1/engagement/events/${c.obj.id}`,
      body: (c) => ({ summary: 'Matrix edit', version: c.obj.version }),
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      mutates: true,
    },
    {
      name: 'delete',
      method: 'DELETE',
      path: (c) => `/api/v1/engagement/events/${c.obj.id}`,
      body: (c) => ({ reason: 'Matrix removal', version: c.obj.version }),
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      mutates: true,
    },
    {
      name: 'create',
      method: 'POST',
      path: () => '/api/v1/engagement/events',
      body: newEventBody,
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      snapshot: async (c) => eventCount(c.w, `Matrix new ${c.tag}`),
    },
    {
      name: 'create series',
      method: 'POST',
      path: () => '/api/v1/engagement/series',
      body: (c) => ({ ...newEventBody(c), frequency: 'weekly', count: 2 }),
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      snapshot: async (c) => eventCount(c.w, `Matrix new ${c.tag}`),
    },
    {
      name: 'import template',
      method: 'GET',
      path: () => '/api/v1/engagement/events/import/template',
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
    },
    {
      // A refused import (real, not dry) must leave no event with the cell's source id.
      name: 'import',
      method: 'POST',
      path: () => '/api/v1/engagement/events/import',
      body: (c) => ({ csv: `source_id,title,type,date,spas,focus_populations,attendee_count\nmatrix-${c.tag},Matrix import,training,2019-03-04,spa2,other,7\n` }),
      security: 'session',
      expect: (a) => (networkStaff(a) ? 'allow' : 'forbidden'),
      snapshot: async (c) => (await c.w.db.select({ n: count() }).from(schema.engagementEvents).where(eq(schema.engagementEvents.sourceId, `matrix-${c.tag}`)))[0]!.n,
    },
    {
      name: 'list',
      method: 'GET',
      path: () => '/api/v1/engagement/events?limit=200',
      security: 'both',
      scope: 'engagement:read',
      expect: () => 'allow',
      row: async (c, r) => {
        const s = slotOfActor(c.actor);
        const tookPart = s !== null && (r.organizationIds as string[]).includes(c.w.orgs[s].id);
        if (!readsAllEvents(c.actor) && !tookPart) return `event ${String(r.id)} of ${(r.organizationIds as string[]).join(', ')}`;
        return eventView(c.actor, r);
      },
    },
  ],
};
// ---- Community advisory boards (issue 26) -------------------------------------------------------------
/**
 * Network admins and board coordinators coordinate every board; a user named on a board
 * coordinates that one (BOARD_NAMED on the matrix's boards). Creating a board is for the two
 * roles (403 otherwise); every other coordinator route answers anyone else the 404 of a random
 * id. Only people: API keys are refused at the route (no advisory records with contact details
 * reach an integration). The public page, form and application need no sign-in and take any
 * caller, for a recruiting board only (any other: the 404 of a random id).
 */
type BoardObj = Awaited<ReturnType<typeof makeBoard>>;
const coordinatesBoard = (a: ActorSpec) => netAdmin(a) || hasRole(a, 'board_coordinator') || a.name === BOARD_NAMED;
const coordinatorOr = (out: Outcome) => (a: ActorSpec): Outcome => (coordinatesBoard(a) ? out : 'hidden');
const boardSnapshot = async (w: World, o: BoardObj) => {
  const rows = async (table: string, where: string) =>
    (await w.db.execute(sql.raw(`select to_jsonb(x) - 'updated_at' as row from ${table} x where ${where}`))).rows.map((r) => r.row).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const b = `'${o.id}'::uuid`;
  return {
    board: await rows('boards', `x.id = ${b}`),
    coordinators: await rows('board_coordinators', `x.board_id = ${b}`),
    applications: await rows('board_applications', `x.board_id = ${b}`),
    reviews: await rows('board_reviews', `x.application_id in (select id from board_applications where board_id = ${b})`),
    members: await rows('board_members', `x.board_id = ${b}`),
    charters: await rows('board_charters', `x.board_id = ${b}`),
    acknowledgements: await rows('board_charter_acknowledgements', `x.charter_id in (select id from board_charters where board_id = ${b})`),
  };
};
/** The matrix sends every request from one address: an allowed public write is moved off it, so the per-address limits (boards.test.ts) do not answer the next caller 429. */
const offThisAddress = async (c: CellCtx<BoardObj>, table: 'board_application_forms' | 'board_applications', where: ReturnType<typeof sql>) => {
  await c.w.db.execute(sql`update ${sql.identifier(table)} set ip_hash = ${sha256(`matrix-moved-${c.tag}`)} where ${where}`);
  return null;
};
const boardBase = { owner: 'N' as Slot, id: (o: BoardObj) => o.id, snapshot: boardSnapshot };
const boardPath = (c: CellCtx<BoardObj>, rest = '') => `/api/v1/boards/${c.obj.id}${rest}`;

const boardKind: KindDef<BoardObj> = {
  ...boardBase,
  kind: 'board',
  states: ['recruiting', 'draft'],
  create: (w, s) => makeBoard(w, s as 'recruiting' | 'draft'),
  actions: [
    { name: 'get', method: 'GET', path: (c) => boardPath(c), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'edit',
      method: 'PATCH',
      path: (c) => boardPath(c),
      body: (c) => ({ meetingCadence: `Matrix ${c.tag}`, version: c.obj.version }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'list',
      method: 'GET',
      path: (c) => `/api/v1/boards?limit=100&status=${c.state}`,
      security: 'session',
      expect: () => 'allow',
      row: async (c, r) => {
        if (netAdmin(c.actor) || hasRole(c.actor, 'board_coordinator')) return null;
        const uid = c.w.users.get(c.actor.name)!.id;
        const named = await c.w.db.select().from(schema.boardCoordinators).where(sql`${schema.boardCoordinators.boardId} = ${String(r.id)}::uuid and ${schema.boardCoordinators.userId} = ${uid}::uuid`);
        return named.length ? null : `board ${String(r.id)} the caller does not coordinate`;
      },
    },
    {
      name: 'create',
      method: 'POST',
      path: () => '/api/v1/boards',
      body: (c) => ({ name: `Matrix board ${c.tag}`, program: 'Reentry', purpose: 'Advise', seats: 9, termMonths: 12, meetingCadence: 'Monthly' }),
      security: 'session',
      expect: (a) => (netAdmin(a) || hasRole(a, 'board_coordinator') ? 'allow' : 'forbidden'),
    },
    { name: 'public page', method: 'GET', path: (c) => `/api/v1/public/boards/${c.obj.id}`, security: 'public', expect: (_a, s) => (s === 'recruiting' ? 'allow' : 'hidden') },
    {
      name: 'start a public application',
      method: 'POST',
      path: (c) => `/api/v1/public/boards/${c.obj.id}/application-forms`,
      security: 'public',
      expect: (_a, s) => (s === 'recruiting' ? 'allow' : 'hidden'),
      verify: (c, body) => offThisAddress(c, 'board_application_forms', sql`token = ${(body as { formToken: string }).formToken}`),
    },
    {
      name: 'apply publicly',
      method: 'POST',
      path: (c) => `/api/v1/public/boards/${c.obj.id}/applications`,
      body: (c) => ({ formToken: c.obj.formToken, name: `Matrix applicant ${c.tag}`, phone: '(323) 555-0142', languages: ['es'], locale: 'es' }),
      security: 'public',
      expect: (_a, s) => (s === 'recruiting' ? 'allow' : 'hidden'),
      mutates: true,
      verify: async (c) => {
        const [n] = (await c.w.db.execute(sql`select count(*)::int as n from board_applications where board_id = ${c.obj.id}::uuid and name = ${`Matrix applicant ${c.tag}`}`)).rows as { n: number }[];
        if (n?.n !== 1) return `accepted, but ${n?.n ?? 0} applications stored`;
        return offThisAddress(c, 'board_applications', sql`board_id = ${c.obj.id}::uuid`);
      },
    },
  ],
};

/** Applications: a submitted one (decided by a coordinator) and a declined one (decided already: 409 for them). */
const boardApplicationKind: KindDef<BoardObj> = {
  ...boardBase,
  kind: 'board application',
  states: ['submitted', 'declined'],
  create: (w, s) => makeBoard(w, 'recruiting', s as 'submitted' | 'declined'),
  actions: [
    { name: 'ranked list', method: 'GET', path: (c) => boardPath(c, '/applications'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'get', method: 'GET', path: (c) => boardPath(c, `/applications/${c.obj.application.id}`), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'review',
      method: 'PUT',
      path: (c) => boardPath(c, `/applications/${c.obj.application.id}/reviews/me`),
      body: () => ({ scores: { lived: 4 }, comment: 'Matrix review' }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'decide',
      method: 'POST',
      path: (c) => boardPath(c, `/applications/${c.obj.application.id}/decision`),
      body: (c) => ({ decision: 'waitlisted', version: c.obj.application.version }),
      security: 'session',
      expect: (a, s) => coordinatorOr(s === 'submitted' ? 'allow' : 'conflict')(a),
      mutates: true,
    },
  ],
};

const boardMemberKind: KindDef<BoardObj> = {
  ...boardBase,
  kind: 'board member',
  states: ['active, of a recruiting board'],
  create: (w) => makeBoard(w, 'recruiting'),
  actions: [
    { name: 'list', method: 'GET', path: (c) => boardPath(c, '/members'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'get', method: 'GET', path: (c) => boardPath(c, `/members/${c.obj.member.id}`), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'seat a selected applicant',
      method: 'POST',
      path: (c) => boardPath(c, '/members'),
      body: (c) => ({ applicationId: c.obj.selected.id, termStart: '2027-01-01' }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'edit',
      method: 'PATCH',
      path: (c) => boardPath(c, `/members/${c.obj.member.id}`),
      body: (c) => ({ role: 'co_chair', version: c.obj.member.version }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
  ],
};

const boardCharterKind: KindDef<BoardObj> = {
  ...boardBase,
  kind: 'board charter',
  states: ['version 1 in force'],
  create: (w) => makeBoard(w, 'recruiting'),
  actions: [
    { name: 'list', method: 'GET', path: (c) => boardPath(c, '/charters'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'get', method: 'GET', path: (c) => boardPath(c, `/charters/${c.obj.charter.id}`), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'publish a new version',
      method: 'POST',
      path: (c) => boardPath(c, '/charters'),
      body: () => ({ sections: Object.fromEntries(CHARTER_SECTIONS_ALL.map((k) => [k, `Matrix v2 ${k}`])) }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'acknowledge for a member',
      method: 'POST',
      path: (c) => boardPath(c, `/charters/${c.obj.charter.id}/acknowledgements`),
      body: (c) => ({ memberId: c.obj.member.id }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
  ],
};

/**
 * Recommendations (the feedback loop): the board's coordinators only (404 to everyone else, as
 * for the board); a response moves only along the status edges (409 from adopted to not adopted),
 * implementation updates only on an adopted one (409 on a submitted one). The public page of an
 * active board shows them to anyone.
 */
type RecommendationObj = Awaited<ReturnType<typeof makeBoardRecommendation>>;
const boardRecommendationKind: KindDef<RecommendationObj> = {
  owner: 'N',
  id: (o) => o.id,
  snapshot: async (w, o) => {
    const rows = async (table: string, where: string) =>
      (await w.db.execute(sql.raw(`select to_jsonb(x) - 'updated_at' as row from ${table} x where ${where}`))).rows.map((r) => r.row).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const b = `'${o.id}'::uuid`;
    return {
      board: await boardSnapshot(w, o),
      recommendations: await rows('board_recommendations', `x.board_id = ${b}`),
      updates: await rows('board_recommendation_updates', `x.recommendation_id in (select id from board_recommendations where board_id = ${b})`),
    };
  },
  kind: 'board recommendation',
  states: ['submitted', 'adopted'],
  create: (w, s) => makeBoardRecommendation(w, s as 'submitted' | 'adopted'),
  actions: [
    { name: 'list', method: 'GET', path: (c) => `/api/v1/boards/${c.obj.id}/recommendations`, security: 'session', expect: coordinatorOr('allow') },
    { name: 'get', method: 'GET', path: (c) => `/api/v1/boards/${c.obj.id}/recommendations/${c.obj.recommendation.id}`, security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'create',
      method: 'POST',
      path: (c) => `/api/v1/boards/${c.obj.id}/recommendations`,
      body: (c) => ({ title: `Matrix recommendation ${c.tag}`, text: 'Do this', topic: 'Access', addressedTo: 'Reentry program' }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'respond: not adopted',
      method: 'PATCH',
      path: (c) => `/api/v1/boards/${c.obj.id}/recommendations/${c.obj.recommendation.id}`,
      body: (c) => ({ status: 'not_adopted', response: 'Not this year', rationale: 'No budget', version: c.obj.recommendation.version }),
      security: 'session',
      expect: (a, s) => coordinatorOr(s === 'submitted' ? 'allow' : 'conflict')(a),
      mutates: true,
    },
    {
      name: 'add an implementation update',
      method: 'POST',
      path: (c) => `/api/v1/boards/${c.obj.id}/recommendations/${c.obj.recommendation.id}/updates`,
      body: () => ({ text: 'Matrix progress', progress: 50 }),
      security: 'session',
      expect: (a, s) => coordinatorOr(s === 'adopted' ? 'allow' : 'conflict')(a),
      mutates: true,
    },
    {
      name: 'public page with "you said, we did"',
      method: 'GET',
      path: (c) => `/api/v1/public/boards/${c.obj.id}`,
      security: 'public',
      expect: () => 'allow',
      verify: async (c, body) => {
        const recs = (body as { recommendations: { id: string }[] }).recommendations;
        return recs.some((r) => r.id === c.obj.recommendation.id) ? null : 'the recommendation is not on the public page';
      },
    },
  ],
};

// ---- Board stipends (issue 26): payment details and members' contact details, coordinators only ----
type StipendObj = Awaited<ReturnType<typeof makeStipendBoard>>;
const stipendPath = (c: CellCtx<StipendObj>, rest = '') => `/api/v1/boards/${c.obj.id}/stipends${rest}`;
const boardStipendKind: KindDef<StipendObj> = {
  owner: 'N',
  id: (o) => o.id,
  snapshot: async (w, o) => ({
    ...(await boardSnapshot(w, o)),
    policy: (await w.db.execute(sql`select to_jsonb(x) - 'updated_at' as row from board_stipend_policies x where board_id = ${o.id}::uuid`)).rows,
    payments: (await w.db.execute(sql`select to_jsonb(x) - 'updated_at' as row from stipend_payments x where board_id = ${o.id}::uuid order by id`)).rows,
  }),
  kind: 'board stipends',
  states: ['a planned payment'],
  create: (w) => makeStipendBoard(w),
  actions: [
    { name: 'policy', method: 'GET', path: (c) => stipendPath(c, '/policy'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'edit the policy', method: 'PUT', path: (c) => stipendPath(c, '/policy'), body: (c) => ({ meetingRateCents: 16000, version: c.obj.policy.version }), security: 'session', expect: coordinatorOr('allow'), mutates: true },
    { name: 'payments', method: 'GET', path: (c) => stipendPath(c), security: 'session', expect: coordinatorOr('allow') },
    { name: 'one payment', method: 'GET', path: (c) => stipendPath(c, `/${c.obj.payment.id}`), security: 'session', expect: coordinatorOr('allow') },
    { name: 'year totals', method: 'GET', path: (c) => stipendPath(c, '/totals?year=2026'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'year-end export', method: 'GET', path: (c) => stipendPath(c, '/export?year=2026'), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'record a payment',
      method: 'POST',
      path: (c) => stipendPath(c),
      body: (c) => ({ memberId: c.obj.member.id, method: 'gift_card', purpose: 'advance', amountCents: 50000, paidOn: '2026-02-01', status: 'issued' }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'pay a meeting',
      method: 'POST',
      path: (c) => stipendPath(c, '/meeting-payments'),
      body: (c) => ({ meetingId: c.obj.meeting.id }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'issue a payment',
      method: 'PATCH',
      path: (c) => stipendPath(c, `/${c.obj.payment.id}`),
      body: (c) => ({ status: 'issued', paidOn: '2026-03-01', version: c.obj.payment.version }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
  ],
};

/** The network's reporting thresholds: any signed-in person reads them, network admins set later years. */
const reportingThresholdKind: KindDef<{ id: string }> = {
  kind: 'stipend reporting thresholds',
  states: ['network-wide'],
  owner: 'N',
  create: async (w) => {
    // 2040 saved at the amount it inherits: the allowed PUT below then changes no row at all.
    await w.db.insert(schema.stipendReportingThresholds).values({ year: 2040, amountCents: 200000 }).onConflictDoNothing();
    return { id: '00000000-0000-4000-8000-000000000000' };
  },
  id: (o) => o.id,
  snapshot: async (w) => (await w.db.execute(sql`select year, amount_cents, version from stipend_reporting_thresholds order by year`)).rows,
  actions: [
    { name: 'list', method: 'GET', path: () => '/api/v1/stipends/reporting-thresholds', security: 'session', expect: () => 'allow' },
    {
      // The amount 2040 already has: writes nothing, so every cell finds version 1.
      name: 'set a later year',
      method: 'PUT',
      path: () => '/api/v1/stipends/reporting-thresholds/2040',
      body: () => ({ amountCents: 200000, version: 1 }),
      security: 'session',
      expect: (a) => (netAdmin(a) ? 'allow' : 'forbidden'),
    },
  ],
};

/** Meetings, motions, trainings and satisfaction checks (board-meetings): the board's coordinators only, anyone else the 404 of a random id. */
type MeetingObj = Awaited<ReturnType<typeof makeBoardMeeting>>;
const meetingSnapshot = async (w: World, o: MeetingObj) => {
  const rows = async (table: string, where: string) =>
    (await w.db.execute(sql.raw(`select to_jsonb(x) - 'updated_at' as row from ${table} x where ${where}`))).rows.map((r) => r.row).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const b = `'${o.id}'::uuid`;
  return {
    board: await boardSnapshot(w, o),
    meetings: await rows('board_meetings', `x.board_id = ${b}`),
    attendance: await rows('board_meeting_attendance', `x.meeting_id in (select id from board_meetings where board_id = ${b})`),
    motions: await rows('board_motions', `x.board_id = ${b}`),
    votes: await rows('board_votes', `x.motion_id in (select id from board_motions where board_id = ${b})`),
    trainings: await rows('board_trainings', `x.board_id = ${b}`),
    trainingAttendance: await rows('board_training_attendance', `x.training_id in (select id from board_trainings where board_id = ${b})`),
    satisfaction: await rows('board_satisfaction', `x.board_id = ${b}`),
  };
};
const meetingPath = (c: CellCtx<MeetingObj>, rest = '') => `/api/v1/boards/${c.obj.id}${rest}`;
const boardMeetingKind: KindDef<MeetingObj> = {
  owner: 'N',
  id: (o) => o.id,
  snapshot: meetingSnapshot,
  kind: 'board meeting',
  states: ['held, quorum met'],
  create: (w) => makeBoardMeeting(w),
  actions: [
    { name: 'list meetings', method: 'GET', path: (c) => meetingPath(c, '/meetings'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'get meeting', method: 'GET', path: (c) => meetingPath(c, `/meetings/${c.obj.meeting.id}`), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'schedule a meeting',
      method: 'POST',
      path: (c) => meetingPath(c, '/meetings'),
      body: () => ({ startsAt: '2027-04-14T18:00:00Z', virtualUrl: 'https://meet.example.org/matrix' }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'edit meeting',
      method: 'PATCH',
      path: (c) => meetingPath(c, `/meetings/${c.obj.meeting.id}`),
      body: (c) => ({ minutes: `Matrix ${c.tag}`, supports: [{ kind: 'childcare', memberId: c.obj.member.id }], version: c.obj.meeting.version }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'record attendance',
      method: 'PUT',
      path: (c) => meetingPath(c, `/meetings/${c.obj.meeting.id}/attendance`),
      body: (c) => ({ attendance: [{ memberId: c.obj.member.id, status: 'remote' }] }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    { name: 'list meeting motions', method: 'GET', path: (c) => meetingPath(c, `/meetings/${c.obj.meeting.id}/motions`), security: 'session', expect: coordinatorOr('allow') },
    { name: 'list board motions', method: 'GET', path: (c) => meetingPath(c, '/motions'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'get motion', method: 'GET', path: (c) => meetingPath(c, `/meetings/${c.obj.meeting.id}/motions/${c.obj.motion.id}`), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'put a motion',
      method: 'POST',
      path: (c) => meetingPath(c, `/meetings/${c.obj.meeting.id}/motions`),
      body: (c) => ({ title: `Matrix ${c.tag}`, decision: 'majority' }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'record votes',
      method: 'PUT',
      path: (c) => meetingPath(c, `/meetings/${c.obj.meeting.id}/motions/${c.obj.motion.id}/votes`),
      body: (c) => ({ votes: [{ memberId: c.obj.member.id, choice: 'agree' }] }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    { name: 'list trainings', method: 'GET', path: (c) => meetingPath(c, '/trainings'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'get training', method: 'GET', path: (c) => meetingPath(c, `/trainings/${c.obj.training.id}`), security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'record a training',
      method: 'POST',
      path: (c) => meetingPath(c, '/trainings'),
      body: (c) => ({ topic: `Matrix ${c.tag}`, trainer: 'Trainer', date: '2027-03-01', attendance: [{ memberId: c.obj.member.id, attended: true }] }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'edit training',
      method: 'PATCH',
      path: (c) => meetingPath(c, `/trainings/${c.obj.training.id}`),
      body: (c) => ({ attendance: [{ memberId: c.obj.member.id, attended: false }], version: c.obj.training.version }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'record a satisfaction check',
      method: 'POST',
      path: (c) => meetingPath(c, '/satisfaction'),
      body: (c) => ({ memberId: c.obj.member.id, meetingId: c.obj.meeting.id, heard: 5, used: 4 }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    { name: 'satisfaction summary', method: 'GET', path: (c) => meetingPath(c, '/satisfaction/summary'), security: 'session', expect: coordinatorOr('allow') },
    { name: 'get satisfaction check', method: 'GET', path: (c) => meetingPath(c, `/satisfaction/${c.obj.satisfaction.id}`), security: 'session', expect: coordinatorOr('allow') },
  ],
};

/** Participatory budgeting (issue 26): the board's coordinators only; a closed round's result is public (no member data). */
type BudgetObj = Awaited<ReturnType<typeof makeBudgetBoard>>;
const budgetKind: KindDef<BudgetObj> = {
  owner: 'N' as Slot,
  id: (o) => o.round.id,
  snapshot: async (w, o) => {
    const rows = async (table: string, where: string) =>
      (await w.db.execute(sql.raw(`select to_jsonb(x) - 'updated_at' as row from ${table} x where ${where}`))).rows.map((r) => r.row).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const b = `'${o.id}'::uuid`;
    return {
      rounds: await rows('board_budget_rounds', `x.board_id = ${b}`),
      proposals: await rows('board_budget_proposals', `x.round_id in (select id from board_budget_rounds where board_id = ${b})`),
      votes: await rows('board_budget_votes', `x.round_id in (select id from board_budget_rounds where board_id = ${b})`),
    };
  },
  kind: 'board budget round',
  states: ['voting', 'draft'],
  create: (w, s) => makeBudgetBoard(w, s as 'voting' | 'draft'),
  actions: [
    { name: 'list', method: 'GET', path: (c) => `/api/v1/boards/${c.obj.id}/budget-rounds`, security: 'session', expect: coordinatorOr('allow') },
    { name: 'get', method: 'GET', path: (c) => `/api/v1/boards/${c.obj.id}/budget-rounds/${c.obj.round.id}`, security: 'session', expect: coordinatorOr('allow') },
    {
      name: 'create',
      method: 'POST',
      path: (c) => `/api/v1/boards/${c.obj.id}/budget-rounds`,
      body: (c) => ({ title: `Matrix round ${c.tag}`, budgetCents: 500_000 }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'add a proposal',
      method: 'POST',
      path: (c) => `/api/v1/boards/${c.obj.id}/budget-rounds/${c.obj.round.id}/proposals`,
      body: (c) => ({ title: `Matrix proposal ${c.tag}`, description: 'Matrix', costCents: 10_000 }),
      security: 'session',
      expect: (a, s) => coordinatorOr(s === 'draft' ? 'allow' : 'conflict')(a),
      mutates: true,
    },
    {
      name: 'move on',
      method: 'PATCH',
      path: (c) => `/api/v1/boards/${c.obj.id}/budget-rounds/${c.obj.round.id}`,
      body: (c) => ({ status: c.state === 'draft' ? 'voting' : 'closed', version: c.obj.round.version }),
      security: 'session',
      expect: coordinatorOr('allow'),
      mutates: true,
    },
    {
      name: 'vote for a member',
      method: 'PUT',
      path: (c) => `/api/v1/boards/${c.obj.id}/budget-rounds/${c.obj.round.id}/votes/${c.obj.member.id}`,
      body: (c) => ({ points: { [c.obj.round.proposals[0]!.id]: 5 } }),
      security: 'session',
      expect: (a, s) => coordinatorOr(s === 'voting' ? 'allow' : 'conflict')(a),
      mutates: true,
    },
    { name: 'public results', method: 'GET', path: (c) => `/api/v1/public/boards/${c.obj.id}/budget-rounds`, security: 'public', expect: () => 'allow' },
  ],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list of kinds with different object types
export const OBJECT_KINDS: KindDef<any>[] = [
  referralKind,
  contactedKind,
  loopClosedKind,
  messageKind,
  clientKind,
  consentKind,
  memberKind,
  memberOfB,
  grantKind,
  accountKind,
  apiKeyKind,
  agreementKind,
  gapKind,
  locationKind,
  contactKind,
  auditKind,
  notificationKind,
  invitationKind,
  settingsKind,
  resetKind,
  reportKind,
  engagementReportKind,
  pipelineReportKind,
  partnershipKind,
  networkOverviewKind,
  webhookKind,
  inboxKind,
  directoryKind,
  engagementKind,
  boardKind,
  boardApplicationKind,
  boardMemberKind,
  boardCharterKind,
  boardRecommendationKind,
  boardStipendKind,
  reportingThresholdKind,
  boardMeetingKind,
  budgetKind,
];

export interface CellInfo {
  kind: string;
  state: string;
  action: string;
  actor: ActorSpec;
  relationship: Relationship;
  expected: Outcome;
}

/**
 * Cells that fail today because a fix is being made elsewhere: reported, not failed. A cell that
 * passes while its entry still matches nothing failing makes the run fail, so an entry is
 * removed as soon as its fix is merged. Referenced by defect number (issue 22 list), or by a
 * letter for what the matrix found beyond it.
 */
export const KNOWN_PENDING: { defect: string; why: string; match: (c: CellInfo) => boolean }[] = [];


