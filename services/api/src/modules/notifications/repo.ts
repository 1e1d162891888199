import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { NotificationEntityType, NotificationKind } from '@tandem/contract';

const { notifications, notificationSettings } = schema;

export type NotificationRow = typeof notifications.$inferSelect;
export type SettingsRow = typeof notificationSettings.$inferSelect;

/** The notifications module's own tables only: notifications and notification_settings. */
export const notificationsRepo = {
  /**
   * The insert other modules send with their write (not run here: a WITH part or writeTogether
   * piece, so the notification commits with the change it reports). `rows` is the producer's
   * query, columns (user_id uuid, entity_id uuid, title text, data jsonb): who to tell about
   * which record. Users who turned `kind` off are skipped here, at creation, so nothing is
   * created for them. referral_id mirrors entity_id for referrals (its ON DELETE CASCADE).
   */
  insertFrom: (kind: NotificationKind, entityType: NotificationEntityType, rows: SQL): SQL =>
    sql`insert into ${notifications} (user_id, kind, entity_type, entity_id, referral_id, title, data)
      select r.user_id, ${kind}, ${entityType}, r.entity_id, ${entityType === 'referral' ? sql`r.entity_id` : sql`null::uuid`}, r.title, r.data
      from (${rows}) r
      where r.user_id is not null
        and not exists (select 1 from ${notificationSettings} s where s.user_id = r.user_id and ${kind} = any(s.muted_kinds))`,

  /** notifications_user_idx (user_id, created_at desc, id desc) serves the page and its keyset. */
  page: async (db: DbOrTx, userId: string, limit: number, unread?: boolean, after?: [string, string]) =>
    db
      .select({ n: notifications, cursorAt: sql<string>`${notifications.createdAt}::text` })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          unread === true ? sql`${notifications.readAt} is null` : unread === false ? sql`${notifications.readAt} is not null` : undefined,
          after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit + 1),

  /** Marks one read if it is the user's; undefined otherwise (someone else's is unknown). */
  readOne: async (db: DbOrTx, id: string, userId: string) =>
    (
      await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning()
    )[0],

  /** Every unread notification of the user, read now; how many there were. */
  readAll: async (db: DbOrTx, userId: string) =>
    (
      await db.execute<{ n: number }>(sql`with r as (
        update ${notifications} set read_at = now() where user_id = ${userId}::uuid and read_at is null returning 1
      ) select count(*)::int as n from r`)
    ).rows[0]!.n,

  settings: async (db: DbOrTx, userId: string): Promise<SettingsRow | undefined> =>
    (await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)))[0],

  /** The user's settings row, created at its defaults (version 1) if missing, and locked for the write. */
  lockSettings: async (db: DbOrTx, userId: string): Promise<SettingsRow> => {
    await db.insert(notificationSettings).values({ userId }).onConflictDoNothing();
    return (await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)).for('update'))[0]!;
  },

  updateSettings: async (db: DbOrTx, userId: string, mutedKinds: string[], emailMutedKinds: string[]): Promise<SettingsRow> =>
    (
      await db
        .update(notificationSettings)
        .set({ mutedKinds, emailMutedKinds, version: sql`${notificationSettings.version} + 1`, updatedAt: sql`now()` })
        .where(eq(notificationSettings.userId, userId))
        .returning()
    )[0]!,
};
