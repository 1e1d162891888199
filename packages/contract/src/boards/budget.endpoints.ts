import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema } from '../common/ids';
import { NoQuerySchema } from '../common/pagination';
import { ProblemSchema } from '../common/problem';
import {
  BudgetRoundListSchema,
  BudgetRoundParamsSchema,
  BudgetRoundSchema,
  BudgetVoteParamsSchema,
  BudgetVoteSchema,
  CreateBudgetProposalBodySchema,
  CreateBudgetRoundBodySchema,
  PublicBudgetRoundListSchema,
  PutBudgetVoteBodySchema,
  UpdateBudgetRoundBodySchema,
} from './budget.schemas';

// Participatory budgeting (issue 26): the board's coordinators run a round and record members'
// votes; once closed, the result (proposals and totals, no member data) is public.
const tags = ['Boards'];
const coordinators = { security: ['session'] } as const;

export const boardBudgetEndpoints = {
  listBudgetRounds: defineEndpoint({
    method: 'GET',
    path: '/api/v1/boards/{id}/budget-rounds',
    operationId: 'listBudgetRounds',
    summary: "The board's participatory budgeting rounds, newest first",
    description: 'Changes nothing.',
    tags,
    ...coordinators,
    params: IdParamsSchema,
    query: NoQuerySchema,
    responses: { 200: BudgetRoundListSchema },
  }),
  createBudgetRound: defineEndpoint({
    method: 'POST',
    path: '/api/v1/boards/{id}/budget-rounds',
    operationId: 'createBudgetRound',
    location: '/api/v1/boards/{boardId}/budget-rounds/{id}',
    summary: 'Start a participatory budgeting round (in draft): the amount in cents and each member’s equal allocation of points',
    description: 'Records the round. Audited.',
    tags,
    ...coordinators,
    params: IdParamsSchema,
    body: CreateBudgetRoundBodySchema,
    responses: { 201: BudgetRoundSchema },
  }),
  getBudgetRound: defineEndpoint({
    method: 'GET',
    path: '/api/v1/boards/{id}/budget-rounds/{roundId}',
    operationId: 'getBudgetRound',
    concurrency: 'read',
    summary: 'One round: proposals, votes, and once closed the result',
    description: 'Changes nothing.',
    tags,
    ...coordinators,
    params: BudgetRoundParamsSchema,
    responses: { 200: BudgetRoundSchema },
  }),
  updateBudgetRound: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/boards/{id}/budget-rounds/{roundId}',
    operationId: 'updateBudgetRound',
    concurrency: 'required',
    summary: 'Edit a draft round, or move it on: draft → voting → closed (If-Match or version required)',
    description:
      'Title, budget and allocation change only in draft; status moves one step at a time, and voting needs at least one proposal (409 invalid_transition otherwise). Closing counts the votes. Takes `If-Match`. Audited.',
    problems: ['invalid_transition'],
    tags,
    ...coordinators,
    params: BudgetRoundParamsSchema,
    body: UpdateBudgetRoundBodySchema,
    responses: { 200: BudgetRoundSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
  createBudgetProposal: defineEndpoint({
    method: 'POST',
    path: '/api/v1/boards/{id}/budget-rounds/{roundId}/proposals',
    operationId: 'createBudgetProposal',
    location: '/api/v1/boards/{boardId}/budget-rounds/{id}',
    summary: 'Add a proposal to a draft round: title, description, cost in cents (answers the round, where the proposal lives)',
    description: 'Adds the proposal; 409 invalid_transition once voting has started. Audited.',
    problems: ['invalid_transition'],
    tags,
    ...coordinators,
    params: BudgetRoundParamsSchema,
    body: CreateBudgetProposalBodySchema,
    responses: { 201: BudgetRoundSchema, 409: ProblemSchema },
  }),
  putBudgetVote: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/boards/{id}/budget-rounds/{roundId}/votes/{memberId}',
    operationId: 'putBudgetVote',
    concurrency: 'optional',
    summary: "Record a member's vote: points across the round's proposals, in total at most the member's allocation",
    description:
      "Writes the member's vote (replacing an earlier one; with `version` or If-Match of it, it must not have changed). Only while voting (409 invalid_transition), only a current member of the board (422 reference_not_found), only the round's proposals, and at most pointsPerMember in total (400 validation_failed). Audited.",
    problems: ['invalid_transition', 'reference_not_found'],
    tags,
    ...coordinators,
    params: BudgetVoteParamsSchema,
    body: PutBudgetVoteBodySchema,
    responses: { 200: BudgetVoteSchema, 409: ProblemSchema, 422: ProblemSchema },
  }),
  listPublicBudgetRounds: defineEndpoint({
    method: 'GET',
    path: '/api/v1/public/boards/{id}/budget-rounds',
    operationId: 'listPublicBudgetRounds',
    summary: "A board's closed participatory budgeting rounds: proposals, totals, funded or not (no member data, no sign-in)",
    description: 'Changes nothing. A board in draft has no public page (404).',
    tags,
    security: [],
    params: IdParamsSchema,
    query: NoQuerySchema,
    responses: { 200: PublicBudgetRoundListSchema },
  }),
};
