import { REFERRAL_STATUSES, type ReferralSide, type ReferralStatus } from './enums';
import { decideFirstContact, decideLoopClosed, firstContactTimeOf, loopClosureRollup, type FirstContactInput } from './loop';

const now = new Date('2026-03-10T18:00:00Z');
const sentAt = new Date('2026-03-02T17:00:00Z');
const recorded = { at: new Date('2026-03-03T17:30:00Z'), method: 'phone' as const };
const OPEN: ReferralStatus[] = ['sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold'];

describe('decideLoopClosed over every status × side × already closed', () => {
  // Written by hand from ARCHITECTURE §3: the sender marks the outcome seen, once, on the
  // statuses that record an outcome. Terminal states stay terminal: this is not a transition.
  const closable: ReferralStatus[] = ['completed', 'unable_to_complete'];
  const SIDES: [string, ReferralSide[]][] = [
    ['sender', ['sender']],
    ['receiver', ['receiver']],
    ['both (self-referral)', ['sender', 'receiver']],
    ['neither (network admin)', []],
  ];
  const cases = REFERRAL_STATUSES.flatMap((status) => SIDES.flatMap(([name, sides]) => [false, true].map((closed) => [status, name, sides, closed] as const)));
  it.each(cases)('%s, by %s, already closed %s', (status, _name, sides, closed) => {
    const d = decideLoopClosed({ sides, status, loopClosedAt: closed ? now : null });
    if (!sides.includes('sender')) expect(d).toMatchObject({ ok: false, code: 'forbidden' });
    else if (!closable.includes(status) || closed) expect(d).toMatchObject({ ok: false, code: 'conflict' });
    else expect(d).toEqual({ ok: true });
  });
});

