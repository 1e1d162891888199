import { defineEndpoint } from '../common/endpoint';
import { z } from 'zod';
import { IdParamsSchema } from '../common/ids';
import { MeResponseSchema } from '../auth/schemas';
import { ProblemSchema } from '../common/problem';
import {
  InvitationResultSchema,
  MyInvitationSchema,
  InviteMemberBodySchema,
  ColleaguePageSchema,
  MemberPageSchema,
  MemberParamsSchema,
  MemberSchema,
  UpdateMemberBodySchema,
  UserListQuerySchema,
  UserPageSchema,
  UserParamsSchema,
  UserWithMembershipsSchema,
} from './schemas';
import { NoQuerySchema, PageQuerySchema } from '../common/pagination';

export const memberEndpoints = {
  listMembers: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations/{id}/members',
    operationId: 'listMembers',
    summary: "List an organization's members (its org admins, network admins)",
    description: 'Members with role, status and last sign-in, and open invitations. Changes nothing.',
    tags: ['Members'],
    security: ['session'],
    params: IdParamsSchema,
    query: PageQuerySchema,
    responses: { 200: MemberPageSchema },
  }),
  listColleagues: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations/{id}/colleagues',
    operationId: 'listColleagues',
    summary: "List an organization's active members by name, for its own members and API keys (e.g. to assign a referral)",
    description: "Names and ids of the organization's active members, e.g. to pick an assignee. Changes nothing.",
    tags: ['Members'],
    security: ['session', 'apiKey'],
    scope: 'directory:read',
    params: IdParamsSchema,
    query: PageQuerySchema,
    responses: { 200: ColleaguePageSchema, 403: ProblemSchema, 404: ProblemSchema },
  }),
  inviteMember: defineEndpoint({
    method: 'POST',
    path: '/api/v1/organizations/{id}/members',
    operationId: 'inviteMember',
    location: '/api/v1/organizations/{params.id}/members/{member.userId}',
    summary: 'Invite a member; a new email gets an invitation link to set a password',
    problems: ['role_not_grantable', 'already_exists'],
    description:
      'Adds the person as a member, or sends an invitation to a new email. Audited. ' +
      'Org admins grant staff and org_admin in their own organization; only network admins grant collaboration_team, board_coordinator and network_admin, and only in the organization that runs the network (403 role_not_grantable). A person who already has an account becomes a member only when they accept (POST /api/v1/me/invitations/{id}/accept): until then the result has status invited and they are not listed as a member.',
    tags: ['Members'],
    security: ['session'],
    params: IdParamsSchema,
    body: InviteMemberBodySchema,
    responses: { 201: InvitationResultSchema, 403: ProblemSchema, 409: ProblemSchema },
  }),
  getMember: defineEndpoint({
    method: 'GET',
    path: '/api/v1/organizations/{id}/members/{userId}',
    operationId: 'getMember',
    summary: 'One member of an organization, or a person with an open invitation to it',
    description:
      'The member as listMembers shows them, where inviteMember says they live: a member, or a person invited who has not accepted yet (status invited, the role they were invited to). Anyone else is the 404 of an unknown id. Changes nothing.',
    tags: ['Members'],
    security: ['session'],
    params: MemberParamsSchema,
    query: NoQuerySchema,
    responses: { 200: MemberSchema, 403: ProblemSchema, 404: ProblemSchema },
  }),
  updateMember: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/organizations/{id}/members/{userId}',
    operationId: 'updateMember',
    summary: "Change a member's role",
    problems: ['role_not_grantable', 'conflict'],
    description:
      "Changes the member's role. Audited. " +
      'The same grant rules as inviting (403 role_not_grantable); only network admins change the role of someone holding a network-wide role.',
    tags: ['Members'],
    security: ['session'],
    params: MemberParamsSchema,
    body: UpdateMemberBodySchema,
    responses: { 200: MemberSchema, 403: ProblemSchema },
  }),
  removeMember: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/organizations/{id}/members/{userId}',
    operationId: 'removeMember',
    summary: 'Remove a member from the organization',
    description:
      "Ends the person's membership in this organization (their sessions lose its access). The last org admin cannot be removed (409 conflict). Audited.",
    problems: ['conflict'],
    tags: ['Members'],
    security: ['session'],
    params: MemberParamsSchema,
    responses: { 204: null },
  }),
  listMyInvitations: defineEndpoint({
    method: 'GET',
    path: '/api/v1/me/invitations',
    operationId: 'listMyInvitations',
    summary: 'Open invitations to join an organization, for the signed-in user',
    description: "Invitations addressed to the caller's email that are still open. Changes nothing.",
    tags: ['Members'],
    security: ['session'],
    responses: { 200: z.object({ data: z.array(MyInvitationSchema) }) },
  }),
  acceptMyInvitation: defineEndpoint({
    method: 'POST',
    path: '/api/v1/me/invitations/{id}/accept',
    operationId: 'acceptMyInvitation',
    summary: 'Accept an invitation addressed to you: you become a member of the organization',
    description: 'Makes the caller a member of the inviting organization with the invited role and closes the invitation.',
    tags: ['Members'],
    security: ['session'],
    params: IdParamsSchema,
    responses: { 200: MeResponseSchema, 404: ProblemSchema },
  }),
  listUsers: defineEndpoint({
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    summary: 'Users you administer: everyone for network admins, your organizations for org admins',
    description: 'Accounts with their memberships, for administering people. Changes nothing.',
    tags: ['Members'],
    security: ['session'],
    query: UserListQuerySchema,
    responses: { 200: UserPageSchema },
  }),
  deactivateUser: defineEndpoint({
    method: 'POST',
    path: '/api/v1/users/{id}/deactivate',
    operationId: 'deactivateUser',
    summary: "Deactivate a person's account: they cannot sign in, and their sessions end now",
    description:
      'Deactivates the account (not one membership): sign-in is refused (403 account_deactivated), every session is revoked at once, ' +
      'and the person leaves assignee pickers (GET /api/v1/organizations/{id}/colleagues); their past work keeps their name. ' +
      "An org admin deactivates a person whose memberships are all in organizations they administer (someone who also works elsewhere is removed from the organization instead, or deactivated by a network admin); " +
      'a network admin deactivates anyone. Nobody deactivates their own account (409 own_account), nor the last active org admin of an organization (409 last_org_admin). ' +
      'Only a network admin deactivates someone holding a network-wide role (403). A person you do not administer is 404. ' +
      'Accounts carry no version: deactivating twice leaves the account as it is and answers 200 (audited once). API keys belong to organizations, not people, and stay as they are. Audited.',
    problems: ['own_account', 'last_org_admin'],
    tags: ['Members'],
    security: ['session'],
    params: UserParamsSchema,
    responses: { 200: UserWithMembershipsSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema },
  }),
  reactivateUser: defineEndpoint({
    method: 'POST',
    path: '/api/v1/users/{id}/reactivate',
    operationId: 'reactivateUser',
    summary: 'Reactivate a deactivated account: the person can sign in again',
    description:
      'Restores sign-in (with the password the person had; sessions ended by deactivation stay ended). The same people who may deactivate the account may reactivate it; ' +
      'a person you do not administer is 404. Reactivating an active account changes nothing and answers 200. Audited.',
    tags: ['Members'],
    security: ['session'],
    params: UserParamsSchema,
    responses: { 200: UserWithMembershipsSchema, 403: ProblemSchema, 404: ProblemSchema },
  }),
};
