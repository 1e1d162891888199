import { z } from 'zod';

/** A board's life: drafted, recruiting (its public application page is open), active, archived. */
export const BOARD_STATUSES = ['draft', 'recruiting', 'active', 'archived'] as const;
export const BoardStatusSchema = z.enum(BOARD_STATUSES).describe('draft → recruiting (public application page open) → active → archived');
export type BoardStatus = (typeof BOARD_STATUSES)[number];

/** The charter's sections (issue 26), each versioned together as one document. */
export const CHARTER_SECTIONS = [
  'purpose',
  'scope',
  'values',
  'decisionRules',
  'quorum',
  'terms',
  'conflictOfInterest',
  'stipendPolicy',
  'meetingCommitments',
] as const;
export type CharterSection = (typeof CHARTER_SECTIONS)[number];

/** What an applicant may need to take part. */
export const ACCESSIBILITY_NEEDS = ['interpretation', 'childcare', 'transport', 'meals'] as const;
export const AccessibilityNeedSchema = z.enum(ACCESSIBILITY_NEEDS);

/** How a member is paid (ARCHITECTURE §2 stipend_payments.method). */
export const STIPEND_METHODS = ['check', 'direct_deposit', 'gift_card', 'prepaid_card', 'cash'] as const;
export const StipendMethodSchema = z.enum(STIPEND_METHODS).describe('Gift cards and prepaid cards serve members who cannot take a check');
export type StipendMethod = (typeof STIPEND_METHODS)[number];

/** An application: submitted, then decided once (selected, waitlisted or declined). Waitlisted may later be selected or declined. */
export const APPLICATION_STATUSES = ['submitted', 'selected', 'waitlisted', 'declined'] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_DECISIONS = ['selected', 'waitlisted', 'declined'] as const;
export const ApplicationDecisionSchema = z.enum(APPLICATION_DECISIONS);
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

export const MEMBER_ROLES = ['chair', 'co_chair', 'member'] as const;
export const MemberRoleSchema = z.enum(MEMBER_ROLES);
export const MEMBER_STATUSES = ['active', 'on_leave', 'ended'] as const;
export const MemberStatusSchema = z.enum(MEMBER_STATUSES);
export const EXIT_REASONS = ['term_completed', 'resigned', 'moved_away', 'removed', 'deceased', 'other'] as const;
export const ExitReasonSchema = z.enum(EXIT_REASONS);
