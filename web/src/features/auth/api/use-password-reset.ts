import { useMutation } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

/** Asks for a reset link; the answer is the same whether or not an account has the email. */
export const useRequestPasswordReset = () => useMutation({ mutationFn: (body: { email: string }) => apiCall(api.requestPasswordReset, { body }) });

/** Sets the new password with the emailed token; the account's sessions end, so the person signs in again. */
export const useConfirmPasswordReset = () => useMutation({ mutationFn: (body: { token: string; password: string }) => apiCall(api.confirmPasswordReset, { body }) });
