import type { Task } from '@medplum/fhirtypes';
import { AppError } from '../../lib/app-error';
import { applyPatch, intentOf, parsePatch } from './patch';
import { SYSTEMS } from './mappers';

// The pure half of PATCH /fhir/Task/{id}: RFC 6902 on the Task, then what it asks of the referral.
const task: Task = {
  resourceType: 'Task',
  status: 'requested',
  intent: 'order',
  owner: { reference: 'Organization/0b8e7c1d-4a0e-4f7e-8a51-6a3c2d1e0f99' },
  businessStatus: { coding: [{ system: SYSTEMS.businessStatus, code: 'acknowledged' }] },
};
const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('applyPatch (RFC 6902: add, remove, replace, test)', () => {
  it('replaces, adds into arrays (index and -), removes, and tests, on a copy', () => {
    const out = applyPatch(task, [
      { op: 'test', path: '/status', value: 'requested' },
      { op: 'replace', path: '/status', value: 'accepted' },
      { op: 'add', path: '/businessStatus/coding/-', value: { code: 'x' } },
      { op: 'add', path: '/businessStatus/coding/0', value: { code: 'first' } },
      { op: 'remove', path: '/owner' },
    ]);
    expect(out).toMatchObject({ status: 'accepted', businessStatus: { coding: [{ code: 'first' }, { code: 'acknowledged' }, { code: 'x' }] } });
    expect(out.owner).toBeUndefined();
    expect(task.status).toBe('requested');
  });
  it('refuses what cannot apply: 422 for a missing path or index, 409 for a failed test', () => {
    expect(codeOf(() => applyPatch(task, [{ op: 'replace', path: '/statusReason', value: {} }]))).toBe('unprocessable_patch');
    expect(codeOf(() => applyPatch(task, [{ op: 'remove', path: '/statusReason/text' }]))).toBe('unprocessable_patch');
    expect(codeOf(() => applyPatch(task, [{ op: 'add', path: '/businessStatus/coding/7', value: {} }]))).toBe('unprocessable_patch');
    expect(codeOf(() => applyPatch(task, [{ op: 'test', path: '/status', value: 'accepted' }]))).toBe('patch_test_failed');
  });
});

describe('parsePatch', () => {
  it.each([
    ['not an array', {}, 'validation_failed'],
    ['empty', [], 'validation_failed'],
    ['unknown op', [{ op: 'move', from: '/a', path: '/status' }], 'validation_failed'],
    ['no value', [{ op: 'replace', path: '/status' }], 'validation_failed'],
    ['bad pointer', [{ op: 'replace', path: 'status', value: 'x' }], 'validation_failed'],
    ['another element', [{ op: 'replace', path: '/intent', value: 'plan' }], 'unprocessable_patch'],
    ['test elsewhere is fine', [{ op: 'test', path: '/intent', value: 'order' }], null],
  ])('%s', (_name, body, code) => {
    expect(codeOf(() => parsePatch(body))).toBe(code);
  });
});

describe('intentOf', () => {
  const after = (over: Partial<Task>) => ({ ...task, ...over }) as Task;
  it('reads status, reason, outcome and note', () => {
    expect(intentOf(task, after({ status: 'accepted' }), 'acknowledged')).toEqual({ kind: 'transition', to: 'accepted', reason: null, note: null, outcome: null });
    const reason = { coding: [{ system: SYSTEMS.closureReason, code: 'client_unreachable' }, { system: SYSTEMS.outcome, code: 'client_unreachable' }], text: 'Three calls, no answer' };
    expect(intentOf(task, after({ status: 'failed', statusReason: reason, businessStatus: undefined }), 'accepted')).toEqual({
      kind: 'transition',
      to: 'unable_to_complete',
      reason: 'client_unreachable',
      outcome: 'client_unreachable',
      note: 'Three calls, no answer',
    });
  });
  it('nothing changed is nothing; statusReason alone, unknown codes, received and a removed owner are refused', () => {
    expect(intentOf(task, task, 'acknowledged')).toEqual({ kind: 'none' });
    expect(codeOf(() => intentOf(task, after({ statusReason: { text: 'why' } }), 'acknowledged'))).toBe('unprocessable_patch');
    expect(codeOf(() => intentOf(task, after({ status: 'rejected', statusReason: { coding: [{ system: SYSTEMS.closureReason, code: 'bored' }] } }), 'acknowledged'))).toBe('unprocessable_patch');
    expect(codeOf(() => intentOf(task, after({ status: 'received' }), 'acknowledged'))).toBe('unprocessable_patch');
    expect(codeOf(() => intentOf(task, after({ owner: undefined }), 'acknowledged'))).toBe('unprocessable_patch');
  });
  it('a new owner forwards, with the text as the note', () => {
    const owner = { reference: 'Organization/5F0C7A36-1C1E-4A7E-9B0E-2F2B7D6F9A10' };
    expect(intentOf(task, after({ owner, statusReason: { text: 'Closer to home' } }), 'acknowledged')).toEqual({ kind: 'forward', organizationId: '5f0c7a36-1c1e-4a7e-9b0e-2f2b7d6f9a10', note: 'Closer to home' });
    expect(codeOf(() => intentOf(task, after({ owner }), 'acknowledged'))).toBe('unprocessable_patch');
  });
});
