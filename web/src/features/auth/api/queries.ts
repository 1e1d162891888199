import { queryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { ApiError } from '@tandem/contract/client';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

// Keys from lib/query-keys.ts (the `me` resource).
export const authQueries = {
  /** The signed-in user, or `null` when there is no session (401 is an answer here, not an error). */
  me: () =>
    queryOptions({
      queryKey: queryKeys.me.current(),
      queryFn: async () => {
        try {
          return await apiCall(api.getMe);
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
      staleTime: 5 * 60_000,
    }),
  /** Invitations to join an organization waiting for the signed-in user. */
  myInvitations: () => queryOptions({ queryKey: queryKeys.me.invitations(), queryFn: () => apiCall(api.listMyInvitations) }),
};
