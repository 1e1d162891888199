import {
  CLOSURE_REASONS,
  FHIR_TASK_STATUSES,
  fromFhirTaskStatus,
  LOOP_CLOSURE_REASONS,
  loopClosureReason,
  OPEN_STATUSES,
  REFERRAL_STATUSES,
  referralDirections,
  TERMINAL_STATUSES,
  toFhirTaskStatus,
  type ClosureReason,
  type LoopClosureReason,
  type ReferralStatus,
} from './enums';

describe('toFhirTaskStatus (ARCHITECTURE §3)', () => {
  it.each<[ReferralStatus, { status: string; businessStatus?: string }]>([
    ['draft', { status: 'draft' }],
    ['sent', { status: 'requested' }],
    ['acknowledged', { status: 'requested', businessStatus: 'acknowledged' }],
    ['accepted', { status: 'accepted' }],
    ['declined', { status: 'rejected' }],
    ['in_progress', { status: 'in-progress' }],
    ['on_hold', { status: 'on-hold' }],
    ['completed', { status: 'completed' }],
    ['unable_to_complete', { status: 'failed' }],
    ['cancelled', { status: 'cancelled' }],
    ['entered_in_error', { status: 'entered-in-error' }],
  ])('%s → %j', (status, fhir) => {
    expect(toFhirTaskStatus(status)).toEqual(fhir);
  });

  it('uses only codes of SDOHCCValueSetReferralTaskStatus (no ready, no received)', () => {
    for (const s of REFERRAL_STATUSES) expect(FHIR_TASK_STATUSES).toContain(toFhirTaskStatus(s).status);
    expect(FHIR_TASK_STATUSES).not.toContain('ready');
    expect(FHIR_TASK_STATUSES).not.toContain('received');
  });

  it('round-trips through fromFhirTaskStatus', () => {
    for (const s of REFERRAL_STATUSES) {
      const f = toFhirTaskStatus(s);
      expect(fromFhirTaskStatus(f.status, f.businessStatus)).toBe(s);
    }
    expect(fromFhirTaskStatus('ready')).toBeNull();
  });
});

describe('loopClosureReason (DHCS closed-loop referral)', () => {
  it.each<[ReferralStatus, ClosureReason | null, LoopClosureReason | null]>([
    ['completed', null, 'services_received'],
    ['cancelled', null, 'cancelled_by_referrer'],
    ['cancelled', 'duplicate', 'cancelled_by_referrer'],
    ['declined', 'not_eligible', 'not_eligible'],
    ['declined', 'no_capacity', 'no_capacity'],
    ['declined', 'client_declined', 'client_declined'],
    ['declined', 'referred_elsewhere', 'referred_elsewhere'],
    ['declined', 'duplicate', 'duplicate'],
    ['declined', 'out_of_area', 'other'],
    ['declined', 'other', 'other'],
    ['declined', null, 'other'],
    ['unable_to_complete', 'client_unreachable', 'client_unreachable'],
    ['unable_to_complete', 'out_of_area', 'other'],
    ['draft', null, null],
    ['sent', null, null],
    ['acknowledged', null, null],
    ['accepted', null, null],
    ['in_progress', null, null],
    ['on_hold', 'client_unreachable', null],
    ['entered_in_error', 'duplicate', null],
  ])('%s with %s → %s', (status, reason, expected) => {
    expect(loopClosureReason(status, reason)).toBe(expected);
  });

  it('answers the outcome the receiver recorded on completed / unable_to_complete, and only there', () => {
    expect(loopClosureReason('completed', null, undefined, 'other')).toBe('other');
    expect(loopClosureReason('unable_to_complete', 'out_of_area', undefined, 'not_eligible')).toBe('not_eligible');
    expect(loopClosureReason('cancelled', 'duplicate', undefined, 'services_received')).toBe('cancelled_by_referrer');
    expect(loopClosureReason('in_progress', null, undefined, 'services_received')).toBeNull();
  });

  it('always answers with a listed loop-closure reason', () => {
    for (const s of TERMINAL_STATUSES) {
      for (const r of [...CLOSURE_REASONS, null]) {
        const out = loopClosureReason(s, r);
        if (out !== null) expect(LOOP_CLOSURE_REASONS).toContain(out);
      }
    }
  });

  it('takes a custom reason map', () => {
    const map = { ...Object.fromEntries(CLOSURE_REASONS.map((r) => [r, 'other'])), out_of_area: 'not_eligible' } as Record<
      ClosureReason,
      LoopClosureReason
    >;
    expect(loopClosureReason('declined', 'out_of_area', map)).toBe('not_eligible');
  });
});

describe('status groups', () => {
  it('splits every status into draft, open or terminal', () => {
    expect(OPEN_STATUSES).toEqual(['sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold']);
    expect([...OPEN_STATUSES, ...TERMINAL_STATUSES, 'draft'].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });
});

describe('referralDirections', () => {
  const ref = { sendingOrganizationId: 'dhs', receivingOrganizationId: 'cbo' };
  it.each<[string[], string[]]>([
    [['dhs'], ['sent']],
    [['cbo'], ['received']],
    [
      ['cbo', 'dhs'],
      ['received', 'sent'],
    ],
    [['other'], []],
    [[], []],
  ])('for orgs %j → %j', (orgs, expected) => {
    expect(referralDirections(ref, orgs)).toEqual(expected);
  });
  it('treats a draft without a receiver as sent only', () => {
    expect(referralDirections({ sendingOrganizationId: 'dhs', receivingOrganizationId: null }, ['dhs'])).toEqual(['sent']);
  });
});

describe('defaultPeriod (reports)', () => {
  it('is the year up to the day given, both days included, leap days too', async () => {
    const { defaultPeriod } = await import('./metrics');
    expect(defaultPeriod('2026-12-07', {})).toEqual({ from: '2025-12-08', to: '2026-12-07' });
    expect(defaultPeriod('2026-12-07', { to: '2024-02-29' })).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(defaultPeriod('2026-12-07', { from: '2026-01-01' })).toEqual({ from: '2026-01-01', to: '2026-12-07' });
  });
});
