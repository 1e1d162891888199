import type { CharterSection, Locale } from '@tandem/contract';
import type { Tx } from '../../client';
import {
  boardApplications,
  boardBudgetProposals,
  boardBudgetRounds,
  boardBudgetVotes,
  boardCharterAcknowledgements,
  boardCharters,
  boardCoordinators,
  boardMembers,
  boardReviews,
  boards,
} from '../../schema';
import { daysFrom, isoDate, must, type SeedContext } from '../context';
import { ACCOUNT_SPECS } from '../data/accounts';
import { NAME_GROUPS } from '../data/people';
import { personName, type Rng } from '../prng';
import type { Spa } from '../types';
import { count, emailPart, fakePhone, insertAll } from './util';

/** Other seed steps (meetings, stipends, recommendations) find the demo board by this name. */
export const REENTRY_BOARD_NAME = 'Reentry Health Advisory Board';
export const MATERNAL_BOARD_NAME = 'Maternal Health and Doula Community Board';

type AppRow = typeof boardApplications.$inferInsert;
type MemberRow = typeof boardMembers.$inferInsert;
type Status = 'selected' | 'waitlisted' | 'declined' | 'submitted';
type Population = NonNullable<AppRow['populations']>[number];
type Language = NonNullable<AppRow['languages']>[number];

const DAY = 86_400_000;
const email = (name: string, n: number) => `${emailPart(name.split(' ')[0]!)}.${emailPart(name.split(' ').slice(-1)[0]!)}${n}@mail.example`;
const userOf = (ctx: SeedContext, address: string) => must(ctx.users, address.toLowerCase(), 'user');
const emailOf = (name: string) => ACCOUNT_SPECS.find((a) => a.name === name)!.email;

const MESSAGES: Record<Locale, Record<Exclude<Status, 'submitted'>, (board: string) => string>> = {
  en: {
    selected: (b) => `Thank you for applying to ${b}. We are glad to tell you that you have been selected as a member. A coordinator will contact you about your first meeting.`,
    waitlisted: (b) => `Thank you for applying to ${b}. All seats are filled for now, and you are on our waiting list. We will contact you if a seat opens.`,
    declined: (b) => `Thank you for applying to ${b}. We could not offer you a seat this time. We hope you will apply again when the board recruits next.`,
  },
  es: {
    selected: (b) => `Gracias por presentar su solicitud a ${b}. Nos alegra informarle que fue seleccionado como miembro. Un coordinador se comunicará con usted sobre su primera reunión.`,
    waitlisted: (b) => `Gracias por presentar su solicitud a ${b}. Por ahora todos los puestos están ocupados y usted está en nuestra lista de espera. Le avisaremos si se abre un puesto.`,
    declined: (b) => `Gracias por presentar su solicitud a ${b}. Esta vez no pudimos ofrecerle un puesto. Esperamos que vuelva a presentar su solicitud cuando la junta busque nuevos miembros.`,
  },
};

const CRITERIA = [
  { key: 'lived_experience', label: 'Lived experience', maxScore: 5 },
  { key: 'community_ties', label: 'Ties to the community', maxScore: 5 },
  { key: 'commitment', label: 'Time and commitment', maxScore: 5 },
  { key: 'perspective', label: 'A perspective the board lacks', maxScore: 5 },
];
const QUESTIONS = [
  { key: 'why', prompt: { en: 'Why do you want to join the board?', es: '¿Por qué quiere formar parte de la junta?' }, required: true },
  { key: 'experience', prompt: { en: 'What would you like the program to know from your experience?', es: '¿Qué le gustaría que el programa supiera de su experiencia?' }, required: false },
];
const WHY = {
  en: ['I came home two years ago and want to make it easier for the next person.', 'My brother went through reentry and the clinic visits were the hardest part.', 'I volunteer at my church with families of people inside.', 'I want the program to hear from people who lived it.'],
  es: ['Salí hace dos años y quiero que sea más fácil para la próxima persona.', 'Mi hijo pasó por el proceso y las citas médicas fueron lo más difícil.', 'Ayudo a familias de personas encarceladas en mi comunidad.', 'Quiero que el programa escuche a quienes lo vivimos.'],
};

