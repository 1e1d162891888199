import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { notificationQueries } from './queries';

export const useMarkNotificationRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(api.markNotificationRead, { params: { id } }),
    // Set here rather than per call: the panel that started it has usually closed (the person
    // followed the link), and the count must still drop.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationQueries.all }),
  });
};
