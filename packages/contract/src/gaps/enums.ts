import { z } from 'zod';

/** Where a service gap stands (ARCHITECTURE §2): identified → escalated → in_progress → resolved | not_pursued. */
export const GAP_STATUSES = ['identified', 'escalated', 'in_progress', 'resolved', 'not_pursued'] as const;
export const GapStatusSchema = z.enum(GAP_STATUSES).describe('Where the gap stands; resolved and not_pursued are final');
export type GapStatus = z.infer<typeof GapStatusSchema>;

export const GAP_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const GapSeveritySchema = z.enum(GAP_SEVERITIES).describe('How badly the region lacks the service');
export type GapSeverity = z.infer<typeof GapSeveritySchema>;

/** What a gap's history row records. A note is CHW or partner feedback on access, counted as evidence. */
export const GAP_EVENT_KINDS = ['created', 'updated', 'status_changed', 'note'] as const;
export const GapEventKindSchema = z.enum(GAP_EVENT_KINDS);
export type GapEventKind = z.infer<typeof GapEventKindSchema>;

/**
 * The referral decline reasons that count as unmet demand: the service could not take the client
 * for lack of room, region or eligibility (referrals' CLOSURE_REASONS).
 */
export const UNMET_DEMAND_REASONS = ['no_capacity', 'out_of_area', 'not_eligible'] as const;

/** The second axis of the coverage matrix: SDOH categories or Medi-Cal Community Supports. */
export const COVERAGE_AXES = ['category', 'community_support'] as const;
export const CoverageAxisSchema = z.enum(COVERAGE_AXES);
export type CoverageAxis = z.infer<typeof CoverageAxisSchema>;
