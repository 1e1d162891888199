import { DEFAULT_CLOSURE_REASON_MAP, slaDueDates, type ClosureReason, type LoopClosureReason, type ReferralStatus, type Urgency } from '@tandem/contract';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../client';
import {
  clients,
  consents,
  contacts,
  notifications,
  referralEvents,
  referralMessages,
  referralReads,
  referralViews,
  referrals,
  services,
} from '../../schema';
import { daysFrom, isoDate, SEED, type SeedContext } from '../context';
import { ACCOUNT_SPECS, NAMED_ACCOUNTS } from '../data/accounts';
import {
  CLIENT_NAME_GROUPS,
  CONSENT_FORM_LANGUAGES,
  CONTACT_TIMES,
  EMAIL_DOMAINS,
  PRONOUNS,
  SAFE_CONTACT_NOTES,
  WITNESSES,
} from '../data/clients';
import { ALL_ORGS, ORG } from '../data/organizations';
import { PLACES } from '../data/places';
import {
  CANCEL_NOTES,
  CLOSURE_NOTES,
  COMPLETION_NOTES,
  ERROR_NOTES,
  FACILITIES,
  FIRST_CONTACT_NOTES,
  ON_HOLD_NOTES,
  REASONS,
  STATUS_TARGETS,
  THREADS,
  TO_HEALTH_SYSTEM,
  type ReasonSlots,
} from '../data/referrals';
import { SERVICE_TEMPLATES } from '../data/services';
import { createRng } from '../prng';
import type { Language, SdohCategory, Spa } from '../types';
import { count, emailPart, fakePhone } from './util';

// Referral demo data: clients, consents, ~900 referrals with state-machine-true timelines,
// messages, read state, views and notifications. Everything is planned in memory first (times,
// then clients, then text) and written with a few bulk inserts.

const H = 3_600_000;
const DAY = 24 * H;
const CLIENT_COUNT = 400;

type EventRow = typeof referralEvents.$inferInsert;
type Side = 'sender' | 'receiver' | 'admin';

interface Person {
  id: string;
  name: string;
  email: string;
  phone: string;
  role: string;
  orgKey: string;
}

interface Svc {
  id: string;
  orgKey: string;
  key: string;
  categories: SdohCategory[];
  ackSlaHours: number;
  firstContactSlaHours: number;
}

interface ClientPlan {
  idx: number;
  id: string;
  given: string;
  middle: string | null;
  family: string;
  language: Language;
  spa: Spa;
  /** The organization that registered the client. */
  home: string;
  noConsent: boolean;
  refs: Plan[];
}

/** What a planned referral and its spec both say: who sends what to whom, and where it ends. */
interface Route {
  sendingOrgKey: string;
  sender: Person;
  receivingOrgKey: string | null;
  service: Svc | null;
  needs: SdohCategory[];
  urgency: Urgency;
  toHealthSystem?: (typeof TO_HEALTH_SYSTEM)[number];
  status: ReferralStatus;
}

interface Plan extends Route {
  id: string;
  events: EventRow[];
  createdAt: Date;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgeDueAt: Date | null;
  firstContactDueAt: Date | null;
  firstContactAt: Date | null;
  closedAt: Date | null;
  statusReason: ClosureReason | null;
  statusNote: string | null;
  /** The receiver's outcome on completed / unable_to_complete (closing the loop). */
  outcome: LoopClosureReason | null;
  statusChangedAt: Date;
  assignee: Person | null;
  /** Receiving staff who acted on it (first opener). */
  receiverActor: Person | null;
  receivingContactId: string | null;
  forwardedFromId: string | null;
  duplicateOverrideReason: string | null;
  client: ClientPlan | null;
  reasonText: string | null;
}

interface Spec extends Route {
  createdAt: Date;
  /** Pinned closure reason (forwarding). */
  reason?: ClosureReason;
  /** Accepted with no first contact (an overdue demo referral). */
  noFirstContact?: boolean;
  forwardedFrom?: { id: string; at: Date; note: string };
}

/**
 * Thousands of rows in one statement: the rows travel as a single JSON parameter and
 * json_populate_recordset turns them into the table's row type (much faster than binding each
 * value). Only columns some row sets are written, so the others keep their defaults.
 */
const bulkInsert = async <T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], chunk = 4000) => {
  const columns = Object.entries(getTableColumns(table)) as [string, { name: string }][];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk) as Record<string, unknown>[];
    const used = columns.filter(([key]) => part.some((r) => r[key] !== undefined));
    const json = JSON.stringify(part.map((r) => Object.fromEntries(used.map(([key, col]) => [col.name, r[key] ?? null]))));
    const names = sql.raw(used.map(([, col]) => `"${col.name}"`).join(', '));
    const name = sql.raw(`"${getTableName(table)}"`);
    await tx.execute(sql`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, ${json}::json)`);
  }
  return rows.length;
};

const CONSENT_METHOD_WEIGHTS = [
  ['written', 50],
  ['electronic', 30],
  ['verbal_witnessed', 20],
] as const;

