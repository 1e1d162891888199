import type { Db, DbOrTx } from '@tandem/db';
import { isNetworkRole, type Member, type Role } from '@tandem/contract';
import { AppError, forbidden, notFound } from '../../lib/app-error';
import { isNetworkAdmin, type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken, sha256 } from '../../lib/crypto';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { changingAuth } from '../../lib/auth-cache';
import { membersRepo, type MemberRow } from './repo';

const INVITATION_DAYS = 7;

const toMember = (r: MemberRow): Member => ({
  userId: r.userId,
  organizationId: r.organizationId,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  status: r.hasPassword ? 'active' : 'invited',
  createdAt: r.createdAt.toISOString(),
});

/**
 * Who grants what (ARCHITECTURE §4): an org admin grants staff and org_admin in their own
 * organization (the route's rule); the network-wide roles only a network admin grants, and only
 * in the organization that runs the network.
 */
const assertMayGrant = async (db: DbOrTx, actor: Actor, orgId: string, role: Role) => {
  if (!isNetworkRole(role)) return;
  if (!isNetworkAdmin(actor)) throw new AppError('role_not_grantable', `Only network admins grant the ${role} role.`);
  const runsNetwork = await membersRepo.runsNetwork(db, orgId);
  if (runsNetwork === undefined) throw notFound('organization');
  if (!runsNetwork) throw new AppError('role_not_grantable', `The ${role} role exists only in the organization that runs the network.`);
};

/** Only network admins change or remove someone holding a network-wide role. */
const assertMayManage = (actor: Actor, current: string) => {
  if (isNetworkRole(current as Role) && !isNetworkAdmin(actor)) throw forbidden(`Only network admins change or remove a member with the ${current} role.`);
};

export const createMembersService = ({ db }: { db: Db }) => ({
  async list(orgId: string, limit: number, cursor?: string) {
    if (!(await membersRepo.orgExists(db, orgId))) throw notFound('organization');
    const rows = await membersRepo.page(db, orgId, limit, decodeCursor(cursor, KeyCursor));
    const page = toPage(rows, limit, (r) => [r.name.toLowerCase(), r.userId]);
    return { data: page.data.map(toMember), nextCursor: page.nextCursor };
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
        await recordAudit(tx, ctx, { action: 'member.invite', entityType: 'membership', entityId: user.id, organizationId: orgId, changes: { role: { from: null, to: input.role } } });
        const member: Member = { userId: user.id, organizationId: orgId, email: input.email, name: input.name, role: input.role, status: 'invited', createdAt: inv.createdAt.toISOString() };
        return { member, invitation: null };
      }
      await membersRepo.addMembership(tx, user.id, orgId, input.role);
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
      assertMayManage(ctx.actor, before.role);
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
    const rows = await membersRepo.users(db, { limit: opts.limit, q: opts.q, orgIds, after: decodeCursor(opts.cursor, KeyCursor) });
    const page = toPage(rows, opts.limit, (r) => [r.name.toLowerCase(), r.id]);
    return {
      data: page.data.map((u) => ({ ...u, locale: u.locale as 'en' | 'es', createdAt: u.createdAt.toISOString() })),
      nextCursor: page.nextCursor,
    };
  },
});
