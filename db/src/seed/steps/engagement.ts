import { laInstant, seriesStarts, SPAS, type EngagementEventType, type FollowUp } from '@tandem/contract';
import type { Tx } from '../../client';
import { sql } from 'drizzle-orm';
import { auditLog, engagementEventOrganizations, engagementEvents, engagementEventStaff, organizations, type StageDates } from '../../schema';
import { daysFrom, isoDate, must, SEED, type SeedContext } from '../context';
import { ACCOUNT_SPECS } from '../data/accounts';
import { ALL_ORGS, ORG } from '../data/organizations';
import { createRng, type Rng } from '../prng';
import type { Spa } from '../types';
import { count, insertAll } from './util';

type EventRow = typeof engagementEvents.$inferInsert;
type Links = { orgs: string[]; staff: string[] };

/** Two years of the collaboration team's work: 10–60 events a month per liaison, like the WPC-LA reports (2,700+ in 27 months). */
const MONTHS_BACK = 24;
// 55 at most: the outreach meetings and assessments that moved partners' stages (below) come on top.
const PER_MONTH: [number, number] = [10, 55];
const DAY = 86_400_000;
const DAYS_BACK = 730;
const TYPE_WEIGHTS: [EngagementEventType, number][] = [
  ['outreach_meeting', 34],
  ['service_assessment', 14],
  ['workgroup', 10],
  ['community_action_team', 10],
  ['town_hall', 6],
  ['training', 10],
  ['case_conference', 11],
  ['other', 5],
];
const ATTENDEES: Record<EngagementEventType, [number, number]> = {
  outreach_meeting: [3, 15],
  service_assessment: [4, 12],
  workgroup: [12, 45],
  community_action_team: [15, 60],
  town_hall: [40, 180],
  training: [8, 40],
  case_conference: [4, 12],
  other: [5, 30],
};
const spaName = new Map(SPAS.map((s) => [s.code as string, s.name]));
const title = (type: EngagementEventType, org: string, spa: Spa) =>
  ({
    outreach_meeting: `Outreach meeting with ${org}`,
    service_assessment: `Service assessment: ${spaName.get(spa)} shelter and treatment beds`,
    workgroup: `${spaName.get(spa)} housing workgroup`,
    community_action_team: `${spaName.get(spa)} community action team`,
    town_hall: `Town hall: health and housing in ${spaName.get(spa)}`,
    training: `Referral training for ${org}`,
    case_conference: `Case conference with ${org}`,
    other: `Resource fair, ${spaName.get(spa)}`,
  })[type];
const SUMMARIES = [
  'Presented eligibility for the programs and exchanged referral contacts.',
  'Walked through intake; the partner asked for a direct line to the CHW team.',
  'Discussed waitlists and hours; evening intake is the main gap.',
  'Reviewed referrals from last month and two that did not close the loop.',
  'Community members raised transportation to appointments as the first barrier.',
];
const FOLLOW_UPS = ['Send the referral guide', 'Share the updated eligibility sheet', 'Set up a direct contact for intake', 'Bring the gap to the contracts division', 'Schedule a follow-up visit'];

/** Attendees by group, the affiliations adding up to at most the total (engagement/rules.ts). */
const groups = (rng: Rng, total: number) => {
  const community = Math.floor(total * rng.int(20, 50) / 100);
  const cbo = Math.floor(total * rng.int(15, 30) / 100);
  const county = Math.floor(total * rng.int(0, 10) / 100);
  const hs = Math.floor(total * rng.int(5, 10) / 100);
  return { communityMembers: community, cboStaff: cbo, countyStaff: county, healthSystemStaff: hs, livedExperience: Math.floor(total * rng.int(5, 30) / 100) };
};

/** Follow-ups due two weeks after the event; most of those older than a month are done. */
const followUps = (ctx: SeedContext, ageDays: number, owner: string): FollowUp[] =>
  ctx.rng.sample(FOLLOW_UPS, ctx.rng.int(0, 2)).map((text) => ({ text, owner, dueDate: isoDate(daysFrom(ctx.now, 14 - ageDays)), done: ageDays > 30 && ctx.rng.chance(0.8) }));

/**
 * Engagement events (issue 25): a few thousand events over two years (10–60 a month per liaison)
 * across every SPA and focus population, each led by the SPA's collaboration-team liaison with the CBOs that serve it, and a
 * monthly reentry workgroup series.
 */
