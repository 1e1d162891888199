import {
  COMMUNITY_SUPPORTS,
  FOCUS_POPULATIONS,
  isNearPoint,
  LANGUAGES,
  SDOH_CATEGORIES,
  SPA_CODES,
  type CommunitySupport,
  type FocusPopulation,
  type SdohCategory,
  type Spa,
} from '@tandem/contract';
import { pickParam } from '../../../lib/use-url-filters';
import type { SearchFilters } from '../api/queries';


/** The filters in the address bar: every value checked, so a hand-edited link cannot break the request. */
export const filtersFromParams = (p: URLSearchParams): SearchFilters => {
  const age = Number(p.get('age'));
  const near = /^\d{5}$/.test(p.get('zip') ?? '') ? '' : (p.get('near') ?? '');
  return {
    q: p.get('q')?.trim() || undefined,
    category: pickParam<SdohCategory>(SDOH_CATEGORIES, p.get('category')),
    spa: pickParam<Spa>(SPA_CODES, p.get('spa')),
    language: pickParam(LANGUAGES, p.get('language')),
    focusPopulation: pickParam<FocusPopulation>(FOCUS_POPULATIONS, p.get('focusPopulation')),
    communitySupport: pickParam<CommunitySupport>(COMMUNITY_SUPPORTS, p.get('communitySupport')),
    age: p.get('age') && Number.isInteger(age) && age >= 0 && age <= 120 ? age : undefined,
    openNow: p.get('openNow') === 'true' ? 'true' : undefined,
    accepting: p.get('accepting') === 'true' ? 'true' : undefined,
    near: isNearPoint(near) ? near : undefined,
    // One point: a ZIP code when both are in a hand-made link (the API refuses both at once).
    zip: /^\d{5}$/.test(p.get('zip') ?? '') ? (p.get('zip') as string) : undefined,
  };
};

/** How many filters (besides the search words) are on: shown on the phone's "Filters" button. */
export const activeFilterCount = (f: SearchFilters) => Object.entries(f).filter(([k, v]) => k !== 'q' && v !== undefined).length;
