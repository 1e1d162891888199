import { sql } from 'drizzle-orm';
import type { Tx } from '../../client';
import { hashPassword } from '../../passwords';
import { EMAIL_NOTIFICATION_KINDS } from '@tandem/contract';
import { memberships, notificationSettings, users } from '../../schema';
import { must, type SeedContext } from '../context';
import { ACCOUNT_SPECS, DEMO_PASSWORD } from '../data/accounts';
import { ALL_ORGS, ORG } from '../data/organizations';
import { count, insertAll } from './util';

let demoHash: Promise<string> | undefined;
/** argon2id is slow on purpose: hash the demo password once per process and reuse it. */
export const demoPasswordHash = () => (demoHash ??= hashPassword(DEMO_PASSWORD));

const assignLiaisons = async (tx: Tx, ctx: SeedContext) => {
  const collab = ACCOUNT_SPECS.filter((a) => a.liaisonFor?.length);
  const pairs: [string, string][] = [];
  for (const o of ALL_ORGS) {
    if (o.key === ORG.healthSystem || o.stage === 'prospect') continue;
    const liaison = collab.find((a) => a.liaisonFor!.includes(o.spas[0]!)) ?? collab[0]!;
    const userId = must(ctx.users, liaison.email, 'user');
    ctx.liaisons.set(o.key, userId);
    pairs.push([must(ctx.orgs, o.key, 'organization'), userId]);
  }
  if (!pairs.length) return;
  const values = sql.join(
    pairs.map(([org, user]) => sql`(${org}::uuid, ${user}::uuid)`),
    sql`, `,
  );
  await tx.execute(
    sql`update organizations o set liaison_user_id = v.user_id from (values ${values}) as v(org_id, user_id) where o.id = v.org_id`,
  );
  count(ctx, 'liaisons', pairs.length);
};

/** Users (all with the demo password), their memberships, and collaboration-team liaisons. */
export const seedAccounts = async (tx: Tx, ctx: SeedContext) => {
  const passwordHash = await demoPasswordHash();
  const userRows = ACCOUNT_SPECS.map((a) => {
    const id = ctx.ids.uuid();
    ctx.users.set(a.email.toLowerCase(), id);
    return { id, email: a.email, name: a.name, passwordHash, locale: a.locale ?? 'en' };
  });
  count(ctx, 'users', await insertAll(tx, users, userRows));
  // Demo accounts start with notification emails off: the seeded history and the first overdue sweep
  // would otherwise fill the local mail catcher with hundreds of messages before anyone did anything.
  // Invitations and password resets still send; each account turns emails on under Notifications.
  await insertAll(tx, notificationSettings, userRows.map((u) => ({ userId: u.id, emailMutedKinds: [...EMAIL_NOTIFICATION_KINDS] })));

  const membershipRows = ACCOUNT_SPECS.map((a) => {
    const userId = must(ctx.users, a.email.toLowerCase(), 'user');
    if (a.role === 'org_admin' && !ctx.orgAdmins.has(a.org)) ctx.orgAdmins.set(a.org, userId);
    return { userId, organizationId: must(ctx.orgs, a.org, 'organization'), role: a.role };
  });
  count(ctx, 'memberships', await insertAll(tx, memberships, membershipRows));
  await assignLiaisons(tx, ctx);
};
