import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../client';
import type { Rng } from '../prng';
import type { SeedContext } from '../context';
import { AREA_CODES } from '../data/places';
import type { Spa } from '../types';

/** Multi-row inserts in chunks, well below PostgreSQL's 65,535 bind-parameter limit. */
export const insertAll = async <T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], chunk = 500) => {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.insert(table).values(rows.slice(i, i + chunk));
  }
  return rows.length;
};

/** A fictional number in the reserved 555-0100..0199 range, e.g. (213) 555-0142. */
export const fakePhone = (rng: Rng, spa: Spa) => `(${rng.pick(AREA_CODES[spa])}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;

/** 'Dela Cruz' -> 'delacruz', 'Min-ji' -> 'minji'. */
export const emailPart = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export const count = (ctx: SeedContext, key: string, n: number) => {
  ctx.counts[key] = (ctx.counts[key] ?? 0) + n;
};
