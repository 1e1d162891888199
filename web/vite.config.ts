import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes .br and .gz beside each built text file over 1 KiB, once per build, so the API sends the
 * bundle compressed (plugins/web.ts, preCompressed) without compressing on every request.
 */
const precompress = (): Plugin => ({
  name: 'tandem-precompress',
  apply: 'build',
  writeBundle(options, bundle) {
    for (const name of Object.keys(bundle)) {
      if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
      const file = path.join(options.dir ?? 'dist', name);
      const body = readFileSync(file);
      if (body.length < 1024) continue;
      writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
      writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    }
  },
});

// The API serves everything below these prefixes; the dev server forwards them so the browser
// sees one origin and the SameSite=Lax session cookie just works.
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxied = ['/api', '/docs', '/openapi.json', '/healthz', '/readyz', '/hsds', '/fhir'];

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiTarget, changeOrigin: false }])),
  },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiTarget, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // One bundle on purpose: every page is a click away and the file is cached for a year (plugins/web.ts).
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // zod ships comments Rollup cannot place; harmless, and noise that hides real warnings.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
