import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type Doc = { paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> };

/** Error answers are documented as application/problem+json, as they are sent. */
const problemContentTypes = (doc: Doc) => {
  for (const ops of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(ops)) {
      for (const [status, res] of Object.entries(op.responses ?? {})) {
        if (Number(status) >= 400 && res.content?.['application/json']) {
          res.content = { 'application/problem+json': res.content['application/json'] };
        }
      }
    }
  }
  return doc;
};

export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Tandem API',
          version: '1.0.0',
          description:
            'Partner directory, closed-loop referrals, engagement reporting and advisory boards for a safety-net health network. ' +
            'Errors are application/problem+json (RFC 9457) with a stable `code`. Lists use cursor pagination (`limit`, `cursor` → `nextCursor`). ' +
            'POST accepts `Idempotency-Key`; state changes take `If-Match` with the version you read.',
        },
        servers: [],
        components: {
          securitySchemes: {
            sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tandem_session', description: 'Session from POST /api/v1/auth/login' },
            apiKey: { type: 'http', scheme: 'bearer', description: 'Organization API key: `Authorization: Bearer tdm_...`. Scopes are listed per operation.' },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: (input) => problemContentTypes(jsonSchemaTransformObject(input) as Doc) as ReturnType<typeof jsonSchemaTransformObject>,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
