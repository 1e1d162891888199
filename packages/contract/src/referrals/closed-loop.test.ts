import { CLOSED_LOOP_KEYS, closedLoopReason, defaultClosedLoopMapping, effectiveClosedLoopMapping, UpdateClosedLoopMappingBodySchema } from './closed-loop';
import { LOOP_CLOSURE_REASONS, type ClosureReason, type LoopClosureReason, type ReferralStatus } from './enums';

describe('defaultClosedLoopMapping (la-reference.json, mediCalClosedLoopReferral)', () => {
  const d = defaultClosedLoopMapping();
  it.each<[ReferralStatus, ClosureReason | null, LoopClosureReason]>([
    ['completed', null, 'services_received'],
    ['cancelled', null, 'cancelled_by_referrer'],
    ['cancelled', 'duplicate', 'cancelled_by_referrer'],
    ['declined', 'no_capacity', 'no_capacity'],
    ['declined', 'not_eligible', 'not_eligible'],
    ['declined', 'out_of_area', 'other'],
    ['declined', null, 'other'],
    ['unable_to_complete', 'client_unreachable', 'client_unreachable'],
    ['unable_to_complete', 'referred_elsewhere', 'referred_elsewhere'],
    ['unable_to_complete', 'other', 'other'],
  ])('%s with %s → %s', (status, reason, expected) => {
    expect(d.find((e) => e.status === status && e.reason === reason)?.loopClosureReason).toBe(expected);
  });

  it('has one row per terminal status and reason (and none), each a listed reason', () => {
    expect(d).toHaveLength(CLOSED_LOOP_KEYS.length);
    expect(d).toHaveLength(4 * 9);
    for (const e of d) expect(LOOP_CLOSURE_REASONS).toContain(e.loopClosureReason);
  });
});

describe('closedLoopReason', () => {
  const custom = effectiveClosedLoopMapping([{ status: 'declined', reason: 'out_of_area', loopClosureReason: 'not_eligible' }]);
  it.each<[ReferralStatus, ClosureReason | null, LoopClosureReason | null, LoopClosureReason | null]>([
    ['declined', 'out_of_area', null, 'not_eligible'],
    ['unable_to_complete', 'out_of_area', null, 'other'],
    ['unable_to_complete', 'out_of_area', 'no_capacity', 'no_capacity'],
    ['completed', null, 'other', 'other'],
    ['cancelled', null, 'services_received', 'cancelled_by_referrer'],
    ['in_progress', null, null, null],
    ['sent', null, null, null],
    ['entered_in_error', 'duplicate', null, null],
  ])('%s with %s (outcome %s) → %s', (status, reason, outcome, expected) => {
    expect(closedLoopReason(custom, status, reason, outcome)).toBe(expected);
  });

  it('falls back to the default for a key missing from the mapping', () => {
    expect(closedLoopReason([], 'declined', 'no_capacity')).toBe('no_capacity');
  });
});

describe('UpdateClosedLoopMappingBodySchema', () => {
  it('refuses a status and reason named twice', () => {
    const e = { status: 'declined', reason: null, loopClosureReason: 'other' } as const;
    expect(UpdateClosedLoopMappingBodySchema.safeParse({ entries: [e, e] }).success).toBe(false);
    expect(UpdateClosedLoopMappingBodySchema.safeParse({ entries: [e] }).success).toBe(true);
  });
  it('refuses a status that is not mapped', () => {
    expect(UpdateClosedLoopMappingBodySchema.safeParse({ entries: [{ status: 'sent', reason: null, loopClosureReason: 'other' }] }).success).toBe(false);
  });
});