export const seedEngagement = async (tx: Tx, ctx: SeedContext) => {
  const { rng } = ctx;
  const leads = ACCOUNT_SPECS.filter((a) => a.role === 'collaboration_team' && a.liaisonFor?.length);
  const cbos = ALL_ORGS.filter((o) => o.type === 'cbo');
  const rows: EventRow[] = [];
  const links = new Map<string, Links>();
  const add = (row: EventRow, l: Links) => {
    rows.push(row);
    links.set(row.id!, l);
  };

  // Each liaison's months: the 24 before this one in full, and this one so far.
  const slots: { lead: (typeof leads)[number]; date: number; ageDays: number }[] = [];
  for (const lead of leads) {
    for (let back = MONTHS_BACK; back >= 0; back--) {
      const start = Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - back, 1);
      const end = Math.min(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - back + 1, 1), ctx.now.getTime() - DAY);
      const days = Math.floor((end - start) / DAY);
      if (days <= 0) continue;
      const full = back > 0 ? 1 : days / 30;
      for (let n = Math.round(rng.int(...PER_MONTH) * full); n > 0; n--) {
        const date = start + rng.int(0, days - 1) * DAY;
        slots.push({ lead, date, ageDays: Math.max(1, Math.round((ctx.now.getTime() - date) / DAY)) });
      }
    }
  }
  for (const { lead, date, ageDays } of slots) {
    const spa = rng.pick(lead.liaisonFor!) as Spa;
    const type = rng.weighted(TYPE_WEIGHTS);
    const serving = cbos.filter((o) => o.spas.includes(spa));
    const partners = rng.sample(serving.length ? serving : cbos, type === 'outreach_meeting' || type === 'case_conference' ? 1 : rng.int(1, 3));
    const focus = [...new Set([rng.pick(partners[0]!.focus), ...(rng.chance(0.3) ? [rng.pick(partners[0]!.focus)] : [])])];
    const day = new Date(date);
    const total = rng.int(...ATTENDEES[type]);
    const virtual = rng.chance(0.25);
    const leadId = must(ctx.users, lead.email.toLowerCase(), 'user');
    add(
      {
        id: ctx.ids.uuid(),
        title: title(type, partners[0]!.name, spa),
        type,
        startsAt: laInstant(isoDate(day), `${rng.int(9, 16)}:${rng.pick(['00', '30'])}`),
        durationMinutes: rng.pick([30, 60, 60, 90, 120]),
        spas: type === 'town_hall' && rng.chance(0.3) ? [spa, ...(lead.liaisonFor!.filter((s) => s !== spa) as Spa[])] : [spa],
        modality: virtual ? 'virtual' : 'in_person',
        address: virtual ? null : `${partners[0]!.name}, ${spaName.get(spa)}`,
        focusPopulations: focus,
        attendeeCount: total,
        ...(rng.chance(0.8) ? groups(rng, total) : {}),
        summary: rng.chance(0.85) ? rng.pick(SUMMARIES) : null,
        followUps: followUps(ctx, ageDays, lead.name),
        createdBy: leadId,
        createdAt: day,
        updatedAt: day,
      },
      { orgs: partners.map((o) => must(ctx.orgs, o.key, 'organization')), staff: [leadId] },
    );
  }

  // The monthly reentry workgroup: one series, each meeting its own event.
  const seriesId = ctx.ids.uuid();
  const first = laInstant(isoDate(daysFrom(ctx.now, -DAYS_BACK)), '10:00');
  const chair = must(ctx.users, 'collab@tandem.example', 'user');
  const reentry = [ORG.reentry, ...cbos.filter((o) => o.focus.includes('justice_involvement') && o.key !== ORG.reentry).slice(0, 2).map((o) => o.key)];
  for (const startsAt of seriesStarts(first, 'monthly', 24)) {
    const total = rng.int(18, 45);
    const g = groups(rng, total);
    add(
      {
        id: ctx.ids.uuid(),
        title: 'Alternatives to incarceration workgroup',
        type: 'workgroup',
        startsAt,
        durationMinutes: 90,
        spas: ['spa6', 'spa8'],
        modality: 'in_person',
        address: '1000 S Fremont Ave, Alhambra, CA 91803',
        focusPopulations: ['justice_involvement'],
        attendeeCount: total,
        ...g,
        summary: 'Consensus meeting: community members vote equally with agency staff.',
        followUps: [],
        seriesId,
        createdBy: chair,
        createdAt: startsAt,
        updatedAt: startsAt,
      },
      { orgs: reentry.map((k) => must(ctx.orgs, k, 'organization')), staff: [chair] },
    );
  }

  // The partnership pipeline as logged work: each organization past prospect has the outreach
  // meeting (and past outreach, the service assessment) that moved it, on the day its stage dates
  // say, led by its liaison, and each move in its change history naming that event, as the API
  // records them (directory/pipeline.ts); a partnered one has its confirmation with the evidence.
  const pipe = createRng(`${SEED}:pipeline-events`);
  const hs = must(ctx.orgs, ORG.healthSystem, 'organization');
  const keyOf = new Map([...ctx.orgs].map(([key, id]) => [id, key]));
  const specOf = new Map(ALL_ORGS.map((o) => [o.key, o]));
  const audits: (typeof auditLog.$inferInsert)[] = [];
  const orgs = await tx.select({ id: organizations.id, name: organizations.name, stage: organizations.partnershipStage, dates: organizations.stageDates, spas: organizations.spas }).from(organizations);
  for (const o of orgs) {
    const key = keyOf.get(o.id);
    const liaison = key ? ctx.liaisons.get(key) : undefined;
    const spec = key ? specOf.get(key) : undefined;
    if (!liaison || !spec || !o.dates.outreach) continue;
    const spa = (o.spas[0] ?? 'spa4') as Spa;
    let dates: StageDates = { ...o.dates, outreach: null, assessed: null, partnered: null };
    const move = (type: 'outreach_meeting' | 'service_assessment', to: 'outreach' | 'assessed', on: string) => {
      const startsAt = laInstant(on, `${pipe.int(9, 15)}:00`);
      const total = pipe.int(...ATTENDEES[type]);
      const id = ctx.ids.uuid();
      add(
        {
          id,
          title: title(type, o.name, spa),
          type,
          startsAt,
          durationMinutes: type === 'service_assessment' ? 90 : 60,
          spas: [spa],
          modality: 'in_person',
          address: `${o.name}, ${spaName.get(spa)}`,
          focusPopulations: [pipe.pick(spec.focus.length ? spec.focus : ['other'])],
          attendeeCount: total,
          ...groups(pipe, total),
          summary: pipe.pick(SUMMARIES),
          followUps: [],
          createdBy: liaison,
          createdAt: startsAt,
          updatedAt: startsAt,
        },
        { orgs: [o.id], staff: [liaison] },
      );
      const from = dates;
      dates = { ...dates, [to]: on };
      const fromStage = to === 'outreach' ? 'prospect' : 'outreach';
      audits.push({
        at: new Date(startsAt.getTime() + 60_000),
        actorUserId: liaison,
        actorOrgId: hs,
        action: 'organization.stage_advance',
        entityType: 'organization',
        entityId: o.id,
        organizationId: o.id,
        changes: { partnershipStage: { from: fromStage, to }, stageDates: { from, to: dates }, causeEventId: { from: null, to: id } },
      });
    };
    move('outreach_meeting', 'outreach', o.dates.outreach);
    if (o.dates.assessed) move('service_assessment', 'assessed', o.dates.assessed);
    if (o.stage === 'partnered' && o.dates.partnered) {
      const evidence = (
        await tx.execute<{ agreements: number; referralsReceived: number }>(
          sql`select (select count(*)::int from agreement_parties p join agreements a on a.id = p.agreement_id where p.organization_id = ${o.id} and a.status <> 'draft') as "agreements",
                     (select count(*)::int from referrals r where r.receiving_org_id = ${o.id} and r.sent_at is not null) as "referralsReceived"`,
        )
      ).rows[0]!;
      const from = dates;
      dates = { ...dates, partnered: o.dates.partnered };
      audits.push({
        at: laInstant(o.dates.partnered, '16:00'),
        actorUserId: liaison,
        actorOrgId: hs,
        action: 'organization.partnership_confirm',
        entityType: 'organization',
        entityId: o.id,
        organizationId: o.id,
        changes: {
          partnershipStage: { from: 'assessed', to: 'partnered' },
          stageDates: { from, to: dates },
          evidence: { from: null, to: evidence },
          ...(evidence.agreements + evidence.referralsReceived === 0 ? { note: { from: null, to: 'Signed the network participation agreement at the assessment.' } } : {}),
        },
      });
    }
  }
  count(ctx, 'partnershipMoves', await insertAll(tx, auditLog, audits));

  count(ctx, 'engagementEvents', await insertAll(tx, engagementEvents, rows));
  const all = [...links];
  count(ctx, 'engagementEventOrganizations', await insertAll(tx, engagementEventOrganizations, all.flatMap(([eventId, l]) => l.orgs.map((organizationId) => ({ eventId, organizationId })))));
  await insertAll(tx, engagementEventStaff, all.flatMap(([eventId, l]) => l.staff.map((userId) => ({ eventId, userId }))));
};
