import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

/** A dry run (checks, imports nothing) or the import itself (all or nothing). */
export const useImportEvents = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => apiCall(api.importEngagementEvents, { query: { dryRun: dryRun ? 'true' : 'false' }, body: { csv } }),
    onSuccess: (report) => (report.dryRun ? undefined : invalidate(queryClient, queryKeys.engagementEvents.all)),
  });
};
