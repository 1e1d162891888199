import { z } from 'zod';

// Every enum is written once as an `as const` array and wrapped in z.enum; the database check
// constraints are generated from the same arrays (db/src/schema), so the three never drift.

export const ROLES = ['staff', 'org_admin', 'collaboration_team', 'board_coordinator', 'network_admin'] as const;
export const RoleSchema = z.enum(ROLES).describe('Role a user holds in one organization');
export type Role = z.infer<typeof RoleSchema>;
/** Roles that act across the whole network: held only in the organization that runs it, granted only by network admins. */
export const NETWORK_ROLES = ['collaboration_team', 'board_coordinator', 'network_admin'] as const satisfies readonly Role[];
/** Roles an org admin may grant in their own organization. */
export const ORG_ROLES = ['staff', 'org_admin'] as const satisfies readonly Role[];
export const isNetworkRole = (r: Role) => (NETWORK_ROLES as readonly Role[]).includes(r);
/**
 * The roles someone may grant in an organization (ARCHITECTURE §4): org admins grant staff and
 * org_admin; network admins also grant the network-wide roles, in the organization that runs the network.
 */
export const grantableRoles = (o: { isNetworkAdmin: boolean; orgRunsNetwork: boolean }): readonly Role[] =>
  o.isNetworkAdmin && o.orgRunsNetwork ? ROLES : ORG_ROLES;

// LA County Service Planning Areas (shared/reference/la-reference.json, servicePlanningAreas).
export const SPAS = [
  { code: 'spa1', number: 1, name: 'Antelope Valley' },
  { code: 'spa2', number: 2, name: 'San Fernando' },
  { code: 'spa3', number: 3, name: 'San Gabriel' },
  { code: 'spa4', number: 4, name: 'Metro' },
  { code: 'spa5', number: 5, name: 'West' },
  { code: 'spa6', number: 6, name: 'South' },
  { code: 'spa7', number: 7, name: 'East' },
  { code: 'spa8', number: 8, name: 'South Bay' },
] as const;
export const SPA_CODES = ['spa1', 'spa2', 'spa3', 'spa4', 'spa5', 'spa6', 'spa7', 'spa8'] as const;
export const SpaSchema = z.enum(SPA_CODES).describe('LA County Service Planning Area code (spa1..spa8)');
export type Spa = z.infer<typeof SpaSchema>;

// WPC-LA focus populations (la-reference.json, wpcLaFocusPopulations).
export const FOCUS_POPULATIONS = [
  'homelessness',
  'justice_involvement',
  'healthy_pregnancy',
  'mental_health',
  'substance_use',
  'complex_health',
  'other',
] as const;
export const FocusPopulationSchema = z.enum(FOCUS_POPULATIONS);
export type FocusPopulation = z.infer<typeof FocusPopulationSchema>;

// Gravity Project SDOH categories (fhir-sdoh/sdoh-category-valueset.json), used for referral
// needs and service categories.
export const SDOH_CATEGORIES = [
  'sdoh-category-unspecified',
  'food-insecurity',
  'housing-instability',
  'homelessness',
  'inadequate-housing',
  'transportation-insecurity',
  'financial-insecurity',
  'material-hardship',
  'educational-attainment',
  'employment-status',
  'veteran-status',
  'stress',
  'social-connection',
  'intimate-partner-violence',
  'elder-abuse',
  'personal-health-literacy',
  'health-insurance-coverage-status',
  'medical-cost-burden',
  'digital-literacy',
  'digital-access',
  'utility-insecurity',
  'incarceration-status',
  'language-access',
] as const;
export const SdohCategorySchema = z.enum(SDOH_CATEGORIES).describe('Gravity Project SDOH category code');
export type SdohCategory = z.infer<typeof SdohCategorySchema>;
export const SDOH_CATEGORY_SYSTEM = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';

// Medi-Cal Community Supports (la-reference.json, mediCalCommunitySupports).
export const COMMUNITY_SUPPORTS = [
  'housing_transition_navigation',
  'housing_deposits',
  'housing_tenancy_sustaining',
  'short_term_post_hospitalization_housing',
  'recuperative_care',
  'day_habilitation',
  'respite_services',
  'alf_transitions',
  'community_home_transition',
  'personal_care_homemaker',
  'environmental_accessibility_adaptations',
  'medically_tailored_meals',
  'sobering_centers',
  'asthma_remediation',
  'transitional_rent',
] as const;
export const CommunitySupportSchema = z.enum(COMMUNITY_SUPPORTS);
export type CommunitySupport = z.infer<typeof CommunitySupportSchema>;

export const SERVICE_STATUSES = ['active', 'inactive', 'temporarily_closed'] as const;
export const ServiceStatusSchema = z.enum(SERVICE_STATUSES);

export const CAPACITY_STATUSES = ['accepting', 'waitlist', 'full', 'assessment_required'] as const;
export const CapacityStatusSchema = z.enum(CAPACITY_STATUSES);
export type CapacityStatus = z.infer<typeof CapacityStatusSchema>;

export const AGREEMENT_KINDS = ['mou', 'contract', 'subcontract', 'baa', 'data_sharing', 'informal'] as const;
export const AgreementKindSchema = z.enum(AGREEMENT_KINDS);
export const AGREEMENT_STATUSES = ['draft', 'negotiating', 'active', 'expired', 'terminated'] as const;
export const AgreementStatusSchema = z.enum(AGREEMENT_STATUSES);

export const LOCALES = ['en', 'es'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

// Languages offered by services and preferred by clients: ISO 639-1 codes most common in LA County.
export const LANGUAGES = ['en', 'es', 'zh', 'ko', 'vi', 'tl', 'hy', 'fa', 'ru', 'ja', 'km', 'ar', 'asl'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
