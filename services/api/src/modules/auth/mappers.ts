import type { Me } from '@tandem/contract';
import type { authRepo } from './repo';

type UserRow = NonNullable<Awaited<ReturnType<typeof authRepo.findUserById>>>;
type MembershipRow = Awaited<ReturnType<typeof authRepo.membershipsOf>>[number];

export const toMe = (user: UserRow, memberships: MembershipRow[], coordinatesBoards: boolean): Me => ({
  user: { id: user.id, email: user.email, name: user.name, locale: user.locale as Me['user']['locale'], createdAt: user.createdAt.toISOString() },
  memberships: memberships as Me['memberships'],
  isNetworkAdmin: memberships.some((m) => m.role === 'network_admin'),
  coordinatesBoards,
});
