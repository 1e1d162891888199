import { BrowserRouter, Route, Routes } from 'react-router';
import { paths } from '../config/paths';
import { OrganizationsAdmin } from '../features/organizations/components/organizations-admin';
import { NotificationsPage } from '../features/notifications/components/notifications-page';
import { canSeeAdvisory, canSeeAgreements, canSeeAudit, canSeeEngagement, canSeeGaps, canSeeNetworkOverview, canSeeNetworkReferrals, canSeeNetworkReports, canSeeReports, canWriteEngagement, isNetworkAdmin, isNetworkStaff } from './nav';
import { CoverageRoute, GapRoute, GapsRoute } from './routes/gap-pages';
import { AcceptInvitationRoute } from './routes/accept-invitation';
import { AgreementNewRoute, AgreementRoute, AgreementsRoute } from './routes/agreement-pages';
import { EngagementReportRoute, NetworkReportRoute, StaffMonthlyRoute, StateQuarterlyRoute } from './routes/report-pages';
import { EngagementEventRoute, EngagementImportRoute, EngagementNewRoute, EngagementRoute } from './routes/engagement-pages';
import { DirectoryOrganizationRoute, DirectorySearchRoute, DirectoryServiceEditRoute, DirectoryServiceRoute } from './routes/directory-pages';
import { NotFoundRoute } from './routes/forbidden';
import { NetworkOverviewRoute } from './routes/network-overview-pages';
import { ClientRoute, ClientSearchRoute } from './routes/client-pages';
import { HomeRoute } from './routes/home';
import { HsdsRoute } from './routes/hsds-pages';
import { OrganizationApiKeysRoute, OrganizationMembersRoute, OrganizationWebhooksRoute, UsersAdminRoute } from './routes/organization-pages';
import { ProtectedLayout } from './routes/protected-layout';
import { AuditRoute } from './routes/audit-pages';
import { BoardApplicationRoute, BoardApplyRoute, BoardMeetingRoute, BoardPublicRoute, BoardRecommendationRoute, BoardRoute, BoardsRoute, BudgetRoundRoute } from './routes/board-pages';
import { NetworkReferralsRoute, ReferralDetailRoute, ReferralInboxRoute, ReferralNewRoute } from './routes/referral-pages';
import { Require } from './routes/require';
import { SignInRoute } from './routes/sign-in';
import { ForgotPasswordRoute, ResetPasswordRoute } from './routes/password-reset';

