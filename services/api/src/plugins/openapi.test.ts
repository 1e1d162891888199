import { testApp, type TestApp } from '../testing/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document with every /api/v1 route, schemas and security schemes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['sessionCookie', 'apiKey']);
    const ops = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; responses: Record<string, { content?: object }> }>>).flatMap(([p, m]) =>
      Object.entries(m).map(([method, op]) => ({ p, method, op })),
    );
    const { api } = await import('@tandem/contract');
    for (const e of Object.values(api)) {
      const found = ops.find((o) => o.op.operationId === e.operationId);
      expect(found).toBeDefined();
      expect(found!.op.responses['400']?.content).toHaveProperty(['application/problem+json']);
    }
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('health', () => {
  it('/healthz answers and /readyz reports every migration applied', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready.status).toBe('ready');
    expect(ready.migrations.applied).toBe(ready.migrations.expected);
  });
});

describe('security headers and CORS', () => {
  it('sets security headers and allows only the web origin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'http://127.0.0.1:5173' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    const evil = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });
});
