import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { PROFILES } from './mappers';
import { COMMON_PARAMS, SEARCH_PARAMS } from './search';
import { READ_TYPES, type ReadType } from './service';

const SEARCH_PARAM_DEFS: Record<string, string> = {
  _id: 'http://hl7.org/fhir/SearchParameter/Resource-id',
  _lastUpdated: 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated',
  status: 'http://hl7.org/fhir/SearchParameter/Task-status',
  owner: 'http://hl7.org/fhir/SearchParameter/Task-owner',
  requester: 'http://hl7.org/fhir/SearchParameter/Task-requester',
  patient: 'http://hl7.org/fhir/SearchParameter/clinical-patient',
  name: 'http://hl7.org/fhir/SearchParameter/Organization-name',
  organization: 'http://hl7.org/fhir/SearchParameter/HealthcareService-organization',
};

const DOCS: Record<ReadType, string> = {
  Task: 'A referral (SDOHCC Task for referral management). Status follows the referral lifecycle (docs/fhir.md). PATCH (JSON Patch) changes status, statusReason, businessStatus or owner through the same state machine; If-Match W/"<version>" is required.',
  ServiceRequest: "A referral's request: SDOH categories of its needs, the client, the sending organization, the receiving service and organization, and its consent. Same id as its Task.",
  Patient: 'A client on a referral the caller may see.',
  Consent: "A client's consent to share for referrals (SDOHCC Consent).",
  Organization: 'A partner organization from the directory.',
  HealthcareService: "A partner's service from the directory.",
};

/**
 * What /fhir serves, exactly: the resource types, their interactions and search parameters. Built
 * from the same tables the routes and the search parser use, so the two cannot drift apart.
 */
export const capabilityStatement = (base: string, date: string): CapabilityStatement => ({
  resourceType: 'CapabilityStatement',
  status: 'active',
  date,
  publisher: 'Tandem',
  kind: 'instance',
  software: { name: 'Tandem FHIR facade' },
  implementation: { description: 'Tandem referrals as FHIR R4 (HL7 SDOH Clinical Care IG 2.3.0 profiles)', url: base },
  fhirVersion: '4.0.1',
  format: ['application/fhir+json', 'json'],
  patchFormat: ['application/json-patch+json'],
  rest: [
    {
      mode: 'server',
      documentation:
        `Unknown search parameters answer 400 (OperationOutcome, not-supported) unless the request sends Prefer: handling=lenient. Every search also takes ${COMMON_PARAMS.join(', ')}: _count is the page size (1-100, default 20); the next link carries _cursor, a page token, in a stable order; _format may only be json. Errors are OperationOutcome.`,
      security: {
        cors: false,
        description: 'An organization API key (Authorization: Bearer <key>) with referrals:read (Task, ServiceRequest, Patient, Consent), referrals:write (PATCH Task) or directory:read (Organization, HealthcareService); or a signed-in Tandem session. Only /fhir/metadata is public.',
      },
      resource: READ_TYPES.map(
        (type): CapabilityStatementRestResource => ({
          type,
          ...(type in PROFILES ? { supportedProfile: [PROFILES[type as keyof typeof PROFILES]] } : {}),
          documentation: DOCS[type],
          interaction: [{ code: 'read' }, { code: 'search-type' }, ...(type === 'Task' ? [{ code: 'patch' as const }] : [])],
          versioning: 'versioned',
          readHistory: false,
          updateCreate: false,
          conditionalRead: 'not-supported',
          conditionalUpdate: false,
          conditionalDelete: 'not-supported',
          searchParam: SEARCH_PARAMS[type].map((p) => ({ name: p.name, type: p.type, documentation: p.documentation, ...(SEARCH_PARAM_DEFS[p.name] ? { definition: SEARCH_PARAM_DEFS[p.name] } : {}) })),
        }),
      ),
    },
  ],
});