describe('decideFirstContact', () => {
  const base: FirstContactInput = { mode: 'record', sides: ['receiver'], status: 'accepted', sentAt, closedAt: null, recorded: null, loopClosedAt: null, at: recorded.at, method: 'phone', now };

  it.each(REFERRAL_STATUSES)('records on %s only when open', (status) => {
    const d = decideFirstContact({ ...base, status });
    if (OPEN.includes(status)) expect(d).toEqual({ ok: true });
    else expect(d).toMatchObject({ ok: false, code: 'conflict' });
  });

  it.each(REFERRAL_STATUSES)('corrects on %s while open or closed with an outcome', (status) => {
    const closedAt = OPEN.includes(status) ? null : new Date('2026-03-09T00:00:00Z');
    const d = decideFirstContact({ ...base, mode: 'correct', status, closedAt, recorded, method: 'in_person' });
    if (OPEN.includes(status) || status === 'completed' || status === 'unable_to_complete') expect(d).toEqual({ ok: true });
    else expect(d).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('takes a time given to the minute in the minute of sending, recorded as the sending time', () => {
    // Sent at 17:00:40; the worker reached the client at once and the time field says 17:00.
    const sentLate = new Date('2026-03-02T17:00:40Z');
    const minute = new Date('2026-03-02T17:00:00Z');
    expect(decideFirstContact({ ...base, sentAt: sentLate, at: minute })).toEqual({ ok: true });
    expect(firstContactTimeOf(minute, sentLate)).toEqual(sentLate);
    expect(firstContactTimeOf(new Date('2026-03-02T17:05:00Z'), sentLate)).toEqual(new Date('2026-03-02T17:05:00Z'));
    expect(decideFirstContact({ ...base, sentAt: sentLate, at: new Date('2026-03-02T16:59:59Z') })).toMatchObject({ ok: false, fieldCode: 'referral.first_contact_before_sent' });
    // A correction to the minute of a first contact recorded at the sending time changes nothing.
    const recordedAtSending = { at: sentLate, method: 'phone' as const };
    expect(decideFirstContact({ ...base, mode: 'correct', sentAt: sentLate, recorded: recordedAtSending, at: minute, method: 'phone' })).toMatchObject({ ok: false, fieldCode: 'referral.correction_unchanged' });
  });

  it.each<[string, Partial<FirstContactInput>, string, string | undefined]>([
    ['the sender records', { sides: ['sender'] }, 'forbidden', undefined],
    ['a network admin records', { sides: [] }, 'forbidden', undefined],
    ['the sender corrects', { sides: ['sender'], mode: 'correct', recorded }, 'forbidden', undefined],
    ['a second record', { recorded }, 'conflict', undefined],
    ['a correction with nothing recorded', { mode: 'correct' }, 'conflict', undefined],
    ['a correction after the loop closed', { mode: 'correct', status: 'completed', recorded, loopClosedAt: now, method: 'text' }, 'conflict', undefined],
    ['a time in the future', { at: new Date(now.getTime() + 5 * 60_000) }, 'validation_failed', 'referral.first_contact_in_future'],
    ['a time before sending', { at: new Date(sentAt.getTime() - 1) }, 'validation_failed', 'referral.first_contact_before_sent'],
    ['a time after closing', { mode: 'correct', status: 'completed', recorded, closedAt: new Date('2026-03-05T00:00:00Z'), at: new Date('2026-03-06T00:00:00Z') }, 'validation_failed', 'referral.first_contact_after_closed'],
    ['a correction that changes nothing', { mode: 'correct', recorded }, 'validation_failed', 'referral.correction_unchanged'],
  ])('refuses %s', (_name, over, code, fieldCode) => {
    const d = decideFirstContact({ ...base, ...over });
    expect(d).toMatchObject({ ok: false, code });
    if (fieldCode) expect(d).toMatchObject({ field: 'firstContactAt', fieldCode });
  });

  it('allows a minute of clock skew, and a self-referral on both sides', () => {
    expect(decideFirstContact({ ...base, at: new Date(now.getTime() + 30_000) })).toEqual({ ok: true });
    expect(decideFirstContact({ ...base, sides: ['sender', 'receiver'] })).toEqual({ ok: true });
  });

  it('lets a correction change only the method, or only the time', () => {
    expect(decideFirstContact({ ...base, mode: 'correct', recorded, method: 'video' })).toEqual({ ok: true });
    expect(decideFirstContact({ ...base, mode: 'correct', recorded, at: new Date('2026-03-04T17:30:00Z') })).toEqual({ ok: true });
  });
});

describe('loopClosureRollup', () => {
  it('counts awaiting and closed on completed / unable_to_complete, and every closed referral by reason', () => {
    const r = loopClosureRollup([
      { status: 'completed', statusReason: null, outcome: 'services_received', loopClosed: true, n: 4 },
      { status: 'completed', statusReason: null, outcome: 'other', loopClosed: false, n: 1 },
      // Completed before outcomes were asked: counts as services received.
      { status: 'completed', statusReason: null, outcome: null, loopClosed: false, n: 2 },
      { status: 'unable_to_complete', statusReason: 'client_unreachable', outcome: 'client_unreachable', loopClosed: true, n: 3 },
      { status: 'unable_to_complete', statusReason: 'out_of_area', outcome: null, loopClosed: false, n: 1 },
      { status: 'declined', statusReason: 'no_capacity', outcome: null, loopClosed: false, n: 5 },
      { status: 'cancelled', statusReason: 'duplicate', outcome: null, loopClosed: false, n: 2 },
      { status: 'entered_in_error', statusReason: null, outcome: null, loopClosed: false, n: 9 },
      { status: 'in_progress', statusReason: null, outcome: null, loopClosed: false, n: 7 },
    ]);
    expect(r.awaiting).toBe(4);
    expect(r.closed).toBe(7);
    expect(r.byReason).toEqual({
      services_received: 6,
      client_declined: 0,
      client_unreachable: 3,
      not_eligible: 0,
      no_capacity: 5,
      referred_elsewhere: 0,
      cancelled_by_referrer: 2,
      duplicate: 0,
      other: 2,
    });
  });

  it('is all zeros for nothing', () => {
    const r = loopClosureRollup([]);
    expect([r.awaiting, r.closed, Object.values(r.byReason).every((n) => n === 0)]).toEqual([0, 0, true]);
  });
});
