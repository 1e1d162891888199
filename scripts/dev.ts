import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createDb, createPool, runMigrations } from '../db/src';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/src/embedded';
import { buildApp } from '../services/api/src/app';
import { loadConfig, parseEnv } from '../services/api/src/config';

const root = path.resolve(__dirname, '..');

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, API and web. */
const main = async () => {
  const env = parseEnv();
  let embedded: EmbeddedServer | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    console.log(`==> Starting embedded PostgreSQL (data in ${env.TANDEM_PG_DATA}/, port ${env.TANDEM_PG_PORT})`);
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(root, env.TANDEM_PG_DATA), port: env.TANDEM_PG_PORT });
    url = embedded.url;
  }
  console.log('==> Applying migrations');
  await runMigrations(url);
  await seedIfEmpty(url);

  const app = await buildApp(loadConfig(url));
  await app.listen({ host: env.HOST, port: env.PORT });
  const webPort = Number(process.env.WEB_PORT ?? 5173);
  const apiUrl = `http://${env.HOST}:${env.PORT}`;
  const web = spawn(path.join(root, 'web/node_modules/.bin/vite'), ['--port', String(webPort), '--strictPort', '--host', '127.0.0.1'], {
    cwd: path.join(root, 'web'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, API_URL: apiUrl },
  });
  printWelcome(apiUrl, `http://127.0.0.1:${webPort}`);

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    stopChild(web);
    await app.close();
    await embedded?.stop();
    process.exit(code);
  };
  web.on('exit', (code) => {
    if (!stopping) {
      console.error(`The web dev server stopped (exit ${code}).`);
      void stop(1);
    }
  });
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
};

const seedIfEmpty = async (url: string) => {
  const { seedDemo, isDatabaseEmpty } = await import('../db/src/seed');
  const pool = createPool(url, { max: 2 });
  try {
    const db = createDb(pool);
    if (await isDatabaseEmpty(db)) {
      console.log('==> Loading demo data (first start)');
      const summary = await seedDemo(db);
      console.log(`    ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    }
  } finally {
    await pool.end();
  }
};

const stopChild = (c: ChildProcess) => {
  if (c.exitCode === null) c.kill('SIGTERM');
};

const printWelcome = (apiUrl: string, webUrl: string) => {
  console.log(`
  Tandem is running
    Web app   ${webUrl}
    API       ${apiUrl}/api/v1
    API docs  ${apiUrl}/docs   (OpenAPI: ${apiUrl}/openapi.json)

  Sign in as admin@tandem.example with the demo password tandem-demo-2026
  (every demo account is listed in README.md). Press Ctrl+C to stop.
`);
};

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
