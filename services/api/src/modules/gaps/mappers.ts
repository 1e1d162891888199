import { allowedGapTransitions, type Gap } from '@tandem/contract';
import type { GapEventRow, GapRow } from './repo';

export const toGap = (r: GapRow, ownerName: string | null): Gap => ({
  id: r.id,
  title: r.title,
  spa: r.spa,
  category: r.category,
  communitySupport: r.communitySupport,
  focusPopulation: r.focusPopulation,
  description: r.description,
  severity: r.severity,
  status: r.status,
  statusRationale: r.statusRationale,
  statusChangedAt: r.statusChangedAt.toISOString(),
  ownerUserId: r.ownerUserId,
  ownerName,
  linkedAgreementIds: r.linkedAgreementIds,
  allowedTransitions: allowedGapTransitions(r.status),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export const toGapEvent = (r: GapEventRow, actorName: string | null) => ({
  id: r.id,
  kind: r.kind,
  at: r.at.toISOString(),
  actorName,
  fromStatus: r.fromStatus,
  toStatus: r.toStatus,
  note: r.note,
  changes: r.changes,
});
