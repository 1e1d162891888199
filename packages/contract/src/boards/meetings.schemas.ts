import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, WriteVersionSchema, optionalText, text } from '../common/ids';
import { ATTENDANCE_STATUSES } from './quorum';
import { MOTION_DECISIONS, RECORDED_VOTE_CHOICES } from './votes';

const distinct = <T>(xs: T[]) => new Set(xs).size === xs.length;

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES).describe('present and remote count toward quorum and may vote; excused and absent do not');
export const MEETING_SUPPORTS = ['interpretation', 'childcare', 'meals', 'transport'] as const;
export const MeetingSupportKindSchema = z.enum(MEETING_SUPPORTS);
export const MotionDecisionSchema = z.enum(MOTION_DECISIONS);
export const VoteChoiceSchema = z.enum(RECORDED_VOTE_CHOICES).describe('consensus: agree | stand_aside | block; majority: yes | no | abstain');

/** The charter's structured quorum rule, beside its quorum text (which explains it). */
export const QUORUM_KINDS = ['majority_of_seated_members', 'fraction', 'count'] as const;
export const QuorumRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('majority_of_seated_members'), value: z.null().optional() }),
    z.object({ kind: z.literal('fraction'), value: z.number().gt(0).max(1).describe('Share of the seated members, e.g. 0.5') }),
    z.object({ kind: z.literal('count'), value: z.number().int().min(1).max(100).describe('Members present') }),
  ])
  .meta({ id: 'QuorumRule', description: 'majority_of_seated_members (more than half), a fraction of the seated members (rounded up), or a head count' });

const HttpsUrl = z.url({ protocol: /^https$/ }).max(2000).describe('https only');
export const MeetingMaterialSchema = z.object({ title: text(200), url: HttpsUrl }).meta({ id: 'MeetingMaterial' });
export const MeetingSupportSchema = z
  .object({ kind: MeetingSupportKindSchema, memberId: IdSchema.nullish().describe('The member it was for; none: for the whole meeting'), note: optionalText(500) })
  .meta({ id: 'MeetingSupport' });

export const QuorumSchema = z
  .object({
    met: z.boolean(),
    present: z.number().int().describe('Present or remote'),
    needed: z.number().int(),
    seated: z.number().int().describe('Members on the attendance list'),
    rule: QuorumRuleSchema.nullable().describe("The rule of the charter version in force at the meeting's date (null: none structured; a majority of the seated members applies)"),
    charterNumber: z.number().int().nullable(),
  })
  .meta({ id: 'MeetingQuorum' });

export const MeetingSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    startsAt: TimestampSchema,
    endsAt: TimestampSchema.nullable(),
    place: z.string().nullable(),
    virtualUrl: z.string().nullable(),
    agenda: z.string(),
    materials: z.array(MeetingMaterialSchema),
    minutes: z.string().nullable(),
    status: MeetingStatusSchema,
    supports: z.array(z.object({ kind: MeetingSupportKindSchema, memberId: IdSchema.nullable(), note: z.string().nullable() })),
    attendance: z.array(z.object({ memberId: IdSchema, memberName: z.string(), status: AttendanceStatusSchema })),
    quorum: QuorumSchema,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Meeting' });
export const MeetingListSchema = z.object({ data: z.array(MeetingSchema) });
export const MeetingListQuerySchema = z.strictObject({ status: MeetingStatusSchema.optional() });

const meetingFields = {
  startsAt: TimestampSchema,
  endsAt: TimestampSchema.nullish(),
  place: optionalText(500),
  virtualUrl: HttpsUrl.nullish(),
  agenda: z.string().trim().max(8000),
  materials: z.array(MeetingMaterialSchema).max(50),
  minutes: optionalText(20000),
  status: MeetingStatusSchema,
  supports: z.array(MeetingSupportSchema).max(200),
};
const endsAfterStart = (m: { startsAt?: string; endsAt?: string | null }) => !m.startsAt || !m.endsAt || new Date(m.startsAt) <= new Date(m.endsAt);
export const CreateMeetingBodySchema = z
  .object({ ...meetingFields, agenda: meetingFields.agenda.default(''), materials: meetingFields.materials.default([]), status: MeetingStatusSchema.default('scheduled'), supports: meetingFields.supports.default([]) })
  .refine((m) => !!m.place || !!m.virtualUrl, { message: 'A place or a virtual link (either is enough)', path: ['place'] })
  .refine(endsAfterStart, { message: 'endsAt must not be before startsAt', path: ['endsAt'] })
  .meta({ id: 'CreateMeetingBody', example: { startsAt: '2026-03-10T18:00:00-07:00', place: 'Community room, 1200 N State St', agenda: 'Welcome; reentry housing update', materials: [{ title: 'Housing slides', url: 'https://example.org/slides.pdf' }] } });
export const UpdateMeetingBodySchema = z
  .object({ ...meetingFields, version: WriteVersionSchema })
  .partial()
  .refine(endsAfterStart, { message: 'endsAt must not be before startsAt', path: ['endsAt'] })
  .meta({ id: 'UpdateMeetingBody' });
