import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { IdSchema } from '../common/ids';
import { ProblemSchema } from '../common/problem';
import {
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSchema,
  NotificationSettingsSchema,
  NotificationsMarkedSchema,
  UpdateNotificationSettingsBodySchema,
} from './schemas';

const tags = ['Notifications'];

export const notificationEndpoints = {
  listNotifications: defineEndpoint({
    method: 'GET',
    path: '/api/v1/notifications',
    operationId: 'listNotifications',
    summary: "The signed-in user's notifications, newest first",
    description: "The caller's notifications, each naming the record it is about (entityType + entityId) so a client can group them. Changes nothing.",
    tags,
    security: ['session'],
    query: NotificationListQuerySchema,
    responses: { 200: NotificationPageSchema },
  }),
  markNotificationRead: defineEndpoint({
    method: 'POST',
    path: '/api/v1/notifications/{id}/read',
    operationId: 'markNotificationRead',
    summary: 'Mark one of your notifications read',
    description: "Marks one of the caller's notifications read.",
    tags,
    security: ['session'],
    params: z.object({ id: IdSchema }),
    responses: { 200: NotificationSchema, 404: ProblemSchema },
  }),
  markAllNotificationsRead: defineEndpoint({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: 'Mark every one of your unread notifications read',
    description: "Marks all of the caller's unread notifications read.",
    tags,
    security: ['session'],
    responses: { 200: NotificationsMarkedSchema },
  }),
  getNotificationSettings: defineEndpoint({
    method: 'GET',
    path: '/api/v1/me/notification-settings',
    operationId: 'getNotificationSettings',
    concurrency: 'read',
    summary: 'Which kinds of notification you get',
    description: "The caller's notification settings (every kind on until turned off), with their version as ETag. Changes nothing.",
    tags,
    security: ['session'],
    responses: { 200: NotificationSettingsSchema },
  }),
  updateNotificationSettings: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/me/notification-settings',
    operationId: 'updateNotificationSettings',
    concurrency: 'required',
    summary: 'Turn kinds of notification on or off (If-Match or version required)',
    description:
      'Turns the kinds named on or off for the caller; kinds not named keep their setting. Notifications of a kind turned off are not created for you from then on. Takes `If-Match` with the version you read (a user who never saved settings is at version 1).',
    tags,
    security: ['session'],
    body: UpdateNotificationSettingsBodySchema,
    responses: { 200: NotificationSettingsSchema, 409: ProblemSchema, 428: ProblemSchema },
  }),
};
