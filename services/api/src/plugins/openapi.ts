import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { api, ERROR_TITLES, problemCodesOf, problemType, statusOf, type EndpointDef, type ErrorCode } from '@tandem/contract';

type Json = Record<string, unknown>;
type Response = { description?: string; content?: Record<string, { schema?: Json; example?: unknown }>; headers?: Json };
type Operation = { operationId?: string; description?: string; parameters?: Json[]; requestBody?: Json; responses?: Record<string, Response> };
type Doc = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json>; headers?: Record<string, Json>; requestBodies?: Record<string, Json> };
  tags?: { name: string; description: string }[];
};

/** Every tag an operation uses, described; the document test fails on a tag missing here. */
export const TAGS: Record<string, string> = {
  Health: 'Liveness and readiness of the API process and its database',
  Auth: 'Signing in and out, the signed-in user, invitations',
  'API keys': 'Organization API keys for integrators (shown once when created)',
  Members: 'People in an organization, their roles and invitations',
  Organizations: 'Partner organizations in the network directory',
  Services: 'Services partners offer: search, details, schedules and capacity',
  Locations: 'Places where services are delivered',
  Contacts: 'Named people to reach at a partner',
  Agreements: 'Agreements between organizations (BAAs, data sharing, MOUs)',
  Clients: 'People referred for services (PHI: every read is audited)',
  Consents: "Clients' consents to share their information with organizations",
  Referrals: 'Closed-loop referrals: drafts, sending, status changes, messages',
  Notifications: 'In-app notifications for the signed-in user',
  'Service gaps': 'Regions lacking a service: the gaps register, its evidence and the coverage matrix',
  Boards: 'Community advisory boards: charters, public applications, review, decisions, members, meetings (attendance, quorum), motions and votes, trainings, satisfaction checks',
  Audit: 'Who read or changed what',
  Reports: 'Figures over the network: referral flows and how fast and how completely each step happens; CSV with Accept: text/csv',
  HSDS: 'The directory as Open Referral HSDS 3.0 (read-only, public)',
  Directory: 'Bulk import and export of the directory',
  Webhooks: 'Signed HTTPS callbacks when referrals change: subscriptions, secrets, the delivery log, test events and redelivery',
  Engagement: 'Engagement events the collaboration team logs: outreach, assessments, workgroups, town halls',
};

// Response headers, declared once and referenced.
const HEADERS: Record<string, Json> = {
  ETag: {
    description:
      'A write answers the version of the record, e.g. `"3"`; a read answers the version and a digest of the representation, e.g. `"3-9f2c4e1a0b7d6c55"`, so that `If-None-Match` never hides a change drawn from other records. Send either back as `If-Match` to change the record: only its version counts.',
    schema: { type: 'string' },
  },
  Location: { description: 'Where to read the record the request wrote', schema: { type: 'string' } },
  RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
  RateLimitLimit: {
    description: 'Requests allowed per caller (API key, user, or else IP address) per minute',
    schema: { type: 'integer' },
  },
  RateLimitRemaining: { description: 'Requests left in the current minute', schema: { type: 'integer' } },
  RateLimitReset: { description: 'Seconds until the minute resets', schema: { type: 'integer' } },
  ContentDisposition: { description: 'A download: `attachment; filename="..."`', schema: { type: 'string' } },
};
/** Representations that are files, not JSON: a success answers them alone, as a download. */
const FILE_TYPES = ['application/zip', 'text/csv'];
const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
const RATE_HEADERS = {
  'X-RateLimit-Limit': ref('RateLimitLimit'),
  'X-RateLimit-Remaining': ref('RateLimitRemaining'),
  'X-RateLimit-Reset': ref('RateLimitReset'),
};


const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid',
  401: 'No valid credentials',
  403: 'The caller may not do this',
  404: 'No such record, or not one the caller may see',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict with the current state',
  413: 'Body too large',
  414: 'URL too long',
  415: 'Unsupported content type',
  422: 'The request cannot be applied',
  428: 'If-Match required',
  429: 'Too many requests',
  431: 'Headers too large',
  500: 'Unexpected error',
  503: 'Unavailable for a moment; retry',
};

const exampleProblem = (code: ErrorCode, path: string) => ({
  type: problemType(code),
  title: ERROR_TITLES[code],
  status: statusOf(code),
  detail: ERROR_TITLES[code] + '.',
  instance: path.replace(/\{(\w+)\}/g, '0b9e2c4e-8f9a-4a63-9d4c-3f5f7f1c2a11'),
  code,
  ...(code === 'validation_failed'
    ? { errors: [{ path: 'body.name', message: 'Too small: expected string to have >=2 characters', code: 'too_short', params: { min: 2 } }] }
    : {}),
  ...(code === 'stale_version' ? { currentVersion: 4 } : {}),
  ...(code === 'invalid_transition' ? { allowed: ['accepted', 'declined'] } : {}),
  ...(code === 'packet_incomplete'
    ? {
        missing: [{ field: 'needs', code: 'packet.needs', message: 'Choose at least one need' }],
        errors: [{ path: 'needs', message: 'Choose at least one need', code: 'missing' }],
      }
    : {}),
  ...(code === 'duplicate_referral' ? { duplicates: [] } : {}),
  requestId: '5f0c6d1e-2b7a-4c4e-9a51-0d2b8f3e6a77',
});

