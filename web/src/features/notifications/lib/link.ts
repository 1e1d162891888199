import type { Notification } from '@tandem/contract';
import { paths } from '../../../config/paths';

/**
 * Where a notification leads in the web, or null when there is no page for its reader (it is then
 * marked read in place). Referrals open the referral; board records open the coordinators' board
 * pages; a paused webhook subscription opens its organization's webhooks page. A decision on your own board application has no page of its own: the message is in the
 * title (and, without an account, in the letter or email).
 */
export const notificationLink = (n: Pick<Notification, 'kind' | 'entityType' | 'entityId' | 'referralId' | 'data'>): string | null => {
  if (n.referralId) return paths.referral.href(n.referralId);
  const boardId = n.data?.boardId;
  // Add a board notification's kind here when its reader is the applicant, not a coordinator.
  if (n.kind === 'board.application_decided') return null;
  if ((n.entityType as string) === 'board' && n.entityId) return paths.advisoryBoard.href(n.entityId);
  if (n.entityType === 'board_application' && n.entityId && boardId) return paths.boardApplication.href(boardId, n.entityId);
  if (n.entityType === 'board_recommendation' && n.entityId && boardId) return paths.advisoryBoardRecommendation.href(boardId, n.entityId);
  // A paused webhook subscription: its organization's webhook page, where it is resumed.
  if (n.entityType === 'webhook_subscription' && n.data?.organizationId) return paths.orgWebhooks.href(n.data.organizationId);
  return null;
};
