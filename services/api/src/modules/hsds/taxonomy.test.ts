import { TAXONOMIES, TERMS, filterTerms, type Term } from './taxonomy';

// Tandem's two taxonomies are flat, so the API test can only show that top_only keeps every term
// and parent_id finds none. The hierarchy rules are checked here on a made-up tree.
const sdoh = TAXONOMIES[0];
const cs = TAXONOMIES[1];
const term = (id: string, parentId?: string, taxonomy: Term['taxonomy'] = sdoh): Term => ({
  id,
  code: `code-${id}`,
  name: `Name ${id}`,
  taxonomy,
  ...(parentId ? { parentId } : {}),
});
const TREE = [
  term('housing'),
  term('homeless', 'housing'),
  term('unsheltered', 'homeless'),
  term('deposits', 'housing'),
  term('meals', undefined, cs),
];
const find = (idOrCode: string) => TREE.find((t) => t.id === idOrCode || t.code === idOrCode);
const ids = (f: Parameters<typeof filterTerms>[1]) => filterTerms(TREE, f, find).map((t) => t.id);

describe('filterTerms', () => {
  it.each([
    [{}, ['housing', 'homeless', 'unsheltered', 'deposits', 'meals']],
    [{ topOnly: true }, ['housing', 'meals']],
    [{ topOnly: false }, ['housing', 'homeless', 'unsheltered', 'deposits', 'meals']],
    [{ parentId: 'housing' }, ['homeless', 'deposits']],
    [{ parentId: 'code-homeless' }, ['unsheltered']],
    [{ parentId: 'deposits' }, []],
    [{ parentId: 'unknown' }, []],
    [{ topOnly: true, parentId: 'housing' }, []],
    [{ taxonomyId: 'cs' }, ['meals']],
    [{ taxonomyId: cs.id, topOnly: true }, ['meals']],
    [{ taxonomyId: 'unknown' }, []],
    [{ search: 'HOMELESS' }, ['homeless']],
  ])('%j → %j', (f, expected) => {
    expect(ids(f)).toEqual(expected);
  });

  it('leaves the real, flat taxonomies whole under top_only and empty under any parent', () => {
    expect(filterTerms(TERMS, { topOnly: true })).toHaveLength(TERMS.length);
    expect(filterTerms(TERMS, { parentId: 'food-insecurity' })).toEqual([]);
  });
});
