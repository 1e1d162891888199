import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import type { CreateAgreementBody, UpdateAgreementBody } from './queries';

export const useCreateAgreement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAgreementBody) => apiCall(api.createAgreement, { body }),
    onSuccess: () => invalidate(queryClient, queryKeys.agreements.all),
  });
};

/** PATCH with If-Match: the version the form was opened on. A 409 stale_version means someone else saved first. */
export const useUpdateAgreement = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: Omit<UpdateAgreementBody, 'version'> }) =>
      apiCall(api.updateAgreement, { params: { id }, body, headers: { 'if-match': `"${version}"` } }),
    onSuccess: () => invalidate(queryClient, queryKeys.agreements.all),
  });
};

/** Approve the terms of the version read (If-Match): a change since then is a 409 stale_version. */
export const useApproveAgreement = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiCall(api.approveAgreement, { params: { id }, body: undefined, headers: { 'if-match': `"${version}"` } }),
    onSuccess: () => invalidate(queryClient, queryKeys.agreements.all),
  });
};
