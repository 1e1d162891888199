import type { schema } from '@tandem/db';

type CardLocation = schema.CardLocation;
export type HitLocation = CardLocation & { distanceKm: number | null };

/** earthdistance's earth(): the sphere ll_to_earth puts points on (metres). */
export const EARTH_RADIUS_M = 6_378_168;

const toCube = (lat: number, lng: number): [number, number, number] => {
  const φ = (lat * Math.PI) / 180;
  const λ = (lng * Math.PI) / 180;
  return [EARTH_RADIUS_M * Math.cos(φ) * Math.cos(λ), EARTH_RADIUS_M * Math.cos(φ) * Math.sin(λ), EARTH_RADIUS_M * Math.sin(φ)];
};

/**
 * Great-circle metres between two points: what PostgreSQL's
 * sec_to_gc(cube_distance(ll_to_earth(a), ll_to_earth(b))) gives, the distance search orders by
 * (the chord through the sphere, turned into the arc).
 */
export const greatCircleM = (a: { lat: number; lng: number }, b: { lat: number; lng: number }): number => {
  const [x1, y1, z1] = toCube(a.lat, a.lng);
  const [x2, y2, z2] = toCube(b.lat, b.lng);
  const chord = Math.hypot(x1 - x2, y1 - y2, z1 - z2);
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, chord / (2 * EARTH_RADIUS_M)));
};

/**
 * The location a search hit shows, from the service's locations in card order (lower(name), id):
 * with an origin, the nearest one that has coordinates (the first of equals), with its distance;
 * without, or when none has coordinates, the first. Null for a service without locations.
 */
export const hitLocation = (locations: readonly CardLocation[], origin: { lat: number; lng: number } | undefined): HitLocation | null => {
  let best: CardLocation | undefined;
  let bestM = Infinity;
  if (origin) {
    for (const l of locations) {
      if (l.latitude === null || l.longitude === null) continue;
      const m = greatCircleM(origin, { lat: l.latitude, lng: l.longitude });
      if (m < bestM) [best, bestM] = [l, m];
    }
  }
  // Kilometres to 10 m, as before (round(numeric, 2)).
  if (best) return { ...best, distanceKm: Math.round(bestM / 10) / 100 };
  const first = locations[0];
  return first ? { ...first, distanceKm: null } : null;
};
