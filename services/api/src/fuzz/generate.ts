import fc from 'fast-check';

// Values for the fuzz suite, generated from the OpenAPI document's JSON Schemas: plausible ones
// (so requests reach handlers) and hostile ones (wrong types, boundaries, NUL, lone surrogates,
// huge and deep values, malformed ids). Every choice comes from a seeded PRNG, so a case replays
// from its seed and id alone.

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON Schema objects are untyped data */
export type Schema = Record<string, any>;

/** mulberry32: small, fast, good enough to pick fuzz cases. */
export const prng = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
};
export type Rng = ReturnType<typeof prng>;

/** FNV-1a over a string: derives each case's seed from the run seed and the case id. */
export const hashSeed = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/** Raw JSON text spliced into a body as is: numbers JSON.stringify would rewrite (-0, 1e400), deep nesting. */
export class Raw {
  constructor(readonly text: string) {}
}

export const toJson = (v: unknown): string => {
  if (v instanceof Raw) return v.text;
  if (v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  return JSON.stringify(v);
};

export const DEEP = 10_000;
export const deepArray = (n = DEEP) => new Raw('['.repeat(n) + ']'.repeat(n));
export const deepObject = (n = DEEP) => new Raw('{"a":'.repeat(n) + '1' + '}'.repeat(n));

const HUGE = 'x'.repeat(100_000);
export const BAD_UUIDS = [
  'not-a-uuid',
  '0',
  '-1',
  '',
  ' ',
  '00000000-0000-0000-0000-00000000000g',
  'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz',
  '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5',
  '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d0',
  '3f2b1c4d5e6f4a7b8c9d0e1f2a3b4c5d',
  '{3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d}',
  '3f2b1c4d-5e6f-9a7b-8c9d-0e1f2a3b4c5d',
  "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5' or 1=1--",
  '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5\u0000',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];
/** Strings every text field is tried with. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '\uffff\ufffe',
  '\u202e\u0301\u200b',
  '😀'.repeat(300),
  HUGE,
  "' or 1=1 --",
  '"; drop table users; --',
  '%',
  '%00',
  '%zz',
  '\\',
  '\\u0000',
  '$1',
  '__proto__',
  'constructor',
  '1e308',
  '-0',
  'NaN',
  'Infinity',
  '9223372036854775808',
  '0x10',
  'null',
  'true',
  '2026-02-30',
  '0000-00-00',
  '+275760-09-13T00:00:00.000Z',
  '2026-13-45T25:61:61Z',
  '99999-01-01',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'a'.repeat(201),
  '\r\n\t',
];
export const NASTY_NUMBERS: unknown[] = [
  1e308,
  -1e308,
  new Raw('-0'),
  new Raw('1e400'),
  new Raw('-1e400'),
  new Raw('1e-400'),
  2 ** 63,
  -(2 ** 63),
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER + 2,
  0.5,
  -1,
  0,
  new Raw('123456789012345678901234567890'),
  'NaN',
  '1',
  '-0',
];

/** Patterns from the document: a pool of matching strings per pattern, sampled once by fast-check. */
const patternPools = new Map<string, string[]>();
const fromPattern = (pattern: string, rng: Rng, seed: number) => {
  let pool = patternPools.get(pattern);
  if (!pool) {
    try {
      pool = fc.sample(fc.stringMatching(new RegExp(pattern)), { seed: seed ^ hashSeed(pattern), numRuns: 24 });
    } catch {
      pool = ['x'];
    }
    patternPools.set(pattern, pool);
  }
  return rng.pick(pool);
};

export interface Ctx {
  rng: Rng;
  seed: number;
  doc: Schema;
  /** Real ids of existing rows, used for uuid fields some of the time. */
  ids: string[];
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '');
export const deref = (s: Schema | undefined, doc: Schema): Schema => {
  if (!s) return {};
  if (typeof s.$ref === 'string') {
    const { $ref, ...rest } = s;
    return { ...deref(doc.components?.schemas?.[refName($ref)], doc), ...rest };
  }
  return s;
};

const typesOf = (s: Schema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : s.items ? ['array'] : []);

const uuid4 = (rng: Rng) => {
  const h = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${h(8)}-${h(4)}-4${h(3)}-${rng.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
};

const validString = (s: Schema, c: Ctx, key = ''): string => {
  const { rng } = c;
  if (/email/i.test(key) && !s.enum) return `fuzz${rng.int(0, 9999)}@test.example`;
  if (/phone/i.test(key) && !s.pattern) return '(323) 555-0100';
  if (s.format === 'uuid') return c.ids.length && rng.chance(0.7) ? rng.pick(c.ids) : uuid4(rng);
  if (s.format === 'date') return rng.pick(['2026-01-15', '1984-06-02', '2030-12-31']);
  if (s.format === 'date-time') return rng.pick(['2026-01-15T10:00:00Z', '2026-12-07T04:00:00.000Z', '2020-02-29T23:59:59+05:30']);
  if (s.format === 'email') return `fuzz${rng.int(0, 9999)}@test.example`;
  if (s.format === 'uri') return 'https://example.org/fuzz';
  if (s.pattern) return fromPattern(s.pattern, rng, c.seed);
  // An unconstrained string is often a flag or a number in disguise (query parameters).
  if (s.minLength === undefined && s.maxLength === undefined && rng.chance(0.3)) return rng.pick(['true', 'false', '1', '0', 'yes']);
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? min + 16, min + 16);
  const len = rng.int(Math.max(min, 1), Math.max(max, min, 1));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-ñé';
  return Array.from({ length: len }, () => rng.pick([...alphabet])).join('');
};

const validNumber = (s: Schema, c: Ctx, integer: boolean): number => {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
  const hi = s.maximum ?? lo + 100;
  const n = lo + c.rng.next() * Math.min(hi - lo, 1000);
  return integer ? Math.round(Math.min(Math.max(n, lo), hi)) : n;
};

/** A value the schema likely accepts. */
export const valid = (schema: Schema | undefined, c: Ctx, depth = 0, key = ''): unknown => {
  const s = deref(schema, c.doc);
  const { rng } = c;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return rng.pick(s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts)) {
    const nonNull = alts.filter((a: Schema) => deref(a, c.doc).type !== 'null');
    return rng.chance(0.9) && nonNull.length ? valid(rng.pick(nonNull), c, depth, key) : valid(rng.pick(alts), c, depth, key);
  }
  if (Array.isArray(s.allOf)) return valid(s.allOf[0], c, depth, key);
  const types = typesOf(s);
  const nonNullTypes = types.filter((t) => t !== 'null');
  const type = nonNullTypes.length && rng.chance(0.92) ? rng.pick(nonNullTypes) : rng.pick(types.length ? types : ['string']);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
      return validNumber(s, c, true);
    case 'number':
      return validNumber(s, c, false);
    case 'array': {
      if (depth > 4) return [];
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? min + 2, min + 2);
      return Array.from({ length: rng.int(min, max) }, () => valid(s.items, c, depth + 1));
    }
    case 'object': {
      if (depth > 4) return {};
      const required = new Set<string>(s.required ?? []);
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries<Schema>(s.properties ?? {})) {
        // Rows start at version 1 and change a few times: a small version often matches.
        // The document's example values are valid by construction (its ids are not real rows, though).
        const example = (s.example as Record<string, unknown> | undefined)?.[k];
        if (!required.has(k) && !rng.chance(0.6)) continue;
        if (k === 'version' && rng.chance(0.8)) out[k] = rng.int(1, 3);
        else if (example !== undefined && !/Id$|Ids$|^id$/.test(k) && rng.chance(0.5)) out[k] = example;
        else out[k] = valid(p, c, depth + 1, k);
      }
      return out;
    }
    default:
      return validString(s, c, key);
  }
};

