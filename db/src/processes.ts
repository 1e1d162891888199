import { spawn } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';

/**
 * What `npm start` needs to find and stop what a killed start left running (its embedded
 * PostgreSQL, Vite, an API whose wrapper died), and only that: every process is identified by its
 * command line and working directory before it is signalled. Linux /proc; elsewhere nothing is
 * recognised, so nothing is stopped.
 */

const procStat = (pid: number) => {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so split after the last ')'.
    const [state, ppid] = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return null;
  }
};

/** Whether the process runs (a zombie, dead but not yet reaped, does not). */
export const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
};

/** The process's arguments (argv), or null when it is gone or unreadable. */
export const commandLine = (pid: number): string[] | null => {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (args[args.length - 1] === '') args.pop();
    return args.length ? args : null;
  } catch {
    return null;
  }
};

export const parentPid = (pid: number) => procStat(pid)?.ppid ?? null;

export const workingDir = (pid: number) => {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
};

/** Whether the process is a Node.js one (what starts embedded PostgreSQL: npm start, tests, bench). */
export const isNodeProcess = (pid: number) => {
  const exe = commandLine(pid)?.[0];
  return Boolean(exe && /(^|\/)node(js)?$/.test(exe));
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the process to end; true if it did within timeoutMs. */
export const waitForExit = async (pid: number, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (pidAlive(pid)) {
    if (Date.now() > until) return false;
    await sleep(100);
  }
  return true;
};

/**
 * Asks the process to stop with `signal`, waits, and if it is still there after timeoutMs sends
 * `escalate`. Resolves once it is gone (or throws if even that did not end it).
 */
export const stopProcess = async (pid: number, signal: NodeJS.Signals, timeoutMs: number, escalate: NodeJS.Signals = 'SIGKILL') => {
  const send = (s: NodeJS.Signals) => {
    try {
      process.kill(pid, s);
    } catch {
      /* already gone */
    }
  };
  send(signal);
  if (await waitForExit(pid, timeoutMs)) return;
  send(escalate);
  if (!(await waitForExit(pid, 10_000))) throw new Error(`Process ${pid} did not stop after ${signal} and ${escalate}.`);
};

export interface Dependent {
  pid: number;
  signal: NodeJS.Signals;
  /** Signalled only while its command line still contains this (the pid may be reused). */
  mustContain: string;
}

/**
 * Makes processes die with their parent where the OS does not: a small detached shell polls the
 * owner every second and, once it is gone (also after `kill -9`, which no handler sees), signals
 * each dependent whose command line still matches. Linux only (it reads /proc); returns a stop
 * function for a clean shutdown, which does not need it.
 */
export const stopWithOwner = (ownerPid: number, dependents: Dependent[]) => {
  if (process.platform !== 'linux' || !dependents.length) return () => undefined;
  const script = [
    'alive() { [ -r /proc/$1/stat ] && ! sed "s/.*) //" /proc/$1/stat | grep -q "^Z"; }',
    'owner=$1; shift',
    'while alive "$owner"; do sleep 1; done',
    'while [ $# -gt 0 ]; do',
    '  if alive "$1" && tr "\\0" "\\n" < /proc/$1/cmdline | grep -qxF -- "$3"; then kill -s "$2" "$1" 2>/dev/null; fi',
    '  shift 3',
    'done',
  ].join('\n');
  const args = dependents.flatMap((d) => [String(d.pid), d.signal.replace(/^SIG/, ''), d.mustContain]);
  const watchdog = spawn('sh', ['-c', script, 'tandem-watchdog', String(ownerPid), ...args], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return () => {
    if (watchdog.exitCode === null) watchdog.kill('SIGKILL');
  };
};
