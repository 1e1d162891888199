import { z } from 'zod';
import { FocusPopulationSchema, LanguageSchema, LocaleSchema, SpaSchema } from '../common/enums';
import { DateSchema, EmailSchema, IdSchema, PhoneSchema, TimestampSchema, WriteVersionSchema, optionalText, text } from '../common/ids';
import { pageOf, PageQuerySchema } from '../common/pagination';
import {
  AccessibilityNeedSchema,
  ApplicationDecisionSchema,
  ApplicationStatusSchema,
  BoardStatusSchema,
  CHARTER_SECTIONS,
  ExitReasonSchema,
  MemberRoleSchema,
  MemberStatusSchema,
  StipendMethodSchema,
} from './enums';
import { QuorumRuleSchema } from './meetings.schemas';

const distinct = <T>(xs: T[]) => new Set(xs).size === xs.length;
const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _');

/** Text in both of the product's languages: the public page shows the applicant's. */
export const BilingualTextSchema = z.object({ en: text(1000), es: text(1000) }).meta({ id: 'BilingualText' });

export const BoardQuestionSchema = z
  .object({ key: Key, prompt: BilingualTextSchema, required: z.boolean().default(false) })
  .meta({ id: 'BoardQuestion', description: "One of the board's own questions on its application form" });
export const BoardCriterionSchema = z
  .object({ key: Key, label: text(200), maxScore: z.number().int().min(1).max(10).default(5) })
  .meta({ id: 'BoardCriterion', description: 'One line of the review rubric: reviewers score each application 0..maxScore on it' });

export const BoardSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    program: z.string().describe('The program the board advises'),
    purpose: z.string(),
    seats: z.number().int(),
    termMonths: z.number().int().describe('Term length in months'),
    meetingCadence: z.string().describe('e.g. "Monthly, second Tuesday, 6 pm"'),
    status: BoardStatusSchema,
    questions: z.array(BoardQuestionSchema),
    criteria: z.array(BoardCriterionSchema),
    coordinators: z.array(z.object({ id: IdSchema, name: z.string() })).describe('Users named as coordinators of this board (besides every board_coordinator)'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Board' });
export type Board = z.infer<typeof BoardSchema>;
export const BoardPageSchema = pageOf(BoardSchema);

const boardFields = {
  name: text(200),
  program: text(200),
  purpose: text(4000),
  seats: z.number().int().min(1).max(100),
  termMonths: z.number().int().min(1).max(120),
  meetingCadence: text(300),
  status: BoardStatusSchema,
  questions: z.array(BoardQuestionSchema).max(20).refine((q) => distinct(q.map((x) => x.key)), 'Each question key once'),
  criteria: z.array(BoardCriterionSchema).max(20).refine((c) => distinct(c.map((x) => x.key)), 'Each criterion key once'),
  coordinatorUserIds: z.array(IdSchema).max(50).refine(distinct, 'Each user once').describe('Users who coordinate this board (replaces the list)'),
};
export const CreateBoardBodySchema = z
  .object({ ...boardFields, status: BoardStatusSchema.default('draft'), questions: boardFields.questions.default([]), criteria: boardFields.criteria.default([]), coordinatorUserIds: boardFields.coordinatorUserIds.default([]) })
  .meta({
    id: 'CreateBoardBody',
    example: { name: 'Reentry Community Advisory Board', program: 'Reentry', purpose: 'Advise the reentry program', seats: 11, termMonths: 24, meetingCadence: 'Monthly', criteria: [{ key: 'lived_experience', label: 'Lived experience', maxScore: 5 }] },
  });
export const UpdateBoardBodySchema = z.object({ ...boardFields, version: WriteVersionSchema }).partial().meta({ id: 'UpdateBoardBody' });
export const BoardListQuerySchema = PageQuerySchema.extend({ status: BoardStatusSchema.optional() });

// ---- Charter ---------------------------------------------------------------------------------
export const CharterSectionsSchema = z.object(Object.fromEntries(CHARTER_SECTIONS.map((s) => [s, z.string().trim().min(1).max(8000)])) as Record<(typeof CHARTER_SECTIONS)[number], z.ZodString>).meta({ id: 'CharterSections' });
export const CharterSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    number: z.number().int().describe('Charter version number, 1 upwards; the highest is in force'),
    sections: CharterSectionsSchema,
    quorumRule: QuorumRuleSchema.nullable().describe('The structured quorum rule meetings are counted by (the quorum section explains it); null on versions written before rules were structured'),
    createdAt: TimestampSchema,
    acknowledgements: z.array(z.object({ memberId: IdSchema, acknowledgedAt: TimestampSchema })),
    pendingMemberIds: z.array(IdSchema).describe('Active members who have not acknowledged this version (only meaningful on the current version)'),
  })
  .meta({ id: 'Charter' });
