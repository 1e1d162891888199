import type { api, EndpointOutput } from '@tandem/contract';
import { contactOf, locationOf, orgBase, orgSummary } from './mappers';
import type { OrgBundle } from './organizations.repo';
import type { Json, ServiceBundle } from './repo';
import { serviceCore } from './services.mappers';

// Rows → HSDS organizations.

type Organization = EndpointOutput<typeof api.getHsdsOrganization>;

/** The default organization list item: its one-to-one fields. */
export const organizationSummaryOut = (o: Json) => orgSummary(o);

export const organizationOut = (b: OrgBundle, services: ServiceBundle[]): Organization => ({
  ...orgBase(b.o),
  contacts: b.contacts.map(contactOf),
  locations: b.locations.map(locationOf),
  services: services.map(serviceCore),
});
