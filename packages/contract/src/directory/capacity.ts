/** Capacity not confirmed for this long is flagged stale in the directory and search. */
export const CAPACITY_STALE_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The one staleness rule: capacity is stale when it was never confirmed, or confirmed more than
 * CAPACITY_STALE_DAYS before `now`. Pure, so the API, the web app and reports agree.
 */
export const isCapacityStale = (confirmedAt: Date | string | null | undefined, now: Date = new Date()): boolean => {
  if (confirmedAt == null) return true;
  const at = typeof confirmedAt === 'string' ? Date.parse(confirmedAt) : confirmedAt.getTime();
  if (Number.isNaN(at)) return true;
  return now.getTime() - at > CAPACITY_STALE_DAYS * DAY_MS;
};
