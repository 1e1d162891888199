import { LOOP_CLOSURE_REASONS, REFERRAL_STATUSES, type ClosureReason, type LoopClosureReason, type ReferralSide, type ReferralStatus } from './enums';
import { allowedTransitions, decideTransition, isOpen, isTerminal, reasonRule } from './state-machine';

// The expected table, written out by hand from ARCHITECTURE §3 (not derived from the code).
// S = sender, R = receiver, SR = either side, A = admin of the sending org or network admin,
// auto = receiver, automatically (on a person's first open) or chosen (how an API key acknowledges,
// issue 23: a key's read does not). `!` = reason required, `?` = reason optional.
type Who = 'S' | 'S?' | 'R' | 'R!' | 'R?' | 'SR!' | 'A' | 'auto';
const EXPECTED: Record<ReferralStatus, Partial<Record<ReferralStatus, Who>>> = {
  draft: { sent: 'S', cancelled: 'S?', entered_in_error: 'A' },
  sent: { acknowledged: 'auto', accepted: 'R', declined: 'R!', cancelled: 'SR!', entered_in_error: 'A' },
  acknowledged: { accepted: 'R', declined: 'R!', cancelled: 'SR!', entered_in_error: 'A' },
  accepted: { in_progress: 'R', on_hold: 'R?', completed: 'R', unable_to_complete: 'R!', cancelled: 'SR!', entered_in_error: 'A' },
  in_progress: { on_hold: 'R?', completed: 'R', unable_to_complete: 'R!', cancelled: 'SR!', entered_in_error: 'A' },
  on_hold: { in_progress: 'R', completed: 'R', unable_to_complete: 'R!', cancelled: 'SR!', entered_in_error: 'A' },
  declined: { entered_in_error: 'A' },
  completed: { entered_in_error: 'A' },
  unable_to_complete: { entered_in_error: 'A' },
  cancelled: { entered_in_error: 'A' },
  entered_in_error: {},
};

type Caller = { name: string; side: ReferralSide; isSenderOrgAdmin: boolean; isNetworkAdmin: boolean };
const CALLERS: Caller[] = [
  { name: 'sender staff', side: 'sender', isSenderOrgAdmin: false, isNetworkAdmin: false },
  { name: 'receiver staff', side: 'receiver', isSenderOrgAdmin: false, isNetworkAdmin: false },
  { name: 'sender org admin', side: 'sender', isSenderOrgAdmin: true, isNetworkAdmin: false },
  { name: 'network admin (receiver side)', side: 'receiver', isSenderOrgAdmin: false, isNetworkAdmin: true },
];

const mayTake = (who: Who, c: Caller): boolean => {
  if (who === 'A') return c.isSenderOrgAdmin || c.isNetworkAdmin;
  if (who.startsWith('SR')) return true;
  if (who.startsWith('S')) return c.side === 'sender';
  return c.side === 'receiver'; // R, R!, R?, auto
};
const validReason = (who: Who): ClosureReason | null => (who.endsWith('!') ? 'no_capacity' : null);
// ARCHITECTURE §3: "completed and unable_to_complete record an outcome".
const validOutcome = (to: ReferralStatus): LoopClosureReason | null =>
  to === 'completed' ? 'services_received' : to === 'unable_to_complete' ? 'no_capacity' : null;

const cases = REFERRAL_STATUSES.flatMap((from) =>
  REFERRAL_STATUSES.flatMap((to) => CALLERS.map((c) => ({ from, to, caller: c, who: EXPECTED[from][to] }))),
);

