import type { api, EndpointOutput, Member, Role } from '@tandem/contract';
import type { MemberRow, membersRepo } from './repo';

export const toMember = (r: MemberRow): Member => ({
  userId: r.userId,
  organizationId: r.organizationId,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  status: !r.active ? 'deactivated' : r.hasPassword ? 'active' : 'invited',
  createdAt: r.createdAt.toISOString(),
});

type UserOut = EndpointOutput<typeof api.deactivateUser>;
export const toUser = (u: Awaited<ReturnType<typeof membersRepo.users>>[number]): UserOut => ({ ...u, locale: u.locale as 'en' | 'es', createdAt: u.createdAt.toISOString() });
