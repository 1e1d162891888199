import type { Task } from '@medplum/fhirtypes';
import { CLOSURE_REASONS, fromFhirTaskStatus, LOOP_CLOSURE_REASONS, type ClosureReason, type LoopClosureReason, type ReferralStatus } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { SYSTEMS } from './mappers';

/*
 * PATCH /fhir/Task/{id}: a JSON Patch (RFC 6902) applied to the Task as the caller would read it,
 * then read back as one intent on the referral: a status change (through the referrals module's
 * state machine) or a forward to another owner. Pure: the service does the I/O.
 */

export interface PatchOp {
  op: 'add' | 'remove' | 'replace' | 'test';
  path: string;
  value?: unknown;
}

/** Task elements a PATCH may change; `test` may look anywhere. */
export const PATCHABLE = ['status', 'statusReason', 'businessStatus', 'owner'] as const;
const OPS = new Set(['add', 'remove', 'replace', 'test']);

const bad = (detail: string, path = 'body') => new AppError('validation_failed', detail, { errors: [{ path, message: detail, code: 'invalid_value' }] });
const unprocessable = (detail: string, path = 'body') => new AppError('unprocessable_patch', detail, { errors: [{ path, message: detail, code: 'invalid_value' }] });

/** The body as a list of operations, or 400. */
export const parsePatch = (body: unknown): PatchOp[] => {
  if (!Array.isArray(body) || !body.length) throw bad('A JSON Patch is a non-empty array of operations.');
  return body.map((raw, i) => {
    const at = `body.${i}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('Each operation is an object.', at);
    const o = raw as Record<string, unknown>;
    if (typeof o.op !== 'string' || !OPS.has(o.op)) throw bad('op must be add, remove, replace or test (move and copy are not supported).', `${at}.op`);
    if (typeof o.path !== 'string' || !/^(\/[^/]*)+$/.test(o.path)) throw bad('path must be a JSON Pointer such as /status.', `${at}.path`);
    if (o.op !== 'remove' && !('value' in o)) throw bad(`${o.op} needs a value.`, `${at}.value`);
    const root = o.path.split('/')[1]!;
    if (o.op !== 'test' && !(PATCHABLE as readonly string[]).includes(root)) {
      throw unprocessable(`Only ${PATCHABLE.map((p) => `/${p}`).join(', ')} may be changed; ${o.path} may not.`, `${at}.path`);
    }
    return { op: o.op as PatchOp['op'], path: o.path, value: o.value };
  });
};

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Applies the operations to a copy of `doc` (RFC 6902 add/remove/replace/test); 422 when one cannot apply. */
export const applyPatch = <T>(doc: T, ops: PatchOp[]): T => {
  const out = structuredClone(doc) as unknown;
  ops.forEach((o, i) => {
    const keys = o.path.split('/').slice(1).map(unescape);
    const last = keys.pop()!;
    let parent: unknown = out;
    for (const k of keys) {
      parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[k] : undefined;
      if (parent === undefined) throw unprocessable(`${o.path} does not exist in the Task.`, `body.${i}.path`);
    }
    if (!parent || typeof parent !== 'object') throw unprocessable(`${o.path} does not exist in the Task.`, `body.${i}.path`);
    const container = parent as Record<string, unknown>;
    const arr = parent as unknown[];
    const isArray = Array.isArray(parent);
    const index = isArray ? (last === '-' ? arr.length : Number(last)) : -1;
    if (isArray && (!Number.isInteger(index) || index < 0 || index > arr.length)) throw unprocessable(`${o.path}: no such array index.`, `body.${i}.path`);
    const exists = isArray ? index < arr.length : Object.prototype.hasOwnProperty.call(container, last);
    switch (o.op) {
      case 'test': {
        const current = isArray ? arr[index] : container[last];
        if (!exists || JSON.stringify(current) !== JSON.stringify(o.value)) throw new AppError('patch_test_failed', `The test of ${o.path} failed: the Task holds another value.`);
        break;
      }
      case 'remove':
        if (!exists) throw unprocessable(`${o.path} does not exist in the Task.`, `body.${i}.path`);
        if (isArray) arr.splice(index, 1);
        else delete container[last];
        break;
      case 'replace':
        if (!exists) throw unprocessable(`${o.path} does not exist in the Task; use add.`, `body.${i}.path`);
        if (isArray) arr[index] = o.value;
        else container[last] = o.value;
        break;
      case 'add':
        if (isArray) arr.splice(index, 0, o.value);
        else container[last] = o.value;
        break;
    }
  });
  return out as T;
};

/** What the patched Task asks of the referral. */
export type TaskIntent =
  | { kind: 'none' }
  | { kind: 'transition'; to: ReferralStatus; reason: ClosureReason | null; note: string | null; outcome: LoopClosureReason | null }
  | { kind: 'forward'; organizationId: string; note: string };

const codings = (cc: unknown): { system?: unknown; code?: unknown }[] => {
  const c = (cc as { coding?: unknown } | undefined)?.coding;
  return Array.isArray(c) ? (c as { system?: unknown; code?: unknown }[]) : [];
};
const codeIn = <C extends string>(cc: unknown, system: string, allowed: readonly C[], path: string): C | null => {
  const found = codings(cc).filter((c) => c && c.system === system);
  if (!found.length) return null;
  const code = found[0]!.code;
  if (typeof code !== 'string' || !(allowed as readonly string[]).includes(code)) throw unprocessable(`${String(code)} is not a code of ${system}: use one of ${allowed.join(', ')}.`, path);
  return code as C;
};
const ORG_REF = /^Organization\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Compares the Task before and after the patch and says what it asks: Task.status (with
 * businessStatus `acknowledged` for requested) names the referral's next status; the closure
 * reason and the outcome come as codings of statusReason (SYSTEMS.closureReason, SYSTEMS.outcome),
 * its text as the note; a new owner forwards the referral to that organization.
 */
export const intentOf = (before: Task, after: Task, current: ReferralStatus): TaskIntent => {
  if (typeof after.status !== 'string') throw unprocessable('Task.status is required.', 'body');
  const business = codings(after.businessStatus).some((c) => c.code === 'acknowledged') || /^acknowledged$/i.test(after.businessStatus?.text ?? '') ? 'acknowledged' : null;
  const to = fromFhirTaskStatus(after.status, business);
  if (!to) throw unprocessable(`Task.status ${after.status} has no referral status here (received and ready are not used).`, 'body');
  // businessStatus says only "acknowledged" (with requested); left as it was, it does not stand in the way of another status.
  const businessChanged = JSON.stringify(after.businessStatus ?? null) !== JSON.stringify(before.businessStatus ?? null);
  if (businessChanged && after.businessStatus && to !== 'acknowledged') throw unprocessable('businessStatus is only acknowledged, with status requested.', 'body');
  const reason = codeIn(after.statusReason, SYSTEMS.closureReason, CLOSURE_REASONS, 'body');
  const outcome = codeIn(after.statusReason, SYSTEMS.outcome, LOOP_CLOSURE_REASONS, 'body');
  const text = after.statusReason?.text?.trim();
  const note = text && text !== before.statusReason?.text ? text : null;
  const ownerBefore = before.owner?.reference ?? null;
  const ownerAfter = after.owner?.reference ?? null;
  if (ownerAfter !== ownerBefore) {
    const m = ownerAfter ? ORG_REF.exec(ownerAfter) : null;
    if (!m) throw unprocessable('owner must be a reference Organization/{id}; it cannot be removed.', 'body');
    if (to !== current && to !== 'declined') throw unprocessable('A new owner forwards the referral (it is rejected here as referred_elsewhere): change the owner alone, or with status rejected.', 'body');
    if (!note) throw unprocessable('A new owner forwards the referral: say why the new partner fits in statusReason.text.', 'body');
    return { kind: 'forward', organizationId: m[1]!.toLowerCase(), note };
  }
  if (to === current) {
    if (JSON.stringify(after.statusReason ?? null) !== JSON.stringify(before.statusReason ?? null)) throw unprocessable('statusReason changes only with status.', 'body');
    return { kind: 'none' };
  }
  return { kind: 'transition', to, reason, note, outcome };
};
