import { z } from 'zod';
import { EMAIL_NOTIFICATION_KINDS, NOTIFICATION_KINDS, type api } from '@tandem/contract';
import type { Db } from '@tandem/db';
import { notFound } from '../../lib/app-error';
import type { Ctx } from '../../lib/actor';
import { markIdempotencyKey, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, toPage } from '../../lib/pagination';
import { ownUserId } from './access';
import { toNotification, toSettings } from './mappers';
import { notificationsRepo } from './repo';

const KeyCursor = z.tuple([z.string(), z.uuid()]);
type ListQuery = z.output<typeof api.listNotifications.query>;
type SettingsBody = z.output<typeof api.updateNotificationSettings.body>;

/** The caller's notifications and their settings. */
export const createNotificationsService = ({ db }: { db: Db }) => ({
  async list(ctx: Ctx, q: ListQuery) {
    const rows = await notificationsRepo.page(db, ownUserId(ctx.actor), q.limit, q.unread, decodeCursor(q.cursor, KeyCursor));
    const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.n.id]);
    return { data: page.data.map((r) => toNotification(r.n)), nextCursor: page.nextCursor };
  },

  /** Someone else's notification is as unknown as a random id. */
  async read(ctx: Ctx, id: string) {
    const n = await notificationsRepo.readOne(db, id, ownUserId(ctx.actor));
    if (!n) throw notFound('notification');
    return toNotification(n);
  },

  /** With an Idempotency-Key, the key is marked with the update: a retry does not mark read what came since. */
  async readAll(ctx: Ctx) {
    const userId = ownUserId(ctx.actor);
    if (!ctx.idempotency) return { marked: await notificationsRepo.readAll(db, userId) };
    return db.transaction(async (tx) => {
      const marked = await notificationsRepo.readAll(tx, userId);
      await markIdempotencyKey(tx, ctx, { entityType: 'notification' });
      return { marked };
    });
  },

  async settings(ctx: Ctx) {
    return toSettings(await notificationsRepo.settings(db, ownUserId(ctx.actor)));
  },

  /**
   * The write recipe: lock the row (created at its defaults on first write), check the version,
   * and only when something changes: update, audit. The same values again answer 200 at the same
   * version and write nothing.
   */
  async updateSettings(ctx: Ctx, expected: number | undefined, body: SettingsBody) {
    const userId = ownUserId(ctx.actor);
    return db.transaction(async (tx) => {
      const row = await notificationsRepo.lockSettings(tx, userId);
      assertVersion(row.version, expected);
      const muted = new Set(row.mutedKinds);
      for (const [kind, on] of Object.entries(body.enabled)) {
        if (on) muted.delete(kind);
        else if (on === false) muted.add(kind);
      }
      const emailMuted = new Set(row.emailMutedKinds);
      for (const [kind, on] of Object.entries(body.email)) {
        if (on) emailMuted.delete(kind);
        else if (on === false) emailMuted.add(kind);
      }
      const next = NOTIFICATION_KINDS.filter((k) => muted.has(k));
      const before = NOTIFICATION_KINDS.filter((k) => row.mutedKinds.includes(k));
      const nextEmail = EMAIL_NOTIFICATION_KINDS.filter((k) => emailMuted.has(k));
      const beforeEmail = EMAIL_NOTIFICATION_KINDS.filter((k) => row.emailMutedKinds.includes(k));
      if (next.join() === before.join() && nextEmail.join() === beforeEmail.join()) return toSettings(row);
      const updated = await notificationsRepo.updateSettings(tx, userId, next, nextEmail);
      const changes = {
        ...(next.join() !== before.join() ? { mutedKinds: { from: before, to: next } } : {}),
        ...(nextEmail.join() !== beforeEmail.join() ? { emailMutedKinds: { from: beforeEmail, to: nextEmail } } : {}),
      };
      await recordAudit(tx, ctx, { action: 'notification_settings.update', entityType: 'notification_settings', entityId: userId, changes });
      return toSettings(updated);
    });
  },
});
export type NotificationsService = ReturnType<typeof createNotificationsService>;
