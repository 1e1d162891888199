import { readdirSync } from 'node:fs';
import { KNOWN_PENDING, OBJECT_KINDS } from './testing/policy/table';
import { expandCells, MATRIX_SHARDS, matrixShards } from './testing/policy/run-matrix';

// The authorization matrix (issue 22) runs in shards, authz.matrix.1.test.ts … (see
// testing/policy/run-matrix.ts). Here, without a database: the shards run every cell of the
// policy table exactly once, and a file runs each shard.

describe('authorization matrix (issue 22): the shards', () => {
  const shards = matrixShards();

  it('partition OBJECT_KINDS: every kind in exactly one shard, none empty', () => {
    expect(shards).toHaveLength(MATRIX_SHARDS);
    const seen = shards.flat();
    const missing = OBJECT_KINDS.filter((k) => !seen.includes(k)).map((k) => k.kind);
    const twice = OBJECT_KINDS.filter((k) => seen.filter((x) => x === k).length > 1).map((k) => k.kind);
    const foreign = seen.filter((k) => !OBJECT_KINDS.includes(k)).map((k) => k.kind);
    expect({ missing, twice, foreign }).toEqual({ missing: [], twice: [], foreign: [] });
    expect(shards.filter((s) => s.length === 0)).toEqual([]);
    // Shared objects are keyed by kind name: two kinds may not share one.
    const names = OBJECT_KINDS.map((k) => k.kind);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('run every cell exactly once', () => {
    const key = (c: { kind: string; state: string; action: string; actor: { name: string } }) => `${c.kind}|${c.state}|${c.action}|${c.actor.name}`;
    const all = expandCells(OBJECT_KINDS).map(key);
    const sharded = shards.flatMap((s) => expandCells(s)).map(key);
    expect(sharded.length).toBe(all.length);
    expect([...sharded].sort()).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(600);
    const counts = shards.map((s, i) => `shard ${i + 1}: ${expandCells(s).length} cells (${s.map((k) => k.kind).join(', ')})`);
    console.log(`authorization matrix: ${all.length} cells in ${MATRIX_SHARDS} shards\n  ${counts.join('\n  ')}`);
  });

  it('has a test file for each shard, and none beyond', () => {
    const files = readdirSync(__dirname).filter((f) => /^authz\.matrix\.\d+\.test\.ts$/.test(f)).sort();
    expect(files).toEqual(Array.from({ length: MATRIX_SHARDS }, (_, i) => `authz.matrix.${i + 1}.test.ts`).sort());
  });

  it('KNOWN_PENDING: every entry matches some cell (an entry that matches none is stale)', () => {
    const cells = expandCells(OBJECT_KINDS);
    expect(KNOWN_PENDING.filter((p) => !cells.some((c) => p.match(c))).map((p) => `defect ${p.defect} matches no cell: remove it (${p.why})`)).toEqual([]);
  });
});
