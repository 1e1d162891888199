import type { EngagementEvent } from '@tandem/contract';
import type { EventRow } from './repo';

export interface EventLinks {
  organizations: { id: string; name: string }[];
  staffLeads: { id: string; name: string }[];
  gapIds: string[];
}

/**
 * Follow-ups in one key order, absent values as null: jsonb keeps its own key order, so the stored
 * list and the same list sent again compare equal only in this form (no phantom history rows).
 */
export const canonicalFollowUps = (list: readonly { text: string; owner?: string | null; dueDate?: string | null; done?: boolean }[]) =>
  list.map((f) => ({ text: f.text, owner: f.owner ?? null, dueDate: f.dueDate ?? null, done: f.done ?? false }));

/** The event as stored, in the contract's field names (what history diffs compare). */
export const eventFieldsOf = (r: EventRow, l: { organizationIds: string[]; staffLeadIds: string[]; gapIds: string[] }) => ({
  title: r.title,
  type: r.type,
  startsAt: r.startsAt.toISOString(),
  durationMinutes: r.durationMinutes,
  spas: r.spas,
  modality: r.modality,
  address: r.address,
  focusPopulations: r.focusPopulations,
  organizationIds: [...l.organizationIds].sort(),
  staffLeadIds: [...l.staffLeadIds].sort(),
  attendeeCount: r.attendeeCount,
  attendeesByGroup: {
    communityMembers: r.communityMembers,
    cboStaff: r.cboStaff,
    countyStaff: r.countyStaff,
    healthSystemStaff: r.healthSystemStaff,
    livedExperience: r.livedExperience,
  },
  summary: r.summary,
  followUps: canonicalFollowUps(r.followUps),
  gapIds: [...l.gapIds].sort(),
});

/**
 * Row → contract. The partner view (a partner organization's members and keys) leaves out what
 * is internal to the network: the summary (notes on partners and people), the follow-ups (the
 * team's own tasks) and the gap links (the network's assessment of services).
 */
export const toEvent = (r: EventRow, l: EventLinks, view: 'full' | 'partner'): EngagementEvent => {
  const { summary, followUps, gapIds, ...shared } = eventFieldsOf(r, { organizationIds: l.organizations.map((o) => o.id), staffLeadIds: l.staffLeads.map((s) => s.id), gapIds: l.gapIds });
  return {
    id: r.id,
    ...shared,
    organizations: l.organizations,
    staffLeads: l.staffLeads,
    view,
    ...(view === 'full' ? { summary, followUps, gapIds } : {}),
    seriesId: r.seriesId,
    sourceId: r.sourceId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
};
