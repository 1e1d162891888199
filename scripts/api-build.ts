import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { repoRoot } from '../db/src/paths';

/**
 * The API as it runs in production: TypeScript compiled ahead of time into one CommonJS file per
 * entry, run by plain `node`. Running the sources through tsx's loader instead costs ~50 MB of
 * resident memory per process (the loader's own thread and V8 heap, the transpiled sources and
 * their source maps: 170 MB idle against 118 MB bundled), which the bench counts against the API.
 *
 * The workspace's own packages (@tandem/*, TypeScript sources) go into the bundle; every other
 * package stays a `require` of node_modules (native modules, packages that read their own files).
 * `npm start` builds before it runs (~0.3 s); an unchanged output is not rewritten, and a changed
 * one is written to a temporary file and renamed over, so a start running beside never reads half
 * a file.
 */
export const API_DIST = path.join(repoRoot, 'services/api/dist');

const ENTRIES = {
  /** `npm start` / `npm run dev`: embedded PostgreSQL, migrations, demo data, the API and the web app. */
  start: path.join(repoRoot, 'scripts/dev.ts'),
  /** The server alone (DATABASE_URL or embedded PostgreSQL, migrations, listen): the Docker image, the bench. */
  server: path.join(repoRoot, 'services/api/src/server.ts'),
  /**
   * The background worker (services/worker, its own package): bundled here beside the API, whose
   * node_modules resolve what both require (graphile-worker is a dependency of both packages).
   */
  worker: path.join(repoRoot, 'services/worker/src/worker.ts'),
};

const workspaceOnly: Plugin = {
  name: 'node-modules-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@tandem/') ? undefined : { path: args.path, external: true }));
  },
};

/** Bundles `entries` (name → source file) into `outdir` as described above. */
export const bundle = async (entries: Record<string, string>, outdir: string) => {
  const result = await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    keepNames: true,
    sourcemap: 'linked',
    plugins: [workspaceOnly],
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(outdir, { recursive: true });
  let written = 0;
  for (const file of result.outputFiles) {
    if (existsSync(file.path) && readFileSync(file.path).equals(file.contents)) continue;
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written++;
  }
  return { written, files: result.outputFiles.length };
};

export const buildApi = () => bundle(ENTRIES, API_DIST);

if (require.main === module) {
  buildApi().then(
    ({ written }) => console.log(written ? `==> Built the API (services/api/dist)` : '==> API build is current'),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