/** Problem responses: problem+json, the codes they carry, examples and headers. */
const describeOperation = (op: Operation, e: EndpointDef | undefined) => {
  // An upload has no JSON body for the route to declare: its multipart shape is documented here.
  if (e?.uploads && !op.requestBody)
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', description: e.uploads, additionalProperties: { type: 'string', format: 'binary' } },
        },
      },
    };
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    const s = Number(status);
    if (s >= 400 && res.content?.['application/json']) {
      res.content = { 'application/problem+json': res.content['application/json'] };
    }
    res.headers = { ...res.headers, ...RATE_HEADERS };
    if (s < 300 && e && schemaHas(res.content?.['application/json']?.schema, 'version')) res.headers.ETag = ref('ETag');
    if (s === 429 || s === 503) res.headers['Retry-After'] = ref('RetryAfter');
    const file = e?.produces?.find((t) => FILE_TYPES.includes(t));
    if (s < 300 && file && res.content) {
      const description = res.content['application/json']?.schema?.description;
      res.content = { [file]: { schema: { type: 'string', contentMediaType: file, ...(description ? { description } : {}) } } };
      res.headers['Content-Disposition'] = ref('ContentDisposition');
    }
    // A report also answers `Accept: text/csv`: one tidy row per cell, beside the JSON.
    if (s < 300 && e?.produces?.includes('text/csv') && res.content?.['application/json'])
      res.content['text/csv'] = { schema: { type: 'string', contentMediaType: 'text/csv', description: 'The same figures, one row per cell (RFC 4180, with a header row)' } };
    if (!e || s < 400) {
      if (res.description === 'Default Response') res.description = s === 204 ? 'Done; no content' : 'Success';
      continue;
    }
    const codes = problemCodesOf(e)[s] ?? [];
    if (s === 409 && codes.includes('idempotency_in_progress'))
      Object.assign(res.headers, { 'Retry-After': ref('RetryAfter'), Location: ref('Location') });
    res.description = `${STATUS_TEXT[s] ?? 'Problem'}. Codes: ${codes.map((c) => `\`${c}\``).join(', ')}`;
    const media = res.content?.['application/problem+json'];
    if (media && codes[0]) media.example = exampleProblem(codes[0], e.path);
  }
};

let schemas: Record<string, Json> = {};
const resolve = (s: Json | undefined): Json | undefined => {
  const r = s?.$ref;
  return typeof r === 'string' ? resolve(schemas[r.split('/').pop()!]) : s;
};
const schemaHas = (s: Json | undefined, key: string) => {
  const props = resolve(s)?.properties as Json | undefined;
  return !!props && key in props;
};

const walk = (node: unknown, visit: (o: Json) => void) => {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    Object.values(node).forEach((n) => walk(n, visit));
  }
};
const SCHEMA_REF = '#/components/schemas/';

/**
 * One component per schema: the zod provider emits an `XInput` twin of every named schema; a twin
 * equal to its original is merged into it, one whose original is unused takes its name, and
 * nothing unreachable from an operation is kept.
 */
const tidySchemas = (doc: Doc) => {
  const all = doc.components?.schemas ?? {};
  const renameRefs = (from: string, to: string) =>
    walk(doc, (o) => {
      if (o.$ref === SCHEMA_REF + from) o.$ref = SCHEMA_REF + to;
    });
  for (let changed = true; changed;) {
    changed = false;
    for (const name of Object.keys(all)) {
      const base = name.replace(/Input$/, '');
      if (base !== name && all[base] && JSON.stringify(all[base]) === JSON.stringify(all[name])) {
        delete all[name];
        renameRefs(name, base);
        changed = true;
      }
    }
  }
  prune(doc);
  for (const name of Object.keys(all)) {
    const base = name.replace(/Input$/, '');
    if (base !== name && !all[base]) {
      all[base] = all[name]!;
      delete all[name];
      renameRefs(name, base);
    }
  }
  toRequestBodies(doc);
  prune(doc);
  doc.components!.schemas = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
};

/** Drops every schema no operation reaches. */
const prune = (doc: Doc) => {
  const all = doc.components?.schemas ?? {};
  const used = new Set<string>();
  const mark = (node: unknown) =>
    walk(node, (o) => {
      const r = o.$ref;
      if (typeof r === 'string' && r.startsWith(SCHEMA_REF)) {
        const n = r.slice(SCHEMA_REF.length);
        if (!used.has(n)) {
          used.add(n);
          mark(all[n]);
        }
      }
    });
  mark(doc.paths);
  mark(doc.components?.requestBodies);
  for (const name of Object.keys(all)) if (!used.has(name)) delete all[name];
};

/**
 * A schema only request bodies use becomes a named request body (components.requestBodies), with
 * the input-only schemas under it inlined: generators (openapi-typescript) then make fields with a
 * default optional, as the API treats them, instead of required as in a response.
 */
const toRequestBodies = (doc: Doc) => {
  const all = doc.components?.schemas ?? {};
  const bodyRefs = new Map<string, Json[]>();
  for (const ops of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(ops) as (Operation & { requestBody?: Json })[]) {
      const rb = op.requestBody as { content?: Record<string, { schema?: Json }> } | undefined;
      const r = rb?.content?.['application/json']?.schema?.$ref;
      if (typeof r === 'string' && Object.keys(rb!.content!).length === 1)
        bodyRefs.set(r.slice(SCHEMA_REF.length), [...(bodyRefs.get(r.slice(SCHEMA_REF.length)) ?? []), op as Json]);
    }
  }
  const otherRefs = new Map<string, number>();
  walk({ paths: doc.paths, schemas: all }, (o) => {
    if (typeof o.$ref === 'string' && o.$ref.startsWith(SCHEMA_REF))
      otherRefs.set(o.$ref.slice(SCHEMA_REF.length), (otherRefs.get(o.$ref.slice(SCHEMA_REF.length)) ?? 0) + 1);
  });
  const inlineInputs = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inlineInputs);
    if (!node || typeof node !== 'object') return node;
    const r = (node as Json).$ref;
    if (typeof r === 'string' && r.startsWith(SCHEMA_REF) && r.endsWith('Input')) return inlineInputs(all[r.slice(SCHEMA_REF.length)]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlineInputs(v)]));
  };
  const bodies: Record<string, Json> = {};
  for (const [name, ops] of [...bodyRefs].sort(([a], [b]) => a.localeCompare(b))) {
    if ((otherRefs.get(name) ?? 0) !== ops.length) continue;
    bodies[name] = { required: true, content: { 'application/json': { schema: inlineInputs(all[name]) } } };
    delete all[name];
    for (const op of ops) op.requestBody = { $ref: `#/components/requestBodies/${name}` };
  }
  doc.components!.requestBodies = bodies;
};

