import type { z } from 'zod';
import type { ApiScope } from '../api-keys/enums';
import type { ErrorCode } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SecurityScheme = 'session' | 'apiKey';

/**
 * One REST operation: the API registers it (validation, serialization, OpenAPI) and the web
 * client calls it, both from this object. Paths use OpenAPI `{param}` syntax.
 */
export interface EndpointDef {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  /** What the operation changes (or that it changes nothing); the API adds who may call it. */
  description: string;
  tags: readonly string[];
  /** Accepted credentials; empty means public. */
  security: readonly SecurityScheme[];
  /** API key scope the operation needs when called with a key. */
  scope?: ApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  responses: Readonly<Record<number, z.ZodType | null>>;
  /** Extra representations besides JSON (e.g. text/csv on reports). */
  produces?: readonly string[];
  /** A multipart/form-data upload (no JSON body): what its file parts are, for the OpenAPI document. */
  uploads?: string;
  /**
   * Optimistic concurrency, one rule on every route (route() applies it; see lib/concurrency.ts).
   * A write on a versioned record: `required` (428 without a version) or `optional` (it may run
   * without one; the description says why). The version comes as `If-Match: "<version>"` (`*` =
   * whatever is current) or as `version` in the body; both and different → 409 version_mismatch;
   * stale → 409 stale_version with currentVersion. `read`: a read of a versioned record, answered
   * with `ETag: "<version>-<digest of the answer>"` and 304 to a matching `If-None-Match`.
   */
  concurrency?: Concurrency;
  /**
   * For a 201: the created resource's path, filled from the response body's fields, then the
   * request's path params (e.g. `/api/v1/referrals/{id}`); route() sends it as `Location`.
   */
  location?: string;

  // For the OpenAPI document (common/problem-responses.ts).
  /** Problem codes of this operation's own rules, besides those its shape implies. */
  problems?: readonly ErrorCode[];
}

export type Concurrency = 'required' | 'optional' | 'read';

export const defineEndpoint = <const E extends EndpointDef>(e: E): E => e;

type SuccessStatus = 200 | 201 | 202 | 204;
type ResponseOf<E extends EndpointDef, S> = S extends keyof E['responses']
  ? E['responses'][S] extends z.ZodType
    ? z.output<E['responses'][S]>
    : undefined
  : never;
export type EndpointOutput<E extends EndpointDef> = ResponseOf<E, Extract<keyof E['responses'], SuccessStatus>>;

type In<T> = T extends z.ZodType ? z.input<T> : never;
export type EndpointInput<E extends EndpointDef> = (E['params'] extends z.ZodType ? { params: In<E['params']> } : { params?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: In<E['query']> } : { query?: undefined }) &
  (E['body'] extends z.ZodType ? { body: In<E['body']> } : { body?: undefined }) & { headers?: Record<string, string> };

/** `/api/v1/orgs/{id}` → `/api/v1/orgs/:id` (Fastify's syntax). */
export const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export const fillPath = (path: string, params: Record<string, string | number> = {}) =>
  path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`Missing path parameter ${k}`);
    return encodeURIComponent(String(v));
  });
