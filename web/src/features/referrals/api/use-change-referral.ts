import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CorrectFirstContactBody, type FirstContactBody, type ForwardBody, type ReferralDetail, type TransitionBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { referralQueries } from './queries';

type Change =
  | { kind: 'transition'; body: TransitionBody }
  | { kind: 'assign'; assigneeId: string | null; version: number }
  | { kind: 'firstContact'; body: FirstContactBody }
  | { kind: 'correctFirstContact'; body: CorrectFirstContactBody }
  | { kind: 'loopClosed'; version: number }
  | { kind: 'forward'; body: ForwardBody };

const run = (id: string, change: Change): Promise<ReferralDetail> => {
  switch (change.kind) {
    case 'transition':
      return apiCall(api.transitionReferral, { params: { id }, body: change.body });
    case 'assign':
      return apiCall(api.assignReferral, { params: { id }, body: { assigneeId: change.assigneeId, version: change.version } });
    case 'firstContact':
      return apiCall(api.recordFirstContact, { params: { id }, body: change.body });
    case 'correctFirstContact':
      return apiCall(api.correctFirstContact, { params: { id }, body: change.body });
    case 'loopClosed':
      return apiCall(api.markLoopClosed, { params: { id }, body: { version: change.version } });
    case 'forward':
      return apiCall(api.forwardReferral, { params: { id }, body: change.body });
  }
};

/**
 * Every change to a sent referral (status, assignee, first contact and its correction, the
 * sender's loop-closed mark, forward). Each carries the
 * version the caller saw, so a change made meanwhile by someone else answers 409 stale_version.
 */
export const useChangeReferral = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => run(id, change),
    onSuccess: async (detail) => {
      // Forward answers the *new* referral; the one on screen must re-read.
      if (detail.id === id) queryClient.setQueryData(referralQueries.detail(id).queryKey, detail);
      await invalidate(queryClient, queryKeys.referrals.all);
    },
  });
};
