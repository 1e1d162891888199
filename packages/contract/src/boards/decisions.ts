import type { ApplicationDecision, ApplicationStatus } from './enums';

/**
 * Which decisions an application in each status may take (issue 26): a submitted one is decided
 * once; a waitlisted one may still be selected or declined when a seat opens or the list closes.
 * Selected and declined are final.
 */
export const APPLICATION_EDGES: Record<ApplicationStatus, readonly ApplicationDecision[]> = {
  submitted: ['selected', 'waitlisted', 'declined'],
  waitlisted: ['selected', 'declined'],
  selected: [],
  declined: [],
};

export const canDecide = (from: ApplicationStatus, to: ApplicationDecision) => APPLICATION_EDGES[from].includes(to);
