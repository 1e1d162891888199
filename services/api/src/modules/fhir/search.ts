import type { ReferralStatus } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { referralStatusesOf } from './mappers';
import type { ReadType } from './service';

/*
 * The search parameters each resource type takes, parsed from the query string. Strict by
 * default: a parameter not listed here answers 400 (OperationOutcome, not-supported) so a caller
 * never reads an unfiltered page as a filtered one; `Prefer: handling=lenient` ignores them
 * instead (FHIR R4 3.1.1.5.6) and the Bundle's self link shows what was applied.
 */

export interface SearchQuery {
  ids?: string[];
  statuses?: ReferralStatus[];
  owner?: string[];
  requester?: string[];
  lastUpdated?: { op: 'gt' | 'ge' | 'lt' | 'le'; at: Date }[];
  patient?: string;
  organization?: string;
  name?: string;
  count: number;
  cursor?: string;
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;

/** Every search parameter by resource type, with its FHIR type and what it means here (the CapabilityStatement lists these). */
export const SEARCH_PARAMS: Record<ReadType, { name: string; type: 'token' | 'reference' | 'date' | 'string' | 'number'; documentation: string }[]> = {
  Task: [
    { name: '_id', type: 'token', documentation: 'One or more ids, comma-separated' },
    { name: 'status', type: 'token', documentation: 'Task status, comma-separated for any of them (requested covers sent and acknowledged)' },
    { name: 'owner', type: 'reference', documentation: 'Organization/{id}: the receiving organization' },
    { name: 'requester', type: 'reference', documentation: 'Organization/{id}: the sending organization' },
    { name: '_lastUpdated', type: 'date', documentation: 'With a prefix gt, ge, lt or le (repeat for a range), e.g. gt2026-01-01T00:00:00Z' },
  ],
  ServiceRequest: [
    { name: '_id', type: 'token', documentation: 'One or more ids, comma-separated' },
    { name: '_lastUpdated', type: 'date', documentation: 'With a prefix gt, ge, lt or le' },
  ],
  Patient: [{ name: '_id', type: 'token', documentation: 'Required: one or more ids, comma-separated (there is no open Patient search)' }],
  Consent: [
    { name: '_id', type: 'token', documentation: 'One or more ids, comma-separated; _id or patient is required' },
    { name: 'patient', type: 'reference', documentation: 'Patient/{id}: every consent of that client' },
  ],
  Organization: [
    { name: '_id', type: 'token', documentation: 'One or more ids, comma-separated' },
    { name: 'name', type: 'string', documentation: 'Name contains' },
  ],
  HealthcareService: [
    { name: '_id', type: 'token', documentation: 'One or more ids, comma-separated; _id or organization is required' },
    { name: 'organization', type: 'reference', documentation: 'Organization/{id}: the services it offers' },
  ],
};
/** Parameters every search takes: the page size, the page token of `next` links, and the format. */
export const COMMON_PARAMS = ['_count', '_cursor', '_format'] as const;

const bad = (name: string, detail: string) => new AppError('validation_failed', detail, { errors: [{ path: `query.${name}`, message: detail, code: 'invalid_value' }] });
const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);
const refIds = (name: string, v: string, type: string) =>
  list(v).map((x) => {
    const m = new RegExp(`^(?:${type}/)?([^/]+)$`).exec(x);
    if (!m) throw bad(name, `${name} is a reference ${type}/{id}.`);
    return m[1]!;
  });

/** Whether the request asked to ignore unknown parameters (Prefer: handling=lenient). */
export const isLenient = (prefer: string | string[] | undefined) => /(^|[,;\s])handling\s*=\s*lenient\b/i.test(String(prefer ?? ''));

