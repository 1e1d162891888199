import { PARTNERSHIP_STAGES, type PartnershipStage } from '../organizations/enums';
import { AFFILIATION_GROUPS, type AttendeeGroup, type EngagementEventType, type SeriesFrequency } from './enums';

export type AttendeeCounts = Partial<Record<AttendeeGroup, number | null>>;

/**
 * The attendee-count rule (issue 25: "the groups never exceed the total"): the affiliation groups
 * (community members, CBO, county and health-system staff) do not overlap, so their sum is at most
 * the total; people with lived experience are counted across affiliations, so that count alone is
 * at most the total. Returns the offending group keys with a message, empty when the counts agree.
 */
export const attendeeProblems = (total: number, groups: AttendeeCounts): { group: AttendeeGroup | 'sum'; message: string }[] => {
  const out: { group: AttendeeGroup | 'sum'; message: string }[] = [];
  for (const [g, n] of Object.entries(groups) as [AttendeeGroup, number | null | undefined][]) {
    if (n != null && n > total) out.push({ group: g, message: `More than the ${total} attendees in total` });
  }
  const sum = AFFILIATION_GROUPS.reduce((s, g) => s + (groups[g] ?? 0), 0);
  if (sum > total && !out.length) out.push({ group: 'sum', message: `Community members, CBO, county and health-system staff add up to ${sum}, more than the ${total} attendees in total` });
  return out;
};

const ZONE = 'America/Los_Angeles';
const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
/** Los Angeles wall-clock fields of an instant. */
const wall = (d: Date) => {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: +p.year!, mo: +p.month!, d: +p.day!, h: +p.hour!, mi: +p.minute!, s: +p.second! };
};
/** The instant a Los Angeles wall-clock time names (the earlier one in the autumn's repeated hour). */
const fromWall = (y: number, mo: number, d: number, h: number, mi: number, s: number) => {
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = naive;
  for (let i = 0; i < 2; i++) {
    const w = wall(new Date(t));
    t = naive - (Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - t);
  }
  return new Date(t);
};
/** A Los Angeles calendar date and wall-clock time (`2026-03-10`, `10:00`) as an instant. */
export const laInstant = (date: string, time = '12:00') => {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return fromWall(y, mo, d, h, mi, 0);
};
const daysIn = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

/**
 * The start of each occurrence of a series, the first being `first`. Occurrences keep the first's
 * Los Angeles wall-clock time across daylight-saving changes (a 10:00 workgroup stays at 10:00);
 * a monthly series on the 31st meets on the last day of shorter months.
 */
export const seriesStarts = (first: Date, frequency: SeriesFrequency, count: number): Date[] => {
  const w = wall(first);
  return Array.from({ length: count }, (_, i) => {
    if (frequency === 'monthly') {
      const m0 = w.mo - 1 + i;
      const y = w.y + Math.floor(m0 / 12);
      const mo = (m0 % 12) + 1;
      return fromWall(y, mo, Math.min(w.d, daysIn(y, mo)), w.h, w.mi, w.s);
    }
    const step = frequency === 'weekly' ? 7 : 14;
    const day = new Date(Date.UTC(w.y, w.mo - 1, w.d + step * i));
    return fromWall(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), w.h, w.mi, w.s);
  });
};

/** The stage each kind of event is evidence of; other kinds move nothing. */
const STAGE_EVIDENCED: Partial<Record<EngagementEventType, PartnershipStage>> = { outreach_meeting: 'outreach', service_assessment: 'assessed' };

/**
 * The partnership pipeline (issue 25): logging an event with a partner moves that organization's
 * stage as a by-product. An outreach meeting moves a prospect to outreach; a service assessment
 * moves a prospect or an organization at outreach to assessed. Never backwards, and never to
 * partnered (a person confirms a partnership). Returns the stage to move to, or null for no move.
 */
export const partnershipStageAfter = (current: PartnershipStage, eventType: EngagementEventType): PartnershipStage | null => {
  const target = STAGE_EVIDENCED[eventType];
  if (!target || target === 'partnered') return null;
  return PARTNERSHIP_STAGES.indexOf(target) > PARTNERSHIP_STAGES.indexOf(current) ? target : null;
};