const byOperationId = new Map<string, EndpointDef>(Object.values(api).map((e) => [e.operationId, e]));

export const finishDocument = (doc: Doc) => {
  schemas = doc.components?.schemas ?? {};
  for (const ops of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(ops)) describeOperation(op, byOperationId.get(op.operationId ?? ''));
  }
  doc.components = { ...doc.components, headers: HEADERS };
  const used = new Set(
    Object.values(doc.paths ?? {}).flatMap((ops) => Object.values(ops).flatMap((op) => (op as { tags?: string[] }).tags ?? [])),
  );
  doc.tags = Object.entries(TAGS)
    .filter(([name]) => used.has(name))
    .map(([name, description]) => ({ name, description }));
  tidySchemas(doc);
  return doc;
};

export interface OpenapiOptions {
  /** Base URLs the API is served at (config.publicUrl). */
  servers: { url: string; description?: string }[];
}

export const openapiPlugin = fp<OpenapiOptions>(
  async (app, opts) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Tandem API',
          version: '1.0.0',
          description:
            'Partner directory, closed-loop referrals, engagement reporting and advisory boards for a safety-net health network. ' +
            'Errors are application/problem+json (RFC 9457) with a stable `code`; send `Accept-Language: es` for titles and details in Spanish (the `code` stays the same). ' +
            'Lists use cursor pagination (`limit`, `cursor` → `nextCursor`). ' +
            'POST accepts `Idempotency-Key`; state changes take `If-Match` with the version you read (the `ETag`). ' +
            'Every response carries `X-RateLimit-*` headers; past the limit the answer is 429 with `Retry-After`.',
          contact: { name: 'Tandem network team', email: 'network@tandem.example', url: 'https://tandem.example' },
          license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        },
        servers: opts.servers,
        components: {
          securitySchemes: {
            sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tandem_session', description: 'Session from POST /api/v1/auth/login' },
            apiKey: {
              type: 'http',
              scheme: 'bearer',
              description: 'Organization API key: `Authorization: Bearer tdm_...`. Scopes are listed per operation.',
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as Doc) as ReturnType<typeof jsonSchemaTransformObject>,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
