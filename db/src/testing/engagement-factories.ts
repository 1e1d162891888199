import type { Db } from '../client';
import * as schema from '../schema';

type EventInsert = typeof schema.engagementEvents.$inferInsert;

/** An engagement event straight in the database, with its partner organizations and staff leads. */
export const newEngagementEvent = async (
  db: Db,
  over: Partial<EventInsert> & { organizationIds?: string[]; staffLeadIds?: string[]; gapIds?: string[] } = {},
) => {
  const { organizationIds = [], staffLeadIds = [], gapIds = [], ...row } = over;
  const [e] = await db
    .insert(schema.engagementEvents)
    .values({
      title: 'Outreach at a food pantry',
      type: 'outreach_meeting',
      startsAt: new Date('2026-03-10T17:00:00Z'),
      durationMinutes: 60,
      spas: ['spa4'],
      focusPopulations: ['homelessness'],
      attendeeCount: 12,
      communityMembers: 4,
      cboStaff: 6,
      summary: 'Internal: the pantry is short of volunteers.',
      followUps: [{ text: 'Send referral guide', owner: 'Dana', dueDate: '2026-03-20', done: false }],
      ...row,
    })
    .returning();
  if (organizationIds.length) await db.insert(schema.engagementEventOrganizations).values(organizationIds.map((organizationId) => ({ eventId: e!.id, organizationId })));
  if (staffLeadIds.length) await db.insert(schema.engagementEventStaff).values(staffLeadIds.map((userId) => ({ eventId: e!.id, userId })));
  if (gapIds.length) await db.insert(schema.engagementEventGaps).values(gapIds.map((gapId) => ({ eventId: e!.id, gapId })));
  return e!;
};
