import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { CLOSURE_REASONS, LANGUAGES, OPEN_STATUSES, SDOH_CATEGORIES, URGENCIES, type ReferralStatus } from '@tandem/contract';
import type { Db } from '../client';
import * as schema from '../schema';
import { createRng, type Rng } from '../seed/prng';
import { copyRows } from './copy';

export interface ReferralsSize {
  /** All clients, each with one active network-scope consent. */
  clients: number;
  /** Of those, clients registered by `hub.sendingOrgId` that get no generated referral (for load that creates referrals). */
  freshClients: number;
  referrals: number;
  /** PRNG seed: the same seed, sizes and directory give the same referrals. */
  seed?: string;
}

/** Two organizations that get a large share of the traffic: a busy sender and a busy receiver. */
export interface ReferralHubs {
  sendingOrgId: string;
  receivingOrgId: string;
  /** Share of history clients registered by the sending hub, and of referrals sent to the receiving hub. */
  share: number;
}

export interface ReferralsCounts {
  clients: number;
  consents: number;
  referrals: number;
  referralEvents: number;
  /** Seconds per table, to see where the time goes. */
  seconds: Record<string, number>;
}

const FIRST = ['Rosa', 'Maria', 'José', 'Luis', 'Ana', 'Carlos', 'Minh', 'Linh', 'Jin', 'Soo-ah', 'Aram', 'Nare', 'Keisha', 'Darnell', 'Tanya', 'Marcus', 'Grace', 'Daniel', 'Fatima', 'Omar', 'Yuki', 'Kenji', 'Priya', 'Arjun'];
const LAST = ['Garcia', 'Hernandez', 'Lopez', 'Martinez', 'Nguyen', 'Tran', 'Kim', 'Park', 'Petrosyan', 'Sargsyan', 'Johnson', 'Williams', 'Brown', 'Jackson', 'Lee', 'Chen', 'Rahman', 'Haddad', 'Tanaka', 'Sato', 'Patel', 'Shah', 'Cruz', 'Reyes'];
const REASONS = [
  'Family of four; food runs out mid-month.',
  'Behind on rent after losing hours at work.',
  'Needs a ride to dialysis three times a week.',
  'Utility shut-off notice received.',
  'Recently released; looking for work and ID documents.',
  'Sleeping in car with two children.',
  'Senior living alone, missing meals.',
  'Lost Medi-Cal coverage at renewal.',
];
const CONTACT: [string, number][] = [
  ['phone', 50],
  ['text', 35],
  ['email', 10],
  ['through_sender', 5],
];
// Mostly closed loops: a year of history leaves most referrals in a terminal status.
const STATUSES: [ReferralStatus, number][] = [
  ['completed', 36],
  ['declined', 12],
  ['unable_to_complete', 8],
  ['cancelled', 8],
  ['entered_in_error', 1],
  ['draft', 3],
  ['sent', 5],
  ['acknowledged', 5],
  ['accepted', 8],
  ['in_progress', 10],
  ['on_hold', 4],
];
// The way each final status is reached from draft (acknowledged is sometimes skipped: the
// receiver acted before opening it in the app).
const PATHS: Record<ReferralStatus, ReferralStatus[]> = {
  draft: ['draft'],
  sent: ['draft', 'sent'],
  acknowledged: ['draft', 'sent', 'acknowledged'],
  accepted: ['draft', 'sent', 'acknowledged', 'accepted'],
  in_progress: ['draft', 'sent', 'acknowledged', 'accepted', 'in_progress'],
  on_hold: ['draft', 'sent', 'accepted', 'in_progress', 'on_hold'],
  completed: ['draft', 'sent', 'accepted', 'in_progress', 'completed'],
  declined: ['draft', 'sent', 'acknowledged', 'declined'],
  unable_to_complete: ['draft', 'sent', 'accepted', 'in_progress', 'unable_to_complete'],
  cancelled: ['draft', 'sent', 'cancelled'],
  entered_in_error: ['draft', 'sent', 'entered_in_error'],
};
const STATUS_LIST = STATUSES.map(([s]) => s);
const TERMINAL = new Set<ReferralStatus>(['completed', 'declined', 'unable_to_complete', 'cancelled', 'entered_in_error']);
const NEEDS = SDOH_CATEGORIES.filter((c) => c !== 'sdoh-category-unspecified');
/** The SDOH codes a referral may name (without "unspecified"), and the open statuses, for load scripts. */
export const REFERRAL_NEEDS: readonly string[] = NEEDS;
export const OPEN_REFERRAL_STATUSES: readonly string[] = OPEN_STATUSES;
const CLOSURE = CLOSURE_REASONS.filter((r) => r !== 'other');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
/** A version-4-shaped UUID from four draws (rng.uuid() takes 32: too slow for millions). */
const fastUuid = (rng: Rng) => {
  const a = hex8(rng.next() * 4294967296);
  const b = hex8(rng.next() * 4294967296);
  const c = hex8(rng.next() * 4294967296);
  const d = hex8(rng.next() * 4294967296);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'[c.charCodeAt(0) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
};

