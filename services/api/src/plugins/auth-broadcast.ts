import fp from 'fastify-plugin';
import pg from 'pg';
import { authChanged, onAuthChange, setListening } from '../lib/auth-cache';

export const AUTH_CHANNEL = 'tandem_auth_changed';

export interface AuthBroadcastOptions {
  url: string;
  /** Off when nothing is cached (AUTH_CACHE_SECONDS=0): there is nothing to empty. */
  enabled: boolean;
  /** First wait before reconnecting a lost listener; doubles up to 30 s. */
  retryMs?: number;
}

/**
 * Several API processes behave as one (issue 27): a write that changes who may do what (sign-out,
 * member added, role changed or removed, API key revoked) empties the auth caches of every API
 * process on the same database, not only its own.
 *
 * The writer sends `NOTIFY tandem_auth_changed` once its write has committed (lib/auth-cache.ts
 * `changingAuth`), before its response leaves; each process keeps one connection that LISTENs and
 * empties its caches on every notification. While that connection is lost this process caches
 * nothing (a notification may be missed meanwhile), and it empties its caches again when it is
 * listening once more.
 */
export const authBroadcastPlugin = fp<AuthBroadcastOptions>(
  async (app, opts) => {
    if (!opts.enabled) return;
    const retryFirst = opts.retryMs ?? 500;
    let client: pg.Client | undefined;
    let listening = false;
    let closing = false;
    let timer: NodeJS.Timeout | undefined;
    let retry = retryFirst;

    // Not listening until the first LISTEN has answered: nothing is cached before then.
    setListening(false);
    const up = () => {
      if (!listening) setListening(true);
      listening = true;
      retry = retryFirst;
    };
    const down = () => {
      if (listening) setListening(false);
      listening = false;
    };

    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: opts.url, application_name: 'tandem-auth-listener' });
      c.on('error', (err) => app.log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'auth listener connection error'));
      c.on('notification', (n) => {
        if (n.channel === AUTH_CHANNEL) authChanged();
      });
      c.on('end', () => {
        if (client !== c) return;
        client = undefined;
        down();
        if (!closing) later();
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${AUTH_CHANNEL}`);
      } catch (err) {
        app.log.warn({ err: { message: (err as Error).message } }, 'auth listener could not listen; retrying');
        await c.end().catch(() => undefined);
        if (!closing) later();
        return;
      }
      if (closing) return void (await c.end().catch(() => undefined));
      client = c;
      up();
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void connect(), retry);
      timer.unref();
      retry = Math.min(retry * 2, 30_000);
    };

    const stop = onAuthChange(async () => {
      try {
        await app.pool.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, String(process.pid)]);
      } catch (err) {
        app.log.warn({ err: { message: (err as Error).message } }, 'could not tell the other API processes of an auth change');
      }
    });

    await connect();

    app.addHook('onClose', async () => {
      closing = true;
      stop();
      clearTimeout(timer);
      const c = client;
      client = undefined;
      // A connection left half-open by a database that went away must not hold the app's close.
      await Promise.race([c?.end().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000).unref())]);
      // Leave the process's caches as if this app had never been (other apps may share the process).
      if (!listening) setListening(true);
      listening = false;
    });
  },
  { name: 'auth-broadcast', dependencies: ['db'] },
);
