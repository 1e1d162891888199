import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadHsds } from './queries';

/**
 * Checks (dry run) or imports an HSDS package. A real import may touch any organization, service
 * or location (and features do not share query keys), so everything cached is refetched.
 */
export const useImportDirectory = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ files, dryRun }: { files: readonly File[]; dryRun: boolean }) => uploadHsds(files, dryRun),
    onSuccess: async (report) => {
      if (!report.dryRun) await queryClient.invalidateQueries();
    },
  });
};
