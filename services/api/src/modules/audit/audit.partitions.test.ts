import { sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../testing/app';
import { AUDIT_MONTHS_AHEAD } from './index';
import { auditRepo } from './repo';

// The audit log is range-partitioned by month (migration 0021, docs/decisions/0005): the next
// months' partitions exist once the API is ready, a row no partition covers lands in DEFAULT, and
// creating its month's partition later moves it there without losing it.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const rows = async <T>(q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as T[];
const monthName = (d: Date) => `audit_log_p${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
const monthsFromNow = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 15, 12));
};
const partitionOf = async (id: string) =>
  (await rows<{ part: string }>(sql`select tableoid::regclass::text as part from audit_log where id = ${id}`))[0]?.part;

describe('audit log partitions', () => {
  it('is partitioned by range on at, with this month and the next ones ready and a DEFAULT partition', async () => {
    const [p] = await rows<{ strategy: string; key: string }>(
      sql`select partstrat as strategy, pg_get_partkeydef('audit_log'::regclass) as key from pg_partitioned_table where partrelid = 'audit_log'::regclass`,
    );
    expect(p).toEqual({ strategy: 'r', key: 'RANGE (at)' });
    const parts = (await rows<{ name: string }>(sql`select inhrelid::regclass::text as name from pg_inherits where inhparent = 'audit_log'::regclass`)).map((r) => r.name);
    for (let n = 0; n <= AUDIT_MONTHS_AHEAD; n++) expect(parts).toContain(monthName(monthsFromNow(n)));
    expect(parts).toContain('audit_log_default');
    // Nothing is missing, so a second call creates nothing.
    expect(await auditRepo.ensurePartitions(t.db, AUDIT_MONTHS_AHEAD)).toBe(0);
  });

  it('keeps a row beyond the prepared months in DEFAULT, then moves it into its month when that partition is made', async () => {
    const at = monthsFromNow(AUDIT_MONTHS_AHEAD + 2);
    const [row] = await rows<{ id: string }>(sql`insert into audit_log (at, action, entity_type, entity_id) values (${at.toISOString()}::timestamptz, 'client.read', 'client', 'c1') returning id`);
    expect(await partitionOf(row!.id)).toBe('audit_log_default');

    expect(await auditRepo.ensurePartitions(t.db, AUDIT_MONTHS_AHEAD + 2)).toBe(2);
    expect(await partitionOf(row!.id)).toBe(monthName(at));
    const [again] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where id = ${row!.id} and at = ${at.toISOString()}::timestamptz and entity_id = 'c1'`);
    expect(again!.n).toBe(1);
    const [left] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log_default`);
    expect(left!.n).toBe(0);
  });

});
