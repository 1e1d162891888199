import { isCapacityStale, type Contact, type Location, type Service } from '@tandem/contract';
import type { schema } from '@tandem/db';

export type ServiceRow = Omit<typeof schema.services.$inferSelect, 'searchVector' | 'facets' | 'openHours' | 'exceptionDates'>;
export type LocationRow = typeof schema.locations.$inferSelect;
export type ContactRow = typeof schema.contacts.$inferSelect;

/** pg `time` is HH:MM:SS; the API speaks HH:MM. */
export const hhmm = (t: string) => t.slice(0, 5);

export const toService = (r: ServiceRow, now = new Date()): Service => ({
  id: r.id,
  organizationId: r.organizationId,
  name: r.name,
  description: r.description,
  categories: r.categories,
  communitySupport: r.communitySupport,
  eligibility: r.eligibility,
  nameEs: r.nameEs,
  descriptionEs: r.descriptionEs,
  eligibilityEs: r.eligibilityEs,
  minAge: r.minAge,
  maxAge: r.maxAge,
  focusPopulations: r.focusPopulations,
  languages: r.languages,
  fees: r.fees,
  applicationProcess: r.applicationProcess,
  spas: r.spas,
  url: r.url,
  email: r.email,
  phone: r.phone,
  status: r.status,
  timeZone: r.timeZone,
  capacity: {
    status: r.capacityStatus,
    note: r.capacityNote,
    confirmedAt: r.capacityConfirmedAt?.toISOString() ?? null,
    confirmedByUserId: r.capacityConfirmedBy,
    stale: isCapacityStale(r.capacityConfirmedAt, now),
  },
  ackSlaHours: r.ackSlaHours,
  firstContactSlaHours: r.firstContactSlaHours,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export const toLocation = (r: LocationRow): Location => ({
  id: r.id,
  organizationId: r.organizationId,
  name: r.name,
  address1: r.address1,
  address2: r.address2,
  city: r.city,
  state: r.state,
  postalCode: r.postalCode,
  latitude: r.latitude,
  longitude: r.longitude,
  spa: r.spa,
  accessibility: r.accessibility,
  transit: r.transit,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  organizationId: r.organizationId,
  serviceId: r.serviceId,
  name: r.name,
  title: r.title,
  department: r.department,
  email: r.email,
  phone: r.phone,
  isPublic: r.isPublic,
  isReferralContact: r.isReferralContact,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
