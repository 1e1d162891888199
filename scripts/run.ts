import { spawn } from 'node:child_process';

/** Runs a command with inherited output; resolves with its exit code. */
export const run = (cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  new Promise<number>((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: opts.cwd, env: { ...process.env, ...opts.env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

export const step = (title: string) => console.log(`\n==> ${title}`);
