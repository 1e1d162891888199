import type { Db } from '@tandem/db';
import type { Member, Role } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken, sha256 } from '../../lib/crypto';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { changingAuth } from '../../lib/auth-cache';
import { assertMayDeactivate, assertMayGrant, assertMayManage } from './access';
import { emailOutbox } from '../email';
import { toMember, toUser } from './mappers';
import { membersRepo } from './repo';

const INVITATION_DAYS = 7;

export const createMembersService = ({ db }: { db: Db }) => ({
  async list(orgId: string, limit: number, cursor?: string) {
    if (!(await membersRepo.orgExists(db, orgId))) throw notFound('organization');
    const rows = await membersRepo.page(db, orgId, limit, decodeCursor(cursor, KeyCursor));
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.userId]);
    return { data: page.data.map(toMember), nextCursor: page.nextCursor };
  },

  /**
   * Where inviteMember's Location points: the member, or the person invited who has not accepted
   * yet (status invited). Anyone else is the 404 of an unknown id.
   */
  async get(orgId: string, userId: string): Promise<Member> {
    const m = await membersRepo.one(db, orgId, userId);
    if (m) return toMember(m);
    const inv = await membersRepo.invited(db, orgId, userId);
    if (!inv?.role) throw notFound('member');
    return { ...inv, role: inv.role as Role, status: 'invited', createdAt: inv.createdAt.toISOString() };
  },

  /** Colleagues: the active members by name and role, for the organization's own members. */
  async colleagues(orgId: string, limit: number, cursor?: string) {
    if (!(await membersRepo.orgExists(db, orgId))) throw notFound('organization');
    const rows = await membersRepo.page(db, orgId, limit, decodeCursor(cursor, KeyCursor), true);
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.userId]);
    return { data: page.data.map((r) => ({ userId: r.userId, name: r.name, role: r.role as Role })), nextCursor: page.nextCursor };
  },

  /**
   * A new email gets an account without a password, its membership, and an invitation link to
   * set a password. A person who already has an account is only invited: they become a member
   * when they accept, signed in (POST /me/invitations/{id}/accept). The answer says nothing about
   * the account beyond what the inviter sent.
   */
  async invite(ctx: Ctx, orgId: string, input: { email: string; name: string; role: Role; locale: 'en' | 'es' }) {
    return changingAuth(() => db.transaction(async (tx) => {
      if (!(await membersRepo.orgExists(tx, orgId))) throw notFound('organization');
      await assertMayGrant(tx, ctx.actor, orgId, input.role);
      const existing = await membersRepo.findUserByEmail(tx, input.email);
      const user = existing ?? (await membersRepo.createUser(tx, { email: input.email, name: input.name, locale: input.locale, passwordHash: null }));
      if (existing && ((await membersRepo.one(tx, orgId, existing.id)) || (await membersRepo.hasOpenInvitation(tx, existing.id, orgId)))) {
        throw new AppError('already_exists', `${input.email} is already a member of this organization or has an open invitation to it.`);
      }
      const token = randomToken();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const inv = await membersRepo.createInvitation(tx, {
        tokenHash: sha256(token),
        userId: user.id,
        organizationId: orgId,
        invitedBy: userIdOf(ctx.actor),
        role: input.role,
        expiresAt,
      });
      if (existing) {
        // No token for an account that exists: the email asks them to sign in and accept.
        await emailOutbox.queue(tx, user.id, 'invitation', { invitationId: inv.id });
        await recordAudit(tx, ctx, { action: 'member.invite', entityType: 'membership', entityId: user.id, organizationId: orgId, changes: { role: { from: null, to: input.role } } });
        const member: Member = { userId: user.id, organizationId: orgId, email: input.email, name: input.name, role: input.role, status: 'invited', createdAt: inv.createdAt.toISOString() };
        return { member, invitation: null };
      }
      await membersRepo.addMembership(tx, user.id, orgId, input.role);
      await emailOutbox.queue(tx, user.id, 'invitation', { invitationId: inv.id, token });
      await recordAudit(tx, ctx, { action: 'member.add', entityType: 'membership', entityId: user.id, organizationId: orgId, changes: { role: { from: null, to: input.role } } });
      const member = await membersRepo.one(tx, orgId, user.id);
      return { member: toMember(member!), invitation: { token, expiresAt: expiresAt.toISOString(), acceptPath: `/accept-invitation?token=${token}` } };
    }));
  },

  async updateRole(ctx: Ctx, orgId: string, userId: string, role: Role) {
    return changingAuth(() => db.transaction(async (tx) => {
      const before = await membersRepo.one(tx, orgId, userId);
      if (!before) throw notFound('member');
      assertMayManage(ctx.actor, before.role);
      await assertMayGrant(tx, ctx.actor, orgId, role);
      // A deactivated admin is not counted, so demoting one never leaves the org without an admin.
      if (before.role === 'org_admin' && before.active && role !== 'org_admin' && (await membersRepo.countAdmins(tx, orgId)) <= 1) {
        throw new AppError('conflict', 'An organization needs at least one org admin: make someone else admin first.');
      }
      await membersRepo.setRole(tx, orgId, userId, role);
      await recordAudit(tx, ctx, { action: 'member.role', entityType: 'membership', entityId: userId, organizationId: orgId, changes: { role: { from: before.role, to: role } } });
      return toMember({ ...before, role });
    }));
  },

  async remove(ctx: Ctx, orgId: string, userId: string) {
    await changingAuth(() => db.transaction(async (tx) => {
      const before = await membersRepo.one(tx, orgId, userId);
      if (!before) throw notFound('member');
      assertMayManage(ctx.actor, before.role);
      if (before.role === 'org_admin' && before.active && (await membersRepo.countAdmins(tx, orgId)) <= 1) {
        throw new AppError('conflict', 'An organization needs at least one org admin.');
      }
      await membersRepo.remove(tx, orgId, userId);
      await recordAudit(tx, ctx, { action: 'member.remove', entityType: 'membership', entityId: userId, organizationId: orgId, changes: { role: { from: before.role, to: null } } });
    }));
  },

  /**
   * Deactivate or reactivate an account. Deactivating ends every session in the same
   * transaction and empties the auth caches after commit (changingAuth), so the next request
   * with an old cookie is 401; sign-in answers 403 account_deactivated. Nothing else changes:
   * memberships stay (reactivation restores them as they were), and past messages and timeline
   * entries keep the person's name. No change (already so): no write, no audit row.
   */
  async setActive(ctx: Ctx, userId: string, active: boolean) {
    await changingAuth(() => db.transaction(async (tx) => {
      const user = await membersRepo.lockUser(tx, userId);
      const ms = user ? await membersRepo.membershipsOf(tx, userId) : [];
      if (!user) throw notFound('user');
      assertMayDeactivate(ctx.actor, userId, ms);
      if (user.active === active) return;
      if (!active) {
        const adminOrgs = ms.filter((m) => m.role === 'org_admin').map((m) => m.organizationId);
        await membersRepo.lockOrgs(tx, adminOrgs);
        for (const orgId of adminOrgs) {
          if ((await membersRepo.countAdmins(tx, orgId)) <= 1) throw new AppError('last_org_admin', 'This person is the last active org admin of an organization: make someone else admin first.');
        }
        await membersRepo.deleteSessions(tx, userId);
      }
      await membersRepo.setActive(tx, userId, active);
      // One row per organization, so each organization's audit trail shows it.
      for (const m of ms) {
        await recordAudit(tx, ctx, { action: active ? 'user.reactivate' : 'user.deactivate', entityType: 'user', entityId: userId, organizationId: m.organizationId, changes: { active: { from: !active, to: active } } });
      }
    }));
    const [row] = await membersRepo.users(db, { limit: 1, id: userId });
    return toUser(row!);
  },

  async users(actor: Actor, opts: { limit: number; cursor?: string; q?: string }) {
    const orgIds =
      actor.kind === 'user' && !actor.isNetworkAdmin ? actor.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId) : undefined;
    const rows = await membersRepo.users(db, { limit: opts.limit, q: opts.q, orgIds, after: decodeCursor(opts.cursor, KeyCursor) });
    const page = toPage(rows, opts.limit, (r) => [r.name.toLowerCase(), r.id]);
    return {
      data: page.data.map(toUser),
      nextCursor: page.nextCursor,
    };
  },
});
export type MembersService = ReturnType<typeof createMembersService>;
