import type { Tx } from '../../client';
import { locations } from '../../schema';
import type { SeedContext } from '../context';
import { ALL_ORGS } from '../data/organizations';
import { ACCESSIBILITY, PLACES, TRANSIT } from '../data/places';
import type { OrgSpec, Spa } from '../types';
import { count, insertAll } from './util';

/** Main site in the first SPA; a second site for system orgs and ~40% of CBOs (in the second SPA if any). */
const siteSpas = (ctx: SeedContext, o: OrgSpec): Spa[] => {
  const main = o.spas[0]!;
  const second = o.type !== 'cbo' || ctx.rng.chance(0.4);
  if (!second) return [main];
  return [main, o.type !== 'cbo' ? ctx.rng.pick(o.spas.slice(1)) : (o.spas[1] ?? main)];
};

const siteName = (o: OrgSpec, index: number, city: string) => {
  if (o.area === 'ipv' && index === 0) return 'Administrative Office (shelter location confidential)';
  return index === 0 ? `Main Office (${city})` : `${city} Site`;
};

const locationRows = (ctx: SeedContext, o: OrgSpec): (typeof locations.$inferInsert)[] => {
  const { rng } = ctx;
  const used = new Set<string>();
  return siteSpas(ctx, o).map((spa, i) => {
    let place = rng.pick(PLACES[spa]);
    if (used.has(place.street + place.city)) place = rng.pick(PLACES[spa]);
    used.add(place.street + place.city);
    const id = ctx.ids.uuid();
    ctx.locations.push({ id, orgKey: o.key, spa });
    return {
      id,
      organizationId: ctx.orgs.get(o.key)!,
      name: siteName(o, i, place.city),
      address1: `${rng.int(1, 149) * 100 + rng.int(0, 99)} ${place.street}`,
      address2: rng.chance(0.3) ? `Suite ${rng.int(1, 4)}${String(rng.int(0, 20)).padStart(2, '0')}` : null,
      city: place.city,
      postalCode: place.postalCode,
      latitude: Number((place.lat + rng.jitter(0.008)).toFixed(5)),
      longitude: Number((place.lng + rng.jitter(0.008)).toFixed(5)),
      spa,
      accessibility: rng.pick(ACCESSIBILITY),
      transit: rng.pick(TRANSIT[spa]),
    };
  });
};

export const seedLocations = async (tx: Tx, ctx: SeedContext) => {
  const rows = ALL_ORGS.flatMap((o) => locationRows(ctx, o));
  count(ctx, 'locations', await insertAll(tx, locations, rows));
};
