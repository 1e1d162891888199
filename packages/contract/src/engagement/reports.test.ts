import { FOCUS_POPULATIONS } from '../common/enums';
import { lastEndedQuarter, STATE_CATEGORY_NAMES, STATE_CATEGORY_TABLE, stateCategoryOf, StateQuarterlyQuerySchema } from './reports';

// Written from issue 25 and the reference (la-reference.json, wpcLaFocusPopulations), not from the code.
describe('stateCategoryOf', () => {
  it.each([
    ['homelessness', 'homelessness', 'Homelessness'],
    ['justice_involvement', 'justice_involvement', 'Justice involvement'],
    ['healthy_pregnancy', 'healthy_pregnancy', 'Barriers to a healthy pregnancy'],
    ['mental_health', 'mental_health', 'Mental health'],
    ['substance_use', 'substance_use', 'Substance use'],
    ['complex_health', 'complex_health_conditions', 'Complex health conditions'],
    ['other', 'other', 'Other'],
    ['veterans', 'other', 'Other'],
    ['toString', 'other', 'Other'],
  ] as const)('%s → %s (%s)', (population, category, name) => {
    expect(stateCategoryOf(population)).toBe(category);
    expect(STATE_CATEGORY_NAMES[stateCategoryOf(population)]).toBe(name);
  });

  it('maps every focus population, and the table the SQL joins has each once', () => {
    expect(STATE_CATEGORY_TABLE.map(([p]) => p)).toEqual([...FOCUS_POPULATIONS]);
  });
});

describe('the quarter', () => {
  it.each([
    ['2026-12-07', { year: 2026, quarter: 3 }],
    ['2026-01-01', { year: 2025, quarter: 4 }],
    ['2026-03-31', { year: 2025, quarter: 4 }],
    ['2026-04-01', { year: 2026, quarter: 1 }],
    ['2026-07-15', { year: 2026, quarter: 2 }],
  ])('the last one ended before %s is %j', (today, q) => expect(lastEndedQuarter(today)).toEqual(q));

  it.each([
    [{}, true],
    [{ year: '2026', quarter: '2' }, true],
    [{ year: '2026' }, false],
    [{ quarter: '2' }, false],
    [{ year: '2026', quarter: '5' }, false],
    [{ year: '2026', quarter: '1', extra: 'x' }, false],
  ])('%j valid: %s', (q, ok) => expect(StateQuarterlyQuerySchema.safeParse(q).success).toBe(ok));
});
