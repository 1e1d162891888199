import { defineEndpoint } from '../common/endpoint';
import { IdParamsSchema } from '../common/ids';
import { ProblemSchema } from '../common/problem';
import {
  CreateOrganizationBodySchema,
  OrganizationListQuerySchema,
  OrganizationPageSchema,
  OrganizationSchema,
  UpdateOrganizationBodySchema,
} from './schemas';

const write = { security: ['session', 'apiKey'], scope: 'directory:write' } as const;

export const organizationEndpoints = {
  listOrganizations: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations',
    operationId: 'listOrganizations',
    summary: 'List organizations in the network (public directory facts)',
    description: 'Public directory facts about partner organizations, filterable by SPA, type and focus population. Changes nothing.',
    tags: ['Organizations'],
    security: [],
    scope: 'directory:read',
    query: OrganizationListQuerySchema,
    responses: { 200: OrganizationPageSchema, 400: ProblemSchema },
  }),
  getOrganization: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations/{id}',
    operationId: 'getOrganization',
    concurrency: 'read',
    summary: 'One organization',
    description: 'Public facts for everyone; partnership stage, liaison and internal notes only for network staff. Changes nothing.',
    tags: ['Organizations'],
    security: [],
    scope: 'directory:read',
    params: IdParamsSchema,
    responses: { 200: OrganizationSchema, 404: ProblemSchema },
  }),
  createOrganization: defineEndpoint({
    method: 'POST',
    path: '/api/v1/organizations',
    operationId: 'createOrganization',
    location: '/api/v1/organizations/{id}',
    summary: 'Add an organization to the network (network admins)',
    description: 'Adds an organization to the directory (starting at partnership stage `prospect` unless given). Audited.',
    tags: ['Organizations'],
    security: ['session'],
    body: CreateOrganizationBodySchema,
    responses: { 201: OrganizationSchema, 403: ProblemSchema, 409: ProblemSchema },
  }),
  updateOrganization: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/organizations/{id}',
    operationId: 'updateOrganization',
    concurrency: 'required',
    summary: "Edit an organization's directory facts (stage, liaison and internal notes: network staff only)",
    description:
      'Changes the fields given. Partnership stage, liaison and internal notes are for network staff. The stage moves freely between prospect, outreach and assessed (and back from partnered), but never to partnered: that is a person\'s confirmation weighed against evidence, `POST /api/v1/organizations/{id}/partnership/confirm`; a move to partnered here → 409 partnership_confirm_required (sending partnered for an organization already partnered changes nothing). Takes `If-Match`. Audited (GET /history shows it).',
    tags: ['Organizations'],
    ...write,
    params: IdParamsSchema,
    body: UpdateOrganizationBodySchema,
    problems: ['partnership_confirm_required'],
    responses: { 200: OrganizationSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
};