/** The query string (values as Fastify parsed them: a repeated parameter is an array) as a SearchQuery. */
export const parseSearch = (type: ReadType, raw: Record<string, string | string[] | undefined>, lenient: boolean): SearchQuery => {
  const known = new Set([...SEARCH_PARAMS[type].map((p) => p.name), ...COMMON_PARAMS]);
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length && !lenient) {
    throw new AppError('unknown_search_parameter', `${type} search does not support ${unknown.join(', ')} (see /fhir/metadata), or send Prefer: handling=lenient to ignore it.`, {
      errors: unknown.map((k) => ({ path: `query.${k}`, message: `Unknown parameter "${k}"`, code: 'unknown_parameter' as const, params: { name: k } })),
    });
  }
  const values = (name: string) => {
    const v = raw[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const one = (name: string) => {
    const v = values(name);
    if (v.length > 1) throw bad(name, `${name} may be given once.`);
    return v[0];
  };
  const q: SearchQuery = { count: DEFAULT_COUNT };
  const count = one('_count');
  if (count !== undefined) {
    if (!/^\d{1,4}$/.test(count) || Number(count) < 1) throw bad('_count', `_count is a whole number from 1 to ${MAX_COUNT}.`);
    q.count = Math.min(Number(count), MAX_COUNT);
  }
  const format = one('_format');
  if (format !== undefined && !['json', 'application/json', 'application/fhir+json'].includes(format)) throw bad('_format', 'Only JSON is served (_format=json).');
  const cursor = one('_cursor');
  if (cursor !== undefined) q.cursor = cursor;
  if (!known.has('_id')) return q;
  const ids = values('_id').flatMap(list);
  if (raw._id !== undefined) {
    if (!ids.length || ids.length > MAX_COUNT) throw bad('_id', `_id names 1 to ${MAX_COUNT} ids.`);
    q.ids = ids;
  }
  if (known.has('status') && raw.status !== undefined) {
    q.statuses = values('status')
      .flatMap(list)
      .flatMap((s) => {
        const found = referralStatusesOf(s);
        if (!found) throw bad('status', `${s} is not a Task status this server uses (draft, requested, accepted, rejected, in-progress, on-hold, completed, failed, cancelled, entered-in-error).`);
        return found;
      });
  }
  if (known.has('owner') && raw.owner !== undefined) q.owner = values('owner').flatMap((v) => refIds('owner', v, 'Organization'));
  if (known.has('requester') && raw.requester !== undefined) q.requester = values('requester').flatMap((v) => refIds('requester', v, 'Organization'));
  for (const [k, dest] of [
    ['owner', 'owner'],
    ['requester', 'requester'],
  ] as const) {
    if (q[dest]?.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) throw bad(k, `${k} names an Organization id (a uuid).`);
  }
  if (known.has('_lastUpdated') && raw._lastUpdated !== undefined) {
    q.lastUpdated = values('_lastUpdated').map((v) => {
      const m = /^(gt|ge|lt|le)(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?)$/.exec(v);
      const at = m ? new Date(m[2]!) : null;
      if (!m || !at || Number.isNaN(at.getTime())) throw bad('_lastUpdated', '_lastUpdated takes a prefix gt, ge, lt or le and a date or instant, e.g. gt2026-01-01T00:00:00Z.');
      const op = m[1] as 'gt' | 'ge' | 'lt' | 'le';
      // A date alone is the whole (UTC) day: gt2026-01-01 starts the next day, le2026-01-01 takes all of it.
      if (!m[2]!.includes('T') && (op === 'gt' || op === 'le')) return { op: op === 'gt' ? ('ge' as const) : ('lt' as const), at: new Date(at.getTime() + 86_400_000) };
      return { op, at };
    });
  }
  if (known.has('patient') && raw.patient !== undefined) q.patient = refIds('patient', one('patient')!, 'Patient')[0];
  if (known.has('organization') && raw.organization !== undefined) q.organization = refIds('organization', one('organization')!, 'Organization')[0];
  if (known.has('name') && raw.name !== undefined) {
    const n = one('name')!.trim();
    if (!n || n.length > 200) throw bad('name', 'name is 1 to 200 characters.');
    q.name = n;
  }
  if (type === 'Patient' && !q.ids) throw bad('_id', 'A Patient search names the patients: _id=…');
  if (type === 'Consent' && !q.ids && !q.patient) throw bad('patient', 'A Consent search names _id or patient.');
  if (type === 'HealthcareService' && !q.ids && !q.organization) throw bad('organization', 'A HealthcareService search names _id or organization.');
  return q;
};
