import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { testApp, type TestApp } from '../testing/app';

// A small web build as Vite writes it: index.html, a hashed bundle and its .br/.gz (vite.config.ts).
const dist = mkdtempSync(path.join(tmpdir(), 'tandem-web-'));
const bundle = `console.log(${JSON.stringify('Tandem '.repeat(400))});`;
let t: TestApp;
beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-Ab12Cd.js"></script>');
  writeFileSync(path.join(dist, 'assets/index-Ab12Cd.js'), bundle);
  writeFileSync(path.join(dist, 'assets/index-Ab12Cd.js.br'), brotliCompressSync(bundle));
  writeFileSync(path.join(dist, 'assets/index-Ab12Cd.js.gz'), gzipSync(bundle));
  t = await testApp({ webDistDir: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the built web app on the API origin', () => {
  it('caches hashed assets for a year and revalidates index.html, on / and on client-side routes', async () => {
    for (const url of ['/', '/directory', '/directory/services/6f1c1a8e-0000-4000-8000-000000000000?x=1']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect([url, page.statusCode, page.headers['content-type'], page.headers['cache-control']]).toEqual([url, 200, 'text/html; charset=utf-8', 'no-cache']);
      expect(page.body).toContain('<div id="root">');
    }
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd.js' });
    expect([asset.statusCode, asset.headers['cache-control'], asset.headers['content-encoding']]).toEqual([200, 'public, max-age=31536000, immutable', undefined]);
    expect(asset.body).toBe(bundle);
  });

  it('sends the build’s brotli or gzip file to a browser that accepts it', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect([br.statusCode, br.headers['content-encoding'], br.headers['cache-control'], String(br.headers.vary).includes('accept-encoding')]).toEqual([200, 'br', 'public, max-age=31536000, immutable', true]);
    expect(br.headers['content-type']).toContain('javascript');
    expect(Number(br.headers['content-length'])).toBeLessThan(bundle.length / 10);
    const gz = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd.js', headers: { 'accept-encoding': 'gzip' } });
    expect([gz.headers['content-encoding'], gz.rawPayload.length < bundle.length / 10]).toEqual(['gzip', true]);
  });

  it('answers an unknown API path with a problem, not the web app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect([res.statusCode, res.headers['content-type']]).toEqual([404, 'application/problem+json; charset=utf-8']);
  });
});
