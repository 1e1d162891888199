import { GAP_STATUSES, type GapStatus } from './enums';
import { allowedGapTransitions, decideGapTransition, FINAL_GAP_STATUSES, isGapOpen } from './status';

// The expected table, written by hand from ARCHITECTURE §2 and issue 25 (identified → escalated →
// in_progress → resolved | not_pursued, rationale required for not_pursued), not derived from
// the code. A gap may skip escalation (work starts at once) and an escalation may be resolved
// directly (an MOU closes it); it never goes back, and the two ends are final.
// `ok` = allowed, `!` = allowed with a rationale required.
const EXPECTED: Record<GapStatus, Partial<Record<GapStatus, 'ok' | '!'>>> = {
  identified: { escalated: 'ok', in_progress: 'ok', not_pursued: '!' },
  escalated: { in_progress: 'ok', resolved: 'ok', not_pursued: '!' },
  in_progress: { resolved: 'ok', not_pursued: '!' },
  resolved: {},
  not_pursued: {},
};

const cases = GAP_STATUSES.flatMap((from) => GAP_STATUSES.map((to) => [from, to, EXPECTED[from][to]] as const));

describe('decideGapTransition over every from × to', () => {
  it.each(cases)('%s → %s', (from, to, rule) => {
    const withRationale = decideGapTransition({ from, to, rationale: 'Contracts division declined: no funding this year' });
    const without = decideGapTransition({ from, to });
    const blank = decideGapTransition({ from, to, rationale: '   ' });
    if (!rule) {
      expect(withRationale).toMatchObject({ ok: false, code: 'invalid_transition' });
      expect(without).toMatchObject({ ok: false, code: 'invalid_transition' });
      return;
    }
    expect(withRationale).toEqual({ ok: true });
    if (rule === '!') {
      expect(without).toMatchObject({ ok: false, code: 'validation_failed' });
      expect(blank).toMatchObject({ ok: false, code: 'validation_failed' });
    } else {
      expect(without).toEqual({ ok: true });
    }
  });

  it('names the allowed next statuses from the same table', () => {
    for (const from of GAP_STATUSES) expect(allowedGapTransitions(from).sort()).toEqual(Object.keys(EXPECTED[from]).sort());
  });

  it('treats resolved and not_pursued as final', () => {
    expect([...FINAL_GAP_STATUSES].sort()).toEqual(['not_pursued', 'resolved']);
    expect(GAP_STATUSES.filter(isGapOpen)).toEqual(['identified', 'escalated', 'in_progress']);
  });
});
