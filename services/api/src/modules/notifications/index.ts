import type { FastifyInstance } from 'fastify';
import type { NotificationEntityType, NotificationKind } from '@tandem/contract';
import type { SQL } from 'drizzle-orm';
import { notificationsRepo } from './repo';
import { notificationRoutes } from './routes';
import { createNotificationsService } from './service';

/**
 * In-app notifications: each user's inbox of them and which kinds they get. Other modules
 * notify through a Notifier (below) handed to them at wiring time; this module never reads their
 * tables, and they never read its own.
 */
export const notificationsModule = async (app: FastifyInstance) => {
  notificationRoutes(app, createNotificationsService({ db: app.db }));
};

/**
 * What a producing module gets to notify with: a write to send together with its change (a WITH
 * part or a writeTogether piece), so the notification commits with what it reports. `rows` is the
 * producer's query of who to tell about which record: columns (user_id, entity_id, title, data).
 * Users who turned the kind off get nothing.
 */
export interface Notifier {
  insert(kind: NotificationKind, entityType: NotificationEntityType, rows: SQL): SQL;
}
export const notifier: Notifier = { insert: notificationsRepo.insertFrom };
