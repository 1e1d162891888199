import type { Organization, ServiceDetail } from '@tandem/contract';
import { orNull } from '../../../lib/labels';
import type { ServiceBody } from '../api/use-save-service';

export const textFields = ['name', 'description', 'eligibility', 'nameEs', 'descriptionEs', 'eligibilityEs', 'fees', 'applicationProcess', 'url', 'email', 'phone', 'minAge', 'maxAge'] as const;
export type ServiceDraft = Record<(typeof textFields)[number], string> &
  Pick<ServiceDetail, 'categories' | 'focusPopulations' | 'languages' | 'spas' | 'status'> & { communitySupport: string };

/** The form's state for an existing service. */
export const toDraft = (s: ServiceDetail): ServiceDraft =>
  ({
    ...Object.fromEntries(textFields.map((k) => [k, s[k] == null ? '' : String(s[k])])),
    categories: s.categories,
    focusPopulations: s.focusPopulations,
    languages: s.languages,
    spas: s.spas,
    status: s.status,
    communitySupport: s.communitySupport ?? '',
  }) as ServiceDraft;

/**
 * A blank service, starting from the organization's languages and service areas: most services
 * share them, and a service with no SPA never shows in an SPA-filtered search.
 */
export const newDraft = (org: Pick<Organization, 'languages' | 'spas'>): ServiceDraft => ({
  ...(Object.fromEntries(textFields.map((k) => [k, ''])) as Record<(typeof textFields)[number], string>),
  categories: [],
  focusPopulations: [],
  // The API requires at least one language.
  languages: org.languages.length ? org.languages : ['en'],
  spas: org.spas,
  status: 'active',
  communitySupport: '',
});

const age = (v: string) => (v.trim() === '' ? null : Number(v));

export const toBody = (d: ServiceDraft, version?: number): ServiceBody => ({
  name: d.name,
  description: orNull(d.description),
  eligibility: orNull(d.eligibility),
  nameEs: orNull(d.nameEs),
  descriptionEs: orNull(d.descriptionEs),
  eligibilityEs: orNull(d.eligibilityEs),
  fees: orNull(d.fees),
  applicationProcess: orNull(d.applicationProcess),
  url: orNull(d.url),
  email: orNull(d.email),
  phone: orNull(d.phone),
  minAge: age(d.minAge),
  maxAge: age(d.maxAge),
  categories: d.categories,
  focusPopulations: d.focusPopulations,
  languages: d.languages,
  spas: d.spas,
  status: d.status,
  communitySupport: (d.communitySupport || null) as ServiceBody['communitySupport'],
  version,
});
