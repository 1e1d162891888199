import type pg from 'pg';

// Row g (0-based over the whole run) of a batch: its time, actor, action and entity from g alone.
const INSERT = `insert into audit_log (id, at, actor_user_id, actor_org_id, action, entity_type, entity_id, organization_id, request_id, ip, changes)
 select gen_random_uuid(),
        to_timestamp($3::float8 + g * $4::float8),
        ($5::uuid[])[1 + g % cardinality($5::uuid[])],
        ($6::uuid[])[1 + g % cardinality($6::uuid[])],
        (array['referral.read', 'referral.list', 'client.read', 'referral.read', 'client.read', 'referral.message', 'referral.status', 'client.update'])[1 + g % 8],
        case when g % 8 in (2, 4, 7) then 'client' else 'referral' end,
        md5((g % 2000000)::text)::uuid::text,
        ($6::uuid[])[1 + (g / 7) % cardinality($6::uuid[])],
        'bench-' || g,
        '10.0.0.1'::inet,
        case when g % 8 = 7 then '{"phones":{"from":"[redacted]","to":"[redacted]"}}'::jsonb end
 from generate_series($1::bigint, $2::bigint) g`;

export interface AuditRowsOptions {
  /** Months back from now the rows spread over, evenly and in time order (72: HIPAA's six years). */
  months?: number;
  /** Rows per INSERT … SELECT (one statement each, so progress can be reported). */
  batch?: number;
  /** Connections inserting batches at once (2 keeps both cores of a small machine busy). */
  parallel?: number;
  /** Organizations and users the rows name (any uuids; the audit log has no foreign keys). */
  orgIds?: readonly string[];
  userIds?: readonly string[];
  onBatch?: (done: number, total: number) => void;
}

/**
 * Appends `rows` audit rows spread evenly over the last `months` months, oldest first, generated
 * inside PostgreSQL (`generate_series`): no row crosses the wire, so 50,000,000 rows cost what
 * the inserts and their four index entries cost. The rows look like the API's: mostly reads of
 * referrals and clients (entity ids spread over 2,000,000 values), a few updates with changes.
 * First makes sure the months they fall in have their partitions (`tandem_audit_partitions`), as
 * a log that has been running that long would. Batches are handed out oldest first to `parallel`
 * connections, each batch its own statement and transaction (synchronous_commit off: bench data).
 * Returns the number of rows written.
 */
export const generateAuditRows = async (pool: pg.Pool, rows: number, opts: AuditRowsOptions = {}) => {
  const months = opts.months ?? 72;
  const batch = opts.batch ?? 1_000_000;
  const orgs = opts.orgIds?.length ? opts.orgIds : ['00000000-0000-4000-8000-000000000001'];
  const users = opts.userIds?.length ? opts.userIds : ['00000000-0000-4000-8000-000000000002'];
  await pool.query(`select tandem_audit_partitions(3, now() - make_interval(months => $1::int))`, [months]);
  // The span in seconds; row g of the whole run sits at start + g * step.
  const { rows: span } = await pool.query<{ start: string; step: number }>(
    `select extract(epoch from now() - make_interval(months => $1::int))::float8 as start,
            extract(epoch from make_interval(months => $1::int))::float8 / $2::float8 as step`,
    [months, rows],
  );
  const { start, step } = span[0]!;
  let next = 0;
  let done = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query('set synchronous_commit = off');
      while (next < rows) {
        const first = next;
        const n = Math.min(batch, rows - first);
        next += n;
        await client.query(INSERT, [first, first + n - 1, start, step, users, orgs]);
        done += n;
        opts.onBatch?.(done, rows);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel ?? 2) }, worker));
  return done;
};
