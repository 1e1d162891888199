import type { EndpointDef } from '@tandem/contract';
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
    const ops = Object.entries(
      doc.paths as Record<string, Record<string, { operationId: string; responses: Record<string, { content?: object }> }>>,
    ).flatMap(([p, m]) => Object.entries(m).map(([method, op]) => ({ p, method, op })));
    const { api } = await import('@tandem/contract');
    for (const e of Object.values(api)) {
      const found = ops.find((o) => o.op.operationId === e.operationId);
      expect(found).toBeDefined();
      expect(found!.op.responses['400']?.content).toHaveProperty(['application/problem+json']);
    }
    const login = doc.paths['/api/v1/auth/login'].post.requestBody.$ref.split('/').pop();
    expect(doc.components.requestBodies[login].content['application/json'].schema.properties.email).toBeDefined();
  });

  it('documents each operation: who may call it, If-Match, every problem status with its codes, headers and examples', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const { api, problemCodesOf } = await import('@tandem/contract');
    const { TAGS } = await import('./openapi');
    expect(doc.servers).toEqual([{ url: 'http://127.0.0.1:3000', description: expect.any(String) }]);
    expect(doc.tags.every((tag: { name: string; description: string }) => TAGS[tag.name] === tag.description)).toBe(true);
    for (const e of Object.values(api) as EndpointDef[]) {
      const op = doc.paths[e.path][e.method.toLowerCase()];
      expect(op.tags.every((tag: string) => tag in TAGS)).toBe(true);
      expect(op.description).toContain(e.description);
      expect(op.description).toMatch(/\*\*Who may call:\*\* .+\./);
      const ifMatch = (op.parameters ?? []).find((p: { name: string; in: string }) => p.name.toLowerCase() === 'if-match' && p.in === 'header');
      expect(!!ifMatch).toBe(e.concurrency === 'required' || e.concurrency === 'optional');
      for (const [status, codes] of Object.entries(problemCodesOf(e))) {
        const res = op.responses[status];
        expect(res.description).toContain(codes.map((c) => `\`${c}\``).join(', '));
        expect(res.content['application/problem+json'].example.code).toBe(codes[0]);
        expect(Object.keys(res.headers)).toContain('X-RateLimit-Remaining');
      }
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['429', '503']));
      expect(Object.keys(op.responses['503'].headers)).toContain('Retry-After');
      if (e.body) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['413', '415']));
    }
    const transition = doc.paths['/api/v1/referrals/{id}/transitions'].post;
    expect(transition.responses['428'].description).toContain('precondition_required');
    expect(JSON.stringify(transition.responses['409'].content)).toContain('#/components/schemas/StaleVersionProblem');
    expect(JSON.stringify(transition.responses['409'].content)).toContain('#/components/schemas/InvalidTransitionProblem');
    expect(Object.keys(transition.responses['200'].headers)).toContain('ETag');
    const send = doc.paths['/api/v1/referrals/{id}/send'].post;
    expect(JSON.stringify(send.responses['422'].content)).toContain('#/components/schemas/PacketIncompleteProblem');
    expect(JSON.stringify(send.responses['409'].content)).toContain('#/components/schemas/DuplicateReferralProblem');
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.StaleVersionProblem.properties)).toContain('currentVersion');
    expect(Object.keys(schemas.InvalidTransitionProblem.properties)).toContain('allowed');
    expect(Object.keys(schemas.PacketIncompleteProblem.properties)).toContain('missing');
    expect(Object.keys(schemas.DuplicateReferralProblem.properties)).toContain('duplicates');
    // Fields with defaults are optional in request bodies, which are named request bodies (where
    // generators treat defaults as optional), not schemas.
    expect(doc.paths['/api/v1/organizations'].post.requestBody).toEqual({ $ref: '#/components/requestBodies/CreateOrganizationBody' });
    const createOrg = doc.components.requestBodies.CreateOrganizationBody.content['application/json'].schema;
    expect(createOrg.properties.partnershipStage.default).toBe('prospect');
    expect(createOrg.required).not.toContain('partnershipStage');
    expect(Object.keys(schemas).filter((n) => n.endsWith('Input'))).toEqual([]);
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
