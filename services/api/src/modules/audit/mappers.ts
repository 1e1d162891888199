import { isReadAction, type AuditLogEntry } from '@tandem/contract';
import type { AuditPageRow } from './repo';

export const toAuditEntry = ({ a, actorName, actorOrganizationName, organizationName }: AuditPageRow): AuditLogEntry => ({
  id: a.id,
  at: a.at.toISOString(),
  actorUserId: a.actorUserId,
  actorApiKeyId: a.actorApiKeyId,
  actorName,
  actorOrganizationId: a.actorOrgId,
  actorOrganizationName,
  action: a.action,
  read: isReadAction(a.action),
  entityType: a.entityType,
  entityId: a.entityId,
  organizationId: a.organizationId,
  organizationName,
  requestId: a.requestId,
});
