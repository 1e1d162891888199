import type { z } from 'zod';
import type { Db } from '@tandem/db';
import { isCapacityStale, type ServiceSearchHit, type ServiceSearchQuerySchema } from '@tandem/contract';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/app-error';
import { decodeCursor, encodeCursor } from '../../lib/pagination';
import { isAnonymous } from './access';
import { SearchCursor } from './cursors';
import { hitLocation } from './search.card';
import { searchServices, type SearchRow } from './search.repo';
import { zipCentroid } from './zip';

type Query = z.output<typeof ServiceSearchQuerySchema>;

const toHit = (r: SearchRow, now: Date, near: { lat: number; lng: number } | undefined, anonymous: boolean): ServiceSearchHit => ({
  id: r.id,
  name: r.name,
  description: r.description,
  nameEs: r.name_es,
  descriptionEs: r.description_es,
  status: r.status as ServiceSearchHit['status'],
  organization: { id: r.organization_id, name: r.organization_name },
  location: (Array.isArray(r.locations) ? hitLocation(r.locations, near) : r.locations && { ...r.locations, distanceKm: null }) as ServiceSearchHit['location'],
  todayHours: { date: r.local_date, closedReason: r.today.closedReason, intervals: r.today.intervals },
  openNow: r.open_now,
  capacity: {
    status: r.capacity_status as ServiceSearchHit['capacity']['status'],
    ...(anonymous ? {} : { note: r.capacity_note }),
    confirmedAt: r.capacity_confirmed_at,
    stale: isCapacityStale(r.capacity_confirmed_at, now),
  },
  languages: r.languages as ServiceSearchHit['languages'],
  categories: r.categories as ServiceSearchHit['categories'],
  spas: r.spas as ServiceSearchHit['spas'],
  rank: r.rank,
});

/** Directory search: one SQL statement per page (search.repo.ts), mapped to the public hit shape. */
export const createSearchService = ({ db }: { db: Db }) => ({
  /** The public (anonymous callers) gets no capacity notes: they are written for referrers. */
  async search(actor: Actor, q: Query) {
    if (q.near && q.zip) {
      throw new AppError('validation_failed', 'Give near or zip, not both.', { errors: [{ path: 'query.zip', message: 'Not with near' }] });
    }
    const [lat, lng] = q.near ? q.near.split(',').map(Number) : [];
    const near = q.zip ? await zipCentroid(q.zip) : lat !== undefined && lng !== undefined ? { lat, lng } : undefined;
    const rows = await searchServices(db, {
      q: q.q,
      category: q.category,
      communitySupport: q.communitySupport,
      spa: q.spa,
      focusPopulation: q.focusPopulation,
      language: q.language,
      age: q.age,
      at: q.openAt ? new Date(q.openAt) : null,
      onlyOpen: q.openAt !== undefined || q.openNow === true,
      accepting: q.accepting,
      near,
      radiusKm: near ? q.radiusKm : undefined,
      limit: q.limit,
      after: decodeCursor(q.cursor, SearchCursor),
    });
    const more = rows.length > q.limit;
    const data = more ? rows.slice(0, q.limit) : rows;
    const last = data[data.length - 1];
    const now = new Date();
    return { data: data.map((r) => toHit(r, now, near, isAnonymous(actor))), nextCursor: more && last ? encodeCursor([last.sort_key, last.id]) : null };
  },
});
