/**
 * What PostgreSQL's statistics say of the directory, as far as choosing a distance search's first
 * statement goes: the share of services holding each filter lexeme (pg_stats.most_common_elems of
 * services.facets), the share assumed for a lexeme the statistics do not list (the smallest
 * listed: ANALYZE leaves out only rarer ones), and how many services a location holds on average.
 */
export interface FacetStats {
  share: ReadonlyMap<string, number>;
  unlisted: number;
  servicesPerLocation: number;
}

/**
 * Whether the nearest-first walk is worth its statement. It reads `walked` locations, so about
 * `walked × servicesPerLocation` services, of which the share holding every filter value (the
 * values' shares multiplied, as if independent) must fill the page of `pageRows`. When the
 * expectation falls short the walk almost surely cannot be sure of the page, and its statement
 * only costs time before the second one answers (bench data, sobering centers within 30 km: ~2 ms
 * of ~5 ms). A wrong guess costs time, never a wrong page: the second statement answers every
 * search. Without filter values, or without statistics (a database never analysed), always try.
 */
export const walkWorthTrying = (keys: readonly string[], walked: number, pageRows: number, stats: FacetStats | null): boolean => {
  if (keys.length === 0 || !stats) return true;
  const share = keys.reduce((p, k) => p * (stats.share.get(k) ?? stats.unlisted), 1);
  return walked * stats.servicesPerLocation * share >= pageRows;
};

/** FacetStats from the pg_stats row of services.facets and the two tables' row estimates; null when a part is missing. */
export const facetStatsOf = (row: { elems: string[] | null; freqs: number[] | null; links: number; locations: number } | undefined): FacetStats | null => {
  if (!row?.elems?.length || !row.freqs || row.freqs.length < row.elems.length || row.links <= 0 || row.locations <= 0) return null;
  const share = new Map(row.elems.map((e, i) => [e, row.freqs![i]!] as const));
  return { share, unlisted: Math.min(...share.values()), servicesPerLocation: row.links / row.locations };
};

/**
 * Without statistics, the filter kinds from the fewest services per value to the most: a
 * Community Support names a handful, a category or a focus population a few thousand, an SPA or a
 * language (English above all) many more.
 */
const LEAD_ORDER = ['community_support:', 'category:', 'focus:', 'spa:', 'language:'] as const;
const kindRank = (key: string) => {
  const i = LEAD_ORDER.findIndex((prefix) => key.startsWith(prefix));
  return i < 0 ? LEAD_ORDER.length : i;
};

/**
 * The filter value whose services a name-order search walks (service_facet_names, migration 0014):
 * the one fewest services hold, by the statistics' shares (a value they do not list is rarer than
 * any they do), else by kind. Ties go to the kind order, then to the key, so a search always
 * walks the same value. Undefined without filter values.
 */
export const leadFacet = (keys: readonly string[], stats: FacetStats | null): string | undefined => {
  const share = (k: string) => (stats ? (stats.share.get(k) ?? stats.unlisted * 0.5) : 0);
  return [...keys].sort((a, b) => share(a) - share(b) || kindRank(a) - kindRank(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
};
