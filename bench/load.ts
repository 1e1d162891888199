import { spawn } from 'node:child_process';
import path from 'node:path';
import type { LoadResult, Scenario, TargetName } from './types';

export interface LoadOptions {
  connections: number;
  durationSec: number;
}

// The subset of autocannon's --json report we read.
interface AutocannonReport {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const AUTOCANNON = path.resolve(__dirname, '../node_modules/.bin/autocannon');

/** Runs a command in a second process and parses what it prints as JSON (`what` names it in errors). */
export const runJson = <T>(command: string, args: string[], what: string) =>
  new Promise<T>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${code}: ${err.trim()}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch (e) {
        reject(new Error(`Unreadable ${what} output (${String(e)}): ${out.slice(0, 500)} ${err.slice(0, 500)}`));
      }
    });
  });

/**
 * Drives load from a second process (autocannon's CLI), so the load generator does not share an
 * event loop, or a CPU time slice, with the servers it measures.
 */
export const runLoad = async (baseUrl: string, scenario: Scenario, target: TargetName, opts: LoadOptions): Promise<LoadResult> => {
  const args = ['--json', '-c', String(opts.connections), '-d', String(opts.durationSec), '-t', '10'];
  for (const [k, v] of Object.entries(scenario.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(`${baseUrl}${scenario.path}`);
  const r = await runJson<AutocannonReport>(AUTOCANNON, args, 'autocannon');
  return {
    scenario,
    target,
    requestsPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.non2xx + r.errors + r.timeouts,
    requests: r.requests.total,
  };
};