export const CharterListSchema = z.object({ data: z.array(CharterSchema) });
export const CreateCharterBodySchema = z.object({ sections: CharterSectionsSchema, quorumRule: QuorumRuleSchema.nullish().describe('Structured quorum rule; none: a majority of the seated members') }).meta({ id: 'CreateCharterBody' });
export const AcknowledgeCharterBodySchema = z.object({ memberId: IdSchema }).meta({ id: 'AcknowledgeCharterBody' });

// ---- Public application ----------------------------------------------------------------------
export const PublicBoardSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    program: z.string(),
    purpose: z.string(),
    seats: z.number().int(),
    termMonths: z.number().int(),
    meetingCadence: z.string(),
    questions: z.array(BoardQuestionSchema),
    minimumFillSeconds: z.number().int().describe('An application sent sooner than this after its form was started is refused (422 form_too_fast)'),
  })
  .meta({ id: 'PublicBoard' });
export const ApplicationFormSchema = z
  .object({ formToken: z.string(), issuedAt: TimestampSchema, minimumFillSeconds: z.number().int() })
  .meta({ id: 'ApplicationForm', description: 'Send formToken back with the application (once)' });

export const ApplicantContactSchema = z.object({
  name: text(200),
  phone: PhoneSchema.nullish(),
  email: EmailSchema.nullish(),
});
export const SubmitApplicationBodySchema = z
  .object({
    formToken: z.string().min(10).max(200),
    /** Honeypot: hidden from people; a form that fills it is a bot's. */
    website: z.string().max(500).optional().describe('Leave empty (a field people do not see)'),
    locale: LocaleSchema.default('en').describe('The language the applicant wrote in; the decision message uses it'),
    ...ApplicantContactSchema.shape,
    zip: z.string().trim().regex(/^\d{5}$/).nullish(),
    spa: SpaSchema.nullish(),
    populations: z.array(FocusPopulationSchema).max(7).default([]).describe('Lived-experience areas'),
    languages: z.array(LanguageSchema).min(1).max(13),
    availability: optionalText(1000),
    accessibilityNeeds: z.array(AccessibilityNeedSchema).max(4).default([]),
    accessibilityNotes: optionalText(1000),
    stipendMethod: StipendMethodSchema.nullish(),
    answers: z.record(Key, z.string().trim().max(4000)).default({}),
  })
  .refine((b) => !!b.phone || !!b.email, { message: 'A phone number or an email (either is enough)', path: ['phone'] })
  .meta({ id: 'SubmitApplicationBody' });
export const ApplicationReceiptSchema = z
  .object({ reference: z.string().describe('Quote it when you call the coordinator') })
  .meta({ id: 'ApplicationReceipt' });

