import type { Db } from '@tandem/db';
import type { z } from 'zod';
import type { api } from '@tandem/contract';
import { notFound } from '../../lib/app-error';
import { locationOf, organizationOut, scheduleOf, serviceOut, termOut } from './mappers';
import { hsdsRepo, type ServiceFilter } from './repo';
import { TAXONOMIES, TERMS, findTaxonomy, findTerm } from './taxonomy';

type ServiceQuery = z.output<typeof api.listHsdsServices.query>;
type PageQuery = { page: number; per_page: number; search?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** HSDS's page envelope; `page_number` counts from 1. */
export const hsdsPage = <T>(contents: T[], total: number, q: PageQuery) => {
  const totalPages = Math.ceil(total / q.per_page);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
};
const slice = <T>(all: T[], q: PageQuery) => hsdsPage(all.slice((q.page - 1) * q.per_page, q.page * q.per_page), all.length, q);
const offset = (q: PageQuery) => (q.page - 1) * q.per_page;

/** Query parameters → repo filter; an unknown term, taxonomy or malformed id matches nothing. */
const filterOf = (q: ServiceQuery): ServiceFilter => {
  const f: ServiceFilter = { search: q.search || undefined };
  if (q.organization_id) {
    if (UUID.test(q.organization_id)) f.organizationId = q.organization_id;
    else f.none = true;
  }
  if (q.taxonomy_term_id) {
    const t = findTerm(q.taxonomy_term_id);
    if (!t) f.none = true;
    else if (t.taxonomy.key === 'sdoh') f.category = t.code;
    else f.communitySupport = t.code;
  }
  if (q.taxonomy_id) {
    const tx = findTaxonomy(q.taxonomy_id);
    if (!tx) f.none = true;
    else if (tx.key === 'sdoh') f.anyCategory = true;
    else f.anyCommunitySupport = true;
  }
  return f;
};

export const createHsdsService = ({ db }: { db: Db }) => ({
  async listServices(q: ServiceQuery) {
    const p = await hsdsRepo.pageServices(db, filterOf(q), q.per_page, offset(q));
    const rows = p.ids.length ? await hsdsRepo.services(db, { ids: p.ids }) : [];
    return hsdsPage(rows.map(serviceOut), p.total, q);
  },

  async getService(id: string) {
    const [row] = UUID.test(id) ? await hsdsRepo.services(db, { ids: [id] }) : [];
    if (!row) throw notFound('service');
    return serviceOut(row);
  },

  async listOrganizations(q: PageQuery) {
    const p = await hsdsRepo.pageOrganizations(db, q.search || undefined, q.per_page, offset(q));
    return hsdsPage(await this.organizations(p.ids), p.total, q);
  },

  async getOrganization(id: string) {
    const [org] = UUID.test(id) ? await this.organizations([id]) : [];
    if (!org) throw notFound('organization');
    return org;
  },

  /** Two statements for any number of organizations: the organizations, then all their services. */
  async organizations(ids: string[]) {
    if (!ids.length) return [];
    const [orgs, services] = await Promise.all([hsdsRepo.organizations(db, ids), hsdsRepo.services(db, { orgIds: ids })]);
    return orgs.map((o) =>
      organizationOut(
        o,
        services.filter((s) => s.s.organization_id === o.o.id),
      ),
    );
  },

  async listServiceAtLocations(q: ServiceQuery) {
    const p = await hsdsRepo.pageServiceLocations(db, filterOf(q), q.per_page, offset(q));
    const rows = p.ids.length ? await hsdsRepo.serviceLocations(db, p.ids) : [];
    return hsdsPage(
      rows.map((r) => ({ id: r.id, service_id: r.service_id, location_id: r.location.id as string, location: locationOf(r.location) })),
      p.total,
      q,
    );
  },

  async getServiceAtLocation(id: string) {
    const [sal] = UUID.test(id) ? await hsdsRepo.serviceLocations(db, [id]) : [];
    if (!sal) throw notFound('service_at_location');
    const [svc] = await hsdsRepo.services(db, { ids: [sal.service_id] });
    const locationId = sal.location.id as string;
    return {
      id: sal.id,
      service_id: sal.service_id,
      location_id: locationId,
      service: serviceOut(svc!),
      location: locationOf(sal.location),
      // Hours here: the service's schedules kept for this location, or for all its locations.
      schedules: svc!.schedules.filter((x) => !x.location_id || x.location_id === locationId).map(scheduleOf),
    };
  },

  listTaxonomies(q: PageQuery) {
    const s = q.search?.toLowerCase();
    const all = TAXONOMIES.filter((t) => !s || t.name.toLowerCase().includes(s)).map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      uri: t.uri,
      version: t.version,
    }));
    return slice(all, q);
  },

  listTaxonomyTerms(q: PageQuery & { taxonomy_id?: string }) {
    const s = q.search?.toLowerCase();
    const tx = q.taxonomy_id ? findTaxonomy(q.taxonomy_id) : undefined;
    const all = TERMS.filter(
      (t) => (!q.taxonomy_id || t.taxonomy === tx) && (!s || t.name.toLowerCase().includes(s) || t.code.includes(s)),
    );
    return slice(all.map(termOut), q);
  },

  getTaxonomyTerm(id: string) {
    const t = findTerm(id);
    if (!t) throw notFound('taxonomy term');
    return termOut(t);
  },
});
