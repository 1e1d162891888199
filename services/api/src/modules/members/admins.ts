import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '@tandem/contract';

/**
 * A query of the active org admins of an organization, as rows of `user_id`: whom to tell when
 * something of the organization's needs an admin (a paused webhook subscription). Handed to a
 * Notifier inside another module's transaction; that module never reads the members tables.
 */
export const orgAdminsOf = (organizationId: string): SQL =>
  sql`select m.user_id from memberships m join users u on u.id = m.user_id where m.organization_id = ${organizationId}::uuid and m.role = 'org_admin' and u.active`;

/** A query of every active user holding `role` in any organization, as rows of `user_id` (whom to tell, e.g. board coordinators). */
export const activeUsersWithRole = (role: Role): SQL =>
  sql`select distinct m.user_id from memberships m join users u on u.id = m.user_id where m.role = ${role} and u.active`;
