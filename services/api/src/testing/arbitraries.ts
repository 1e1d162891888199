import fc from 'fast-check';
import type { z } from 'zod';

// Request bodies generated from the contract's zod schemas (zod 4: each schema's `.def`), for the
// property-based round trips (app.roundtrips.property.test.ts). Every optional key may be absent,
// every nullable value may be null, strings run from empty to their maximum length with accents,
// CJK, emoji and SQL/LIKE metacharacters, and every value is checked against the schema itself, so
// a body is always one the contract accepts. Ids and cross-field rules the walker cannot know come
// from `overrides` (by key path, `a.b`, `list[].c`), each replacing the value inside its
// optional/nullable wrappers, so absence and null are still generated around it.

type Def = { type: string; [k: string]: unknown };
type CheckDef = { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; length?: number; value?: number; inclusive?: boolean };
const defOf = (s: z.ZodType): Def => (s as unknown as { def: Def }).def;
const checksOf = (d: Def): CheckDef[] => ((d.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);

export type Overrides = Record<string, fc.Arbitrary<unknown>>;

// Characters text fields are made of: the ones people type, and the ones that break careless code.
const CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ' ', ' ', ' ', '-', "'", '.', ',', 'é', 'ñ', 'Ü', '’', '漢', '한', '😀', '%', '_', '\\', '"', '<', '&', '\n'];
const SHORT = 24;

const lengthBounds = (checks: CheckDef[]) => {
  let min = 0;
  let max = 4000;
  for (const c of checks) {
    if (c.check === 'min_length') min = c.minimum!;
    if (c.check === 'max_length') max = c.maximum!;
    if (c.check === 'length_equals') min = max = c.length!;
  }
  return { min, max };
};

/** Free text from `min` to `max` characters, short most of the time, at its maximum now and then. */
const text = (min: number, max: number) => {
  const chars = (lo: number, hi: number) => fc.array(fc.constantFrom(...CHARS), { minLength: lo, maxLength: hi }).map((a) => a.join(''));
  // An emoji counts twice in `length`: drop characters from the end until it fits.
  const fit = (s: string) => {
    const cps = Array.from(s);
    while (cps.join('').length > max) cps.pop();
    return cps.join('');
  };
  const short = chars(min, Math.min(max, Math.max(min, SHORT)));
  return (max > SHORT ? fc.oneof({ arbitrary: short, weight: 5 }, { arbitrary: chars(max, max), weight: 1 }) : short).map(fit);
};

const pad = (a: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' ', '  '), a, fc.constantFrom('', ' ')).map(([l, s, r]) => l + s + r);

const MIN_DATE = new Date('1900-01-01T00:00:00Z');
const MAX_DATE = new Date('2099-12-31T23:59:59Z');
const two = (n: number) => String(n).padStart(2, '0');