export function AppRouter() {
  // Without transitions: filters are controlled by the address (useSearchParams), and a URL change
  // inside a transition renders late, so React first put a just-ticked checkbox back as it was.
  // Nothing here suspends (no lazy routes), so there is no old page to keep on screen meanwhile.
  return (
    <BrowserRouter useTransitions={false}>
      <Routes>
        <Route path={paths.signIn.path} element={<SignInRoute />} />
        <Route path={paths.acceptInvitation.path} element={<AcceptInvitationRoute />} />
        <Route path={paths.forgotPassword.path} element={<ForgotPasswordRoute />} />
        <Route path={paths.resetPassword.path} element={<ResetPasswordRoute />} />
        {/* The public directory: anyone may search it and read a service or organization (the API's reads are public). */}
        <Route element={<ProtectedLayout allowAnonymous />}>
          <Route path={paths.directory.path} element={<DirectorySearchRoute />} />
          <Route path={paths.directoryService.path} element={<DirectoryServiceRoute />} />
          <Route path={paths.directoryOrganization.path} element={<DirectoryOrganizationRoute />} />
          <Route path={paths.boardApply.path} element={<BoardApplyRoute />} />
          <Route path={paths.boardPublic.path} element={<BoardPublicRoute />} />
        </Route>
        <Route element={<ProtectedLayout />}>
          <Route index element={<HomeRoute />} />
          <Route path={paths.directoryServiceEdit.path} element={<DirectoryServiceEditRoute />} />
          <Route
            path={paths.directoryAgreements.path}
            element={
              <Require allow={canSeeAgreements}>
                <AgreementsRoute />
              </Require>
            }
          />
          <Route
            path={paths.directoryAgreementNew.path}
            element={
              <Require allow={isNetworkStaff}>
                <AgreementNewRoute />
              </Require>
            }
          />
          <Route path={paths.directoryAgreement.path} element={<AgreementRoute />} />
          <Route path={paths.referrals.path} element={<ReferralInboxRoute />} />
          <Route path={paths.referralsNew.path} element={<ReferralNewRoute />} />
          <Route
            path={paths.referralsNetwork.path}
            element={
              <Require allow={canSeeNetworkReferrals}>
                <NetworkReferralsRoute />
              </Require>
            }
          />
          <Route
            path={paths.audit.path}
            element={
              <Require allow={canSeeAudit}>
                <AuditRoute />
              </Require>
            }
          />
          <Route path={paths.referral.path} element={<ReferralDetailRoute />} />
          <Route path={paths.clients.path} element={<ClientSearchRoute />} />
          <Route path={paths.client.path} element={<ClientRoute />} />
          <Route path={paths.notifications.path} element={<NotificationsPage />} />
          <Route
            path={paths.engagement.path}
            element={
              <Require allow={canSeeEngagement}>
                <EngagementRoute />
              </Require>
            }
          />
          <Route
            path={paths.networkOverview.path}
            element={
              <Require allow={canSeeNetworkOverview}>
                <NetworkOverviewRoute />
              </Require>
            }
          />
          <Route
            path={paths.gaps.path}
            element={
              <Require allow={canSeeGaps}>
                <GapsRoute />
              </Require>
            }
          />
          <Route
            path={paths.engagementNew.path}
            element={
              <Require allow={canWriteEngagement}>
                <EngagementNewRoute />
              </Require>
            }
          />
          <Route
            path={paths.gap.path}
            element={
              <Require allow={canSeeGaps}>
                <GapRoute />
              </Require>
            }
          />
          <Route
            path={paths.coverage.path}
            element={
              <Require allow={canSeeGaps}>
                <CoverageRoute />
              </Require>
            }
          />
          <Route
            path={paths.engagementImport.path}
            element={
              <Require allow={canWriteEngagement}>
                <EngagementImportRoute />
              </Require>
            }
          />
          <Route path={paths.engagementEvent.path} element={<EngagementEventRoute />} />
          <Route
            path={paths.reports.path}
            element={
              <Require allow={canSeeReports}>
                <EngagementReportRoute />
              </Require>
            }
          />
          <Route
            path={paths.reportsStateQuarterly.path}
            element={
              <Require allow={canSeeReports}>
                <StateQuarterlyRoute />
              </Require>
            }
          />
          <Route
            path={paths.reportsStaffMonthly.path}
            element={
              <Require allow={canSeeReports}>
                <StaffMonthlyRoute />
              </Require>
            }
          />
          <Route
            path={paths.reportsNetwork.path}
            element={
              <Require allow={canSeeNetworkReports}>
                <NetworkReportRoute />
              </Require>
            }
          />
          <Route
            path={paths.advisoryBoards.path}
            element={
              <Require allow={canSeeAdvisory}>
                <BoardsRoute />
              </Require>
            }
          />
          {/* A user named on one board coordinates it without the role: the API decides (404 otherwise). */}
          <Route path={paths.advisoryBoardRecommendation.path} element={<BoardRecommendationRoute />} />
          <Route path={paths.boardMeeting.path} element={<BoardMeetingRoute />} />
          <Route path={paths.advisoryBoard.path} element={<BoardRoute />} />
          <Route path={paths.advisoryBoardTab.path} element={<BoardRoute />} />
          <Route path={paths.boardApplication.path} element={<BoardApplicationRoute />} />
          <Route path={paths.budgetRound.path} element={<BudgetRoundRoute />} />
          <Route
            path={paths.adminOrganizations.path}
            element={
              <Require allow={isNetworkAdmin}>
                <OrganizationsAdmin />
              </Require>
            }
          />
          <Route
            path={paths.adminUsers.path}
            element={
              <Require allow={isNetworkAdmin}>
                <UsersAdminRoute />
              </Require>
            }
          />
          <Route
            path={paths.adminHsds.path}
            element={
              <Require allow={isNetworkAdmin}>
                <HsdsRoute />
              </Require>
            }
          />
          <Route path={paths.orgMembers.path} element={<OrganizationMembersRoute />} />
          <Route path={paths.orgApiKeys.path} element={<OrganizationApiKeysRoute />} />
          <Route path={paths.orgWebhooks.path} element={<OrganizationWebhooksRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
