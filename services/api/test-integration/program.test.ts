import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { member, testApp, type TestApp } from '../src/testing/app';
import { world } from '../src/modules/referrals/testing';

// An integrator's view: openapi-typescript generates types from the served document, program.ts
// must type-check against them (tsc, strict) and then run against the listening app.
const root = path.resolve(__dirname, '../../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await testApp();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-client-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const sh = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(bin(cmd), args, { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

it('a program typed by openapi-typescript signs in with a key, searches, refers, sends, messages and changes status', async () => {
  const w = await world(t);
  const admin = await member(t, w.clinic, 'org_admin');
  const key = await admin.call('POST', `/api/v1/organizations/${w.clinic.id}/api-keys`, {
    name: 'integration',
    scopes: ['directory:read', 'referrals:read', 'referrals:write'],
  });
  expect(key.status).toBe(201);
  writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(t.app.swagger()));
  const gen = sh('openapi-typescript', ['openapi.json', '-o', 'api.d.ts']);
  expect(gen.out).not.toMatch(/error/i);
  expect(gen.status).toBe(0);
  copyFileSync(path.join(__dirname, 'program.ts'), path.join(dir, 'program.ts'));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        lib: ['ES2023', 'DOM'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        types: [],
        noUncheckedIndexedAccess: true,
      },
      files: ['program.ts', 'api.d.ts'],
    }),
  );
  const tsc = sh('tsc', ['-p', 'tsconfig.json']);
  expect(tsc.out).toBe('');
  expect(tsc.status).toBe(0);

  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // Asynchronously: the app answering the program runs in this process.
  const run = await promisify(execFile)(bin('tsx'), ['program.ts'], {
    cwd: dir,
    timeout: 60_000,
    env: { ...process.env, TANDEM_URL: url, TANDEM_KEY: key.body.secret, TANDEM_CLIENT_ID: w.client.id },
  });
  const result = JSON.parse(run.stdout.trim().split('\n').pop()!);
  expect(result).toMatchObject({ searched: w.service.id, sent: 'sent', status: 'cancelled', etag: expect.stringMatching(/^"\d+"$/), synced: 'cancelled' });
  const saved = await admin.call('GET', `/api/v1/referrals/${result.referral}`);
  expect(saved.body).toMatchObject({ status: 'cancelled', receivingOrganizationId: w.cbo.id });
});
