import type { Tx } from '../../client';
import { contacts } from '../../schema';
import type { SeedContext } from '../context';
import { ACCOUNT_SPECS } from '../data/accounts';
import { ALL_ORGS } from '../data/organizations';
import { CONTACT_TITLES, NAME_GROUPS } from '../data/people';
import { personName } from '../prng';
import type { OrgSpec } from '../types';
import { count, emailPart, fakePhone, insertAll } from './util';

type ContactRow = typeof contacts.$inferInsert;

const SYSTEM_DEPARTMENTS = ['Whole Person Care', 'Care Coordination', 'Contracts and Grants', 'Community Programs'];

/** A fictional person whose name no other contact has. */
const newPerson = (ctx: SeedContext, taken: Set<string>) => {
  for (;;) {
    const name = personName(ctx.rng, NAME_GROUPS);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
};

const emailFor = (name: string, o: OrgSpec) => {
  const [first, ...rest] = name.split(' ');
  return `${emailPart(first!)}.${emailPart(rest.join(''))}@${o.key}.example`;
};

const orgContacts = (ctx: SeedContext, o: OrgSpec, taken: Set<string>): ContactRow[] => {
  const { rng } = ctx;
  const orgId = ctx.orgs.get(o.key)!;
  const spa = o.spas[0]!;
  const own = ctx.services.filter((s) => s.orgKey === o.key);
  const n = o.type === 'cbo' ? rng.int(1, 3) : 3;
  // Where the org has demo accounts, its referral contact is one of those people.
  const account =
    ACCOUNT_SPECS.find((a) => a.org === o.key && a.role === 'staff') ??
    ACCOUNT_SPECS.find((a) => a.org === o.key && a.role === 'org_admin');
  const rows: ContactRow[] = [];
  for (let i = 0; i < n; i++) {
    const name = i === 0 && account && !taken.has(account.name) ? (taken.add(account.name), account.name) : newPerson(ctx, taken);
    const kind = i === 0 ? 'referral' : i === 1 ? 'leader' : 'service';
    const service = kind === 'service' && own.length ? rng.pick(own) : undefined;
    rows.push({
      id: ctx.ids.uuid(),
      organizationId: orgId,
      serviceId: service?.id ?? null,
      name,
      title: rng.pick(CONTACT_TITLES[kind]),
      department: o.type === 'cbo' ? null : rng.pick(SYSTEM_DEPARTMENTS),
      email: i === 0 && account && !account.email.startsWith('admin@') ? account.email : emailFor(name, o),
      phone: fakePhone(rng, spa),
      isPublic: kind === 'referral' ? true : rng.chance(0.7),
      isReferralContact: kind === 'referral' || (kind === 'service' && rng.chance(0.5)),
    });
  }
  return rows;
};

/** 1–3 named people per organization; the first is always a public referral contact. */
export const seedContacts = async (tx: Tx, ctx: SeedContext) => {
  const taken = new Set<string>();
  const rows = ALL_ORGS.flatMap((o) => orgContacts(ctx, o, taken));
  count(ctx, 'contacts', await insertAll(tx, contacts, rows));
};
