import path from 'node:path';
import pg from 'pg';
import { runMigrations } from '../db/src/migrate';
import { freePort, startEmbeddedPostgres, tmpDataDir, type EmbeddedServer } from '../db/src/embedded';
import { databaseUrl } from '../db/src/testing/template-db';
import { run, step } from './run';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const jestArgs = process.argv.slice(2);
// A focused run (`npm test -- some/file`) skips the whole-repo checks.
const focused = jestArgs.some((a) => !a.startsWith('-'));

const main = async () => {
  if (!focused) {
    step('Type check');
    for (const p of ['packages/contract', 'db', 'services/api', 'web', '.']) {
      if ((await run(bin('tsc'), ['-p', p])) !== 0) return 1;
    }
    step('Lint');
    if ((await run(bin('eslint'), ['.', '--max-warnings=0'])) !== 0) return 1;
  }
  if (!focused || jestArgs.some((a) => a.includes('web'))) {
    step('Build web app (served to the browser tests)');
    if ((await run(path.join(root, 'web/node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: path.join(root, 'web') })) !== 0) return 1;
  }

  let embedded: EmbeddedServer | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    step('Start embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: tmpDataDir('test'), port: await freePort(), ephemeral: true, database: 'postgres' });
    adminUrl = embedded.adminUrl;
  }
  const template = `tandem_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${template}"`);
    await admin.query(`create database "${template}"`);
    await runMigrations(databaseUrl(adminUrl, template));
    step('Run jest');
    return await run(bin('jest'), jestArgs, {
      env: { TANDEM_TEST_ADMIN_URL: adminUrl, TANDEM_TEST_TEMPLATE: template, WEB_DIST_DIR: path.join(root, 'web/dist'), NODE_ENV: 'test' },
    });
  } finally {
    await admin.query(`drop database if exists "${template}" with (force)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
  }
};

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
