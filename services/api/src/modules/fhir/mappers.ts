import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Consent as FhirConsent,
  HealthcareService,
  OperationOutcome,
  OperationOutcomeIssue,
  Organization as FhirOrganization,
  Patient,
  Reference,
  Resource,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';
import {
  SDOH_CATEGORY_SYSTEM,
  toFhirTaskStatus,
  type Client,
  type Consent,
  type Organization,
  type Problem,
  type ReferralListItem,
  type ReferralStatus,
  type SdohCategory,
  type Service,
  type Urgency,
} from '@tandem/contract';

/*
 * Pure mappings from Tandem's records (the contract's types, as the other modules answer them)
 * to FHIR R4 resources, profiled on the HL7 SDOH Clinical Care IG 2.3.0 where it has a profile
 * (shared/reference/fhir-sdoh). No I/O: fhir.validate.test.ts runs every one through a FHIR
 * validator.
 */

const SDOHCC = 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition';
export const PROFILES = {
  Task: `${SDOHCC}/SDOHCC-TaskForReferralManagement`,
  ServiceRequest: `${SDOHCC}/SDOHCC-ServiceRequest`,
  Consent: `${SDOHCC}/SDOHCC-Consent`,
} as const;

/** Tandem's own code systems (closure reasons, loop-closure outcomes, business status, error codes). */
export const TANDEM_SYSTEM = 'https://tandem.health/fhir/CodeSystem';
export const SYSTEMS = {
  closureReason: `${TANDEM_SYSTEM}/referral-closure-reason`,
  outcome: `${TANDEM_SYSTEM}/loop-closure-reason`,
  businessStatus: `${TANDEM_SYSTEM}/referral-business-status`,
  error: `${TANDEM_SYSTEM}/error-code`,
  orgType: `${TANDEM_SYSTEM}/organization-type`,
} as const;

