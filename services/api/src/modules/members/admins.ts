import { sql, type SQL } from 'drizzle-orm';

/**
 * A query of the active org admins of an organization, as rows of `user_id`: whom to tell when
 * something of the organization's needs an admin (a paused webhook subscription). Handed to a
 * Notifier inside another module's transaction; that module never reads the members tables.
 */
export const orgAdminsOf = (organizationId: string): SQL =>
  sql`select m.user_id from memberships m join users u on u.id = m.user_id where m.organization_id = ${organizationId}::uuid and m.role = 'org_admin' and u.active`;
