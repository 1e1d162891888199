import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export type Meeting = EndpointOutput<typeof api.getMeeting>;
export type Motion = EndpointOutput<typeof api.getMotion>;
export type Training = EndpointOutput<typeof api.getTraining>;
export type CreateMeetingBody = EndpointInput<typeof api.createMeeting>['body'];
export type UpdateMeetingBody = EndpointInput<typeof api.updateMeeting>['body'];
export type CreateTrainingBody = EndpointInput<typeof api.createTraining>['body'];

// Keys under the board's detail key: any change to the board's meetings refreshes them together.
const keys = {
  meetings: (id: string) => [...queryKeys.boards.detail(id), 'meetings'] as const,
  meeting: (id: string, meetingId: string) => [...queryKeys.boards.detail(id), 'meetings', meetingId] as const,
  motions: (id: string, meetingId: string) => [...queryKeys.boards.detail(id), 'meetings', meetingId, 'motions'] as const,
  trainings: (id: string) => [...queryKeys.boards.detail(id), 'trainings'] as const,
  members: (id: string) => [...queryKeys.boards.detail(id), 'members'] as const,
};

export const meetingQueries = {
  list: (id: string) => queryOptions({ queryKey: keys.meetings(id), queryFn: () => apiCall(api.listMeetings, { params: { id } }) }),
  detail: (id: string, meetingId: string) => queryOptions({ queryKey: keys.meeting(id, meetingId), queryFn: () => apiCall(api.getMeeting, { params: { id, meetingId } }) }),
  motions: (id: string, meetingId: string) => queryOptions({ queryKey: keys.motions(id, meetingId), queryFn: () => apiCall(api.listMeetingMotions, { params: { id, meetingId } }) }),
  trainings: (id: string) => queryOptions({ queryKey: keys.trainings(id), queryFn: () => apiCall(api.listTrainings, { params: { id } }) }),
  /** Members with contact details: the API audits the read and answers no-store. */
  members: (id: string) => queryOptions({ queryKey: keys.members(id), queryFn: () => apiCall(api.listBoardMembers, { params: { id } }) }),
};

const useBoardMutation = <I, O>(boardId: string, fn: (input: I) => Promise<O>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate(queryClient, queryKeys.boards.detail(boardId)) });
};

export const useCreateMeeting = (boardId: string) => useBoardMutation(boardId, (body: CreateMeetingBody) => apiCall(api.createMeeting, { params: { id: boardId }, body }));
/** On the version the page showed (If-Match): a change since is a 409 stale_version. */
export const useUpdateMeeting = (boardId: string, meetingId: string) =>
  useBoardMutation(boardId, ({ version, body }: { version: number; body: UpdateMeetingBody }) =>
    apiCall(api.updateMeeting, { params: { id: boardId, meetingId }, body, headers: { 'if-match': `"${version}"` } }),
  );
export const usePutAttendance = (boardId: string, meetingId: string) =>
  useBoardMutation(boardId, ({ version, attendance }: { version: number; attendance: { memberId: string; status: Meeting['attendance'][number]['status'] }[] }) =>
    apiCall(api.putMeetingAttendance, { params: { id: boardId, meetingId }, body: { attendance, version } }),
  );
export const useCreateMotion = (boardId: string, meetingId: string) =>
  useBoardMutation(boardId, (body: { title: string; decision: Motion['decision'] }) => apiCall(api.createMotion, { params: { id: boardId, meetingId }, body }));
export const usePutVotes = (boardId: string, meetingId: string) =>
  useBoardMutation(boardId, ({ motionId, version, votes }: { motionId: string; version: number; votes: Motion['votes'] }) =>
    apiCall(api.putMotionVotes, { params: { id: boardId, meetingId, motionId }, body: { votes, version } }),
  );
export const useCreateTraining = (boardId: string) => useBoardMutation(boardId, (body: CreateTrainingBody) => apiCall(api.createTraining, { params: { id: boardId }, body }));
export const useUpdateTrainingAttendance = (boardId: string) =>
  useBoardMutation(boardId, ({ trainingId, version, attendance }: { trainingId: string; version: number; attendance: { memberId: string; attended: boolean }[] }) =>
    apiCall(api.updateTraining, { params: { id: boardId, trainingId }, body: { attendance, version } }),
  );