/** An instant written as UTC with or without milliseconds, or with a local offset. */
export const timestampArb = (min = MIN_DATE, max = MAX_DATE) =>
  fc.tuple(fc.date({ min, max, noInvalidDate: true }), fc.constantFrom(0, 0, -480, -420, 330, 60)).map(([d, offset]) => {
    if (offset === 0) return d.getUTCMilliseconds() % 2 ? d.toISOString() : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    return `${local}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  });
export const dateArb = (min = MIN_DATE, max = MAX_DATE) => fc.date({ min, max, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const stringArb = (d: Def, path: string): fc.Arbitrary<string> => {
  const checks = checksOf(d);
  switch (d.format) {
    case 'uuid':
    case 'guid':
      throw new Error(`No arbitrary for the id at ${path}: give it in overrides`);
    case 'email':
      return fc.stringMatching(/^[A-Za-z0-9]{1,12}([.+][A-Za-z0-9]{1,8})?@[A-Za-z0-9]{1,12}\.(example|org|com)$/);
    case 'url':
      return fc.stringMatching(/^https?:\/\/[a-z0-9]{1,12}\.(example|org)(\/[A-Za-z0-9_\-%.]{0,12}){0,3}(\?[a-z]=[A-Za-z0-9]{0,6})?$/);
    case 'date':
      return dateArb();
    case 'datetime':
      return timestampArb();
  }
  const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex');
  if (regex) return pad(fc.stringMatching(regex.pattern!));
  const { min, max } = lengthBounds(checks);
  const trims = checks.some((c) => c.check === 'overwrite');
  return trims ? pad(text(min, max)) : text(min, max);
};

const numberArb = (d: Def): fc.Arbitrary<number> => {
  let min = -1e6;
  let max = 1e6;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true;
    if (c.check === 'greater_than') min = c.inclusive ? c.value! : c.value! + (int ? 1 : 1e-9);
    if (c.check === 'less_than') max = c.inclusive ? c.value! : c.value! - (int ? 1 : 1e-9);
  }
  return int ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
};

/** Whether a key of an object may be left out of the input (optional, or has a default). */
const mayOmit = (s: z.ZodType) => ['optional', 'default', 'prefault'].includes(defOf(s).type);

const arbAt = (s: z.ZodType, path: string, over: Overrides): fc.Arbitrary<unknown> => {
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      // Inside an object the key is left out instead (objectArb); elsewhere `undefined` stands for it.
      return fc.option(arbAt(d.innerType as z.ZodType, path, over), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(arbAt(d.innerType as z.ZodType, path, over), { nil: null, freq: 3 });
    default:
  }
  if (path in over) return over[path]!;
  switch (d.type) {
    case 'string':
      return stringArb(d, path).filter((v) => s.safeParse(v).success);
    case 'pipe':
      return arbAt(d.out as z.ZodType, path, over).filter((v) => s.safeParse(v).success);
    case 'number':
      return numberArb(d);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'array': {
      const { min, max } = lengthBounds(checksOf(d));
      return fc.array(arbAt(d.element as z.ZodType, `${path}[]`, over), { minLength: min, maxLength: Math.min(max, Math.max(min, 6)) });
    }
    case 'object':
      return objectArb(s as z.ZodObject, path, over);
    default:
      throw new Error(`No arbitrary for a zod ${d.type} at ${path}`);
  }
};

const objectArb = (s: z.ZodObject, path: string, over: Overrides, omit: readonly string[] = []) => {
  const shape = (s as unknown as { shape: Record<string, z.ZodType> }).shape;
  const keys = Object.keys(shape).filter((k) => !omit.includes(k));
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const model = Object.fromEntries(
    keys.map((k) => {
      const field = shape[k]!;
      // An omittable key is absent rather than `undefined`: unwrap one optional/default level.
      const inner = mayOmit(field) ? (defOf(field).innerType as z.ZodType) : field;
      return [k, arbAt(inner, at(k), over)];
    }),
  );
  return fc.record(model, { requiredKeys: keys.filter((k) => !mayOmit(shape[k]!)) }) as fc.Arbitrary<Record<string, unknown>>;
};

/**
 * Bodies the schema accepts: any subset of its optional keys, nullable values null or not. The
 * whole body is checked against the schema (its refinements included) before it is used.
 * `omit` leaves keys out: ones never sent, or `version`, which the caller adds from what it read
 * (the check counts it as given).
 */
export const bodyOf = (schema: z.ZodType, overrides: Overrides = {}, omit: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> =>
  objectArb(schema as z.ZodObject, '', overrides, omit).filter((v) => schema.safeParse(omit.includes('version') ? { ...v, version: 1 } : v).success);

/** Values of any schema position (an array's element, a nested object), same rules as bodyOf. */
export const valueOf = (schema: z.ZodType, overrides: Overrides = {}): fc.Arbitrary<unknown> => arbAt(schema, '', overrides).filter((v) => schema.safeParse(v).success);
