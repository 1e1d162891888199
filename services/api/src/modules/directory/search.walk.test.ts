import { facetStatsOf, leadFacet, walkWorthTrying, type FacetStats } from './search.walk';

const stats: FacetStats = {
  share: new Map([
    ['language:es', 0.6],
    ['spa:spa4', 0.14],
    ['community_support:sobering_centers', 0.013],
  ]),
  unlisted: 0.012,
  servicesPerLocation: 3.6,
};

describe('walkWorthTrying', () => {
  it('always tries without filter values or without statistics', () => {
    expect(walkWorthTrying([], 39, 26, stats)).toBe(true);
    expect(walkWorthTrying(['community_support:sobering_centers'], 104, 26, null)).toBe(true);
  });

  it('tries when the services the walk reads are expected to fill the page', () => {
    // 104 locations × 3.6 services × 0.6 = 225 ≥ 26
    expect(walkWorthTrying(['language:es'], 104, 26, stats)).toBe(true);
    // × 0.14 more = 31 ≥ 26
    expect(walkWorthTrying(['language:es', 'spa:spa4'], 104, 26, stats)).toBe(true);
  });

  it('skips the walk when the filter values are too rare to fill the page', () => {
    // 104 × 3.6 × 0.013 = 4.9 < 26
    expect(walkWorthTrying(['community_support:sobering_centers'], 104, 26, stats)).toBe(false);
    // 0.6 × 0.14 × 0.013: rarer still
    expect(walkWorthTrying(['language:es', 'spa:spa4', 'community_support:sobering_centers'], 804, 201, stats)).toBe(false);
    // A bigger walk for a small page can still expect enough: 804 × 3.6 × 0.013 = 37.6 ≥ 11
    expect(walkWorthTrying(['community_support:sobering_centers'], 804, 11, stats)).toBe(true);
  });

  it('gives a value the statistics do not list the smallest listed share', () => {
    // 104 × 3.6 × 0.012 = 4.5 < 26; 2,000 × 3.6 × 0.012 = 86 ≥ 26
    expect(walkWorthTrying(['focus:other'], 104, 26, stats)).toBe(false);
    expect(walkWorthTrying(['focus:other'], 2000, 26, stats)).toBe(true);
  });
});

describe('facetStatsOf', () => {
  it('reads the shares by lexeme, the smallest share and the services per location', () => {
    // pg_stats lists a tsvector's element frequencies, then their minimum, maximum and null share.
    const s = facetStatsOf({ elems: ['language:en', 'spa:spa6'], freqs: [1, 0.15, 0.15, 1, 0], links: 540, locations: 150 });
    expect(s).toEqual({ share: new Map([['language:en', 1], ['spa:spa6', 0.15]]), unlisted: 0.15, servicesPerLocation: 3.6 });
  });

  it('is null when the table was never analysed or a part is missing', () => {
    expect(facetStatsOf(undefined)).toBeNull();
    expect(facetStatsOf({ elems: null, freqs: null, links: 540, locations: 150 })).toBeNull();
    expect(facetStatsOf({ elems: ['language:en'], freqs: [1, 1, 1, 0], links: -1, locations: 150 })).toBeNull();
    expect(facetStatsOf({ elems: ['language:en'], freqs: [1, 1, 1, 0], links: 540, locations: 0 })).toBeNull();
  });
});

describe('leadFacet', () => {
  it('walks the value the fewest services hold', () => {
    expect(leadFacet(['language:es', 'spa:spa4'], stats)).toBe('spa:spa4');
    expect(leadFacet(['spa:spa4', 'community_support:sobering_centers', 'language:es'], stats)).toBe('community_support:sobering_centers');
  });

  it('takes a value the statistics do not list as rarer than every listed one', () => {
    // unlisted (0.012) is the smallest listed share; an unlisted value is rarer still
    const tied: FacetStats = { ...stats, share: new Map([...stats.share, ['category:food-insecurity', 0.012]]) };
    expect(leadFacet(['category:food-insecurity', 'focus:mental_health'], tied)).toBe('focus:mental_health');
  });

  it('goes by kind without statistics, and always picks the same value', () => {
    expect(leadFacet(['language:es', 'spa:spa4', 'category:housing-instability'], null)).toBe('category:housing-instability');
    expect(leadFacet(['spa:spa6', 'spa:spa4'], null)).toBe('spa:spa4');
    expect(leadFacet(['spa:spa4', 'spa:spa6'], null)).toBe('spa:spa4');
    expect(leadFacet(['language:ko', 'focus:homelessness'], null)).toBe('focus:homelessness');
  });

  it('has nothing to walk without filter values', () => {
    expect(leadFacet([], stats)).toBeUndefined();
  });
});