export const PutAttendanceBodySchema = z
  .object({
    attendance: z
      .array(z.object({ memberId: IdSchema, status: AttendanceStatusSchema }))
      .max(200)
      .refine((a) => distinct(a.map((x) => x.memberId)), 'Each member once')
      .describe('The whole list: one row per current member (not ended)'),
    version: WriteVersionSchema.optional(),
  })
  .meta({ id: 'PutAttendanceBody' });
export const MeetingParamsSchema = z.object({ id: IdSchema, meetingId: IdSchema });

// ---- Motions ---------------------------------------------------------------------------------
const count = z.number().int();
export const MotionSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    meetingId: IdSchema,
    meetingStartsAt: TimestampSchema,
    title: z.string(),
    text: z.string().nullable(),
    decision: MotionDecisionSchema,
    votes: z.array(z.object({ memberId: IdSchema, choice: VoteChoiceSchema })),
    outcome: z.enum(['carried', 'failed', 'blocked', 'no_quorum']).describe('Computed from the votes, the attendance and the quorum rule'),
    counts: z.object({ present: count, quorumNeeded: count, agree: count, oppose: count, abstain: count, stand_aside: count, block: count, notVoted: count }).describe('agree/oppose count yes/no under majority'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Motion' });
export const MotionListSchema = z.object({ data: z.array(MotionSchema) });
export const CreateMotionBodySchema = z.object({ title: text(300), text: optionalText(8000), decision: MotionDecisionSchema }).meta({ id: 'CreateMotionBody' });
export const PutVotesBodySchema = z
  .object({
    votes: z
      .array(z.object({ memberId: IdSchema, choice: VoteChoiceSchema }))
      .max(200)
      .refine((v) => distinct(v.map((x) => x.memberId)), 'One vote per member')
      .describe('The whole list of votes cast (replaces it)'),
    version: WriteVersionSchema.optional(),
  })
  .meta({ id: 'PutVotesBody' });
export const MotionParamsSchema = z.object({ id: IdSchema, meetingId: IdSchema, motionId: IdSchema });

// ---- Trainings -------------------------------------------------------------------------------
export const TrainingSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    topic: z.string(),
    trainer: z.string(),
    date: DateSchema,
    attendance: z.array(z.object({ memberId: IdSchema, memberName: z.string(), attended: z.boolean() })),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Training' });
export const TrainingListSchema = z.object({ data: z.array(TrainingSchema) });
const TrainingAttendanceSchema = z
  .array(z.object({ memberId: IdSchema, attended: z.boolean() }))
  .max(200)
  .refine((a) => distinct(a.map((x) => x.memberId)), 'Each member once')
  .describe('Members offered the training and whether they attended (replaces the list)');
export const CreateTrainingBodySchema = z
  .object({ topic: text(300), trainer: text(200), date: DateSchema, attendance: TrainingAttendanceSchema.default([]) })
  .meta({ id: 'CreateTrainingBody', example: { topic: 'Reading a hospital budget', trainer: 'Finance office', date: '2026-02-21' } });
export const UpdateTrainingBodySchema = z
  .object({ topic: text(300), trainer: text(200), date: DateSchema, attendance: TrainingAttendanceSchema, version: WriteVersionSchema })
  .partial()
  .meta({ id: 'UpdateTrainingBody' });
export const TrainingParamsSchema = z.object({ id: IdSchema, trainingId: IdSchema });

// ---- Satisfaction checks ---------------------------------------------------------------------
const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'A quarter as 2026-Q1');
const Rating = z.number().int().min(1).max(5);
export const SatisfactionResponseSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    memberId: IdSchema,
    meetingId: IdSchema.nullable(),
    quarter: QuarterSchema.describe('The quarter it counts in (of the meeting, or the one named)'),
    date: DateSchema.describe("The meeting's date, or the quarter's first day"),
    heard: Rating,
    used: Rating,
    comment: z.string().nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'SatisfactionResponse' });
export const CreateSatisfactionBodySchema = z
  .object({
    memberId: IdSchema,
    meetingId: IdSchema.nullish().describe('After this meeting (one response per member and meeting)'),
    quarter: QuarterSchema.nullish().describe('Or for this quarter (one per member and quarter)'),
    heard: Rating.describe('Was my input heard? 1–5'),
    used: Rating.describe('Was my input used? 1–5'),
    comment: optionalText(2000),
  })
  .refine((b) => !b.meetingId !== !b.quarter, { message: 'A meeting or a quarter (one of them)', path: ['meetingId'] })
  .meta({ id: 'CreateSatisfactionBody' });
export const SatisfactionParamsSchema = z.object({ id: IdSchema, responseId: IdSchema });
export const SatisfactionSummaryQuerySchema = z.strictObject({ from: DateSchema.optional(), to: DateSchema.optional() });
export const SatisfactionSummarySchema = z
  .object({
    data: z.array(z.object({ quarter: z.string(), responses: count, heardAverage: z.number(), usedAverage: z.number() })).describe('Per quarter, oldest first; quarters without responses are left out'),
    overall: z.object({ responses: count, heardAverage: z.number().nullable(), usedAverage: z.number().nullable() }),
  })
  .meta({ id: 'SatisfactionSummary' });
