import type { Me } from '@tandem/contract';
import { paths } from '../config/paths';
import type { Translate } from '../i18n/i18n-provider';
import type { NavSection } from '../layouts/app-shell';

export const isNetworkAdmin = (me: Me) => me.isNetworkAdmin || me.memberships.some((m) => m.role === 'network_admin');
const hasRole = (me: Me, role: Me['memberships'][number]['role']) => me.memberships.some((m) => m.role === role);

/** Engagement: the collaboration team records it; network admins oversee it; board coordinators read it. */
export const canSeeEngagement = (me: Me) => isNetworkAdmin(me) || hasRole(me, 'collaboration_team') || hasRole(me, 'board_coordinator');
/** Who logs and edits engagement events (the API's rule too). */
export const canWriteEngagement = (me: Me) => isNetworkAdmin(me) || hasRole(me, 'collaboration_team');
/** The engagement reports (by period, the State roll-up, a staff member's month): the API's readers of them. */
export const canSeeReports = canSeeEngagement;
/** Referral metrics and the partnership funnel: the collaboration team and network admins (the API's rule). */
export const canSeeNetworkReports = (me: Me) => isNetworkAdmin(me) || hasRole(me, 'collaboration_team');
/** Service gaps and coverage: network staff write, board coordinators read (issue 25). */
export const canSeeGaps = (me: Me) => isNetworkStaff(me) || hasRole(me, 'board_coordinator');
/** Advisory boards: board coordinators run them; network admins oversee them; a user named coordinator of a board runs that one (without the role). */
export const canSeeAdvisory = (me: Me) => isNetworkAdmin(me) || hasRole(me, 'board_coordinator') || me.coordinatesBoards;
/** Organization settings (members, API keys): that organization's admins and network admins. */
export const canManageOrg = (me: Me, organizationId: string) =>
  isNetworkAdmin(me) || me.memberships.some((m) => m.organizationId === organizationId && m.role === 'org_admin');
/**
 * Who may change an organization's directory entry (its facts, services, hours, capacity,
 * locations, contacts): its org admins and network staff. Mirrors the API's canEditOrg.
 */
export const canEditDirectory = (me: Me, organizationId: string) =>
  isNetworkStaff(me) ||
  me.memberships.some((m) => m.organizationId === organizationId && m.role === 'org_admin');
/** Network staff (network admins, the collaboration team) look after the whole directory and its agreements. */
export const isNetworkStaff = (me: Me) => isNetworkAdmin(me) || hasRole(me, 'collaboration_team');
/** Agreements: network staff see and write all; org admins read their organization's (and approve its BAAs). */
export const canSeeAgreements = (me: Me) => isNetworkStaff(me) || hasRole(me, 'org_admin');
/** The network box: network admins (with client details) and the collaboration team (without). */
export const canSeeNetworkReferrals = isNetworkStaff;
/** The network overview: the collaboration team and network admins (the API's rule). */
export const canSeeNetworkOverview = isNetworkStaff;
/** The audit trail: network admins (all of it) and org admins (their organizations' rows). */
export const canSeeAudit = (me: Me) => isNetworkAdmin(me) || hasRole(me, 'org_admin');

/**
 * The navigation a person sees follows their roles. It only hides what they cannot use; the API
 * still enforces every permission.
 */
export const buildNav = (me: Me, t: Translate): NavSection[] => {
  const main: NavSection = {
    items: [
      { to: paths.home.href(), label: t('nav.home'), end: true },
      { to: paths.directory.href(), label: t('nav.directory') },
      { to: paths.referrals.href(), label: t('nav.referrals') },
    ],
  };
  if (canSeeNetworkOverview(me)) main.items.push({ to: paths.networkOverview.href(), label: t('nav.networkOverview') });
  if (canSeeNetworkReferrals(me)) main.items.push({ to: paths.referralsNetwork.href(), label: t('nav.network') });
  if (canSeeAgreements(me)) main.items.push({ to: paths.directoryAgreements.href(), label: t('nav.agreements') });
  if (canSeeEngagement(me)) main.items.push({ to: paths.engagement.href(), label: t('nav.engagement') });
  if (canSeeGaps(me)) main.items.push({ to: paths.gaps.href(), label: t('nav.gaps') }, { to: paths.coverage.href(), label: t('nav.coverage') });
  if (canSeeReports(me)) main.items.push({ to: paths.reports.href(), label: t('nav.reports') });
  if (canSeeAdvisory(me)) main.items.push({ to: paths.advisoryBoards.href(), label: t('nav.advisoryBoards') });

  const adminOf = me.memberships.filter((m) => m.role === 'org_admin');
  const orgSections = adminOf.map<NavSection>((m) => ({
    label: adminOf.length > 1 ? `${t('nav.myOrganization')} · ${m.organizationName}` : t('nav.myOrganization'),
    items: [
      { to: paths.orgMembers.href(m.organizationId), label: t('nav.members') },
      { to: paths.orgApiKeys.href(m.organizationId), label: t('nav.apiKeys') },
      { to: paths.orgWebhooks.href(m.organizationId), label: t('nav.webhooks') },
      ...(isNetworkAdmin(me) ? [] : [{ to: paths.audit.href(), label: t('nav.audit') }]),
    ],
  }));

  const admin: NavSection[] = isNetworkAdmin(me)
    ? [
        {
          label: t('nav.admin'),
          items: [
            { to: paths.adminOrganizations.href(), label: t('nav.organizations') },
            { to: paths.adminUsers.href(), label: t('nav.users') },
            { to: paths.adminHsds.href(), label: t('nav.hsds') },
            { to: paths.audit.href(), label: t('nav.audit') },
          ],
        },
      ]
    : [];

  return [main, ...orgSections, ...admin];
};
