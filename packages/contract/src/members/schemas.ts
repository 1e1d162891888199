import { z } from 'zod';
import { EmailSchema, IdSchema, TimestampSchema } from '../common/ids';
import { LocaleSchema, RoleSchema } from '../common/enums';
import { pageOf, PageQuerySchema } from '../common/pagination';

export const MemberSchema = z
  .object({
    userId: IdSchema,
    organizationId: IdSchema,
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    status: z
      .enum(['active', 'invited', 'deactivated'])
      .describe('invited: the person has not accepted the invitation (or set a password) yet; deactivated: the account cannot sign in (POST /api/v1/users/{id}/reactivate restores it)'),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;
export const MemberPageSchema = pageOf(MemberSchema);

/** A member as their colleagues see them: enough to assign a referral, no email or invitation state. */
export const ColleagueSchema = MemberSchema.pick({ userId: true, name: true, role: true }).meta({ id: 'Colleague' });
export type Colleague = z.infer<typeof ColleagueSchema>;
export const ColleaguePageSchema = pageOf(ColleagueSchema);

export const InviteMemberBodySchema = z
  .object({ email: EmailSchema, name: z.string().trim().min(1).max(120), role: RoleSchema, locale: LocaleSchema.default('en') })
  .meta({ example: { email: 'new.navigator@tandem.example', name: 'Ana Reyes', role: 'staff', locale: 'es' } });
export const InvitationResultSchema = z
  .object({
    member: MemberSchema,
    invitation: z
      .object({ token: z.string(), expiresAt: TimestampSchema, acceptPath: z.string() })
      .nullable()
      .describe(
        'Present when a new account was created: hand the link to the person (shown once). A person who already has an account sees the invitation under GET /api/v1/me/invitations and accepts it there.',
      ),
  })
  .meta({ id: 'InvitationResult' });

/** An invitation to join an organization, as the invited person sees it. */
export const MyInvitationSchema = z
  .object({
    id: IdSchema,
    organizationId: IdSchema,
    organizationName: z.string(),
    role: RoleSchema,
    createdAt: TimestampSchema,
    expiresAt: TimestampSchema,
  })
  .meta({ id: 'MyInvitation' });
export type MyInvitation = z.infer<typeof MyInvitationSchema>;

export const UpdateMemberBodySchema = z.object({ role: RoleSchema });
export const MemberParamsSchema = z.object({ id: IdSchema, userId: IdSchema });

export const UserListQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(100).optional() });
export const UserWithMembershipsSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    locale: LocaleSchema,
    active: z.boolean().describe('The person can sign in: the account is not deactivated and has a password'),
    deactivated: z.boolean().describe('Deactivated by an administrator: cannot sign in until reactivated'),
    createdAt: TimestampSchema,
    memberships: z.array(z.object({ organizationId: IdSchema, organizationName: z.string(), role: RoleSchema })),
  })
  .meta({ id: 'UserWithMemberships' });
export const UserPageSchema = pageOf(UserWithMembershipsSchema);

export const UserParamsSchema = z.object({ id: IdSchema.describe("The user's id") });
