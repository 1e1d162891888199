import { authEndpoints } from './auth/endpoints';
import { memberEndpoints } from './members/endpoints';
import { healthEndpoints } from './common/health';
import { directoryEndpoints } from './directory/endpoints';
import { agreementEndpoints } from './directory/agreements';
import { partnershipEndpoints } from './directory/partnership';
import { organizationEndpoints } from './organizations/endpoints';
import { hsdsEndpoints } from './hsds/endpoints';
import { referralApi } from './referrals/endpoints';
import { apiKeyEndpoints } from './api-keys/endpoints';
import { auditEndpoints } from './audit/endpoints';
import { clientEndpoints, clientRecordEndpoints } from './clients/endpoints';
import { notificationEndpoints } from './notifications/endpoints';
import { gapEndpoints } from './gaps/endpoints';
import { webhookEndpoints } from './webhooks/endpoints';
import { engagementEndpoints, engagementReportEndpoints } from './engagement/endpoints';
import { boardEndpoints } from './boards/endpoints';
import { recommendationEndpoints } from './boards/recommendations.endpoints';
import { boardStipendEndpoints } from './boards/stipends.endpoints';
import { boardMeetingEndpoints } from './boards/meetings.endpoints';
import { boardBudgetEndpoints } from './boards/budget.endpoints';
import { networkOverviewEndpoints } from './engagement/network-overview';

/** The whole REST surface at a glance: every endpoint the API serves and the client calls. */
export const api = {
  ...authEndpoints,
  ...apiKeyEndpoints,
  ...memberEndpoints,
  ...organizationEndpoints,
  ...directoryEndpoints,
  ...agreementEndpoints,
  ...partnershipEndpoints,
  ...hsdsEndpoints,
  ...clientRecordEndpoints,
  ...clientEndpoints,
  ...referralApi,
  ...notificationEndpoints,
  ...gapEndpoints,
  ...webhookEndpoints,
  ...engagementEndpoints,
  ...engagementReportEndpoints,
  ...networkOverviewEndpoints,
  ...boardEndpoints,
  ...recommendationEndpoints,
  ...boardStipendEndpoints,
  ...boardMeetingEndpoints,
  ...boardBudgetEndpoints,
  ...auditEndpoints,
  ...healthEndpoints,
};
export type Api = typeof api;
