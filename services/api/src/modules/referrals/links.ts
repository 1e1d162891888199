import type { ReferralLinks } from '../clients';
import { referralsRepo } from './repo';

/** What the clients module may know about referrals (who is on a client's referrals), nothing more. */
export const referralLinks: ReferralLinks = {
  clientIdsOfOrgs: referralsRepo.clientIdsOfOrgs,
  orgIdsOnClient: referralsRepo.orgIdsOnClient,
  orgIdsOnClientSql: referralsRepo.orgIdsOnClientSql,
  referralsOfClient: referralsRepo.referralsOfClient,
};
