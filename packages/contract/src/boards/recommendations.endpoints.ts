import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema } from '../common/ids';
import { ProblemSchema } from '../common/problem';
import {
  CreateImplementationUpdateBodySchema,
  CreateRecommendationBodySchema,
  RecommendationListQuerySchema,
  RecommendationListSchema,
  RecommendationParamsSchema,
  RecommendationSchema,
  UpdateRecommendationBodySchema,
} from './recommendations.schemas';

// The board's recommendations and the health system's answers (issue 26): coordinators and network
// admins write them; the public sees them on GET /api/v1/public/boards/{id} ("you said, we did").
const tags = ['Boards'];
const coordinators = { security: ['session'] } as const;

export const recommendationEndpoints = {
  listRecommendations: defineEndpoint({
    method: 'GET',
    path: '/api/v1/boards/{id}/recommendations',
    operationId: 'listRecommendations',
    summary: "The board's recommendations, overdue responses first",
    description: 'Changes nothing. Overdue (no response after the due date) first, longest overdue first; then newest submitted first.',
    tags,
    ...coordinators,
    params: IdParamsSchema,
    query: RecommendationListQuerySchema,
    responses: { 200: RecommendationListSchema },
  }),
  createRecommendation: defineEndpoint({
    method: 'POST',
    path: '/api/v1/boards/{id}/recommendations',
    operationId: 'createRecommendation',
    location: '/api/v1/boards/{boardId}/recommendations/{id}',
    summary: 'Record a recommendation the board made (status submitted; response due 90 days after by default)',
    description: 'Records the recommendation. `meetingId` and `motionId` must name a meeting and motion of this board (a motion given with its meeting must be of it): 422 reference_not_found otherwise. Audited.',
    problems: ['reference_not_found'],
    tags,
    ...coordinators,
    params: IdParamsSchema,
    body: CreateRecommendationBodySchema,
    responses: { 201: RecommendationSchema, 422: ProblemSchema },
  }),
  getRecommendation: defineEndpoint({
    method: 'GET',
    path: '/api/v1/boards/{id}/recommendations/{recommendationId}',
    operationId: 'getRecommendation',
    concurrency: 'read',
    summary: 'One recommendation with its response, follow-up actions and implementation updates',
    description: 'Changes nothing.',
    tags,
    ...coordinators,
    params: RecommendationParamsSchema,
    responses: { 200: RecommendationSchema },
  }),
  updateRecommendation: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/boards/{id}/recommendations/{recommendationId}',
    operationId: 'updateRecommendation',
    concurrency: 'required',
    summary: "Edit a recommendation or record the health system's response (If-Match or version required)",
    description:
      'Changes the fields given. Status moves submitted → under_review → adopted | partially_adopted | not_adopted → implemented (only adopted or partially adopted become implemented; 409 invalid_transition otherwise). A decision needs `response`; partially_adopted and not_adopted need `rationale` too (400 validation_failed). The first decision records who responded and when. A meeting or motion not of this board: 422 reference_not_found. Takes `If-Match`. Audited.',
    problems: ['invalid_transition', 'reference_not_found'],
    tags,
    ...coordinators,
    params: RecommendationParamsSchema,
    body: UpdateRecommendationBodySchema,
    responses: { 200: RecommendationSchema, 409: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema },
  }),
  addRecommendationUpdate: defineEndpoint({
    method: 'POST',
    path: '/api/v1/boards/{id}/recommendations/{recommendationId}/updates',
    operationId: 'addRecommendationUpdate',
    location: '/api/v1/boards/{boardId}/recommendations/{id}',
    summary: 'Add a dated implementation update with its progress (0..100) to an adopted or partially adopted recommendation',
    description:
      'Appends to the timeline (updates are never edited). Progress may go down (a setback is reported as it is). 409 invalid_transition unless the recommendation is adopted, partially adopted or implemented; the date may not be in the future or before submission (400). Answers the whole recommendation. Audited.',
    problems: ['invalid_transition'],
    tags,
    ...coordinators,
    params: RecommendationParamsSchema,
    body: CreateImplementationUpdateBodySchema,
    responses: { 201: RecommendationSchema, 409: ProblemSchema },
  }),
};
