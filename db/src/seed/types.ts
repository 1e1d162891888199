import type {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  CapacityStatus,
  CommunitySupport,
  FocusPopulation,
  LANGUAGES,
  OrgType,
  PartnershipStage,
  Role,
  SdohCategory,
  SERVICE_STATUSES,
  Spa,
} from '@tandem/contract';

export type Language = (typeof LANGUAGES)[number];
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type { CapacityStatus, CommunitySupport, FocusPopulation, OrgType, PartnershipStage, Role, SdohCategory, Spa };

export type ProgramArea =
  | 'food'
  | 'housing'
  | 'reentry'
  | 'legal'
  | 'maternal'
  | 'mental_health'
  | 'substance_use'
  | 'employment'
  | 'benefits'
  | 'transportation'
  | 'ipv'
  | 'seniors';

export type SchedulePattern =
  'wk9_17' | 'split' | 'evenings' | 'wk_sat' | 'always' | 'wk8_18' | 'wk8_18_sat' | 'wk8_18_weekend' | 'tue_thu' | 'mwf' | 'early';

/** A service an organization offers: a template key plus optional fixed attributes. */
export interface ServiceRef {
  key: string;
  capacity?: CapacityStatus;
  capacityNote?: string;
  schedule?: SchedulePattern;
  status?: ServiceStatus;
  /** Capacity confirmed within the last few days (never stale, never null). */
  fresh?: boolean;
}

export interface OrgSpec {
  /** Stable key, also the slug used in websites and emails. */
  key: string;
  name: string;
  type: OrgType;
  area?: ProgramArea;
  /** The first SPA is where the organization's main site is. */
  spas: Spa[];
  focus: FocusPopulation[];
  languages: Language[];
  stage: PartnershipStage;
  description: string;
  notes?: string;
  services?: (string | ServiceRef)[];
}
