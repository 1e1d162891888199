import { z } from 'zod';

export const ORG_TYPES = ['health_system', 'county_agency', 'cbo', 'clinic', 'health_plan'] as const;
export const OrgTypeSchema = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof OrgTypeSchema>;

export const PARTNERSHIP_STAGES = ['prospect', 'outreach', 'assessed', 'partnered'] as const;
export const PartnershipStageSchema = z.enum(PARTNERSHIP_STAGES);
export type PartnershipStage = z.infer<typeof PartnershipStageSchema>;
