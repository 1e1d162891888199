import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { repoRoot } from '../../../db/src/paths';

/**
 * The local mail catcher (MailDev, docs/decisions/0018-email.md): an SMTP server that keeps every
 * message, a web page to read them, and an HTTP API (GET /email) the tests read. `npm start` runs
 * one when SMTP_URL is not set (scripts/dev.ts), the email tests run their own on free ports.
 * Its own process (MailDev keeps module-level state), bound to 127.0.0.1 only.
 */
export const MAILDEV_BIN = path.join(repoRoot, 'node_modules/maildev/bin/maildev');

export interface CaughtEmail {
  id: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  to: { address: string; name?: string }[];
  headers: Record<string, string>;
}

export interface MailCatcher {
  process: ChildProcess;
  smtpUrl: string;
  webUrl: string;
  messages(): Promise<CaughtEmail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request without keep-alive (a pooled socket would hold a test process open after it ends). */
const request = (url: string, method = 'GET') =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

/** Whether something already listens on the port (another checkout's mail catcher would otherwise answer for ours). */
const inUse = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(true));
    s.listen(port, host, () => s.close(() => resolve(false)));
  });

export const startMailCatcher = async ({ smtpPort, webPort, host = '127.0.0.1', stdio = 'ignore' }: { smtpPort: number; webPort: number; host?: string; stdio?: 'ignore' | 'inherit' }): Promise<MailCatcher> => {
  for (const port of [smtpPort, webPort]) {
    if (await inUse(port, host)) throw new Error(`Port ${port} is in use, so the mail catcher cannot start: set MAIL_SMTP_PORT / MAIL_WEB_PORT to free ports (or SMTP_URL to a mail server).`);
  }
  // Its MAILDEV_* variables would override the command line: only ours count.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MAILDEV_')));
  const child = spawn(process.execPath, [MAILDEV_BIN, '--smtp', String(smtpPort), '--web', String(webPort), '--ip', host, '--silent'], {
    cwd: repoRoot,
    stdio: ['ignore', stdio, stdio],
    env,
  });
  const webUrl = `http://${host}:${webPort}`;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (const end = Date.now() + 15_000; ; await sleep(100)) {
    if (exited !== undefined) throw new Error(`The mail catcher stopped at start (exit ${exited}): is port ${smtpPort} or ${webPort} in use? Set MAIL_SMTP_PORT / MAIL_WEB_PORT.`);
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`The mail catcher did not answer on ${webUrl} within 15 s.`);
    }
    const ok = await request(`${webUrl}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
  }
  return {
    process: child,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl,
    messages: async () => JSON.parse((await request(`${webUrl}/email`)).body) as CaughtEmail[],
    clear: async () => {
      await request(`${webUrl}/email/all`, 'DELETE');
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(kill);
    },
  };
};