export const seedReferrals = async (tx: Tx, ctx: SeedContext) => {
  const { rng, now } = ctx;
  const nowMs = now.getTime();
  const uuid = () => ctx.ids.uuid();
  const orgKeyById = new Map([...ctx.orgs].map(([k, v]) => [v, k]));
  const orgId = (key: string) => ctx.orgs.get(key)!;
  const spaOf = new Map(ALL_ORGS.map((o) => [o.key, o.spas[0]!]));

  // ---- Directory lookups -------------------------------------------------------------------------
  const serviceRows = await tx
    .select({
      id: services.id,
      organizationId: services.organizationId,
      categories: services.categories,
      status: services.status,
      ackSlaHours: services.ackSlaHours,
      firstContactSlaHours: services.firstContactSlaHours,
    })
    .from(services);
  const contactRows = await tx
    .select({ id: contacts.id, organizationId: contacts.organizationId, serviceId: contacts.serviceId, email: contacts.email, phone: contacts.phone, ref: contacts.isReferralContact })
    .from(contacts);
  const svcKey = new Map(ctx.services.map((s) => [s.id, s.key]));

  const people: Person[] = ACCOUNT_SPECS.map((a) => {
    const email = a.email.toLowerCase();
    const contactPhone = contactRows.find((c) => c.email?.toLowerCase() === email)?.phone;
    return {
      id: ctx.users.get(email)!,
      name: a.name,
      email: a.email,
      phone: contactPhone ?? fakePhone(createRng(`${SEED}:phone:${email}`), spaOf.get(a.org) ?? 'spa4'),
      role: a.role,
      orgKey: a.org,
    };
  });
  const byEmail = (local: string, org: string = ORG.healthSystem) => {
    const domain = org === ORG.healthSystem ? 'dhs.tandem.example' : `${org}.tandem.example`;
    return people.find((p) => p.email === `${local}@${domain}`)!;
  };
  const membersOf = (orgKey: string) => people.filter((p) => p.orgKey === orgKey);
  /** Who works referrals at an organization: staff first, the org admin as a fallback. */
  const workersOf = (orgKey: string): Person[] => {
    if (orgKey === ORG.healthSystem) return [byEmail('maria.lopez'), byEmail('james.carter'), byEmail('patricia.nguyen')];
    const m = membersOf(orgKey).filter((p) => p.role === 'staff' || p.role === 'org_admin');
    const staff = m.filter((p) => p.role === 'staff');
    return staff.length ? staff : m;
  };
  const adminOf = (orgKey: string) => people.find((p) => p.id === ctx.orgAdmins.get(orgKey)) ?? workersOf(orgKey)[0]!;

  const hsSenders: (readonly [Person, number])[] = [
    [byEmail('maria.lopez'), 38],
    [byEmail('james.carter'), 34],
    [byEmail('patricia.nguyen'), 8],
    [byEmail('lucia.ramirez'), 8],
    [byEmail('andre.washington'), 7],
    [byEmail('grace.kim'), 5],
  ];
  const DEMO_CBOS: string[] = [ORG.foodBank, ORG.reentry, ORG.housing];
  const partneredCbos = ALL_ORGS.filter((o) => o.type === 'cbo' && o.stage === 'partnered' && membersOf(o.key).length).map((o) => o.key);
  const agencies = [ORG.publicHealth, ORG.mentalHealth, ORG.healthPlan].filter((k) => membersOf(k).length);

  const receivable: Svc[] = serviceRows
    .filter((s) => s.status !== 'inactive' && partneredCbos.includes(orgKeyById.get(s.organizationId)!))
    .map((s) => ({
      id: s.id,
      orgKey: orgKeyById.get(s.organizationId)!,
      key: svcKey.get(s.id) ?? '',
      categories: s.categories as SdohCategory[],
      ackSlaHours: s.ackSlaHours,
      firstContactSlaHours: s.firstContactSlaHours,
    }));
  const svcCount = (k: string) => receivable.filter((s) => s.orgKey === k).length;
  const svcWeights = receivable.map((s) => [s, (DEMO_CBOS.includes(s.orgKey) ? 5 : 1) / svcCount(s.orgKey)] as const);
  const cboSenderWeights = partneredCbos.map((k) => [k, DEMO_CBOS.includes(k) ? 3 : 1] as const);

  const receivingContact = (orgKey: string, service: Svc | null) => {
    const id = orgId(orgKey);
    const mine = contactRows.filter((c) => c.organizationId === id && c.ref);
    return (service && mine.find((c) => c.serviceId === service.id)?.id) ?? mine.find((c) => !c.serviceId)?.id ?? mine[0]?.id ?? null;
  };

  const needsOf = (svc: Svc): SdohCategory[] => {
    const [first, second] = svc.categories;
    return second && rng.chance(0.45) ? [first!, second] : [first!];
  };
  const urgencyFor = (svc: Svc | null): Urgency => {
    const urgent = svc ? SERVICE_TEMPLATES[svc.key]?.urgent : false;
    return urgent
      ? rng.weighted<Urgency>([
          ['routine', 40],
          ['urgent', 45],
          ['emergent', 15],
        ])
      : rng.weighted<Urgency>([
          ['routine', 78],
          ['urgent', 18],
          ['emergent', 4],
        ]);
  };

  // ---- Timeline builder --------------------------------------------------------------------------
  const cap = nowMs - 5 * 60_000;
  /** `hours` after t, but never past now: it halves the room left instead. */
  const after = (t: Date, hours: number) => new Date(Math.min(t.getTime() + hours * H, t.getTime() + Math.max(0, cap - t.getTime()) / 2));
  const atOrBefore = (t: Date, target: number) => new Date(Math.max(t.getTime() + 60_000, Math.min(target, t.getTime() + Math.max(0, cap - t.getTime()) / 2)));
  const plans: Plan[] = [];

  const build = (s: Spec): Plan => {
    const p: Plan = {
      id: uuid(),
      sendingOrgKey: s.sendingOrgKey,
      sender: s.sender,
      receivingOrgKey: s.receivingOrgKey,
      service: s.service,
      needs: s.needs,
      urgency: s.urgency,
      toHealthSystem: s.toHealthSystem,
      status: 'draft',
      events: [],
      createdAt: s.createdAt,
      sentAt: null,
      acknowledgedAt: null,
      acknowledgeDueAt: null,
      firstContactDueAt: null,
      firstContactAt: null,
      closedAt: null,
      statusReason: null,
      statusNote: null,
      outcome: null,
      statusChangedAt: s.createdAt,
      assignee: null,
      receiverActor: null,
      receivingContactId: s.receivingOrgKey ? receivingContact(s.receivingOrgKey, s.service) : null,
      forwardedFromId: s.forwardedFrom?.id ?? null,
      duplicateOverrideReason: null,
      client: null,
      reasonText: null,
    };
    const sendOrg = orgId(s.sendingOrgKey);
    const recvOrg = s.receivingOrgKey ? orgId(s.receivingOrgKey) : null;
    const ev = (at: Date, e: Omit<EventRow, 'referralId' | 'at' | 'id'>) => p.events.push({ id: uuid(), referralId: p.id, at, ...e });
    const move = (at: Date, to: ReferralStatus, side: Side, actor: Person, extra: { reason?: ClosureReason | null; note?: string | null; automatic?: boolean } = {}) => {
      // Completing or being unable to complete records the outcome (no rng draw: the data stays as it was).
      const outcome: LoopClosureReason | null =
        to === 'completed' ? 'services_received' : to === 'unable_to_complete' ? DEFAULT_CLOSURE_REASON_MAP[extra.reason ?? 'other'] : null;
      ev(at, {
        kind: 'status_changed',
        actorUserId: actor.id,
        actorOrgId: side === 'receiver' ? recvOrg : sendOrg,
        fromStatus: p.status,
        toStatus: to,
        reason: extra.reason ?? null,
        note: extra.note ?? null,
        data: extra.automatic ? { automatic: true } : outcome ? { outcome } : null,
      });
      if (outcome) p.outcome = outcome;
      if (side === 'receiver' && !p.acknowledgedAt) p.acknowledgedAt = at;
      p.status = to;
      p.statusReason = extra.reason ?? null;
      p.statusNote = extra.note ?? null;
      p.statusChangedAt = at;
      if (['declined', 'completed', 'unable_to_complete', 'cancelled', 'entered_in_error'].includes(to)) p.closedAt = at;
    };
    const closeNote = (reason: ClosureReason) => (reason === 'other' || rng.chance(0.7) ? rng.pick(CLOSURE_NOTES[reason] ?? CLOSURE_NOTES.other!) : null);
    const final = s.status;
    const err = final === 'entered_in_error';
    // entered_in_error happens after a random earlier stage.
    const stop: ReferralStatus = err ? rng.weighted<ReferralStatus>([['draft', 2], ['sent', 3], ['acknowledged', 2], ['accepted', 2], ['in_progress', 1]]) : final;
    const markError = (t: Date) => move(after(t, rng.int(1, 72)), 'entered_in_error', 'admin', adminOf(s.sendingOrgKey), { note: rng.pick(ERROR_NOTES) });

    ev(s.createdAt, {
      kind: 'created',
      actorUserId: s.sender.id,
      actorOrgId: sendOrg,
      toStatus: 'draft',
      note: s.forwardedFrom?.note ?? null,
      data: s.forwardedFrom ? { forwardedFromId: s.forwardedFrom.id } : null,
    });
    let t = s.createdAt;
    if (stop === 'draft') {
      if (err) markError(t);
      return p;
    }
    if (final === 'cancelled' && rng.chance(0.2)) {
      move(after(t, rng.int(2, 96)), 'cancelled', 'sender', s.sender, { note: rng.chance(0.5) ? rng.pick(CANCEL_NOTES) : null });
      return p;
    }
    // Sending: the SLA clocks start.
    t = s.forwardedFrom ? new Date(t.getTime() + 1000) : after(t, rng.next() * 4 + 0.05);
    p.sentAt = t;
    const due = slaDueDates({ sentAt: t, ackSlaHours: s.service?.ackSlaHours, firstContactSlaHours: s.service?.firstContactSlaHours });
    p.acknowledgeDueAt = due.acknowledgeBy;
    p.firstContactDueAt = due.firstContactBy;
    move(t, 'sent', 'sender', s.sender);
    if (stop === 'sent') {
      if (err) markError(t);
      return p;
    }
    if (final === 'cancelled' && rng.chance(0.25)) {
      const reason = rng.pick<ClosureReason>(['client_declined', 'duplicate', 'other']);
      move(after(t, rng.int(1, 60)), 'cancelled', 'sender', s.sender, { reason, note: reason === 'other' || rng.chance(0.6) ? rng.pick(CANCEL_NOTES) : null });
      return p;
    }

    // The receiver's first act: on time mostly, late sometimes.
    const workers = workersOf(s.receivingOrgKey!);
    const actor = rng.pick(workers);
    p.receiverActor = actor;
    const ackSpan = due.acknowledgeBy.getTime() - t.getTime();
    const firstAct = atOrBefore(t, rng.chance(0.85) ? t.getTime() + ackSpan * (0.05 + rng.next() * 0.85) : due.acknowledgeBy.getTime() + rng.int(1, 40) * H);
    const viaAck = stop === 'acknowledged' || rng.chance(0.78);
    if (viaAck) {
      move(firstAct, 'acknowledged', 'receiver', actor, { automatic: true });
      t = firstAct;
      if (stop === 'acknowledged') {
        if (err) markError(t);
        return p;
      }
    }
    const decideAt = viaAck ? after(t, rng.next() * 40 + 0.3) : firstAct;
    if (final === 'declined') {
      const reason = s.reason ?? rng.weighted<ClosureReason>([['not_eligible', 25], ['no_capacity', 25], ['out_of_area', 12], ['duplicate', 8], ['client_declined', 15], ['other', 15]]);
      move(decideAt, 'declined', 'receiver', actor, { reason, note: closeNote(reason) });
      return p;
    }
    if (final === 'cancelled' && rng.chance(0.3)) {
      const reason = rng.pick<ClosureReason>(['client_declined', 'other', 'duplicate']);
      move(decideAt, 'cancelled', 'sender', s.sender, { reason, note: reason === 'other' || rng.chance(0.6) ? rng.pick(CANCEL_NOTES) : null });
      return p;
    }
    move(decideAt, 'accepted', 'receiver', actor);
    t = decideAt;
    const assignee = rng.chance(0.7) ? actor : rng.pick(workers);
    p.assignee = assignee;
    t = after(t, rng.next() * 2 + 0.02);
    ev(t, { kind: 'assigned', actorUserId: actor.id, actorOrgId: recvOrg, data: { from: null, to: assignee.id } });
    if (stop === 'accepted' && err) {
      markError(t);
      return p;
    }

    const unreachable = final === 'unable_to_complete' && rng.chance(0.45);
    const contact = !s.noFirstContact && !unreachable && !(final === 'accepted' && rng.chance(0.45)) && !(final === 'cancelled' && rng.chance(0.5));
    if (contact) {
      const span = due.firstContactBy.getTime() - t.getTime();
      const target = rng.chance(0.8) && span > H ? t.getTime() + span * (0.1 + rng.next() * 0.85) : Math.max(t.getTime(), due.firstContactBy.getTime()) + rng.int(4, 72) * H;
      t = atOrBefore(t, target);
      p.firstContactAt = t;
      ev(t, { kind: 'updated', actorUserId: assignee.id, actorOrgId: recvOrg, note: rng.pick(FIRST_CONTACT_NOTES), data: { firstContactAt: t.toISOString() } });
    }
    if (final === 'accepted') return p;
    if (unreachable) {
      move(after(t, rng.int(3, 20) * 24), 'unable_to_complete', 'receiver', assignee, { reason: 'client_unreachable', note: closeNote('client_unreachable') });
      return p;
    }
    if (final === 'cancelled') {
      const side: Side = rng.chance(0.6) ? 'sender' : 'receiver';
      const reason = rng.pick<ClosureReason>(['client_declined', 'other', 'client_unreachable']);
      move(after(t, rng.int(1, 20) * 24), 'cancelled', side, side === 'sender' ? s.sender : assignee, { reason, note: reason === 'other' || rng.chance(0.5) ? rng.pick(CANCEL_NOTES) : null });
      return p;
    }
    if (final === 'on_hold' && rng.chance(0.3)) {
      move(after(t, rng.int(1, 10) * 24), 'on_hold', 'receiver', assignee, { note: rng.pick(ON_HOLD_NOTES) });
      return p;
    }
    t = after(t, rng.next() * 72 + 0.5);
    move(t, 'in_progress', 'receiver', assignee);
    if (stop === 'in_progress' && err) {
      markError(t);
      return p;
    }
    if (final === 'in_progress') {
      if (rng.chance(0.15)) {
        move(after(t, rng.int(2, 12) * 24), 'on_hold', 'receiver', assignee, { note: rng.pick(ON_HOLD_NOTES) });
        move(after(p.statusChangedAt, rng.int(2, 12) * 24), 'in_progress', 'receiver', assignee);
      }
      return p;
    }
    if (final === 'on_hold') {
      move(after(t, rng.int(2, 20) * 24), 'on_hold', 'receiver', assignee, { note: rng.pick(ON_HOLD_NOTES) });
      return p;
    }
    if (final === 'completed' && rng.chance(0.12)) {
      move(after(t, rng.int(2, 10) * 24), 'on_hold', 'receiver', assignee, { note: rng.pick(ON_HOLD_NOTES) });
      t = after(p.statusChangedAt, rng.int(3, 14) * 24);
      move(t, 'in_progress', 'receiver', assignee);
    }
    if (final === 'completed') {
      move(after(t, rng.int(3, 45) * 24 + rng.int(0, 8)), 'completed', 'receiver', assignee, { note: rng.pick(COMPLETION_NOTES) });
      return p;
    }
    // unable_to_complete, not for unreachability
    const reason = rng.weighted<ClosureReason>([['client_declined', 40], ['not_eligible', 15], ['no_capacity', 15], ['other', 30]]);
    move(after(t, rng.int(3, 40) * 24), 'unable_to_complete', 'receiver', assignee, { reason, note: closeNote(reason) });
    return p;
  };

  // Age (days before now) of each final status, so open ones are recent and closed ones spread out.
  const AGES: Record<ReferralStatus, [number, number]> = {
    draft: [0.1, 25],
    sent: [0.05, 3],
    acknowledged: [0.5, 10],
    accepted: [1, 25],
    declined: [2, 360],
    in_progress: [6, 150],
    on_hold: [12, 200],
    completed: [8, 364],
    unable_to_complete: [12, 364],
    cancelled: [1, 364],
    entered_in_error: [2, 300],
  };
  const createdFor = (status: ReferralStatus) => {
    const [lo, hi] = AGES[status];
    return new Date(nowMs - (lo + (hi - lo) * Math.pow(rng.next(), 1.25)) * DAY);
  };

  /** A generic referral in one of the three directions. */
  const genericSpec = (status: ReferralStatus): Spec => {
    const createdAt = createdFor(status);
    const dir = rng.weighted<'hs' | 'agency' | 'toHs' | 'cbo'>([
      ['hs', 62],
      ['agency', agencies.length ? 6 : 0],
      ['toHs', 12],
      ['cbo', 20],
    ]);
    if (dir === 'toHs') {
      const from = rng.weighted(cboSenderWeights);
      const ask = rng.pick(TO_HEALTH_SYSTEM);
      return { sendingOrgKey: from, sender: rng.pick(workersOf(from)), receivingOrgKey: ORG.healthSystem, service: null, needs: ask.needs, urgency: ask.urgency ?? urgencyFor(null), toHealthSystem: ask, status, createdAt };
    }
    const from = dir === 'hs' ? ORG.healthSystem : dir === 'agency' ? rng.pick(agencies) : rng.weighted(cboSenderWeights);
    const sender = dir === 'hs' ? rng.weighted(hsSenders) : rng.pick(workersOf(from));
    let svc = rng.weighted(svcWeights);
    while (svc.orgKey === from) svc = rng.weighted(svcWeights);
    // A few drafts are unfinished: no receiver chosen yet.
    const unfinished = status === 'draft' && rng.chance(0.2);
    return {
      sendingOrgKey: from,
      sender,
      receivingOrgKey: unfinished ? null : svc.orgKey,
      service: unfinished ? null : svc,
      needs: needsOf(svc),
      urgency: urgencyFor(svc),
      status,
      createdAt,
    };
  };

  // ---- Clients (names now, the rest once their referrals are known) ------------------------------
  const spas: Spa[] = ['spa1', 'spa2', 'spa3', 'spa4', 'spa5', 'spa6', 'spa7', 'spa8'];
  const spaWeights = spas.map((s) => [s, { spa1: 6, spa2: 14, spa3: 10, spa4: 18, spa5: 4, spa6: 22, spa7: 12, spa8: 14 }[s]] as const);
  const homeWeights: (readonly [string, number])[] = [
    [ORG.healthSystem, 75],
    ...DEMO_CBOS.map((k) => [k, 4] as const),
    ...partneredCbos.filter((k) => !DEMO_CBOS.includes(k)).map((k) => [k, 8 / partneredCbos.length] as const),
    ...agencies.map((k) => [k, 1.5] as const),
  ];
  const clientPlans: ClientPlan[] = Array.from({ length: CLIENT_COUNT }, (_, idx) => {
    const g = rng.weighted(CLIENT_NAME_GROUPS.map((x) => [x, x.weight] as const));
    return {
      idx,
      id: uuid(),
      given: rng.pick(g.first),
      middle: g.middle.length && rng.chance(0.3) ? rng.pick(g.middle) : null,
      family: rng.pick(g.last),
      language: rng.weighted(g.languages),
      spa: rng.weighted(spaWeights),
      home: idx < 20 ? ORG.healthSystem : rng.weighted(homeWeights),
      noConsent: idx >= 20 && rng.chance(0.07),
      refs: [],
    };
  });
  // Clients 0..19 are reserved for the hand-made stories below.
  let reserved = 0;
  const reserve = () => clientPlans[reserved++]!;

  const interval = (p: Plan): [number, number] | null => (p.sentAt ? [p.sentAt.getTime(), p.closedAt?.getTime() ?? Infinity] : null);
  const conflicts = (c: ClientPlan, p: Plan) => {
    const mine = interval(p);
    if (!mine) return false;
    return c.refs.some((o) => {
      const other = interval(o);
      return other && other[0] < mine[1] && mine[0] < other[1] && o.needs.some((n) => p.needs.includes(n));
    });
  };
  const attach = (c: ClientPlan, p: Plan) => {
    p.client = c;
    c.refs.push(p);
  };
  /** A sender may refer a client its organization registered, or one it received a referral for. */
  const knows = (c: ClientPlan, p: Plan) =>
    c.home === p.sendingOrgKey || c.refs.some((r) => r.receivingOrgKey === p.sendingOrgKey && r.sentAt && r.sentAt < p.createdAt);
  const assignClient = (p: Plan) => {
    const ok = clientPlans.filter((c) => c.idx >= 20 && !(c.noConsent && p.sentAt) && knows(c, p) && !conflicts(c, p));
    if (ok.length) return attach(rng.pick(ok), p);
    // Nobody fits: a client nobody has referred yet registers with this sender.
    const spare = clientPlans.find((c) => c.idx >= 20 && !c.refs.length && !c.noConsent) ?? reserve();
    spare.home = p.sendingOrgKey;
    attach(spare, p);
  };

  // ---- Generic referrals -------------------------------------------------------------------------
  for (const [status, n] of Object.entries(STATUS_TARGETS) as [ReferralStatus, number][]) {
    for (let i = 0; i < n; i++) {
      const p = build(genericSpec(status));
      assignClient(p);
      plans.push(p);
    }
  }

  // ---- Overdue work in the demo CBOs' inboxes -----------------------------------------------------
  const demoSvc = (orgKey: string) => rng.pick(receivable.filter((s) => s.orgKey === orgKey));
  const overdueSpec = (orgKey: string, status: 'sent' | 'accepted', days: number): Spec => {
    const svc = demoSvc(orgKey);
    return {
      sendingOrgKey: ORG.healthSystem,
      sender: rng.weighted(hsSenders.slice(0, 2)),
      receivingOrgKey: orgKey,
      service: svc,
      needs: needsOf(svc),
      urgency: urgencyFor(svc),
      status,
      createdAt: new Date(nowMs - days * DAY - rng.int(0, 8) * H),
      noFirstContact: status === 'accepted',
    };
  };
  for (const orgKey of DEMO_CBOS) {
    for (let i = 0; i < 4; i++) {
      let p = build(overdueSpec(orgKey, 'sent', rng.int(6, 14)));
      for (let d = 16; p.acknowledgeDueAt! > daysFrom(now, -0.1); d += 3) p = build(overdueSpec(orgKey, 'sent', d));
      assignClient(p);
      plans.push(p);
    }
    for (let i = 0; i < 3; i++) {
      let p = build(overdueSpec(orgKey, 'accepted', rng.int(20, 30)));
      for (let d = 32; p.firstContactDueAt! > daysFrom(now, -0.1); d += 3) p = build(overdueSpec(orgKey, 'accepted', d));
      assignClient(p);
      plans.push(p);
    }
  }

  // ---- Forward chains: declined as referred_elsewhere, with a linked referral to another partner --
  const chain = (length: number, startOrg: string, finalStatus: ReferralStatus) => {
    const c = reserve();
    const first = rng.pick(receivable.filter((s) => s.orgKey === startOrg));
    const needs: SdohCategory[] = [first.categories[0]!];
    let spec: Spec = {
      sendingOrgKey: ORG.healthSystem,
      sender: rng.weighted(hsSenders.slice(0, 2)),
      receivingOrgKey: startOrg,
      service: first,
      needs,
      urgency: urgencyFor(first),
      status: 'declined',
      reason: 'referred_elsewhere',
      createdAt: new Date(nowMs - rng.int(25, 90) * DAY),
    };
    const orgsUsed = [ORG.healthSystem, startOrg];
    for (let i = 0; i < length; i++) {
      const last = i === length - 1;
      const p = build({ ...spec, status: last ? finalStatus : 'declined', reason: last ? undefined : 'referred_elsewhere' });
      attach(c, p);
      plans.push(p);
      if (last) break;
      const next = rng.pick(receivable.filter((s) => !orgsUsed.includes(s.orgKey) && s.categories.includes(needs[0]!)));
      orgsUsed.push(next.orgKey);
      const forwarder = p.receiverActor!;
      const note = p.statusNote ?? 'Forwarding to a partner that is a better fit.';
      p.events.push({ id: uuid(), referralId: p.id, at: new Date(p.closedAt!.getTime() + 500), kind: 'forwarded', actorUserId: forwarder.id, actorOrgId: orgId(forwarder.orgKey), note, data: { forwardedToId: '' } });
      spec = {
        sendingOrgKey: forwarder.orgKey,
        sender: forwarder,
        receivingOrgKey: next.orgKey,
        service: next,
        needs,
        urgency: spec.urgency,
        status: 'declined',
        createdAt: new Date(p.closedAt!.getTime() + 1000),
        forwardedFrom: { id: p.id, at: p.closedAt!, note },
      };
    }
    // Fill in the forwardedToId now that every link exists.
    for (const p of c.refs) {
      const fwd = p.events.find((e) => e.kind === 'forwarded');
      const to = c.refs.find((x) => x.forwardedFromId === p.id);
      if (fwd && to) fwd.data = { forwardedToId: to.id };
    }
  };
  chain(3, ORG.housing, 'in_progress');
  chain(2, ORG.foodBank, 'accepted');
  chain(2, ORG.reentry, 'completed');
  chain(2, ORG.housing, 'acknowledged');
  chain(2, ORG.reentry, 'in_progress');

  // ---- A confirmed duplicate: same client, same need, both open ------------------------------------
  {
    const c = reserve();
    const pantry = receivable.find((s) => s.orgKey === ORG.foodBank && s.categories.includes('food-insecurity'))!;
    const other = rng.pick(receivable.filter((s) => s.orgKey !== ORG.foodBank && s.categories[0] === 'food-insecurity'));
    const maria = byEmail('maria.lopez');
    const james = byEmail('james.carter');
    const base = { sendingOrgKey: ORG.healthSystem, needs: ['food-insecurity'] as SdohCategory[], urgency: 'routine' as Urgency };
    const held = build({ ...base, sender: maria, receivingOrgKey: ORG.foodBank, service: pantry, status: 'in_progress', createdAt: new Date(nowMs - 38 * DAY) });
    const dup = build({ ...base, sender: james, receivingOrgKey: other.orgKey, service: other, status: 'acknowledged', createdAt: new Date(nowMs - 4 * DAY) });
    const sent = dup.events.find((e) => e.toStatus === 'sent')!;
    const why = `Client moved to Compton; ${ALL_ORGS.find((o) => o.key === ORG.foodBank)!.name} is now two buses away. This site is walking distance. Client asked us to send it anyway.`;
    dup.duplicateOverrideReason = why;
    sent.note = why;
    dup.events.splice(dup.events.indexOf(sent), 0, {
      id: uuid(),
      referralId: dup.id,
      at: new Date(sent.at!.getTime() - 30_000),
      kind: 'updated',
      actorUserId: james.id,
      actorOrgId: orgId(ORG.healthSystem),
      note: `Duplicate warning: ${ALL_ORGS.find((o) => o.key === ORG.foodBank)!.name} already holds an open referral for food-insecurity (in progress). Sender confirmed.`,
      data: { duplicateWarning: { referralIds: [held.id], needs: ['food-insecurity'] }, confirmed: true },
    });
    attach(c, held);
    attach(c, dup);
    plans.push(held, dup);
  }

  // ---- Reason text (needs the client's first name) ---------------------------------------------------
  const mdy = (d: Date) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  for (const p of plans) {
    const c = p.client!;
    const slots: ReasonSlots = { first: c.given, facility: rng.pick(FACILITIES), date: mdy(new Date(p.createdAt.getTime() - rng.int(1, 6) * DAY)) };
    const templates = REASONS[p.needs[0]!] ?? [() => `Client needs help with ${p.needs[0]!.replace(/-/g, ' ')}.`];
    p.reasonText = p.toHealthSystem ? p.toHealthSystem.reason(slots) : p.status === 'draft' && rng.chance(0.15) ? null : rng.pick(templates)(slots);
  }
  // Forwarded links carry the original reason, as the API copies it.
  const byId = new Map(plans.map((p) => [p.id, p]));
  for (const p of plans) {
    let root = p;
    while (root.forwardedFromId) root = byId.get(root.forwardedFromId)!;
    p.reasonText = root.reasonText;
  }

  // ---- Clients and consents -----------------------------------------------------------------------
  const clientRows: (typeof clients.$inferInsert)[] = [];
  const consentRows: (typeof consents.$inferInsert)[] = [];
  const consentOf = new Map<string, string>();
  const hs = ORG.healthSystem;
  const usedNames = new Set<string>();
  for (const c of clientPlans) {
    const refs = [...c.refs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const firstRef = refs[0];
    const creatorOrg = c.home;
    const creator = firstRef?.sendingOrgKey === creatorOrg ? firstRef.sender : creatorOrg === hs ? rng.weighted(hsSenders) : rng.pick(workersOf(creatorOrg));
    const createdAt = new Date((firstRef?.createdAt.getTime() ?? nowMs - rng.int(1, 300) * DAY) - (rng.int(0, 20) * DAY + rng.int(1, 10) * H));
    const age = rng.weighted<[number, number]>([
      [[18, 30], 25],
      [[31, 50], 35],
      [[51, 64], 25],
      [[65, 90], 15],
    ]);
    const dob = new Date(nowMs - (rng.int(age[0], age[1]) * 365.25 + rng.int(0, 364)) * DAY);
    const place = rng.pick(PLACES[c.spa]);
    const nameKey = `${c.given} ${c.family}`;
    const suffix = usedNames.has(nameKey) ? rng.int(2, 99) : '';
    usedNames.add(nameKey);
    const method = rng.weighted([
      ['phone', 40],
      ['text', 30],
      ['email', 8],
      ['in_person', 10],
      ['through_sender', 12],
    ] as const);
    const phones = rng.chance(0.94) ? [fakePhone(rng, c.spa)] : [];
    if (phones.length && rng.chance(0.15)) phones.push(fakePhone(rng, c.spa));
    const safe = rng.chance(0.1) || method === 'through_sender' ? rng.pick(SAFE_CONTACT_NOTES) : null;
    clientRows.push({
      id: c.id,
      givenName: c.given,
      middleName: c.middle,
      familyName: c.family,
      preferredName: rng.chance(0.08) ? c.given.slice(0, Math.max(3, Math.ceil(c.given.length / 2))) : null,
      dateOfBirth: isoDate(dob),
      phones,
      email: method === 'email' || rng.chance(0.3) ? `${emailPart(c.given)}.${emailPart(c.family)}${suffix}@${rng.pick(EMAIL_DOMAINS)}` : null,
      address: rng.chance(0.9)
        ? { line1: `${rng.int(100, 19999)} ${place.street}`, line2: rng.chance(0.3) ? `Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B'])}` : null, city: place.city, state: 'CA', postalCode: place.postalCode }
        : null,
      preferredLanguage: c.language,
      preferredContactMethod: method,
      preferredContactTimes: rng.pick(CONTACT_TIMES),
      pronouns: rng.weighted(PRONOUNS),
      safeContactNotes: safe,
      createdByOrgId: orgId(creatorOrg),
      createdByUserId: creator.id,
      createdAt,
      updatedAt: createdAt,
    });
    if (c.noConsent) continue;
    const signedAt = new Date(createdAt.getTime() + rng.int(5, 50) * 60_000);
    const consentMethod = rng.weighted(CONSENT_METHOD_WEIGHTS);
    const receivers = [...new Set(refs.filter((r) => r.receivingOrgKey).map((r) => r.receivingOrgKey!))];
    const listed = c.idx >= 20 && rng.chance(0.15);
    const orgIds = listed ? [...new Set([...receivers, rng.pick(partneredCbos)])].map(orgId) : [];
    const year = signedAt.getTime() + 365 * DAY;
    const id = uuid();
    consentOf.set(c.id, id);
    consentRows.push({
      id,
      clientId: c.id,
      scope: listed ? 'listed_orgs' : 'network',
      organizationIds: orgIds,
      method: consentMethod,
      language: CONSENT_FORM_LANGUAGES.includes(c.language) ? c.language : 'en',
      witnessName: consentMethod === 'verbal_witnessed' ? rng.pick(WITNESSES) : null,
      signedAt,
      expiresAt: new Date(year <= nowMs + 30 * DAY ? signedAt.getTime() + 730 * DAY : year),
      documentUrl: consentMethod === 'written' ? `https://files.tandem.example/consents/${id}.pdf` : null,
      recordedByUserId: creator.id,
      recordedByOrgId: orgId(creatorOrg),
      createdAt: signedAt,
    });
  }
  const consentRow = (clientId: string) => consentRows.find((r) => r.clientId === clientId)!;
  const maxSent = (c: ClientPlan) => Math.max(0, ...c.refs.map((r) => r.sentAt?.getTime() ?? 0));
  const regular = clientPlans.filter((c) => c.idx >= 20 && !c.noConsent);
  // Some consents expire within 30 days; a few expired after the client's last referral was sent.
  for (const c of rng.sample(regular, 16)) consentRow(c.id).expiresAt = daysFrom(now, rng.int(2, 29) + rng.next());
  // Only clients with a sent referral: maxSent is 0 without one, which dated such an expiry to
  // the 1990s, before its signature (the date check refused the seed on some days).
  const expirable = regular.filter((c) => consentRow(c.id).expiresAt! > daysFrom(now, 30) && maxSent(c) > 0 && maxSent(c) < nowMs - 40 * DAY);
  for (const c of rng.sample(expirable, 5)) {
    const last = maxSent(c);
    consentRow(c.id).expiresAt = new Date(last + (nowMs - last) * (0.3 + rng.next() * 0.5));
  }
  // One revoked: the client still has an open referral the consent covered when it was sent.
  {
    const candidates = regular.filter(
      (c) =>
        consentRow(c.id).scope === 'network' &&
        consentRow(c.id).expiresAt! > daysFrom(now, 30) &&
        maxSent(c) < nowMs - 5 * DAY &&
        c.refs.some((r) => r.sendingOrgKey === hs && ['in_progress', 'accepted'].includes(r.status)),
    );
    const c = candidates[0]!;
    const open = c.refs.find((r) => r.sendingOrgKey === hs && ['in_progress', 'accepted'].includes(r.status))!;
    Object.assign(consentRow(c.id), {
      revokedAt: new Date(nowMs - 2 * DAY - 3 * H),
      revokedByUserId: open.sender.id,
      revocationReason: 'Client called the clinic to withdraw consent: does not want information shared with new partners. Current program may finish.',
    });
  }

  // ---- Loops closed: most senders confirm they saw the receiver's outcome, hours to days later ------
  // (a random stream of its own, so nothing drawn above moves).
  const loops = createRng(`${SEED}:loop-closed`);
  const loopClosed = new Map<string, { at: Date; byUserId: string }>();
  for (const p of plans) {
    if (!p.closedAt || (p.status !== 'completed' && p.status !== 'unable_to_complete') || !loops.chance(0.75)) continue;
    const at = new Date(Math.min(p.closedAt.getTime() + loops.int(2, 96) * H, cap));
    if (at.getTime() <= p.closedAt.getTime()) continue;
    p.events.push({ id: uuid(), referralId: p.id, at, kind: 'loop_closed', actorUserId: p.sender.id, actorOrgId: orgId(p.sendingOrgKey), note: null, data: { outcome: p.outcome } });
    loopClosed.set(p.id, { at, byUserId: p.sender.id });
  }

  // ---- Referral rows --------------------------------------------------------------------------------
  const referralRows: (typeof referrals.$inferInsert)[] = plans.map((p) => ({
    id: p.id,
    clientId: p.client!.id,
    sendingOrgId: orgId(p.sendingOrgKey),
    sendingUserId: p.sender.id,
    senderContactName: p.sender.name,
    senderContactPhone: p.sender.phone,
    senderContactEmail: p.sender.email,
    receivingOrgId: p.receivingOrgKey ? orgId(p.receivingOrgKey) : null,
    receivingServiceId: p.service?.id ?? null,
    receivingContactId: p.receivingContactId,
    assigneeUserId: p.assignee?.id ?? null,
    needs: p.needs,
    reason: p.reasonText,
    urgency: p.urgency,
    status: p.status,
    statusReason: p.statusReason,
    statusNote: p.statusNote,
    outcome: p.outcome,
    statusChangedAt: p.statusChangedAt,
    consentId: p.sentAt || rng.chance(0.5) ? (consentOf.get(p.client!.id) ?? null) : null,
    forwardedFromId: p.forwardedFromId,
    duplicateOverrideReason: p.duplicateOverrideReason,
    sentAt: p.sentAt,
    acknowledgedAt: p.acknowledgedAt,
    acknowledgeDueAt: p.acknowledgeDueAt,
    firstContactDueAt: p.firstContactDueAt,
    firstContactAt: p.firstContactAt,
    closedAt: p.closedAt,
    loopClosedAt: loopClosed.get(p.id)?.at ?? null,
    loopClosedByUserId: loopClosed.get(p.id)?.byUserId ?? null,
    createdAt: p.createdAt,
    updatedAt: p.events[p.events.length - 1]!.at!,
    version: p.events.length,
  }));

  // ---- Messages, read state and views ------------------------------------------------------------------
  const messageRows: (typeof referralMessages.$inferInsert)[] = [];
  const readRows: (typeof referralReads.$inferInsert)[] = [];
  const viewRows: (typeof referralViews.$inferInsert)[] = [];
  const messagesOf = new Map<string, { at: Date; author: Person }[]>();
  const between = (a: number, b: number) => new Date(a + (b - a) * rng.next());
  for (const p of plans) {
    if (!p.acknowledgedAt) continue;
    const receiver = p.assignee ?? p.receiverActor!;
    const end = Math.min(p.closedAt?.getTime() ?? cap, cap);
    const start = p.acknowledgedAt.getTime();
    viewRows.push({ id: uuid(), referralId: p.id, userId: p.receiverActor!.id, orgId: orgId(p.receiverActor!.orgKey), at: p.acknowledgedAt });
    for (let i = rng.int(0, 3); i > 0; i--) {
      const who = rng.chance(0.7) ? receiver : p.sender;
      viewRows.push({ id: uuid(), referralId: p.id, userId: who.id, orgId: orgId(who.orgKey), at: between(start, end) });
    }
    if (!rng.chance(0.48) || end - start < 2 * H) continue;
    const thread = rng.pick(THREADS);
    const n = rng.int(2, 6);
    let side: 'sender' | 'receiver' = rng.chance(0.7) ? 'sender' : 'receiver';
    const times = Array.from({ length: n }, () => between(start + 60_000, end).getTime()).sort((a, b) => a - b);
    const posted: { at: Date; author: Person }[] = [];
    times.forEach((ms, k) => {
      const author = side === 'sender' ? p.sender : receiver;
      const line = thread[side][Math.floor(k / 2)] ?? (side === 'sender' ? 'Thank you!' : 'Will do, thanks.');
      const at = new Date(ms + k); // strictly increasing
      messageRows.push({ id: uuid(), referralId: p.id, authorUserId: author.id, authorOrgId: orgId(author.orgKey), body: line.replace(/\{first\}/g, p.client!.given), createdAt: at });
      posted.push({ at, author });
      side = side === 'sender' ? 'receiver' : 'sender';
    });
    messagesOf.set(p.id, posted);
    // Read state: each side has read up to the end, or is behind the other side's last message.
    for (const reader of [p.sender, receiver]) {
      const fromOthers = posted.filter((m) => m.author.id !== reader.id);
      const lastOther = fromOthers[fromOthers.length - 1];
      if (!lastOther) continue;
      const unreadChance = DEMO_CBOS.includes(reader.orgKey) || reader.orgKey === hs ? 0.35 : 0.2;
      if (rng.chance(unreadChance)) {
        const before = posted.filter((m) => m.at < lastOther.at);
        if (before.length) readRows.push({ referralId: p.id, userId: reader.id, lastReadAt: new Date(before[before.length - 1]!.at.getTime() + 1000) });
      } else {
        const last = posted[posted.length - 1]!.at.getTime();
        readRows.push({ referralId: p.id, userId: reader.id, lastReadAt: new Date(Math.min(cap, last + rng.int(5, 600) * 60_000)) });
      }
    }
  }

  // ---- Notifications for the demo accounts (last 3 weeks) ---------------------------------------------
  const demoOrgs = [hs, ...DEMO_CBOS];
  const demoUsers = NAMED_ACCOUNTS.filter((a) => demoOrgs.includes(a.org) && (a.role === 'staff' || a.role === 'org_admin')).map((a) => people.find((x) => x.email === a.email)!);
  const notificationRows: (typeof notifications.$inferInsert)[] = [];
  const since = nowMs - 21 * DAY;
  const notify = (orgKeys: (string | null)[], except: string | null | undefined, n: { kind: string; referralId: string; title: string; at: Date; data?: Record<string, string> }) => {
    if (n.at.getTime() < since) return;
    for (const u of demoUsers) {
      if (!orgKeys.includes(u.orgKey) || u.id === except) continue;
      const age = nowMs - n.at.getTime();
      const unread = age < 2 * DAY ? rng.chance(0.75) : age < 7 * DAY ? rng.chance(0.35) : rng.chance(0.05);
      notificationRows.push({
        id: uuid(),
        userId: u.id,
        kind: n.kind,
        entityType: 'referral',
        entityId: n.referralId,
        referralId: n.referralId,
        title: n.title,
        data: n.data ?? {},
        createdAt: n.at,
        readAt: unread ? null : new Date(Math.min(cap, n.at.getTime() + rng.int(10, 24 * 60) * 60_000)),
      });
    }
  };
  for (const p of plans) {
    for (const e of p.events) {
      if (e.kind !== 'status_changed') continue;
      if (e.toStatus === 'sent') notify([p.receivingOrgKey], e.actorUserId, { kind: 'referral.received', referralId: p.id, title: 'New referral received', at: e.at! });
      else notify([p.sendingOrgKey, p.receivingOrgKey], e.actorUserId, { kind: 'referral.status_changed', referralId: p.id, title: `Referral ${e.toStatus!.replace(/_/g, ' ')}`, at: e.at!, data: { status: e.toStatus! } });
    }
    for (const m of messagesOf.get(p.id) ?? []) notify([p.sendingOrgKey, p.receivingOrgKey], m.author.id, { kind: 'referral.message', referralId: p.id, title: 'New message on a referral', at: m.at });
  }

  // ---- Write --------------------------------------------------------------------------------------
  count(ctx, 'clients', await bulkInsert(tx, clients, clientRows));
  count(ctx, 'consents', await bulkInsert(tx, consents, consentRows));
  count(ctx, 'referrals', await bulkInsert(tx, referrals, referralRows));
  count(ctx, 'referralEvents', await bulkInsert(tx, referralEvents, plans.flatMap((p) => p.events)));
  count(ctx, 'referralMessages', await bulkInsert(tx, referralMessages, messageRows));
  count(ctx, 'referralReads', await bulkInsert(tx, referralReads, readRows));
  count(ctx, 'referralViews', await bulkInsert(tx, referralViews, viewRows));
  count(ctx, 'notifications', await bulkInsert(tx, notifications, notificationRows));
};