const charter = (v: 1 | 2): Record<CharterSection, string> => ({
  purpose: 'Advise the reentry health program on how people coming home from jail or prison get health care, housing and support.',
  scope: 'Program design, outreach, the referral network and how the program spends its community funds.',
  values: 'Respect, lived experience first, plain language, no decision about us without us.',
  decisionRules: v === 1 ? 'Consensus first; if consensus fails, a two-thirds majority of members present.' : 'Consensus first; if consensus fails after two rounds, a simple majority of members present.',
  quorum: 'More than half of the seated members, in person or online.',
  terms: 'Two years, renewable once. Seats are staggered so half the board changes each year.',
  conflictOfInterest: 'Members declare any tie to an organization the board discusses and do not vote on it.',
  stipendPolicy: v === 1 ? '$75 per meeting attended, paid monthly.' : '$100 per meeting attended, paid monthly; gift or prepaid cards for members without a bank account.',
  meetingCommitments: 'Monthly, second Tuesday, 6 pm; childcare, meals, interpretation and transport provided.',
});

interface BoardPlan {
  name: string;
  program: string;
  purpose: string;
  seats: number;
  termMonths: number;
  meetingCadence: string;
  coordinators: string[];
  reviewers: string[];
  statuses: Status[];
  spas: Spa[];
  populations: Population[];
  extraLanguages: Language[];
  createdDaysAgo: number;
}

