import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import { ERROR_TITLES, statusOf, type ApiScope, type Problem } from '@tandem/contract';
import { AppError, forbidden } from '../../lib/app-error';
import { toProblem } from '../../plugins/errors';
import { capabilityStatement } from './capability';
import { toOperationOutcome, toSearchBundle } from './mappers';
import { COMMON_PARAMS, isLenient, parseSearch, SEARCH_PARAMS } from './search';
import { READ_TYPES, type FhirService, type ReadType } from './service';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const JSON_PATCH = 'application/json-patch+json';

/** Who may call: anyone for metadata; otherwise a session, or an API key with the scope the REST API asks for the same records. */
const SCOPE: Record<ReadType, ApiScope> = {
  Task: 'referrals:read',
  ServiceRequest: 'referrals:read',
  Patient: 'referrals:read',
  Consent: 'referrals:read',
  Organization: 'directory:read',
  HealthcareService: 'directory:read',
};
const authorize = (req: FastifyRequest, scope: ApiScope) => {
  const a = req.actor;
  if (a.kind === 'anonymous') throw new AppError('unauthenticated', 'Send an API key (Authorization: Bearer <key>) or sign in.');
  if (a.kind === 'apiKey' && !a.scopes.includes(scope)) throw forbidden(`The API key lacks the ${scope} scope.`);
};

const typeOf = (t: string): ReadType => {
  if (!(READ_TYPES as readonly string[]).includes(t)) throw new AppError('route_not_found', `This server does not serve ${t} (see /fhir/metadata).`);
  return t as ReadType;
};

/** If-Match as FHIR sends the ETag (W/"3"), or plain "3"; `*` is whatever is current. Required, as on the REST transitions. */
const IF_MATCH = /^\s*(?:(\*)|(?:W\/)?"?([1-9]\d{0,9})(?:-[0-9a-f]{1,64})?"?)\s*$/;
const expectedVersion = (req: FastifyRequest): number | '*' => {
  const h = req.headers['if-match'];
  if (h === undefined) throw new AppError('precondition_required', 'Send If-Match with the Task\'s ETag (W/"<version>") as you last read it.');
  const m = typeof h === 'string' ? IF_MATCH.exec(h) : null;
  if (!m) throw new AppError('validation_failed', 'If-Match is the ETag a read sent, e.g. W/"3".', { errors: [{ path: 'headers.if-match', message: 'Expected W/"<version>"', code: 'invalid_value' }] });
  return m[1] ? '*' : Number(m[2]);
};

/** Whether a query parameter is one the type's search applies (the others are dropped under handling=lenient). */
const isKnownParam = (type: ReadType, k: string) => SEARCH_PARAMS[type].some((p) => p.name === k) || (COMMON_PARAMS as readonly string[]).includes(k);

const send = (reply: FastifyReply, status: number, body: Resource) => {
  if (body.meta?.versionId) reply.header('etag', `W/"${body.meta.versionId}"`);
  if (body.meta?.lastUpdated) reply.header('last-modified', new Date(body.meta.lastUpdated).toUTCString());
  return reply.code(status).type(FHIR_JSON).send(JSON.stringify(body));
};

/**
 * FHIR's answers to errors: the same problems as the REST API (stable codes), as OperationOutcome.
 * A stale version is 412 here (FHIR's If-Match answer), where the REST API says 409.
 */
export const sendOutcome = (req: FastifyRequest, reply: FastifyReply, p: Problem) => {
  const fhir = p.code === 'stale_version' ? { ...p, code: 'precondition_failed' as const, status: statusOf('precondition_failed'), title: ERROR_TITLES.precondition_failed } : p;
  if (fhir.status === 503) reply.header('retry-after', '5');
  if (fhir.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(fhir.status).type(FHIR_JSON).send(JSON.stringify(toOperationOutcome(fhir)));
};

export const fhirRoutes = (app: FastifyInstance, fhir: FhirService) => {
  // Hidden from the OpenAPI document: FHIR describes itself (GET /fhir/metadata).
  const hide = { schema: { hide: true } };
  const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}/fhir`;

  app.setErrorHandler((err, req, reply) => {
    const { problem, log } = toProblem(err);
    if (log === 'error') req.log.error({ code: (err as { code?: string }).code, type: (err as Error).name }, 'unhandled error');
    return sendOutcome(req, reply, problem);
  });
  const noSuchInteraction = async (req: FastifyRequest, reply: FastifyReply) =>
    sendOutcome(req, reply, { type: '', status: 404, code: 'route_not_found', title: ERROR_TITLES.route_not_found, detail: `No FHIR interaction ${req.method} ${req.url.split('?')[0]} (see /fhir/metadata).` });
  app.setNotFoundHandler(noSuchInteraction);
  // The router does not fall back to the prefix's not-found handler past a parametric route
  // (GET /fhir/Task/a/b) nor for the bare prefix: these answer an OperationOutcome too.
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', ...hide, handler: noSuchInteraction });
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/', ...hide, handler: noSuchInteraction });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/metadata', hide, async (req, reply) => send(reply, 200, capabilityStatement(baseOf(req), new Date().toISOString())));

  app.get<{ Params: { type: string } }>('/:type', hide, async (req, reply) => {
    const type = typeOf(req.params.type);
    authorize(req, SCOPE[type]);
    const raw = req.query as Record<string, string | string[] | undefined>;
    const q = parseSearch(type, raw, isLenient(req.headers.prefer));
    const page = await fhir.search(req.ctx(), type, q);
    // self: the search as applied (unknown parameters dropped under handling=lenient); next: the same, one page on.
    const applied = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) {
      if (k === '_cursor' || v === undefined) continue;
      if (isKnownParam(type, k)) for (const x of Array.isArray(v) ? v : [v]) applied.append(k, x);
    }
    const base = baseOf(req);
    const url = (cursor?: string | null) => {
      const p = new URLSearchParams(applied);
      if (cursor) p.set('_cursor', cursor);
      const s = p.toString();
      return `${base}/${type}${s ? `?${s}` : ''}`;
    };
    const body = toSearchBundle(base, url(q.cursor), page.resources, page.nextCursor ? url(page.nextCursor) : null);
    return reply.code(200).type(FHIR_JSON).send(JSON.stringify(body));
  });

  app.get<{ Params: { type: string; id: string } }>('/:type/:id', hide, async (req, reply) => {
    const type = typeOf(req.params.type);
    authorize(req, SCOPE[type]);
    return send(reply, 200, await fhir.read(req.ctx(), type, req.params.id));
  });

  app.patch<{ Params: { id: string } }>('/Task/:id', hide, async (req, reply) => {
    authorize(req, 'referrals:write');
    const ct = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (ct !== JSON_PATCH) throw new AppError('unsupported_media_type', `Send a JSON Patch as ${JSON_PATCH}.`);
    return send(reply, 200, await fhir.patchTask(req.ctx(), req.params.id, expectedVersion(req), req.body));
  });
};
