import { defineEndpoint } from '../common/endpoint';
import { ProblemSchema } from '../common/problem';
import { AuditListQuerySchema, AuditPageSchema } from './schemas';

export const auditEndpoints = {
  listAudit: defineEndpoint({
    method: 'GET',
    path: '/api/v1/audit',
    operationId: 'listAudit',
    summary: "Audit trail: org admins see their organization's rows, network admins all",
    description:
      'Who read or changed which record, newest first; changes nothing. Filters: who (actorUserId or actorApiKeyId), what (action, or a prefix such as `referral.`), when (from/to), ' +
      'which record (entityType, entityId) and which client (clientId: the client, its consents and its referrals). ' +
      'Give from/to whenever you can: the log is partitioned by month and only the months in range are read.',
    tags: ['Audit'],
    security: ['session'],
    query: AuditListQuerySchema,
    responses: { 200: AuditPageSchema, 403: ProblemSchema },
  }),
};
