import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ScheduleException, type ScheduleInterval } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { directoryPrefixes, invalidate } from '../../../lib/query-keys';

export const useReplaceSchedule = (serviceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { intervals: ScheduleInterval[]; exceptions: ScheduleException[] }) =>
      apiCall(api.replaceServiceSchedule, { params: { id: serviceId }, body }),
    // Hours feed "open now" and today's hours in search as well as the service page.
    onSuccess: () => invalidate(queryClient, ...directoryPrefixes),
  });
};
