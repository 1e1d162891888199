import { PARTNERSHIP_STAGES } from '@tandem/contract';
import type { Tx } from '../../client';
import { organizations, type StageDates } from '../../schema';
import { dateFrom, daysFrom, type SeedContext } from '../context';
import { ALL_ORGS, ORG } from '../data/organizations';
import type { Rng } from '../prng';
import type { OrgSpec, PartnershipStage } from '../types';
import { count, fakePhone, insertAll } from './util';

/** Stage dates in order, each reached stage 1–5 months after the previous one; later stages null. */
export const stageDates = (rng: Rng, now: Date, stage: PartnershipStage): StageDates => {
  const reached = PARTNERSHIP_STAGES.indexOf(stage);
  const gaps = Array.from({ length: reached }, () => rng.int(30, 160));
  let day = -(gaps.reduce((a, b) => a + b, 0) + rng.int(10, 120));
  const dates: StageDates = { prospect: null, outreach: null, assessed: null, partnered: null };
  PARTNERSHIP_STAGES.forEach((s, i) => {
    if (i > reached) return;
    if (i > 0) day += gaps[i - 1]!;
    dates[s] = dateFrom(now, day);
  });
  return dates;
};

const orgRow = (ctx: SeedContext, o: OrgSpec): typeof organizations.$inferInsert => {
  const id = ctx.ids.uuid();
  ctx.orgs.set(o.key, id);
  const dates = stageDates(ctx.rng, ctx.now, o.stage);
  return {
    id,
    name: o.name,
    type: o.type,
    description: o.description,
    website: `https://${o.key}.example`,
    email: `info@${o.key}.example`,
    phone: fakePhone(ctx.rng, o.spas[0]!),
    spas: o.spas,
    focusPopulations: o.focus,
    languages: o.languages,
    partnershipStage: o.stage,
    stageDates: dates,
    internalNotes: o.notes ?? null,
    // The health system runs the network: its members alone may hold the network-wide roles.
    runsNetwork: o.key === ORG.healthSystem,
    createdAt: dates.prospect ? new Date(`${dates.prospect}T17:00:00Z`) : daysFrom(ctx.now, -30),
  };
};

/** The health system, county agencies, plan, clinic and CBOs. Liaisons are set by seedAccounts. */
export const seedOrganizations = async (tx: Tx, ctx: SeedContext) => {
  const rows = ALL_ORGS.map((o) => orgRow(ctx, o));
  count(ctx, 'organizations', await insertAll(tx, organizations, rows));
  count(ctx, 'cbos', rows.filter((r) => r.type === 'cbo').length);
};
