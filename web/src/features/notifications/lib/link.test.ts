import { notificationLink } from './link';

const ID = '00000000-0000-4000-8000-00000000000a';
const BOARD = '00000000-0000-4000-8000-00000000000b';

describe('notification links', () => {
  it('opens the referral of a referral notification', () => {
    expect(notificationLink({ kind: 'referral.received', entityType: 'referral', entityId: ID, referralId: ID, data: {} })).toBe(`/referrals/${ID}`);
  });
  it('opens the coordinators’ application page for a board application notification that names its board', () => {
    expect(notificationLink({ kind: 'referral.assigned', entityType: 'board_application', entityId: ID, referralId: null, data: { boardId: BOARD } })).toBe(`/advisory-boards/${BOARD}/applications/${ID}`);
  });
  it('has no page for the applicant’s own decision (marked read in place)', () => {
    expect(notificationLink({ kind: 'board.application_decided', entityType: 'board_application', entityId: ID, referralId: null, data: { boardId: BOARD, decision: 'selected' } })).toBeNull();
  });
  it('opens the recommendation of an overdue-response notification', () => {
    expect(notificationLink({ kind: 'board.recommendation_overdue', entityType: 'board_recommendation', entityId: ID, referralId: null, data: { boardId: BOARD } })).toBe(`/advisory-boards/${BOARD}/recommendations/${ID}`);
  });
  it("opens the organization's webhooks page for a paused subscription", () => {
    expect(notificationLink({ kind: 'webhook.paused', entityType: 'webhook_subscription', entityId: ID, referralId: null, data: { organizationId: BOARD, host: 'hooks.example.org' } })).toBe(`/organizations/${BOARD}/webhooks`);
  });
});