/** A value meant to break the field: wrong type, just past a bound, hostile text, huge or deep. */
export const hostile = (schema: Schema | undefined, c: Ctx): unknown => {
  const s = deref(schema, c.doc);
  const { rng } = c;
  const alts = s.anyOf ?? s.oneOf;
  const branch = Array.isArray(alts) ? deref(rng.pick(alts), c.doc) : s;
  const types = typesOf(branch);
  const options: (() => unknown)[] = [
    () => rng.pick(NASTY_STRINGS),
    () => rng.pick(NASTY_NUMBERS),
    () => rng.pick([true, false, null, {}, [], [null], { a: 1 }, [[[]]], '']),
    () => (rng.chance(0.5) ? deepArray(rng.chance(0.5) ? DEEP : 200) : deepObject(rng.chance(0.5) ? DEEP : 200)),
    () => rng.pick(BAD_UUIDS),
  ];
  if (types.includes('string') || (!types.length && !branch.enum)) {
    const min = branch.minLength ?? 0;
    const max = branch.maxLength;
    options.push(
      () => (min > 0 ? 'a'.repeat(min - 1) : ''),
      () => (max !== undefined ? 'a'.repeat(max + 1) : HUGE),
      () => (max !== undefined ? 'é'.repeat(max) : 'é'.repeat(5000)),
      () => validString(branch, c) + rng.pick(['\u0000', '\ud800', ' ', 'x', '\n']),
      () => (branch.format === 'uuid' ? rng.pick(BAD_UUIDS) : rng.pick(NASTY_STRINGS)),
    );
  }
  if (types.includes('integer') || types.includes('number')) {
    options.push(
      () => (branch.minimum !== undefined ? branch.minimum - 1 : -1),
      () => (branch.maximum !== undefined ? branch.maximum + 1 : 2 ** 53),
      () => (types.includes('integer') ? 1.5 : new Raw('1e999')),
      () => String(validNumber(branch, c, true)),
    );
  }
  if (types.includes('array')) {
    options.push(
      () => Array.from({ length: (branch.maxItems ?? 1000) + 1 }, () => valid(branch.items, c, 3)),
      () => (branch.minItems ? [] : [hostile(branch.items, c)]),
      () => Array.from({ length: 10_000 }, () => 'x'),
      () => [hostile(branch.items, c), valid(branch.items, c, 3)],
    );
  }
  if (types.includes('object')) {
    options.push(
      () => ({ ...(valid(branch, c, 3) as object), unknownField: rng.pick(NASTY_STRINGS) }),
      () => JSON.parse('{"__proto__":{"x":1},"constructor":{"prototype":{"x":1}}}'),
    );
  }
  if (Array.isArray(branch.enum)) options.push(() => `${rng.pick(branch.enum)}x`, () => String(rng.pick(branch.enum)).toUpperCase());
  if (branch.format === 'date' || branch.format === 'date-time') options.push(() => rng.pick(['2026-02-30', '2026-01-01T24:00:00Z', '10000-01-01', '-000001-01-01', '1970-01-01T00:00:00+99:99']));
  return rng.pick(options)();
};

/** A body for a request-body schema: valid, one field hostile, several hostile, or the whole body hostile. */
export const body = (schema: Schema, c: Ctx): unknown => {
  const s = deref(schema, c.doc);
  const { rng } = c;
  const base = valid(s, c);
  const r = rng.next();
  if (r < 0.2 || !base || typeof base !== 'object' || Array.isArray(base)) return r < 0.3 ? base : hostile(s, c);
  const props = Object.entries<Schema>(s.properties ?? {});
  const out = { ...(base as Record<string, unknown>) };
  if (r < 0.75 && props.length) {
    const n = rng.chance(0.7) ? 1 : rng.int(2, 4);
    for (let i = 0; i < n; i++) {
      const [k, p] = rng.pick(props);
      out[k] = hostile(p, c);
    }
    return out;
  }
  if (r < 0.85) {
    if (props.length) delete out[rng.pick(props)[0]];
    out[rng.pick(['unknown', 'id', 'version', 'createdAt', 'organizationId', '__proto__', 'isNetworkAdmin', ''])] = rng.pick([1, 'x', null, {}, true]);
    return out;
  }
  return hostile(s, c);
};
