import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from './run';
import { repoRoot } from '../db/src/paths';

const root = repoRoot;
export const webDist = path.join(root, 'web/dist');

// What the web build is made from: its own sources and config, the contract it imports, the lockfile.
const INPUTS = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'web/tsconfig.json', 'packages/contract/src', 'pnpm-lock.yaml'];

/** The newest file under `p` (a file or a folder), as [mtime, path]. */
const newest = (p: string): [number, string] => {
  if (!existsSync(p)) return [0, p];
  const st = statSync(p);
  if (!st.isDirectory()) return [st.mtimeMs, p];
  let best: [number, string] = [0, p];
  for (const entry of readdirSync(p)) {
    const hit = newest(path.join(p, entry));
    if (hit[0] > best[0]) best = hit;
  }
  return best;
};

/**
 * Why web/dist must be built again, or null when it is newer than everything it is built from.
 * Checking takes milliseconds; a build takes 5-15 s on this project's 2-core machines.
 */
export const webBuildStale = (): string | null => {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return 'no build yet';
  const built = statSync(index).mtimeMs;
  for (const input of INPUTS) {
    const [mtime, file] = newest(path.join(root, input));
    if (mtime > built) return `${path.relative(root, file)} changed since the last build`;
  }
  return null;
};

/** Builds the web app into web/dist unless the build there is current. */
export const ensureWebBuild = async () => {
  const why = webBuildStale();
  if (!why) {
    console.log('==> Web app build is current (web/dist)');
    return;
  }
  console.log(`==> Building the web app (${why})`);
  const started = Date.now();
  const code = await run(path.join(root, 'web/node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: path.join(root, 'web') });
  if (code !== 0) throw new Error(`The web build failed (exit ${code}).`);
  console.log(`    built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