describe('decideTransition over every from × to × caller', () => {
  it.each(cases.map((x) => [x.from, x.to, x.caller.name, x] as const))('%s → %s by %s', (_f, _t, _c, { from, to, caller, who }) => {
    const base = { from, to, side: caller.side, isSenderOrgAdmin: caller.isSenderOrgAdmin, isNetworkAdmin: caller.isNetworkAdmin };
    if (!who) {
      const d = decideTransition({ ...base, reason: 'other', note: 'x', automatic: false });
      expect(d).toMatchObject({ ok: false, code: 'invalid_transition' });
      expect(decideTransition({ ...base, automatic: true })).toMatchObject({ ok: false, code: 'invalid_transition' });
      return;
    }
    for (const automatic of who === 'auto' ? [true, false] : [false]) {
      const decision = decideTransition({ ...base, reason: validReason(who), outcome: validOutcome(to), automatic });
      if (mayTake(who, caller)) expect(decision).toEqual({ ok: true });
      else expect(decision).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});

describe('allowedTransitions', () => {
  const sender = { isSenderOrgAdmin: false, isNetworkAdmin: false };
  const admin = { isSenderOrgAdmin: true, isNetworkAdmin: false };
  const network = { isSenderOrgAdmin: false, isNetworkAdmin: true };
  it.each<[ReferralStatus, ReferralSide, typeof sender, ReferralStatus[]]>([
    ['draft', 'sender', sender, ['sent', 'cancelled']],
    ['draft', 'sender', admin, ['sent', 'cancelled', 'entered_in_error']],
    ['draft', 'receiver', sender, []],
    ['sent', 'receiver', sender, ['acknowledged', 'accepted', 'declined', 'cancelled']],
    ['sent', 'sender', sender, ['cancelled']],
    ['acknowledged', 'receiver', sender, ['accepted', 'declined', 'cancelled']],
    ['accepted', 'receiver', sender, ['in_progress', 'on_hold', 'completed', 'unable_to_complete', 'cancelled']],
    ['accepted', 'sender', admin, ['cancelled', 'entered_in_error']],
    ['in_progress', 'receiver', sender, ['on_hold', 'completed', 'unable_to_complete', 'cancelled']],
    ['on_hold', 'receiver', network, ['in_progress', 'completed', 'unable_to_complete', 'cancelled', 'entered_in_error']],
    ['completed', 'receiver', sender, []],
    ['completed', 'sender', admin, ['entered_in_error']],
    ['declined', 'receiver', network, ['entered_in_error']],
    ['entered_in_error', 'sender', admin, []],
  ])('from %s as %s %j → %j', (from, side, flags, expected) => {
    expect(allowedTransitions(from, side, flags)).toEqual(expected);
  });

  it('lists acknowledging to the receiver of a sent referral only (an API key acknowledges by choosing it)', () => {
    expect(allowedTransitions('sent', 'sender', network)).not.toContain('acknowledged');
    expect(allowedTransitions('sent', 'receiver', sender)).toContain('acknowledged');
    expect(allowedTransitions('acknowledged', 'receiver', sender)).not.toContain('acknowledged');
  });
});

describe('reasons', () => {
  const receiver = { side: 'receiver' as const, isSenderOrgAdmin: false, isNetworkAdmin: false };
  it.each<[ReferralStatus, ReferralStatus, ReferralSide]>([
    ['sent', 'declined', 'receiver'],
    ['acknowledged', 'declined', 'receiver'],
    ['accepted', 'unable_to_complete', 'receiver'],
    ['in_progress', 'unable_to_complete', 'receiver'],
    ['on_hold', 'unable_to_complete', 'receiver'],
    ['sent', 'cancelled', 'sender'],
    ['accepted', 'cancelled', 'receiver'],
    ['on_hold', 'cancelled', 'sender'],
  ])('refuses %s → %s by %s without a reason', (from, to, side) => {
    for (const reason of [undefined, null]) {
      expect(decideTransition({ ...receiver, side, from, to, reason })).toMatchObject({ ok: false, code: 'validation_failed' });
    }
    const outcome = to === 'unable_to_complete' ? 'client_unreachable' : null;
    expect(decideTransition({ ...receiver, side, from, to, reason: 'client_unreachable', outcome })).toEqual({ ok: true });
  });

  it('lets a sender cancel a draft without a reason, or with one', () => {
    const base = { from: 'draft', to: 'cancelled', side: 'sender', isSenderOrgAdmin: false, isNetworkAdmin: false } as const;
    expect(decideTransition(base)).toEqual({ ok: true });
    expect(decideTransition({ ...base, reason: 'duplicate' })).toEqual({ ok: true });
  });

  it('takes an optional reason for on_hold', () => {
    expect(decideTransition({ ...receiver, from: 'accepted', to: 'on_hold' })).toEqual({ ok: true });
    expect(decideTransition({ ...receiver, from: 'in_progress', to: 'on_hold', reason: 'client_unreachable' })).toEqual({ ok: true });
  });

  it.each<[ReferralStatus, ReferralStatus]>([
    ['sent', 'accepted'],
    ['accepted', 'in_progress'],
    ['in_progress', 'completed'],
    ['on_hold', 'in_progress'],
  ])('refuses a reason on %s → %s, where none applies', (from, to) => {
    const outcome = to === 'completed' ? 'services_received' : null;
    expect(decideTransition({ ...receiver, from, to, reason: 'no_capacity', outcome })).toMatchObject({ ok: false, code: 'validation_failed', field: 'reason' });
  });

  it.each([undefined, null, '', '   '])('refuses reason other with note %j', (note) => {
    expect(decideTransition({ ...receiver, from: 'sent', to: 'declined', reason: 'other', note })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
  });

  it('accepts reason other with a note', () => {
    expect(decideTransition({ ...receiver, from: 'sent', to: 'declined', reason: 'other', note: 'Program paused' })).toEqual({ ok: true });
  });

  it.each<[ReferralStatus, ReferralStatus, ReturnType<typeof reasonRule>]>([
    ['sent', 'declined', 'required'],
    ['draft', 'cancelled', 'optional'],
    ['accepted', 'on_hold', 'optional'],
    ['sent', 'accepted', 'none'],
    ['completed', 'in_progress', null],
  ])('reasonRule(%s, %s) is %s', (from, to, rule) => expect(reasonRule(from, to)).toBe(rule));
});

describe('acknowledgement and entered_in_error', () => {
  const receiver = { side: 'receiver' as const, isSenderOrgAdmin: false, isNetworkAdmin: false };
  it('acknowledges a sent referral automatically or when the receiver chooses to, once', () => {
    expect(decideTransition({ ...receiver, from: 'sent', to: 'acknowledged', automatic: true })).toEqual({ ok: true });
    expect(decideTransition({ ...receiver, from: 'sent', to: 'acknowledged' })).toEqual({ ok: true });
    expect(decideTransition({ ...receiver, side: 'sender', from: 'sent', to: 'acknowledged' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideTransition({ ...receiver, from: 'acknowledged', to: 'acknowledged', automatic: true })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('refuses the system taking a person’s transition', () => {
    expect(decideTransition({ ...receiver, from: 'sent', to: 'accepted', automatic: true })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('refuses completed → in_progress as invalid_transition and lists what is allowed', () => {
    expect(decideTransition({ ...receiver, isNetworkAdmin: true, from: 'completed', to: 'in_progress' })).toEqual({
      ok: false,
      code: 'invalid_transition',
      detail: expect.stringContaining('completed'),
      allowed: ['entered_in_error'],
    });
  });

  it('refuses entered_in_error to staff of either side with 403 forbidden', () => {
    for (const side of ['sender', 'receiver'] as const) {
      expect(decideTransition({ ...receiver, side, from: 'completed', to: 'entered_in_error' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
  });

  it('allows entered_in_error from every state but itself, for a sender org admin and a network admin', () => {
    for (const from of REFERRAL_STATUSES) {
      const expected = from === 'entered_in_error' ? { ok: false, code: 'invalid_transition' } : { ok: true };
      expect(
        decideTransition({ from, to: 'entered_in_error', side: 'sender', isSenderOrgAdmin: true, isNetworkAdmin: false }),
      ).toMatchObject(expected);
      expect(
        decideTransition({ from, to: 'entered_in_error', side: 'receiver', isSenderOrgAdmin: false, isNetworkAdmin: true }),
      ).toMatchObject(expected);
    }
  });

  it('gives a network admin no other power', () => {
    expect(decideTransition({ from: 'sent', to: 'accepted', side: 'sender', isSenderOrgAdmin: false, isNetworkAdmin: true })).toMatchObject(
      {
        ok: false,
        code: 'forbidden',
      },
    );
  });
});

describe('isTerminal / isOpen', () => {
  it.each<[ReferralStatus, boolean, boolean]>([
    ['draft', false, false],
    ['sent', false, true],
    ['acknowledged', false, true],
    ['accepted', false, true],
    ['in_progress', false, true],
    ['on_hold', false, true],
    ['declined', true, false],
    ['completed', true, false],
    ['unable_to_complete', true, false],
    ['cancelled', true, false],
    ['entered_in_error', true, false],
  ])('%s: terminal %s, open %s', (s, terminal, open) => {
    expect(isTerminal(s)).toBe(terminal);
    expect(isOpen(s)).toBe(open);
  });
});

describe('outcomes (closing the loop)', () => {
  const receiver = { side: 'receiver' as const, isSenderOrgAdmin: false, isNetworkAdmin: false };
  // Written out by hand: which loop-closure reasons a receiver may record with each closing status.
  const EXPECTED_OUTCOMES: Record<'completed' | 'unable_to_complete', LoopClosureReason[]> = {
    completed: ['services_received', 'other'],
    unable_to_complete: ['client_declined', 'client_unreachable', 'not_eligible', 'no_capacity', 'referred_elsewhere', 'duplicate', 'other'],
  };
  const closing = (['completed', 'unable_to_complete'] as const).flatMap((to) => LOOP_CLOSURE_REASONS.map((o) => [to, o] as const));

  it.each(closing)('%s with outcome %s: allowed only when it goes with the status', (to, outcome) => {
    const reason = to === 'unable_to_complete' ? 'client_unreachable' : null;
    const d = decideTransition({ ...receiver, from: 'in_progress', to, reason, outcome, note: 'What happened' });
    if (EXPECTED_OUTCOMES[to].includes(outcome)) expect(d).toEqual({ ok: true });
    else expect(d).toMatchObject({ ok: false, code: 'validation_failed', field: 'outcome' });
  });

  it.each(['completed', 'unable_to_complete'] as const)('requires an outcome to move to %s', (to) => {
    const reason = to === 'unable_to_complete' ? 'client_unreachable' : null;
    for (const outcome of [undefined, null]) {
      expect(decideTransition({ ...receiver, from: 'accepted', to, reason, outcome })).toMatchObject({ ok: false, code: 'validation_failed', field: 'outcome' });
    }
  });

  it.each<[ReferralStatus, ReferralStatus, ReferralSide]>([
    ['sent', 'accepted', 'receiver'],
    ['sent', 'declined', 'receiver'],
    ['accepted', 'on_hold', 'receiver'],
    ['in_progress', 'cancelled', 'sender'],
    ['draft', 'sent', 'sender'],
  ])('refuses an outcome on %s → %s', (from, to, side) => {
    const reason = to === 'declined' || to === 'cancelled' ? 'client_declined' : null;
    expect(decideTransition({ ...receiver, side, from, to, reason, outcome: 'services_received' })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      field: 'outcome',
    });
  });

  it('needs a note for outcome other', () => {
    expect(decideTransition({ ...receiver, from: 'in_progress', to: 'completed', outcome: 'other' })).toMatchObject({ ok: false, code: 'validation_failed', field: 'note' });
    expect(decideTransition({ ...receiver, from: 'in_progress', to: 'completed', outcome: 'other', note: 'Half the boxes' })).toEqual({ ok: true });
  });

  it('checks who before the outcome: the sender completing hears forbidden', () => {
    expect(decideTransition({ ...receiver, side: 'sender', from: 'in_progress', to: 'completed' })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
