import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, WriteVersionSchema, optionalText, text } from '../common/ids';
import { RecommendationStatusSchema } from './recommendations';
import { PublicBoardSchema } from './schemas';

// ---- Recommendations: the feedback loop (issue 26) --------------------------------------------

export const FollowUpActionSchema = z
  .object({
    text: text(1000),
    owner: optionalText(200).describe('Who does it (a person or a team, as text)'),
    due: DateSchema.nullish(),
    done: z.boolean().default(false),
  })
  .meta({ id: 'FollowUpAction', description: 'A follow-up action the health system committed to' });

export const ImplementationUpdateSchema = z
  .object({
    id: IdSchema,
    date: DateSchema.describe('The day the update describes'),
    text: z.string(),
    progress: z.number().int().min(0).max(100).describe('Implementation progress in percent, 0..100'),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'ImplementationUpdate' });

export const RecommendationSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    title: z.string(),
    text: z.string(),
    topic: z.string(),
    meetingId: IdSchema.nullable().describe('The meeting it came from'),
    motionId: IdSchema.nullable().describe('The motion that adopted it'),
    submittedOn: DateSchema,
    addressedTo: z.string().describe('The program or leader it is addressed to'),
    responseDue: DateSchema.describe('Default: 90 days after submittedOn'),
    status: RecommendationStatusSchema,
    response: z.string().nullable().describe("The health system's response: what was decided"),
    rationale: z.string().nullable().describe('Why (required for partially_adopted and not_adopted)'),
    respondedBy: z.object({ id: IdSchema, name: z.string() }).nullable().describe('Who recorded the response (set by the server)'),
    respondedAt: TimestampSchema.nullable().describe('When the response was first recorded (set by the server)'),
    answeredOnTime: z.boolean().describe('Responded on or before responseDue'),
    overdue: z.boolean().describe('No response yet and responseDue has passed'),
    followUps: z.array(FollowUpActionSchema),
    updates: z.array(ImplementationUpdateSchema).describe('Implementation updates, oldest first'),
    progress: z.number().int().nullable().describe('The latest update’s progress; null before any'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Recommendation' });

export const RecommendationListSchema = z
  .object({
    data: z.array(RecommendationSchema).describe('Overdue first (longest overdue first), then newest submitted first'),
    overdueCount: z.number().int(),
  })
  .meta({ id: 'RecommendationList' });
export const RecommendationListQuerySchema = z.strictObject({ status: RecommendationStatusSchema.optional() });

const recommendationFields = {
  title: text(300),
  text: text(8000),
  topic: text(200),
  meetingId: IdSchema.nullish(),
  motionId: IdSchema.nullish(),
  addressedTo: text(300),
  followUps: z.array(FollowUpActionSchema).max(50),
};
export const CreateRecommendationBodySchema = z
  .object({
    ...recommendationFields,
    followUps: recommendationFields.followUps.default([]),
    submittedOn: DateSchema.optional().describe('Defaults to today'),
    responseDue: DateSchema.optional().describe('Defaults to 90 days after submittedOn'),
  })
  .refine((b) => !b.submittedOn || !b.responseDue || b.submittedOn <= b.responseDue, {
    message: 'responseDue must not be before submittedOn',
    path: ['responseDue'],
  })
  .meta({
    id: 'CreateRecommendationBody',
    example: {
      title: 'Peer navigators at release',
      text: 'Every person leaving jail meets a peer navigator before release.',
      topic: 'Care coordination',
      addressedTo: 'Director, Reentry Health Program',
      submittedOn: '2026-03-10',
    },
  });

export const UpdateRecommendationBodySchema = z
  .object({
    ...recommendationFields,
    submittedOn: DateSchema,
    responseDue: DateSchema,
    status: RecommendationStatusSchema,
    response: optionalText(8000),
    rationale: optionalText(8000),
    version: WriteVersionSchema,
  })
  .partial()
  .meta({
    id: 'UpdateRecommendationBody',
    description:
      'A response: status adopted | partially_adopted | not_adopted with `response` (and `rationale`, required for partially or not adopted). Who responded and when are set by the server.',
  });

export const CreateImplementationUpdateBodySchema = z
  .object({
    date: DateSchema.optional().describe('Defaults to today; not in the future, not before submission'),
    text: text(4000),
    progress: z.number().int().min(0).max(100),
  })
  .meta({ id: 'CreateImplementationUpdateBody' });

export const RecommendationParamsSchema = z.object({ id: IdSchema, recommendationId: IdSchema });

// ---- The public "you said, we did" page -------------------------------------------------------

export const PublicRecommendationSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    text: z.string(),
    topic: z.string(),
    addressedTo: z.string(),
    status: RecommendationStatusSchema,
    submittedOn: DateSchema,
    responseDue: DateSchema,
    respondedOn: DateSchema.nullable().describe('The day the health system responded'),
    answeredOnTime: z.boolean(),
    overdue: z.boolean(),
    response: z.string().nullable().describe('What was decided'),
    rationale: z.string().nullable().describe('Why'),
    progress: z.number().int().nullable(),
    updates: z.array(z.object({ date: DateSchema, text: z.string(), progress: z.number().int() })).describe('What was done, oldest first'),
  })
  .meta({ id: 'PublicRecommendation', description: 'No member’s personal data, and nobody’s name' });

export const BoardFiguresSchema = z
  .object({
    recommendationsMade: z.number().int(),
    answered: z.number().int(),
    answeredOnTime: z.number().int(),
    overdue: z.number().int(),
    adopted: z.number().int().describe('Adopted in full or in part (implemented ones included)'),
    notAdopted: z.number().int(),
    implemented: z.number().int(),
    membersSeated: z.number().int().describe('Every member ever seated'),
    membersRetained: z.number().int().describe('Members serving (active or on leave) or who completed their term'),
    memberRetention: z.number().nullable().describe('membersRetained / membersSeated, 0..1; null with no members'),
    meetingsHeld: z.number().int().min(0).describe('Meetings of the board with status held (scheduled and cancelled ones do not count)'),
    attendanceRate: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe(
        'Of the attendance rows of held meetings (one per member on the attendance list), the share present or remote (excused and absent count against), 0..1 rounded to 3 places; null when no held meeting has attendance recorded',
      ),
  })
  .meta({ id: 'BoardFigures' });

export const PublicBoardPageSchema = PublicBoardSchema.extend({
  acceptingApplications: z.boolean().describe('The board is recruiting: its application form is open'),
  figures: BoardFiguresSchema,
  recommendations: z.array(PublicRecommendationSchema).describe('"You said, we did": overdue first, then newest submitted first'),
}).meta({ id: 'PublicBoardPage' });
