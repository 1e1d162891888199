import { sql } from 'drizzle-orm';
import type { Db } from '@tandem/db';
import { hashPassword, verifyPassword } from '@tandem/db';
import type { Me } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken, sha256 } from '../../lib/crypto';
import { changingAuth } from '../../lib/auth-cache';
import { toMe } from './mappers';
import { authRepo } from './repo';
import { createLoginThrottle, throttleAddress } from './throttle';
import { emailOutbox } from '../email';

export interface AuthDeps {
  db: Db;
  sessionTtlHours: number;
  /** Free failed sign-ins per (account, address); the other throttles derive from it (throttle.ts). */
  loginMaxFailures: number;
  /** Password reset requests one address may make in an hour. */
  passwordResetsPerAddressHour?: number;
  /** The sign-in throttle's clock (tests move it instead of sleeping). */
  now?: () => Date;
}

/** A reset link works for an hour, once; an account gets at most 3 an hour (an address's limit is configured). */
export const RESET_TOKEN_MINUTES = 60;
const RESETS_PER_ACCOUNT_HOUR = 3;

// A hash to verify against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

export const createAuthService = ({ db, sessionTtlHours, loginMaxFailures, passwordResetsPerAddressHour = 10, now = () => new Date() }: AuthDeps) => {
  const throttle = createLoginThrottle({ db, loginMaxFailures, now });
  const getMe = async (userId: string): Promise<Me> => {
    const user = await authRepo.findUserById(db, userId);
    if (!user) throw new AppError('unauthenticated');
    return toMe(user, await authRepo.membershipsOf(db, userId), await authRepo.coordinatesBoards(db, userId));
  };

  const startSession = async (userId: string, ip: string, userAgent: string | undefined) => {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + sessionTtlHours * 3600_000);
    await authRepo.createSession(db, { id: sha256(token), userId, expiresAt, ip: ip || null, userAgent: userAgent?.slice(0, 300) ?? null });
    return { token, expiresAt };
  };

  return {
    getMe,
    startSession,

    async login(email: string, password: string, ip: string, userAgent: string | undefined) {
      const emailHash = sha256(email.toLowerCase());
      // Counted before the (slow) password check, so parallel guesses cannot outrun the count.
      const gate = await throttle.begin(emailHash, ip);
      if ('retryAfterSeconds' in gate) {
        const wait = gate.retryAfterSeconds;
        throw new AppError('too_many_requests', `Too many failed sign-ins. Try again in ${wait} second${wait === 1 ? '' : 's'}.`, { retryAfterSeconds: wait });
      }
      const user = await authRepo.findUserByEmail(db, email);
      const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password')), password), false);
      if (!user || !ok) throw new AppError('invalid_credentials', 'Email or password is wrong.');
      await throttle.succeeded(gate.ticket);
      // Said only to someone who knows the password: a wrong one gets invalid_credentials as for anyone.
      if (!user.active) throw new AppError('account_deactivated', 'This account is deactivated. Ask an administrator of your organization to reactivate it.');
      const session = await startSession(user.id, ip, userAgent);
      return { session, me: await getMe(user.id) };
    },

    async logout(sessionId: string) {
      await changingAuth(() => authRepo.deleteSession(db, sessionId));
    },

    async updateMe(ctx: Ctx, userId: string, patch: { name?: string; locale?: 'en' | 'es' }) {
      await db.transaction(async (tx) => {
        await authRepo.updateUser(tx, userId, patch);
        await recordAudit(tx, ctx, { action: 'user.update_self', entityType: 'user', entityId: userId });
      });
      return getMe(userId);
    },

    async acceptInvitation(ctx: Ctx, token: string, password: string, name: string | undefined, userAgent: string | undefined) {
      const inv = await authRepo.findOpenInvitation(db, sha256(token));
      // The token sets a password, so it is only for a new account: someone who already has one
      // accepts signed in (acceptMyInvitation), and a token never resets their password.
      const invitee = inv && (await authRepo.findUserById(db, inv.userId));
      if (!inv || !invitee || invitee.passwordHash) throw notFound('invitation (it may have expired or been used)');
      // A deactivated account does not get a password (and a session) through an old invitation link.
      if (!invitee.active) throw new AppError('account_deactivated', 'This account is deactivated. Ask an administrator of your organization to reactivate it.');
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await authRepo.updateUser(tx, inv.userId, { passwordHash, ...(name ? { name } : {}) });
        await authRepo.acceptInvitation(tx, inv.id);
        await recordAudit(tx, { ...ctx, actor: { kind: 'user', userId: inv.userId, sessionId: '', memberships: [], isNetworkAdmin: false } }, {
          action: 'invitation.accept',
          entityType: 'user',
          entityId: inv.userId,
          organizationId: inv.organizationId,
        });
      });
      const session = await startSession(inv.userId, ctx.ip, userAgent);
      return { session, me: await getMe(inv.userId) };
    },

    /**
     * Always the same answer (202), whatever the email: whether an account exists is never said.
     * An active account gets a single-use link by email (the token is stored only as its hash),
     * at most RESETS_PER_ACCOUNT_HOUR an hour (more are dropped silently). Each address may ask
     * passwordResetsPerAddressHour times an hour (PASSWORD_RESETS_PER_ADDRESS_HOUR, default 10), counted in PostgreSQL (every process agrees),
     * after which it gets 429 with retryAfterSeconds, the same for known and unknown emails.
     */
    async requestPasswordReset(email: string, ip: string) {
      const at = now();
      const gate = await authRepo.countResetRequest(db, `reset:${throttleAddress(ip || 'unknown')}`, at);
      if (gate.count > passwordResetsPerAddressHour) {
        const wait = Math.max(1, Math.ceil((gate.windowStart.getTime() + 3600_000 - at.getTime()) / 1000));
        throw new AppError('too_many_requests', `Too many password reset requests. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
      }
      const user = await authRepo.findUserByEmail(db, email);
      if (!user?.active) return { accepted: true as const };
      await db.transaction(async (tx) => {
        // Serializes requests for one account, so the limit holds under parallel requests.
        await tx.execute(sql`select 1 from users where id = ${user.id}::uuid for update`);
        if ((await authRepo.countResetTokensSince(tx, user.id, new Date(at.getTime() - 3600_000))) >= RESETS_PER_ACCOUNT_HOUR) return;
        const token = randomToken();
        const tokenId = await authRepo.createResetToken(tx, { tokenHash: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000) });
        await emailOutbox.queue(tx, user.id, 'password_reset', { resetId: tokenId, token });
      });
      return { accepted: true as const };
    },

    /**
     * The emailed token sets a new password (the same rules as everywhere: PasswordSchema), once:
     * the token is locked and marked used with the change, and every session of the account ends
     * in the same transaction (caches emptied after commit).
     */
    async confirmPasswordReset(ctx: Ctx, token: string, password: string) {
      const passwordHash = await hashPassword(password);
      const invalid = () => new AppError('invalid_reset_token', 'This password reset link is not valid: it was used already or has expired. Ask for a new one.');
      await changingAuth(() =>
        db.transaction(async (tx) => {
          const row = await authRepo.lockResetToken(tx, sha256(token));
          if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) throw invalid();
          const user = await authRepo.findUserById(tx, row.userId);
          if (!user?.active) throw invalid();
          await authRepo.useResetToken(tx, row.id);
          await authRepo.updateUser(tx, user.id, { passwordHash });
          await authRepo.deleteSessionsOf(tx, user.id);
          await recordAudit(tx, { ...ctx, actor: { kind: 'user', userId: user.id, sessionId: '', memberships: [], isNetworkAdmin: false } }, {
            action: 'user.password_reset',
            entityType: 'user',
            entityId: user.id,
          });
        }),
      );
    },

    /** Invitations waiting for the signed-in user (people who already had an account when invited). */
    async myInvitations(userId: string) {
      const rows = await authRepo.openInvitationsOf(db, userId);
      return { data: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() })) };
    },

    /** The invited person accepts, signed in: only now do they become a member (ARCHITECTURE §4). */
    async acceptMyInvitation(ctx: Ctx, userId: string, invitationId: string) {
      await changingAuth(() =>
        db.transaction(async (tx) => {
          const [inv] = await authRepo.openInvitationsOf(tx, userId, invitationId);
          if (!inv) throw notFound('invitation (it may have expired or been used)');
          await authRepo.addMembership(tx, userId, inv.organizationId, inv.role);
          await authRepo.acceptInvitation(tx, inv.id);
          await recordAudit(tx, ctx, {
            action: 'invitation.accept',
            entityType: 'membership',
            entityId: userId,
            organizationId: inv.organizationId,
            changes: { role: { from: null, to: inv.role } },
          });
        }),
      );
      return getMe(userId);
    },
  };
};
export type AuthService = ReturnType<typeof createAuthService>;
