import { z } from 'zod';
import { FocusPopulationSchema, SpaSchema } from '../common/enums';
import { DateSchema, IdSchema, TimestampSchema } from '../common/ids';
import { EngagementEventTypeSchema } from './enums';

// A staff member's monthly engagement report (issue 25, "the two reports the team filed"):
// `GET /api/v1/reports/engagement/staff-monthly`.

/** A calendar month, YYYY-MM. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM')
  .describe('Calendar month YYYY-MM');

export const StaffMonthlyQuerySchema = z.strictObject({
  staffId: IdSchema.optional().describe('The staff member (a user id) whose events to report, as a staff lead; default: the caller'),
  month: MonthSchema.optional().describe('The month (Los Angeles time); default: the current month in Los Angeles'),
});
export type StaffMonthlyQuery = z.input<typeof StaffMonthlyQuerySchema>;

export const StaffMonthlyEventSchema = z
  .object({
    id: IdSchema,
    startsAt: TimestampSchema,
    date: DateSchema.describe('The day it started, Los Angeles time'),
    title: z.string(),
    type: EngagementEventTypeSchema,
    focusPopulations: z.array(FocusPopulationSchema).describe('Focus populations (the reference list’s ids)'),
    spas: z.array(SpaSchema),
    attendeeCount: z.number().int().min(0),
  })
  .meta({ id: 'StaffMonthlyEvent' });
export type StaffMonthlyEvent = z.infer<typeof StaffMonthlyEventSchema>;

export const StaffMonthlySchema = z
  .object({
    staff: z.object({ id: IdSchema, name: z.string().nullable() }).describe('The staff member; name null if the id is no one’s'),
    month: MonthSchema,
    from: DateSchema,
    to: DateSchema,
    events: z.number().int().min(0).describe('Events the staff member led that started in the month (removed events never count)'),
    attendees: z.number().int().min(0).describe('Their attendees (each event’s attendee count, once)'),
    rows: z.array(StaffMonthlyEventSchema).describe('Each of those events, by start time, then id'),
  })
  .meta({ id: 'StaffMonthly' });
export type StaffMonthly = z.infer<typeof StaffMonthlySchema>;
