import { z } from 'zod';
import { EmailSchema, IdSchema, TimestampSchema } from '../common/ids';
import { LocaleSchema, RoleSchema } from '../common/enums';
import { OrgTypeSchema } from '../organizations/enums';

export const PasswordSchema = z.string().min(10, 'Use at least 10 characters').max(200);

export const LoginBodySchema = z
  .object({ email: EmailSchema, password: z.string().min(1).max(200) })
  .meta({ id: 'LoginBody', example: { email: 'admin@tandem.example', password: 'tandem-demo-2026' } });

export const MembershipSchema = z
  .object({
    organizationId: IdSchema,
    organizationName: z.string(),
    organizationType: OrgTypeSchema,
    role: RoleSchema,
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof MembershipSchema>;

export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    locale: LocaleSchema,
    createdAt: TimestampSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const MeResponseSchema = z
  .object({
    user: UserSchema,
    memberships: z.array(MembershipSchema),
    isNetworkAdmin: z.boolean(),
    coordinatesBoards: z.boolean().describe('Named as coordinator of at least one advisory board (issue 26); besides the board_coordinator role, this too opens the boards'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeResponseSchema>;

export const UpdateMeBodySchema = z.object({ name: z.string().trim().min(1).max(120).optional(), locale: LocaleSchema.optional() });

export const AcceptInvitationBodySchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(120).optional(),
  password: PasswordSchema,
});

export const PasswordResetRequestBodySchema = z
  .object({ email: EmailSchema })
  .meta({ id: 'PasswordResetRequestBody', example: { email: 'admin@tandem.example' } });

export const PasswordResetConfirmBodySchema = z
  .object({ token: z.string().min(20).max(200).describe('The token from the link in the reset email'), password: PasswordSchema })
  .meta({ id: 'PasswordResetConfirmBody' });

export const PasswordResetAcceptedSchema = z
  .object({ accepted: z.literal(true) })
  .meta({ id: 'PasswordResetAccepted', description: 'The same answer whether or not an account has this email' });