/** Applications, reviews, decisions and the seated members of one board. */
const seedBoard = async (tx: Tx, ctx: SeedContext, plan: BoardPlan) => {
  const { rng } = ctx;
  const createdBy = userOf(ctx, 'boards@tandem.example');
  const boardId = ctx.ids.uuid();
  const created = daysFrom(ctx.now, -plan.createdDaysAgo);
  await tx.insert(boards).values({
    id: boardId,
    name: plan.name,
    program: plan.program,
    purpose: plan.purpose,
    seats: plan.seats,
    termMonths: plan.termMonths,
    meetingCadence: plan.meetingCadence,
    status: 'active',
    questions: QUESTIONS,
    criteria: CRITERIA,
    createdBy,
    createdAt: created,
    updatedAt: created,
  });
  await tx.insert(boardCoordinators).values(plan.coordinators.map((n) => ({ boardId, userId: userOf(ctx, emailOf(n)) })));
  const reviewers = plan.reviewers.map((n) => userOf(ctx, emailOf(n)));

  const references = new Set<string>();
  const reference = (r: Rng) => {
    let s: string;
    do s = `B-${r.int(0, 0xffffffff).toString(16).toUpperCase().padStart(8, '0')}`;
    while (references.has(s));
    references.add(s);
    return s;
  };
  const apps: AppRow[] = [];
  const reviews: (typeof boardReviews.$inferInsert)[] = [];
  plan.statuses.forEach((status, i) => {
    const locale: Locale = rng.chance(0.4) ? 'es' : 'en';
    const name = personName(rng, NAME_GROUPS);
    const spa = rng.pick(plan.spas);
    const languages = [...new Set<Language>([locale, ...(locale === 'es' && rng.chance(0.5) ? (['en'] as Language[]) : []), ...(rng.chance(0.2) ? [rng.pick(plan.extraLanguages)] : [])])];
    const submitted = new Date(created.getTime() + (10 + rng.int(0, 40)) * DAY + rng.int(8, 20) * 3_600_000);
    const decided = status === 'submitted' ? null : new Date(submitted.getTime() + rng.int(20, 45) * DAY);
    const hasEmail = rng.chance(0.7);
    const id = ctx.ids.uuid();
    apps.push({
      id,
      boardId,
      reference: reference(rng),
      status,
      locale,
      name,
      phone: fakePhone(rng, spa),
      email: hasEmail ? email(name, i) : null,
      zip: null,
      spa: rng.chance(0.9) ? spa : null,
      populations: [...new Set<Population>([plan.populations[0]!, ...(rng.chance(0.5) ? [rng.pick(plan.populations)] : [])])],
      languages,
      availability: rng.pick(['Weekday evenings', 'Tuesdays after 5', 'Any evening', 'Saturdays']),
      accessibilityNeeds: rng.sample(['interpretation', 'childcare', 'transport', 'meals'] as const, rng.int(0, 2)),
      stipendMethod: rng.pick(['check', 'gift_card', 'prepaid_card', 'direct_deposit'] as const),
      answers: { why: rng.pick(WHY[locale]) },
      decisionMessage: status === 'submitted' ? null : MESSAGES[locale][status](plan.name),
      decidedAt: decided,
      decidedBy: decided ? createdBy : null,
      createdAt: submitted,
      updatedAt: decided ?? submitted,
    });
    // Selected applicants scored high, declined ones lower; two to four reviewers each, now and then a declared conflict.
    const base = { selected: 4, waitlisted: 3, declined: 2, submitted: 3 }[status];
    for (const reviewer of rng.sample(reviewers, status === 'submitted' ? rng.int(0, 2) : rng.int(2, 4))) {
      const conflict = rng.chance(0.04);
      const at = new Date(submitted.getTime() + rng.int(2, 15) * DAY);
      reviews.push({
        applicationId: id,
        reviewerUserId: reviewer,
        scores: conflict ? {} : Object.fromEntries(CRITERIA.map((c) => [c.key, Math.max(0, Math.min(c.maxScore, base + rng.int(-1, 1)))])),
        comment: conflict ? 'I know this applicant from my work; not scoring.' : rng.chance(0.4) ? rng.pick(['Strong lived experience.', 'Would bring the SPA 8 perspective.', 'Limited evening availability.', 'Great answers; follow up on childcare.']) : null,
        conflict,
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  count(ctx, 'boardApplications', await insertAll(tx, boardApplications, apps));
  count(ctx, 'boardReviews', await insertAll(tx, boardReviews, reviews));

  // Members: the selected, seated in two staggered cohorts (seat 1 chairs, seat 2 co-chairs).
  const selected = apps.filter((a) => a.status === 'selected');
  const members: MemberRow[] = selected.map((a, i) => {
    const cohort = i < Math.ceil(selected.length / 2) ? 0 : 1;
    const start = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - (cohort ? 8 : 14), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + plan.termMonths, 0));
    return {
      id: ctx.ids.uuid(),
      boardId,
      applicationId: a.id!,
      name: a.name,
      phone: a.phone,
      email: a.email,
      seat: i + 1,
      role: i === 0 ? 'chair' : i === 1 ? 'co_chair' : 'member',
      termStart: isoDate(start),
      termEnd: isoDate(end),
      status: i === selected.length - 1 && selected.length > 6 ? 'on_leave' : 'active',
      renewals: i === 0 && selected.length > 6 ? 1 : 0,
      createdAt: start,
      updatedAt: start,
    };
  });
  count(ctx, 'boardMembers', await insertAll(tx, boardMembers, members));
  return { boardId, createdBy, created, members };
};

/**
 * Community advisory boards (issue 26): the Reentry Health Advisory Board (68 applications
 * reviewed by several coordinators, 11 members, a charter in two versions, a closed
 * participatory budgeting round) and a smaller maternal health and doula community board.
 */
export const seedBoards = async (tx: Tx, ctx: SeedContext) => {
  const { rng } = ctx;
  const reentryStatuses: Status[] = [...Array(11).fill('selected'), ...Array(10).fill('waitlisted'), ...Array(35).fill('declined'), ...Array(12).fill('submitted')];
  const reentry = await seedBoard(tx, ctx, {
    name: REENTRY_BOARD_NAME,
    program: 'Reentry health',
    purpose: 'People who came home from jail or prison, and their families, advise the reentry health program on care, housing and support after release.',
    seats: 11,
    termMonths: 24,
    meetingCadence: 'Monthly, second Tuesday, 6 pm',
    coordinators: ['Darnell Freeman', 'Veronica Reyes'],
    reviewers: ['Renee Okafor', 'Darnell Freeman', 'Veronica Reyes', 'Jordan Ellis'],
    statuses: rng.sample(reentryStatuses, reentryStatuses.length),
    spas: ['spa2', 'spa4', 'spa6', 'spa6', 'spa7', 'spa8', 'spa8', 'spa3'],
    populations: ['justice_involvement', 'substance_use', 'homelessness', 'mental_health'],
    extraLanguages: ['zh', 'ko', 'vi', 'tl', 'hy', 'km'],
    createdDaysAgo: 500,
  });
  const maternal = await seedBoard(tx, ctx, {
    name: MATERNAL_BOARD_NAME,
    program: 'Maternal health and doula services',
    purpose: 'Parents, doulas and community health workers advise the maternal health program on prenatal and postpartum care.',
    seats: 7,
    termMonths: 12,
    meetingCadence: 'Every other month, first Thursday, 5:30 pm',
    coordinators: ['Maria Lopez'],
    reviewers: ['Renee Okafor', 'Maria Lopez'],
    statuses: ['selected', 'selected', 'waitlisted', 'selected', 'declined', 'selected', 'selected', 'submitted'],
    spas: ['spa6', 'spa7', 'spa8'],
    populations: ['healthy_pregnancy', 'mental_health'],
    extraLanguages: ['tl', 'vi'],
    createdDaysAgo: 420,
  });

  // Charters: the reentry board's in two versions (all members acknowledged v1, most v2); the maternal board's one, all acknowledged.
  const v1 = { id: ctx.ids.uuid(), boardId: reentry.boardId, number: 1, sections: charter(1), createdBy: reentry.createdBy, createdAt: daysFrom(ctx.now, -430) };
  const v2 = { id: ctx.ids.uuid(), boardId: reentry.boardId, number: 2, sections: charter(2), createdBy: reentry.createdBy, createdAt: daysFrom(ctx.now, -60) };
  const m1 = { id: ctx.ids.uuid(), boardId: maternal.boardId, number: 1, sections: { ...charter(1), purpose: 'Advise the maternal health program on prenatal and postpartum care, and doula services.' }, createdBy: maternal.createdBy, createdAt: daysFrom(ctx.now, -380) };
  count(ctx, 'boardCharters', await insertAll(tx, boardCharters, [v1, v2, m1]));
  const ack = (charterId: string, members: MemberRow[], after: Date) =>
    members.map((m) => ({ charterId, memberId: m.id!, acknowledgedAt: new Date(Math.max(after.getTime(), (m.createdAt as Date).getTime()) + rng.int(1, 20) * DAY), recordedBy: reentry.createdBy }));
  const pendingV2 = new Set(rng.sample(reentry.members.slice(2), 3).map((m) => m.id));
  await insertAll(tx, boardCharterAcknowledgements, [
    ...ack(v1.id, reentry.members, v1.createdAt),
    ...ack(v2.id, reentry.members.filter((m) => !pendingV2.has(m.id)), v2.createdAt),
    ...ack(m1.id, maternal.members, m1.createdAt),
  ]);

  // A closed participatory budgeting round: $25,000, ten points a member.
  const roundId = ctx.ids.uuid();
  const opened = daysFrom(ctx.now, -120);
  const closedAt = daysFrom(ctx.now, -90);
  await tx.insert(boardBudgetRounds).values({ id: roundId, boardId: reentry.boardId, title: 'Reentry community health fund 2026', budgetCents: 2_500_000, pointsPerMember: 10, status: 'closed', closedAt, createdBy: reentry.createdBy, createdAt: opened, updatedAt: closedAt, version: 3 });
  const proposals = [
    ['Peer health navigators at release', 'Two part-time navigators with lived experience meet people at release and go with them to their first clinic visit.', 1_200_000],
    ['Bus and Metro passes', 'Monthly TAP passes for members of the program in their first three months home.', 450_000],
    ['Phones for people coming home', 'Prepaid phones with a year of service, so clinics and housing can reach people.', 600_000],
    ['Family reunification circles', 'Monthly circles with a facilitator for families and people coming home.', 500_000],
    ['ID and documents clinic', 'A monthly clinic to replace IDs, birth certificates and Medi-Cal cards.', 300_000],
  ].map(([title, description, costCents], i) => ({ id: ctx.ids.uuid(), roundId, title: title as string, description: description as string, costCents: costCents as number, createdAt: new Date(opened.getTime() + (i + 1) * DAY) }));
  await insertAll(tx, boardBudgetProposals, proposals);
  // Ten of the eleven members voted (the one on leave did not), each spreading their ten points.
  const weights = [5, 3, 4, 2, 3];
  const votes = reentry.members
    .filter((m) => m.status === 'active')
    .map((m) => {
      const points: Record<string, number> = {};
      for (let left = 10; left > 0; left--) {
        const p = rng.weighted(proposals.map((x, i) => [x.id, weights[i]!] as const));
        points[p] = (points[p] ?? 0) + 1;
      }
      const at = new Date(opened.getTime() + rng.int(8, 28) * DAY);
      return { roundId, memberId: m.id!, points, recordedBy: reentry.createdBy, createdAt: at, updatedAt: at };
    });
  await insertAll(tx, boardBudgetVotes, votes);
  count(ctx, 'boards', 2);
};
