import type { FastifyInstance } from 'fastify';
import { memberRoutes } from './routes';
import { createMembersService } from './service';

/** Members of organizations and the users list: org admins for their org, network admins for all. */
export const membersModule = async (app: FastifyInstance) => {
  memberRoutes(app, createMembersService({ db: app.db }));
};

/** What the gaps module may know about people: who may own a gap, and names for its history. */
export { networkStaffNames, userNames } from './staff';

/** Who may lead engagement events, and anyone's name (engagement). */
export { staffLookup } from './lookup';

/** Who administers an organization, as a query to notify them with (webhooks). */
export { activeUsersWithRole, orgAdminsOf } from './admins';
