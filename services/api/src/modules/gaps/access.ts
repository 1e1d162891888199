import { rules } from '../../lib/authz';

/*
 * Who may (issue 25, ARCHITECTURE §4 "Engagement and gap records"): the collaboration team and
 * network admins write; board coordinators read too. Gaps are network planning records, not any
 * partner's, so every other signed-in user gets 403 at the route (not 404: there is no record
 * whose existence a route-level refusal could hint at), and API keys are not accepted.
 */
export const gapWriters = rules.anyRole('network_admin', 'collaboration_team');
export const gapReaders = rules.anyRole('network_admin', 'collaboration_team', 'board_coordinator');
