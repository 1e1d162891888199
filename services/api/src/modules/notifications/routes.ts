import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import type { NotificationsService } from './service';

// Every route is the signed-in user's own (access.ts): no API keys, no other user's rows.
export const notificationRoutes = (app: FastifyInstance, notifications: NotificationsService) => {
  route(app, api.listNotifications, { rule: rules.signedIn, handler: async (req) => notifications.list(req.ctx(), req.query) });
  route(app, api.markNotificationRead, { rule: rules.signedIn, handler: async (req) => notifications.read(req.ctx(), req.params.id) });
  route(app, api.markAllNotificationsRead, { rule: rules.signedIn, handler: async (req) => notifications.readAll(req.ctx()) });
  route(app, api.getNotificationSettings, { rule: rules.signedIn, handler: async (req) => notifications.settings(req.ctx()) });
  route(app, api.updateNotificationSettings, {
    rule: rules.signedIn,
    handler: async (req) => notifications.updateSettings(req.ctx(), req.expectedVersion, req.body),
  });
};