const TASK_CODE = 'http://hl7.org/fhir/CodeSystem/task-code';
const SNOMED = 'http://snomed.info/sct';
const SDOHCC_TEMP = SDOH_CATEGORY_SYSTEM;
/** Identifiers are the record's uuid as a URN (the FHIR way to say "this id, globally"). */
const uuidIdentifier = (id: string) => [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id}` }];

const words = (code: string) => code.replace(/[-_]/g, ' ');
const title = (code: string) => words(code).replace(/\b\w/g, (c) => c.toUpperCase());
/** The value set's display (sdoh-category-valueset.json): the code's words in title case. */
export const sdohDisplay = (c: SdohCategory) => (c === 'sdoh-category-unspecified' ? 'SDOH Category Unspecified' : title(c));

const meta = (version: number, updatedAt: string, profile?: string): Resource['meta'] => ({
  versionId: String(version),
  lastUpdated: updatedAt,
  ...(profile ? { profile: [profile] } : {}),
});
const orgRef = (id: string, name?: string | null): Reference<FhirOrganization> => ({ reference: `Organization/${id}`, ...(name ? { display: name } : {}) });

const PRIORITY: Record<Urgency, Task['priority']> = { routine: 'routine', urgent: 'urgent', emergent: 'stat' };

/** The statuses a FHIR Task status stands for (search): requested is both sent and acknowledged. */
export const referralStatusesOf = (fhir: string): ReferralStatus[] | null => {
  const all: ReferralStatus[] = ['draft', 'sent', 'acknowledged', 'accepted', 'declined', 'in_progress', 'on_hold', 'completed', 'unable_to_complete', 'cancelled', 'entered_in_error'];
  const found = all.filter((s) => toFhirTaskStatus(s).status === fhir);
  return found.length ? found : null;
};

const SR_STATUS: Record<ReferralStatus, ServiceRequest['status']> = {
  draft: 'draft',
  sent: 'active',
  acknowledged: 'active',
  accepted: 'active',
  in_progress: 'active',
  on_hold: 'on-hold',
  completed: 'completed',
  declined: 'revoked',
  unable_to_complete: 'revoked',
  cancelled: 'revoked',
  entered_in_error: 'entered-in-error',
};

/**
 * Task.statusReason: the closure reason (declined, unable to complete, cancelled, on hold) as a
 * coding, the note as text; the IG wants text whenever there is a reason, so text falls back to
 * the reason's words.
 */
const statusReasonOf = (r: Pick<ReferralListItem, 'statusReason' | 'statusNote'>): CodeableConcept | undefined => {
  if (!r.statusReason && !r.statusNote) return undefined;
  return {
    ...(r.statusReason ? { coding: [{ system: SYSTEMS.closureReason, code: r.statusReason, display: title(r.statusReason) }] } : {}),
    text: r.statusNote ?? (r.statusReason ? title(r.statusReason) : ''),
  };
};

/** A referral as the SDOHCC Task for referral management (ARCHITECTURE §3 status mapping). */
export const toTask = (r: ReferralListItem): Task => {
  const { status, businessStatus } = toFhirTaskStatus(r.status);
  const reason = statusReasonOf(r);
  return {
    resourceType: 'Task',
    id: r.id,
    meta: meta(r.version, r.updatedAt, PROFILES.Task),
    identifier: uuidIdentifier(r.id),
    status,
    ...(reason ? { statusReason: reason } : {}),
    ...(businessStatus ? { businessStatus: { coding: [{ system: SYSTEMS.businessStatus, code: businessStatus, display: title(businessStatus) }], text: title(businessStatus) } } : {}),
    intent: 'order',
    priority: PRIORITY[r.urgency],
    code: { coding: [{ system: TASK_CODE, code: 'fulfill', display: 'Fulfill the focal request' }] },
    focus: { reference: `ServiceRequest/${r.id}` },
    ...(r.clientId ? { for: { reference: `Patient/${r.clientId}` } } : {}),
    authoredOn: r.sentAt ?? r.createdAt,
    lastModified: r.updatedAt,
    requester: orgRef(r.sendingOrganizationId, r.sendingOrganizationName),
    ...(r.receivingOrganizationId ? { owner: orgRef(r.receivingOrganizationId, r.receivingOrganizationName) } : {}),
    ...(r.outcome
      ? {
          output: [
            {
              type: { coding: [{ system: SDOHCC_TEMP, code: 'resulting-activity', display: 'Resulting Activity' }] },
              valueCodeableConcept: { coding: [{ system: SYSTEMS.outcome, code: r.outcome, display: title(r.outcome) }], text: title(r.outcome) },
            },
          ],
        }
      : {}),
  };
};

/** A referral's request itself: the SDOHCC ServiceRequest (SDOH category per need, the consent it was sent under). */
export const toServiceRequest = (r: ReferralListItem): ServiceRequest => ({
  resourceType: 'ServiceRequest',
  id: r.id,
  meta: meta(r.version, r.updatedAt, PROFILES.ServiceRequest),
  identifier: uuidIdentifier(r.id),
  status: SR_STATUS[r.status],
  intent: 'order',
  category: [
    { coding: [{ system: SNOMED, code: '410606002', display: 'Social service procedure' }] },
    ...r.needs.map((n) => ({ coding: [{ system: SDOHCC_TEMP, code: n, display: sdohDisplay(n) }] })),
  ],
  priority: PRIORITY[r.urgency],
  code: {
    coding: [{ system: SNOMED, code: '410606002', display: 'Social service procedure' }],
    ...(r.receivingServiceName ? { text: r.receivingServiceName } : {}),
  },
  subject: r.clientId ? { reference: `Patient/${r.clientId}` } : { display: 'No client chosen yet (draft)' },
  authoredOn: r.sentAt ?? r.createdAt,
  requester: orgRef(r.sendingOrganizationId, r.sendingOrganizationName),
  ...(r.receivingServiceId || r.receivingOrganizationId
    ? {
        performer: [
          ...(r.receivingServiceId ? [{ reference: `HealthcareService/${r.receivingServiceId}`, ...(r.receivingServiceName ? { display: r.receivingServiceName } : {}) }] : []),
          ...(r.receivingOrganizationId ? [orgRef(r.receivingOrganizationId, r.receivingOrganizationName)] : []),
        ],
      }
    : {}),
  ...(r.reason ? { reasonCode: [{ text: r.reason }] } : {}),
  ...(r.consentId ? { supportingInfo: [{ reference: `Consent/${r.consentId}` }] } : {}),
});

/**
 * A client as a Patient. No profile is claimed: US Core Patient needs an administrative gender,
 * which Tandem does not record.
 */
export const toPatient = (c: Client): Patient => ({
  resourceType: 'Patient',
  id: c.id,
  meta: meta(c.version, c.updatedAt),
  identifier: uuidIdentifier(c.id),
  active: true,
  name: [
    { use: 'official', family: c.familyName, given: [c.givenName, ...(c.middleName ? [c.middleName] : [])] },
    ...(c.preferredName ? [{ use: 'usual' as const, given: [c.preferredName] }] : []),
  ],
  ...(c.phones.length || c.email
    ? {
        telecom: [
          ...c.phones.map((p, i) => ({ system: 'phone' as const, value: p, rank: i + 1 })),
          ...(c.email ? [{ system: 'email' as const, value: c.email }] : []),
        ],
      }
    : {}),
  ...(c.dateOfBirth ? { birthDate: c.dateOfBirth } : {}),
  ...(c.address
    ? {
        address: [
          { use: 'home', line: [c.address.line1, ...(c.address.line2 ? [c.address.line2] : [])], city: c.address.city, state: c.address.state, postalCode: c.address.postalCode, country: 'US' },
        ],
      }
    : {}),
  ...(c.preferredLanguage
    ? { communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: c.preferredLanguage === 'asl' ? 'ase' : c.preferredLanguage }] }, preferred: true }] }
    : {}),
  managingOrganization: { reference: `Organization/${c.createdByOrganizationId}` },
});

const CONSENT_STATUS: Record<Consent['status'], FhirConsent['status']> = { active: 'active', expired: 'inactive', revoked: 'inactive' };

/** A client's consent to share for referrals, as the SDOHCC Consent (information disclosure). */
export const toConsent = (c: Consent): FhirConsent => ({
  resourceType: 'Consent',
  id: c.id,
  // A consent changes only by revocation; its version is 1, or 2 once revoked.
  meta: meta(c.revokedAt ? 2 : 1, c.revokedAt ?? c.createdAt, PROFILES.Consent),
  identifier: uuidIdentifier(c.id),
  status: CONSENT_STATUS[c.status],
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IDSCL', display: 'information disclosure' }] }],
  patient: { reference: `Patient/${c.clientId}` },
  dateTime: c.signedAt,
  ...(c.recordedByOrganizationId ? { organization: [{ reference: `Organization/${c.recordedByOrganizationId}` }] } : {}),
  sourceAttachment: {
    ...(c.documentUrl ? { url: c.documentUrl } : {}),
    language: c.language === 'asl' ? 'ase' : c.language,
    title: `Consent given ${words(c.method)}${c.witnessName ? `, witnessed by ${c.witnessName}` : ''}`,
    creation: c.signedAt,
  },
  policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentpolicycodes', code: 'hipaa-auth', display: 'HIPAA Authorization' }] },
  provision: {
    type: 'permit',
    period: { start: c.signedAt, ...(c.revokedAt || c.expiresAt ? { end: c.revokedAt ?? c.expiresAt! } : {}) },
    // Scope `network`: every partner organization (no actor listed); `listed_orgs`: only these recipients.
    ...(c.scope === 'listed_orgs' && c.organizationIds.length
      ? {
          actor: c.organizationIds.map((id) => ({
            role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
            reference: { reference: `Organization/${id}` },
          })),
        }
      : {}),
  },
});

/** A directory organization. */
export const toOrganization = (o: Organization): FhirOrganization => ({
  resourceType: 'Organization',
  id: o.id,
  meta: meta(o.version, o.updatedAt),
  identifier: uuidIdentifier(o.id),
  active: true,
  type: [{ coding: [{ system: SYSTEMS.orgType, code: o.type, display: title(o.type) }], text: title(o.type) }],
  name: o.name,
  ...(o.phone || o.email || o.website
    ? {
        telecom: [
          ...(o.phone ? [{ system: 'phone' as const, value: o.phone }] : []),
          ...(o.email ? [{ system: 'email' as const, value: o.email }] : []),
          ...(o.website ? [{ system: 'url' as const, value: o.website }] : []),
        ],
      }
    : {}),
});

/** A directory service (the receiving side of a referral) as a HealthcareService. */
export const toHealthcareService = (s: Service): HealthcareService => ({
  resourceType: 'HealthcareService',
  id: s.id,
  meta: meta(s.version, s.updatedAt),
  identifier: uuidIdentifier(s.id),
  active: s.status === 'active',
  providedBy: { reference: `Organization/${s.organizationId}` },
  ...(s.categories.length ? { category: s.categories.map((c) => ({ coding: [{ system: SDOHCC_TEMP, code: c, display: sdohDisplay(c) }] })) } : {}),
  name: s.name,
  ...(s.description ? { comment: s.description } : {}),
  ...(s.phone || s.email || s.url
    ? {
        telecom: [
          ...(s.phone ? [{ system: 'phone' as const, value: s.phone }] : []),
          ...(s.email ? [{ system: 'email' as const, value: s.email }] : []),
          ...(s.url ? [{ system: 'url' as const, value: s.url }] : []),
        ],
      }
    : {}),
  ...(s.eligibility ? { eligibility: [{ comment: s.eligibility }] } : {}),
  ...(s.languages.length ? { communication: s.languages.map((l) => ({ coding: [{ system: 'urn:ietf:bcp:47', code: l === 'asl' ? 'ase' : l }] })) } : {}),
  appointmentRequired: false,
});

/** A searchset Bundle: entries with their full URLs, `self` and (when more remain) `next`. */
export const toSearchBundle = (base: string, self: string, resources: Resource[], next: string | null): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  link: [{ relation: 'self', url: self }, ...(next ? [{ relation: 'next', url: next }] : [])],
  entry: resources.map((r): BundleEntry => ({ fullUrl: `${base}/${r.resourceType}/${r.id}`, resource: r, search: { mode: 'match' } })),
});

const ISSUE_CODE = (status: number, code: string): OperationOutcomeIssue['code'] => {
  if (code === 'unknown_parameter' || code === 'not_supported') return 'not-supported';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 422) return 'business-rule';
  if (status === 428) return 'required';
  if (status === 429) return 'throttled';
  if (status === 503) return 'transient';
  if (status >= 500) return 'exception';
  return 'invalid';
};

/** A problem (the API's error, with its stable code) as an OperationOutcome. */
export const toOperationOutcome = (p: Pick<Problem, 'status' | 'code' | 'title' | 'detail' | 'errors'>): OperationOutcome => {
  const details = { coding: [{ system: SYSTEMS.error, code: p.code }], text: p.title };
  const fields = p.errors ?? [];
  const issue: OperationOutcomeIssue[] = fields.length
    ? fields.map((e) => ({ severity: 'error', code: ISSUE_CODE(p.status, e.code ?? p.code), details, diagnostics: e.message, expression: [e.path] }))
    : [{ severity: p.status >= 500 ? 'fatal' : 'error', code: ISSUE_CODE(p.status, p.code), details, ...(p.detail ? { diagnostics: p.detail } : {}) }];
  return { resourceType: 'OperationOutcome', issue };
};
