import { z } from 'zod';

/** Kinds of engagement event the collaboration team logs (ARCHITECTURE §2, engagement_events). */
export const ENGAGEMENT_EVENT_TYPES = [
  'outreach_meeting',
  'service_assessment',
  'workgroup',
  'community_action_team',
  'town_hall',
  'training',
  'case_conference',
  'other',
] as const;
export const EngagementEventTypeSchema = z.enum(ENGAGEMENT_EVENT_TYPES).describe('Kind of engagement event');
export type EngagementEventType = z.infer<typeof EngagementEventTypeSchema>;

/** Where the event happened: in person (an address) or virtual (an optional meeting link). */
export const EVENT_MODALITIES = ['in_person', 'virtual'] as const;
export const EventModalitySchema = z.enum(EVENT_MODALITIES).describe('in_person (with an address) or virtual');
export type EventModality = z.infer<typeof EventModalitySchema>;

/**
 * Attendee groups counted besides the total. The first four are affiliations and do not overlap,
 * so together they never exceed the total; people with lived experience are counted across
 * affiliations (a CBO staff member may have lived experience), so that count alone never exceeds it.
 */
export const AFFILIATION_GROUPS = ['communityMembers', 'cboStaff', 'countyStaff', 'healthSystemStaff'] as const;
export const ATTENDEE_GROUPS = [...AFFILIATION_GROUPS, 'livedExperience'] as const;
export type AttendeeGroup = (typeof ATTENDEE_GROUPS)[number];

/** How often a series repeats (POST /api/v1/engagement/series). */
export const SERIES_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export const SeriesFrequencySchema = z.enum(SERIES_FREQUENCIES).describe('weekly, every two weeks, or monthly (same day of the month; a short month uses its last day)');
export type SeriesFrequency = z.infer<typeof SeriesFrequencySchema>;
