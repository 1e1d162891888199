import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = { [k: string]: unknown };
type Serialize = (data: unknown) => string;

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `anyOf: [X, {type: 'null'}]` (zod's `.nullable()`) becomes `type: [X.type, 'null']`:
 * fast-json-stringify writes a type list directly, while for `anyOf` it validates the value
 * against each branch (ajv) on every call. Other shapes are left as they are.
 */
const mergeNullable = (s: JsonSchema): JsonSchema => {
  const any = s.anyOf;
  if (!Array.isArray(any) || any.length !== 2 || Object.keys(s).some((k) => k !== 'anyOf' && k !== 'description')) return s;
  const nullAt = any.findIndex((b) => isObject(b) && b.type === 'null' && Object.keys(b).length === 1);
  const other = any[1 - nullAt] as unknown;
  if (nullAt < 0 || !isObject(other) || typeof other.type !== 'string' || 'anyOf' in other || 'oneOf' in other || 'allOf' in other || '$ref' in other) return s;
  // An enum must list null too: fast-json-stringify validates anyOf branches (e.g. a nullable
  // object holding this field) with the merged schema, and `enum` without null refused a null.
  return { ...other, type: [other.type, 'null'], ...(Array.isArray(other.enum) && !other.enum.includes(null) ? { enum: [...other.enum, null] } : {}) };
};

/** Rewrites a JSON Schema bottom-up (every nested schema position), for fast-json-stringify. */
const simplify = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(simplify);
  if (!isObject(v)) return v;
  const out: JsonSchema = {};
  for (const [k, x] of Object.entries(v)) if (k !== '$schema') out[k] = k === 'properties' || k === 'definitions' ? mapValues(x) : simplify(x);
  return mergeNullable(out);
};
const mapValues = (x: unknown) => (isObject(x) ? Object.fromEntries(Object.entries(x).map(([k, s]) => [k, simplify(s)])) : x);

/** The JSON Schema of a response as fast-json-stringify reads it: zod's output side, draft-07. */
export const responseJsonSchema = (schema: z.ZodType): JsonSchema =>
  simplify(z.toJSONSchema(schema, { io: 'output', target: 'draft-07', unrepresentable: 'any' })) as JsonSchema;

const zodSchemaOf = (maybe: unknown): z.ZodType => {
  if (maybe instanceof z.ZodType) return maybe;
  if (isObject(maybe) && maybe.properties instanceof z.ZodType) return maybe.properties;
  throw new Error(`Not a zod response schema: ${String(maybe)}`);
};

/** Where two JSON values first differ, as a path (`$.data[0].status`); null when equal. Names no values (PHI). */
export const firstDifference = (a: unknown, b: unknown, at = '$'): string | null => {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at} (length)`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
  }
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return at;
};

/**
 * Response serializer compiler: each route's zod response schema is turned into JSON Schema and
 * compiled with fast-json-stringify once, on its first response. Like zod's encode, it writes only the declared
 * fields (an undeclared property never leaves), but it does not re-validate every response, which
 * cost ~15% of the API's CPU on list endpoints (bench/README.md).
 *
 * With `check` (tests, development) every response is also encoded by zod: a value zod rejects
 * fails the request as before, and output that differs from zod's fails it too, naming the first
 * differing path. The whole test suite so proves that the fast path writes what the contract allows.
 */
export const createResponseSerializer =
  (opts: { check: boolean }): FastifySerializerCompiler<unknown> =>
  (route) => {
    const schema = zodSchemaOf(route.schema);
    // Compiled on the first response of its route and status: most of the ~300 (route, status)
    // pairs never answer in a given process, and compiling them all cost ~1 s at startup.
    let compiled: Serialize | undefined;
    const fast: Serialize = (data) => (compiled ??= fastJson(responseJsonSchema(schema) as unknown as Parameters<typeof fastJson>[0]) as Serialize)(data);
    if (!opts.check) return fast;
    const slow = (zodSerializerCompiler as unknown as FastifySerializerCompiler<unknown>)(route);
    return (data: unknown) => {
      const expected = slow(data);
      const got = fast(data);
      if (got === expected) return got;
      const at = firstDifference(JSON.parse(got), JSON.parse(expected));
      if (at) throw new Error(`The fast serializer of ${route.method} ${route.url} (${String(route.httpStatus)}) differs from zod's at ${at}`);
      return got;
    };
  };
