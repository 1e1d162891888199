import { createHash } from 'node:crypto';
import { COMMUNITY_SUPPORTS, SDOH_CATEGORIES, SDOH_CATEGORY_SYSTEM, type CommunitySupport, type SdohCategory } from '@tandem/contract';

// HSDS wants a UUID on every object, including ones Tandem keeps as plain columns (a service's
// phone, its languages, its category tags). Those get name-based UUIDs (RFC 9562 v5), so the
// same record always has the same id: an export re-imports onto the same rows.
const NAMESPACE = Buffer.from('6f1c2b8e4f0a4d7e9b3a1c5d7e9f0a2b', 'hex');
export const stableId = (name: string) => {
  const h = createHash('sha1').update(NAMESPACE).update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
};

// Display names: shared/reference/fhir-sdoh/sdoh-category-valueset.json and
// shared/reference/la-reference.json (mediCalCommunitySupports).
const SDOH_NAMES: Record<SdohCategory, string> = {
  'sdoh-category-unspecified': 'SDOH Category Unspecified',
  'food-insecurity': 'Food Insecurity',
  'housing-instability': 'Housing Instability',
  homelessness: 'Homelessness',
  'inadequate-housing': 'Inadequate Housing',
  'transportation-insecurity': 'Transportation Insecurity',
  'financial-insecurity': 'Financial Insecurity',
  'material-hardship': 'Material Hardship',
  'educational-attainment': 'Educational Attainment',
  'employment-status': 'Employment Status',
  'veteran-status': 'Veteran Status',
  stress: 'Stress',
  'social-connection': 'Social Connection',
  'intimate-partner-violence': 'Intimate Partner Violence',
  'elder-abuse': 'Elder Abuse',
  'personal-health-literacy': 'Personal Health Literacy',
  'health-insurance-coverage-status': 'Health Insurance Coverage Status',
  'medical-cost-burden': 'Medical Cost Burden',
  'digital-literacy': 'Digital Literacy',
  'digital-access': 'Digital Access',
  'utility-insecurity': 'Utility Insecurity',
  'incarceration-status': 'Incarceration Status',
  'language-access': 'Language Access',
};
const CS_NAMES: Record<CommunitySupport, string> = {
  housing_transition_navigation: 'Housing Transition Navigation Services',
  housing_deposits: 'Housing Deposits',
  housing_tenancy_sustaining: 'Housing Tenancy and Sustaining Services',
  short_term_post_hospitalization_housing: 'Short-Term Post-Hospitalization Housing',
  recuperative_care: 'Recuperative Care (Medical Respite)',
  day_habilitation: 'Day Habilitation Programs',
  respite_services: 'Respite Services',
  alf_transitions: 'Assisted Living Facility (ALF) Transitions',
  community_home_transition: 'Community or Home Transition Services',
  personal_care_homemaker: 'Personal Care and Homemaker Services',
  environmental_accessibility_adaptations: 'Environmental Accessibility Adaptations (Home Modifications)',
  medically_tailored_meals: 'Medically Tailored Meals/Medically Supportive Food',
  sobering_centers: 'Sobering Centers',
  asthma_remediation: 'Asthma Remediation',
  transitional_rent: 'Transitional Rent',
};

export const TAXONOMIES = [
  {
    key: 'sdoh',
    id: stableId('taxonomy:sdoh'),
    name: 'Gravity Project SDOH categories',
    description:
      'Social determinants of health domains of the Gravity Project (HL7 SDOH Clinical Care ValueSet SDOHCC-ValueSetSDOHCategory).',
    uri: SDOH_CATEGORY_SYSTEM,
    version: '2.3.0',
  },
  {
    key: 'cs',
    id: stableId('taxonomy:community-supports'),
    name: 'Medi-Cal Community Supports',
    description: 'CalAIM Community Supports that Medi-Cal managed care plans may offer in lieu of State Plan services (DHCS).',
    uri: 'https://www.dhcs.ca.gov/CalAIM/ECM/Pages/Home.aspx',
    version: '2025',
  },
] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];
export type TaxonomyKey = Taxonomy['key'];

export interface Term {
  id: string;
  code: string;
  name: string;
  taxonomy: Taxonomy;
  /** The broader term. Both taxonomies are flat today (every term is top-level), so this is never set. */
  parentId?: string;
}
const sdoh = TAXONOMIES[0];
const cs = TAXONOMIES[1];
export const TERMS: Term[] = [
  ...SDOH_CATEGORIES.map((code) => ({ id: stableId(`term:sdoh:${code}`), code, name: SDOH_NAMES[code], taxonomy: sdoh })),
  ...COMMUNITY_SUPPORTS.map((code) => ({ id: stableId(`term:cs:${code}`), code, name: CS_NAMES[code], taxonomy: cs })),
];
const byKey = new Map(TERMS.flatMap((t) => [[t.id, t] as const, [`${t.taxonomy.key}:${t.code}`, t] as const]));

/** A term by its id, or by its code (either taxonomy); undefined when it is not one of ours. */
export const findTerm = (idOrCode: string): Term | undefined =>
  byKey.get(idOrCode) ?? byKey.get(`sdoh:${idOrCode}`) ?? byKey.get(`cs:${idOrCode}`);
export const termOf = (key: TaxonomyKey, code: string) => byKey.get(`${key}:${code}`)!;
export const findTaxonomy = (id: string) => TAXONOMIES.find((t) => t.id === id || t.key === id);

export interface TermFilter {
  search?: string;
  /** A taxonomy's id or key; unknown → nothing. */
  taxonomyId?: string;
  /** Only terms without a parent. */
  topOnly?: boolean;
  /** Only the children of this term (id or code); unknown → nothing. */
  parentId?: string;
}

/** The taxonomy_terms query over a list of terms; pure, so the hierarchy filters are tested on a made-up tree. */
export const filterTerms = (terms: readonly Term[], f: TermFilter, find: (idOrCode: string) => Term | undefined = findTerm): Term[] => {
  const s = f.search?.toLowerCase();
  const taxonomy = f.taxonomyId === undefined ? undefined : (findTaxonomy(f.taxonomyId) ?? null);
  const parent = f.parentId === undefined ? undefined : (find(f.parentId) ?? null);
  return terms.filter(
    (t) =>
      (taxonomy === undefined || t.taxonomy === taxonomy) &&
      (!s || t.name.toLowerCase().includes(s) || t.code.includes(s)) &&
      (!f.topOnly || !t.parentId) &&
      (parent === undefined || (parent !== null && t.parentId === parent.id)),
  );
};
