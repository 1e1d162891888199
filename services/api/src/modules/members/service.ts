import { z } from 'zod';
import type { Db } from '@tandem/db';
import type { Member, Role } from '@tandem/contract';
import { AppError, forbidden, notFound } from '../../lib/app-error';
import { isNetworkAdmin, type Actor, type Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken, sha256 } from '../../lib/crypto';
import { decodeCursor, toPage } from '../../lib/pagination';
import { changingAuth } from '../../lib/auth-cache';
import { membersRepo, type MemberRow } from './repo';

const INVITATION_DAYS = 7;
const NameCursor = z.tuple([z.string(), z.uuid()]);

const toMember = (r: MemberRow): Member => ({
  userId: r.userId,
  organizationId: r.organizationId,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  status: r.hasPassword ? 'active' : 'invited',
  createdAt: r.createdAt.toISOString(),
});

/** Only network admins hand out the network_admin role. */
const assertMayGrant = (actor: Actor, role: Role) => {
  if (role === 'network_admin' && !isNetworkAdmin(actor)) throw forbidden('Only network admins can grant the network_admin role.');
};

export const createMembersService = ({ db }: { db: Db }) => ({
  async list(orgId: string, limit: number, cursor?: string) {
    if (!(await membersRepo.orgExists(db, orgId))) throw notFound('organization');
    const rows = await membersRepo.page(db, orgId, limit, decodeCursor(cursor, NameCursor));
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.userId]);
    return { data: page.data.map(toMember), nextCursor: page.nextCursor };
  },

  /** Colleagues: the active members by name and role, for the organization's own members. */
  async colleagues(orgId: string, limit: number, cursor?: string) {
    if (!(await membersRepo.orgExists(db, orgId))) throw notFound('organization');
    const rows = await membersRepo.page(db, orgId, limit, decodeCursor(cursor, NameCursor), true);
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.userId]);
    return { data: page.data.map((r) => ({ userId: r.userId, name: r.name, role: r.role as Role })), nextCursor: page.nextCursor };
  },

  async invite(ctx: Ctx, orgId: string, input: { email: string; name: string; role: Role; locale: 'en' | 'es' }) {
    assertMayGrant(ctx.actor, input.role);
    return changingAuth(() => db.transaction(async (tx) => {
      if (!(await membersRepo.orgExists(tx, orgId))) throw notFound('organization');
      let user = await membersRepo.findUserByEmail(tx, input.email);
      let invitation: { token: string; expiresAt: string; acceptPath: string } | null = null;
      if (!user) {
        user = await membersRepo.createUser(tx, { email: input.email, name: input.name, locale: input.locale, passwordHash: null });
        const token = randomToken();
        const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
        await membersRepo.createInvitation(tx, {
          tokenHash: sha256(token),
          userId: user.id,
          organizationId: orgId,
          invitedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          expiresAt,
        });
        invitation = { token, expiresAt: expiresAt.toISOString(), acceptPath: `/accept-invitation?token=${token}` };
      }
      if (!(await membersRepo.addMembership(tx, user.id, orgId, input.role))) {
        throw new AppError('already_exists', `${input.email} is already a member of this organization.`);
      }
      await recordAudit(tx, ctx, { action: 'member.add', entityType: 'membership', entityId: user.id, organizationId: orgId, changes: { role: { from: null, to: input.role } } });
      const member = await membersRepo.one(tx, orgId, user.id);
      return { member: toMember(member!), invitation };
    }));
  },

  async updateRole(ctx: Ctx, orgId: string, userId: string, role: Role) {
    assertMayGrant(ctx.actor, role);
    return changingAuth(() => db.transaction(async (tx) => {
      const before = await membersRepo.one(tx, orgId, userId);
      if (!before) throw notFound('member');
      if (before.role === 'network_admin' && !isNetworkAdmin(ctx.actor)) throw forbidden('Only network admins can change a network admin.');
      if (before.role === 'org_admin' && role !== 'org_admin' && (await membersRepo.countAdmins(tx, orgId)) <= 1) {
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
      if (before.role === 'network_admin' && !isNetworkAdmin(ctx.actor)) throw forbidden('Only network admins can remove a network admin.');
      if (before.role === 'org_admin' && (await membersRepo.countAdmins(tx, orgId)) <= 1) {
        throw new AppError('conflict', 'An organization needs at least one org admin.');
      }
      await membersRepo.remove(tx, orgId, userId);
      await recordAudit(tx, ctx, { action: 'member.remove', entityType: 'membership', entityId: userId, organizationId: orgId, changes: { role: { from: before.role, to: null } } });
    }));
  },

  async users(actor: Actor, opts: { limit: number; cursor?: string; q?: string }) {
    const orgIds =
      actor.kind === 'user' && !actor.isNetworkAdmin ? actor.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId) : undefined;
    const rows = await membersRepo.users(db, { limit: opts.limit, q: opts.q, orgIds, after: decodeCursor(opts.cursor, NameCursor) });
    const page = toPage(rows, opts.limit, (r) => [r.name.toLowerCase(), r.id]);
    return {
      data: page.data.map((u) => ({ ...u, locale: u.locale as 'en' | 'es', createdAt: u.createdAt.toISOString() })),
      nextCursor: page.nextCursor,
    };
  },
});
