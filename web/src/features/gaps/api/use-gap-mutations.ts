import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type GapStatus } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import type { CreateGapBody } from './queries';

export const useCreateGap = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGapBody) => apiCall(api.createGap, { body }),
    onSuccess: () => invalidate(queryClient, queryKeys.gaps.all),
  });
};

/** Moves the gap from the version read (If-Match): a change since then is a 409 stale_version. */
export const useTransitionGap = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, to, rationale }: { version: number; to: GapStatus; rationale?: string }) =>
      apiCall(api.transitionGap, { params: { id }, body: { to, rationale: rationale || undefined }, headers: { 'if-match': `"${version}"` } }),
    onSuccess: () => invalidate(queryClient, queryKeys.gaps.all),
  });
};

export const useAddGapNote = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => apiCall(api.addGapNote, { params: { id }, body: { note } }),
    onSuccess: () => invalidate(queryClient, queryKeys.gaps.details()),
  });
};
