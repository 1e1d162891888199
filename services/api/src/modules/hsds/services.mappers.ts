import { SPAS, type api, type EndpointOutput } from '@tandem/contract';
import { stableId } from './taxonomy';
import {
  clean,
  contactOf,
  hsdsLanguageCode,
  LANGUAGE_NAMES,
  locationOf,
  locationSummaryOf,
  num,
  orgBase,
  orgSummary,
  phoneOf,
  serviceTerms,
  STATUS_TO_HSDS,
  str,
  termOut,
  type Service,
} from './mappers';
import type { SalRow, ServiceBundle, ServiceRow } from './repo';
import { schedulesOf } from './schedules.mappers';

// Rows → HSDS services and service_at_locations (organizations embed serviceCore: organizations.mappers.ts).

type ServiceAtLocationFull = EndpointOutput<typeof api.getHsdsServiceAtLocation>;

/** A service's one-to-one fields (list pages, and the start of every other shape). */
const serviceOneToOne = ({ s, modified }: Pick<ServiceRow, 's' | 'modified'>) =>
  clean({
    id: s.id as string,
    organization_id: s.organization_id as string,
    name: s.name as string,
    description: str(s.description),
    url: str(s.url),
    email: str(s.email),
    status: STATUS_TO_HSDS[s.status as keyof typeof STATUS_TO_HSDS],
    application_process: str(s.application_process),
    fees_description: str(s.fees),
    eligibility_description: str(s.eligibility),
    minimum_age: num(s.min_age),
    maximum_age: num(s.max_age),
    last_modified: modified,
  });

export const serviceCore = (b: ServiceBundle) => {
  const s = b.s;
  const id = s.id as string;
  return {
    ...serviceOneToOne(b),
    phones: phoneOf(s.phone, 'service_id', id),
    schedules: schedulesOf(b),
    service_areas: ((s.spas as string[]) ?? []).map((code) => {
      const spa = SPAS.find((x) => x.code === code)!;
      return {
        id: stableId(`service_area:${id}:${code}`),
        service_id: id,
        name: `SPA ${spa.number} - ${spa.name}`,
        description: `LA County Service Planning Area ${spa.number} (${spa.name})`,
        extent_type: 'spa',
      };
    }),
    languages: ((s.languages as string[]) ?? []).map((code) => ({
      id: stableId(`language:service:${id}:${code}`),
      service_id: id,
      name: LANGUAGE_NAMES[code] ?? code,
      code: hsdsLanguageCode(code),
    })),
    contacts: b.contacts.map(contactOf),
    attributes: serviceTerms(s).map((t) => ({
      id: stableId(`attribute:${id}:${t.id}`),
      link_id: id,
      taxonomy_term_id: t.id,
      link_type: 'service',
      link_entity: 'service',
      value: t.code,
      taxonomy_term: termOut(t),
    })),
    service_at_locations: b.sals.map((x) => ({
      id: x.id,
      service_id: id,
      location_id: x.location.id as string,
      location: locationOf(x.location),
    })),
  };
};

export const serviceOut = (b: ServiceBundle): Service => ({ ...serviceCore(b), organization: orgBase(b.org) });

/** The default list item: one-to-one fields and the organization's. */
export const serviceSummaryOut = (r: ServiceRow) => ({ ...serviceOneToOne(r), organization: orgSummary(r.org) });

/** minimal=true: id and last_modified, with the name and status HSDS requires of a service. */
export const serviceMinimalOut = (r: { id: string; name: string; status: string; modified: string }) => ({
  id: r.id,
  name: r.name,
  status: STATUS_TO_HSDS[r.status as keyof typeof STATUS_TO_HSDS],
  last_modified: r.modified,
});

/** The default service_at_location list item: the link with its location's and service's one-to-one fields. */
export const serviceAtLocationSummaryOut = (r: SalRow) => ({
  id: r.id,
  service_id: r.service_id,
  location_id: r.location.id as string,
  location: locationSummaryOf(r.location),
  service: serviceSummaryOut(r),
});

/** A service_at_location fully nested: its whole service and location, and the hours kept there. */
export const serviceAtLocationFullOut = (r: SalRow, service: ServiceBundle): ServiceAtLocationFull => {
  const locationId = r.location.id as string;
  return {
    id: r.id,
    service_id: r.service_id,
    location_id: locationId,
    service: serviceOut(service),
    location: locationOf(r.location),
    // Hours here: the service's schedules kept for this location, or for all its locations.
    schedules: schedulesOf(service, (x) => !x.location_id || x.location_id === locationId),
  };
};