// ---- Review ----------------------------------------------------------------------------------
export const ReviewSchema = z
  .object({
    reviewerUserId: IdSchema,
    reviewerName: z.string().nullable(),
    scores: z.record(z.string(), z.number().int()),
    comment: z.string().nullable(),
    conflict: z.boolean().describe('Declared a conflict of interest: the scores do not count'),
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Review' });
export const PutReviewBodySchema = z
  .object({
    scores: z.record(Key, z.number().int().min(0).max(10)).default({}),
    comment: optionalText(4000),
    conflict: z.boolean().default(false),
    version: WriteVersionSchema,
  })
  .meta({ id: 'PutReviewBody' });

const applicationCore = {
  id: IdSchema,
  boardId: IdSchema,
  reference: z.string(),
  status: ApplicationStatusSchema,
  locale: LocaleSchema,
  spa: SpaSchema.nullable(),
  populations: z.array(FocusPopulationSchema),
  languages: z.array(LanguageSchema),
  createdAt: TimestampSchema,
  version: z.number().int(),
};
/** A row of the ranked view: scores beside what the diversity columns need; contact details too (coordinators only). */
export const RankedApplicationSchema = z
  .object({
    ...applicationCore,
    name: z.string(),
    averageScore: z.number().nullable().describe('Mean of the counted reviews’ total scores (conflicts excluded); null before any'),
    reviewCount: z.number().int(),
    conflictCount: z.number().int(),
    rank: z.number().int(),
  })
  .meta({ id: 'RankedApplication' });
const countOf = z.record(z.string(), z.number().int());
export const RankedApplicationsSchema = z
  .object({
    data: z.array(RankedApplicationSchema),
    diversity: z.object({ spa: countOf, populations: countOf, languages: countOf }).describe('How many applications (and how many selected) name each SPA, population, language'),
    selectedDiversity: z.object({ spa: countOf, populations: countOf, languages: countOf }),
  })
  .meta({ id: 'RankedApplications' });
export const RankedApplicationsQuerySchema = z.strictObject({ status: ApplicationStatusSchema.optional() });

export const ApplicationSchema = z
  .object({
    ...applicationCore,
    ...{ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() },
    zip: z.string().nullable(),
    availability: z.string().nullable(),
    accessibilityNeeds: z.array(AccessibilityNeedSchema),
    accessibilityNotes: z.string().nullable(),
    stipendMethod: StipendMethodSchema.nullable(),
    answers: z.record(z.string(), z.string()),
    reviews: z.array(ReviewSchema),
    decisionMessage: z.string().nullable().describe("The message to the applicant, in their language; print it for an applicant without email"),
    decidedAt: TimestampSchema.nullable(),
    memberId: IdSchema.nullable().describe('The member this applicant became'),
  })
  .meta({ id: 'Application' });
export const DecideApplicationBodySchema = z
  .object({
    decision: ApplicationDecisionSchema,
    message: optionalText(4000).describe("Message to the applicant in their language; a standard one in their language when omitted"),
    version: WriteVersionSchema,
  })
  .meta({ id: 'DecideApplicationBody' });
export const ApplicationParamsSchema = z.object({ id: IdSchema, applicationId: IdSchema });

// ---- Members ---------------------------------------------------------------------------------
export const BoardMemberSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    applicationId: IdSchema.nullable(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    seat: z.number().int().nullable(),
    role: MemberRoleSchema,
    termStart: DateSchema,
    termEnd: DateSchema,
    status: MemberStatusSchema,
    renewals: z.number().int(),
    exitReason: ExitReasonSchema.nullable(),
    acknowledgedCurrentCharter: z.boolean().describe('Acknowledged the charter version in force (false when there is none)'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'BoardMember' });
export const BoardMemberListSchema = z.object({ data: z.array(BoardMemberSchema) });
const datesInOrder = (m: { termStart?: string; termEnd?: string }) => !m.termStart || !m.termEnd || m.termStart <= m.termEnd;
export const CreateBoardMemberBodySchema = z
  .object({
    applicationId: IdSchema.describe('A selected application of this board'),
    seat: z.number().int().min(1).max(100).nullish(),
    role: MemberRoleSchema.default('member'),
    termStart: DateSchema,
    termEnd: DateSchema.optional().describe("Defaults to termStart + the board's term length"),
  })
  .refine(datesInOrder, { message: 'termStart must not be after termEnd', path: ['termEnd'] })
  .meta({ id: 'CreateBoardMemberBody' });
export const UpdateBoardMemberBodySchema = z
  .object({
    seat: z.number().int().min(1).max(100).nullable(),
    role: MemberRoleSchema,
    termEnd: DateSchema,
    status: MemberStatusSchema,
    renewals: z.number().int().min(0).max(20),
    exitReason: ExitReasonSchema.nullable(),
    version: WriteVersionSchema,
  })
  .partial()
  .meta({ id: 'UpdateBoardMemberBody' });
export const BoardMemberParamsSchema = z.object({ id: IdSchema, memberId: IdSchema });
export const CharterParamsSchema = z.object({ id: IdSchema, charterId: IdSchema });
