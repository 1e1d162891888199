import { runMatrixShard } from './testing/policy/run-matrix';

// Shard 2 of the authorization matrix (issue 22): which object kinds it runs, and why the
// matrix is split, in testing/policy/run-matrix.ts. authz.matrix.test.ts checks the split.
runMatrixShard(2);
