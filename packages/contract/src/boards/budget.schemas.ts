import { z } from 'zod';
import { IdSchema, TimestampSchema, WriteVersionSchema, text } from '../common/ids';

/** A participatory budgeting round (issue 26): drafted (proposals added), voted on by the board's members, closed (result public). */
export const BUDGET_ROUND_STATUSES = ['draft', 'voting', 'closed'] as const;
export const BudgetRoundStatusSchema = z.enum(BUDGET_ROUND_STATUSES).describe('draft (proposals added) → voting (members vote) → closed (the result is public)');
export type BudgetRoundStatus = (typeof BUDGET_ROUND_STATUSES)[number];
/** The one way through a round's statuses. */
export const BUDGET_ROUND_NEXT: Record<BudgetRoundStatus, BudgetRoundStatus | null> = { draft: 'voting', voting: 'closed', closed: null };

const Cents = z.number().int().min(1).max(1_000_000_000).describe('Amount in cents');

export const BudgetProposalSchema = z
  .object({ id: IdSchema, title: z.string(), description: z.string(), costCents: z.number().int(), createdAt: TimestampSchema })
  .meta({ id: 'BudgetProposal' });
export const BudgetVoteSchema = z
  .object({
    memberId: IdSchema,
    memberName: z.string(),
    points: z.record(z.string(), z.number().int()).describe('Points by proposal id'),
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'BudgetVote' });
export const BudgetRankedProposalSchema = z
  .object({
    proposalId: IdSchema,
    title: z.string(),
    description: z.string(),
    costCents: z.number().int(),
    points: z.number().int(),
    rank: z.number().int(),
    funded: z.boolean(),
    reason: z.enum(['does_not_fit', 'no_points']).nullable().describe('Why a proposal was not funded'),
  })
  .meta({ id: 'BudgetRankedProposal' });
export const BudgetResultSchema = z
  .object({ ranking: z.array(BudgetRankedProposalSchema), spentCents: z.number().int(), remainingCents: z.number().int(), ballots: z.number().int().describe('How many members voted') })
  .meta({ id: 'BudgetResult' });

export const BudgetRoundSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    title: z.string(),
    budgetCents: z.number().int(),
    pointsPerMember: z.number().int().describe("Each member's equal allocation, spread across the proposals"),
    status: BudgetRoundStatusSchema,
    proposals: z.array(BudgetProposalSchema),
    votes: z.array(BudgetVoteSchema),
    result: BudgetResultSchema.nullable().describe('Once closed: the count (participatoryBudgetResult)'),
    closedAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'BudgetRound' });
export type BudgetRoundView = z.infer<typeof BudgetRoundSchema>;
export const BudgetRoundListSchema = z.object({ data: z.array(BudgetRoundSchema) }).meta({ id: 'BudgetRoundList' });

export const CreateBudgetRoundBodySchema = z
  .object({ title: text(200), budgetCents: Cents, pointsPerMember: z.number().int().min(1).max(1000).default(100) })
  .meta({ id: 'CreateBudgetRoundBody', example: { title: 'Community health fund 2027', budgetCents: 2_500_000, pointsPerMember: 100 } });
export const UpdateBudgetRoundBodySchema = z
  .object({ title: text(200), budgetCents: Cents, pointsPerMember: z.number().int().min(1).max(1000), status: BudgetRoundStatusSchema, version: WriteVersionSchema })
  .partial()
  .meta({ id: 'UpdateBudgetRoundBody', description: 'Title, budget and allocation change only in draft; status moves one step: draft → voting (needs a proposal) → closed' });
export const CreateBudgetProposalBodySchema = z
  .object({ title: text(200), description: text(4000), costCents: Cents })
  .meta({ id: 'CreateBudgetProposalBody' });
export const PutBudgetVoteBodySchema = z
  .object({
    points: z.record(IdSchema, z.number().int().min(0).max(1000)).describe('Points by proposal id; their total at most the round’s pointsPerMember'),
    version: WriteVersionSchema,
  })
  .meta({ id: 'PutBudgetVoteBody' });
export const BudgetRoundParamsSchema = z.object({ id: IdSchema, roundId: IdSchema });
export const BudgetVoteParamsSchema = z.object({ id: IdSchema, roundId: IdSchema, memberId: IdSchema });

/** A closed round as the public sees it: proposals and totals, no member data. */
export const PublicBudgetRoundSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    budgetCents: z.number().int(),
    closedAt: TimestampSchema.nullable(),
    result: BudgetResultSchema,
  })
  .meta({ id: 'PublicBudgetRound' });
export const PublicBudgetRoundListSchema = z
  .object({ board: z.object({ id: IdSchema, name: z.string() }), data: z.array(PublicBudgetRoundSchema) })
  .meta({ id: 'PublicBudgetRoundList' });