/**
 * A version-7-shaped UUID: the time in ms first, then random bits. Rows COPYed in time order
 * then append to the right edge of the primary key (and of an index on a referral id) instead
 * of landing on random pages of indexes larger than shared_buffers.
 */
const timeUuid = (rng: Rng, ms: number) => {
  const t = Math.floor(ms).toString(16).padStart(12, '0');
  const b = hex8(rng.next() * 4294967296);
  const c = hex8(rng.next() * 4294967296);
  const d = hex8(rng.next() * 4294967296);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${b.slice(1, 4)}-${'89ab'[c.charCodeAt(0) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
};

const timed = async <T>(seconds: Record<string, number>, name: string, f: () => Promise<T>) => {
  const t = Date.now();
  const out = await f();
  seconds[name] = (Date.now() - t) / 1000;
  return out;
};

/**
 * Clients (with consents), referrals between the directory's organizations and their timelines,
 * COPYed in dependency order into a directory that already exists. Rows are streamed from
 * generators; per referral only a few typed-array fields are kept to write its events.
 */
export const generateReferrals = async (client: pg.ClientBase, size: ReferralsSize, hubs: ReferralHubs): Promise<ReferralsCounts> => {
  const rng = createRng(size.seed ?? 'tandem-bench-referrals');
  const now = Date.now();
  const yearAgo = now - 365 * DAY;
  const seconds: Record<string, number> = {};

  // Receivers are organizations with an active service (the referral names one of them).
  const { rows: svcRows } = await client.query<{ org: string; ids: string[] }>(
    `select organization_id as org, array_agg(id order by id) as ids from services where status = 'active' group by organization_id order by organization_id`,
  );
  const { rows: orgRows } = await client.query<{ id: string; name: string }>('select id, name from organizations order by id');
  if (!svcRows.length || !orgRows.length) throw new Error('generateReferrals needs the directory first (generateDirectory).');
  const orgIds = orgRows.map((o) => o.id);
  const hubSending = orgIds.indexOf(hubs.sendingOrgId);
  const hubReceiving = svcRows.findIndex((s) => s.org === hubs.receivingOrgId);
  if (hubSending < 0 || hubReceiving < 0) throw new Error('The hub organizations must exist (the receiving hub with an active service).');

  // Every row is generated consistent with its references, so the per-row foreign-key triggers
  // (5 lookups per referral, 1 per event) are skipped for this transaction when we may
  // (superuser only: the embedded bench database). Indexes stay: they are maintained as rows go in.
  const { rows: su } = await client.query<{ su: boolean }>('select rolsuper as su from pg_roles where rolname = current_user');
  if (su[0]?.su) await client.query('set local session_replication_role = replica');

  const history = size.clients - size.freshClients;
  const clientIds: string[] = new Array<string>(size.clients);
  const clientOrg = new Int32Array(size.clients);
  const consentIds: string[] = new Array<string>(size.clients);

  const clients = await timed(seconds, 'clients', () =>
    copyRows(
      client,
      'clients',
      ['id', 'given_name', 'family_name', 'date_of_birth', 'phones', 'email', 'preferred_language', 'preferred_contact_method', 'created_by_org_id', 'created_at'],
      (function* () {
        for (let i = 0; i < size.clients; i++) {
          const id = fastUuid(rng);
          const org = i >= history || rng.chance(hubs.share) ? hubSending : rng.int(0, orgIds.length - 1);
          clientIds[i] = id;
          clientOrg[i] = org;
          const dob = `${rng.int(1940, 2008)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
          yield [id, rng.pick(FIRST), `${rng.pick(LAST)}-${i}`, dob, [`(323) 555-${String(i % 10000).padStart(4, '0')}`], rng.chance(0.3) ? `client${i}@example.org` : null, rng.chance(0.55) ? 'en' : rng.pick(LANGUAGES), rng.weighted(CONTACT), orgIds[org]!, new Date(yearAgo - rng.int(0, 30) * DAY)];
        }
      })(),
    ),
  );

  const consents = await timed(seconds, 'consents', () =>
    copyRows(
      client,
      'consents',
      ['id', 'client_id', 'scope', 'method', 'language', 'signed_at', 'expires_at', 'recorded_by_org_id', 'created_at'],
      (function* () {
        for (let i = 0; i < size.clients; i++) {
          const id = fastUuid(rng);
          consentIds[i] = id;
          const signed = new Date(yearAgo - rng.int(0, 30) * DAY);
          yield [id, clientIds[i]!, 'network', 'written', 'en', signed, new Date(now + rng.int(60, 365) * DAY), orgIds[clientOrg[i]!]!, signed];
        }
      })(),
    ),
  );

  // What the events need of each referral, kept compactly.
  const refIds: string[] = new Array<string>(size.referrals);
  const refStatus = new Uint8Array(size.referrals);
  const refSkipAck = new Uint8Array(size.referrals);
  const refCreated = new Float64Array(size.referrals);
  const refGap = new Float64Array(size.referrals);
  const refSender = new Int32Array(size.referrals);
  const refReceiver = new Int32Array(size.referrals);
  const refReason = new Uint8Array(size.referrals);

  const pathOf = (i: number) => {
    const p = PATHS[STATUS_LIST[refStatus[i]!]!];
    return refSkipAck[i] ? p.filter((s) => s !== 'acknowledged') : p;
  };

  const referrals = await timed(seconds, 'referrals', () =>
    copyRows(
      client,
      'referrals',
      [
        'id', 'client_id', 'sending_org_id', 'sender_contact_name', 'sender_contact_phone', 'receiving_org_id', 'receiving_service_id',
        'needs', 'reason', 'urgency', 'status', 'status_reason', 'status_changed_at', 'consent_id', 'sent_at', 'acknowledged_at',
        'acknowledge_due_at', 'first_contact_due_at', 'first_contact_at', 'closed_at', 'created_at', 'updated_at', 'version',
      ],
      (function* () {
        for (let i = 0; i < size.referrals; i++) {
          const c = i % history;
          // In created_at order, a year ago to now, so ids (time-ordered) append.
          const created = yearAgo + ((i + rng.next()) / size.referrals) * (now - yearAgo - HOUR);
          const id = timeUuid(rng, created);
          const status = rng.weighted(STATUSES);
          const recv = rng.chance(hubs.share) ? hubReceiving : rng.int(0, svcRows.length - 1);
          const svc = svcRows[recv]!;
          // Hours between steps: a year-old referral has had time to close, a recent one may not.
          const gap = Math.min(rng.int(1, 72) * HOUR, (now - created) / 6);
          refIds[i] = id;
          refStatus[i] = STATUS_LIST.indexOf(status);
          refSkipAck[i] = rng.chance(0.3) ? 1 : 0;
          refCreated[i] = created;
          refGap[i] = gap;
          refSender[i] = clientOrg[c]!;
          refReceiver[i] = recv;
          refReason[i] = rng.int(0, CLOSURE.length - 1);
          const path = pathOf(i);
          const at = (k: number) => new Date(created + k * gap);
          const sent = path.indexOf('sent');
          const ack = path.findIndex((s) => s !== 'draft' && s !== 'sent');
          const firstContact = path.indexOf('in_progress');
          const last = path.length - 1;
          const closing = TERMINAL.has(status);
          yield [
            id, clientIds[c]!, orgIds[clientOrg[c]!]!, 'Bench Sender', '(323) 555-0199', svc.org, rng.chance(0.8) ? rng.pick(svc.ids) : null,
            rng.sample(NEEDS, rng.weighted([[1, 70], [2, 25], [3, 5]])), rng.pick(REASONS), rng.weighted([[URGENCIES[0], 85], [URGENCIES[1], 13], [URGENCIES[2], 2]]),
            status, status === 'declined' || status === 'unable_to_complete' || status === 'cancelled' ? CLOSURE[refReason[i]!]! : null, at(last),
            consentIds[c]!, sent >= 0 ? at(sent) : null, ack >= 0 ? at(ack) : null,
            sent >= 0 ? new Date(created + sent * gap + 72 * HOUR) : null, sent >= 0 ? new Date(created + sent * gap + 7 * DAY) : null,
            firstContact >= 0 ? at(firstContact) : null, closing ? at(last) : null, new Date(created), at(last), Math.max(path.length, 2),
          ];
        }
      })(),
    ),
  );

  // A draft has its creation and one edit; others one status_changed per step.
  const referralEvents = await timed(seconds, 'referral_events', () =>
    copyRows(
      client,
      'referral_events',
      ['id', 'referral_id', 'at', 'actor_org_id', 'kind', 'from_status', 'to_status', 'reason'],
      (function* () {
        for (let i = 0; i < size.referrals; i++) {
          const path = pathOf(i);
          const id = refIds[i]!;
          const created = refCreated[i]!;
          const gap = refGap[i]!;
          const sender = orgIds[refSender[i]!]!;
          const receiver = svcRows[refReceiver[i]!]!.org;
          yield [timeUuid(rng, created), id, new Date(created), sender, 'created', null, 'draft', null];
          if (path.length === 1) yield [timeUuid(rng, created), id, new Date(created + gap / 2), sender, 'updated', null, null, null];
          for (let k = 1; k < path.length; k++) {
            const to = path[k]!;
            const bySender = to === 'sent' || to === 'cancelled' || to === 'entered_in_error';
            const reason = to === 'declined' || to === 'unable_to_complete' || to === 'cancelled' ? CLOSURE[refReason[i]!]! : null;
            yield [timeUuid(rng, created), id, new Date(created + k * gap), bySender ? sender : receiver, 'status_changed', path[k - 1]!, to, reason];
          }
        }
      })(),
    ),
  );

  return { clients, consents, referrals, referralEvents, seconds };
};

/**
 * The statements a repo function sends, in order, captured once through drizzle's query logger
 * (they also run once): lets a benchmark baseline send exactly the API's SQL on a plain pool.
 */
export const captureQueries = async (pool: pg.Pool, run: (db: Db) => Promise<unknown>) => {
  const captured: { text: string; values: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (text: string, values: unknown[]) => void captured.push({ text, values }) } });
  await run(db);
  if (!captured.length) throw new Error('no statement captured');
  return captured;
};
