import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root: the nearest folder at or above this file's that holds
 * pnpm-workspace.yaml. Found by walking up rather than by a fixed `../..`, so that the same code
 * finds it from its sources (db/src) and from the API's bundle (services/api/dist), which
 * `npm start` runs.
 */
export const repoRoot = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml above ${__dirname}: run Tandem from its repository.`);
  }
})();
