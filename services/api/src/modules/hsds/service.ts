import type { Db } from '@tandem/db';
import type { z } from 'zod';
import type { api, EndpointOutput } from '@tandem/contract';
import { notFound } from '../../lib/app-error';
import { taxonomyOut, termOut } from './mappers';
import { organizationOut, organizationSummaryOut } from './organizations.mappers';
import { serviceAtLocationFullOut, serviceAtLocationSummaryOut, serviceMinimalOut, serviceOut, serviceSummaryOut } from './services.mappers';
import { exportDataset } from './export';
import { importDataset, type ImportOptions } from './import/service';
import { organizationsRepo } from './organizations.repo';
import { hsdsRepo, type LocationFilter, type SalRow, type ServiceFilter } from './repo';
import { TAXONOMIES, TERMS, filterTerms, findTaxonomy, findTerm } from './taxonomy';

type ServiceQuery = z.output<typeof api.listHsdsServices.query>;
type ServiceAtLocationQuery = z.output<typeof api.listHsdsServiceAtLocations.query>;
type TermQuery = z.output<typeof api.listHsdsTaxonomyTerms.query>;
type OrganizationQuery = z.output<typeof api.listHsdsOrganizations.query>;
type OrganizationItem = EndpointOutput<typeof api.listHsdsOrganizations>['contents'][number];
type PageQuery = { page: number; per_page: number; search?: string };
type ServiceShape = 'minimal' | 'summary' | 'full';
type ServiceItem = EndpointOutput<typeof api.listHsdsServices>['contents'][number];
type ServiceAtLocationItem = EndpointOutput<typeof api.listHsdsServiceAtLocations>['contents'][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE = 25;
const MINIMAL_PAGE = 10_000;
/** Rows read per statement when format=ndjson streams a whole list. */
const STREAM_CHUNK = 200;

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

/** Items of `ids`, loaded a chunk at a time, as one lazy sequence (format=ndjson). */
async function* inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): AsyncGenerator<T> {
  for (let i = 0; i < ids.length; i += STREAM_CHUNK) yield* await load(ids.slice(i, i + STREAM_CHUNK));
}

/** minimal=true aims to answer all services in one call, so its default page is long. */
const servicePage = (q: ServiceQuery): PageQuery => ({ ...q, per_page: q.per_page ?? (q.minimal ? MINIMAL_PAGE : DEFAULT_PAGE) });
const serviceShape = (q: { minimal?: boolean; full?: boolean }): ServiceShape => (q.minimal ? 'minimal' : q.full ? 'full' : 'summary');

/** Query parameters → repo filter; an unknown term, taxonomy or malformed id matches nothing. */
const filterOf = (q: ServiceQuery | ServiceAtLocationQuery): ServiceFilter => {
  const f: ServiceFilter = { search: q.search || undefined, modifiedAfter: q.modified_after };
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
const locationFilterOf = (q: ServiceAtLocationQuery): LocationFilter => ({ postcode: q.postcode, proximityM: q.proximity });
const termFilterOf = (q: TermQuery) => ({
  search: q.search || undefined,
  taxonomyId: q.taxonomy_id || undefined,
  topOnly: q.top_only,
  parentId: q.parent_id || undefined,
});

export const createHsdsService = ({ db }: { db: Db }) => {
  /** Services of `ids` (in name order) in the shape asked for. */
  const serviceItems = async (ids: string[], shape: ServiceShape): Promise<ServiceItem[]> => {
    if (!ids.length) return [];
    if (shape === 'full') return (await hsdsRepo.services(db, { ids })).map(serviceOut);
    if (shape === 'minimal') return (await hsdsRepo.serviceStamps(db, ids)).map(serviceMinimalOut);
    return (await hsdsRepo.serviceSummaries(db, ids)).map(serviceSummaryOut);
  };

  /** Fully nested service_at_locations: one more statement for all their services. */
  const fullServiceAtLocations = async (rows: SalRow[]) => {
    const services = new Map((await hsdsRepo.services(db, { ids: [...new Set(rows.map((r) => r.service_id))] })).map((b) => [b.s.id, b]));
    return rows.map((r) => serviceAtLocationFullOut(r, services.get(r.service_id)!));
  };

  const serviceAtLocationItems = async (ids: string[], full: boolean | undefined): Promise<ServiceAtLocationItem[]> => {
    if (!ids.length) return [];
    const rows = await hsdsRepo.serviceLocations(db, ids);
    return full ? fullServiceAtLocations(rows) : rows.map(serviceAtLocationSummaryOut);
  };

  /** Two statements for any number of organizations: the organizations, then all their services. */
  const organizations = async (ids: string[]) => {
    if (!ids.length) return [];
    const [orgs, services] = await Promise.all([organizationsRepo.organizations(db, ids), hsdsRepo.services(db, { orgIds: ids })]);
    return orgs.map((o) =>
      organizationOut(
        o,
        services.filter((s) => s.s.organization_id === o.o.id),
      ),
    );
  };

  /** List items: one-to-one fields, or (full=true) everything nested. */
  const organizationItems = async (ids: string[], full: boolean | undefined): Promise<OrganizationItem[]> => {
    if (full) return organizations(ids);
    if (!ids.length) return [];
    return (await organizationsRepo.organizationSummaries(db, ids)).map((r) => organizationSummaryOut(r.o));
  };

  const taxonomies = (q: { search?: string }) => {
    const s = q.search?.toLowerCase();
    return TAXONOMIES.filter((t) => !s || t.name.toLowerCase().includes(s)).map(taxonomyOut);
  };

  return {
    async listServices(q: ServiceQuery) {
      const pq = servicePage(q);
      const p = await hsdsRepo.pageServices(db, filterOf(q), pq.per_page, offset(pq));
      return hsdsPage(await serviceItems(p.ids, serviceShape(q)), p.total, pq);
    },

    /** Every matching service; the ids are read before the first byte is sent, so a failing query is still a problem+json. */
    async streamServices(q: ServiceQuery) {
      const ids = await hsdsRepo.serviceIds(db, filterOf(q));
      return inChunks(ids, (chunk) => serviceItems(chunk, serviceShape(q)));
    },

    async getService(id: string) {
      const [row] = UUID.test(id) ? await hsdsRepo.services(db, { ids: [id] }) : [];
      if (!row) throw notFound('service');
      return serviceOut(row);
    },

    async listOrganizations(q: OrganizationQuery) {
      const p = await organizationsRepo.pageOrganizations(db, q.search || undefined, q.per_page, offset(q));
      return hsdsPage(await organizationItems(p.ids, q.full), p.total, q);
    },

    async streamOrganizations(q: OrganizationQuery) {
      return inChunks(await organizationsRepo.organizationIds(db, q.search || undefined), (chunk) => organizationItems(chunk, q.full));
    },

    async getOrganization(id: string) {
      const [org] = UUID.test(id) ? await organizations([id]) : [];
      if (!org) throw notFound('organization');
      return org;
    },

    async listServiceAtLocations(q: ServiceAtLocationQuery) {
      const p = await hsdsRepo.pageServiceLocations(db, { ...filterOf(q), ...locationFilterOf(q) }, q.per_page, offset(q));
      return hsdsPage(await serviceAtLocationItems(p.ids, q.full), p.total, q);
    },

    async streamServiceAtLocations(q: ServiceAtLocationQuery) {
      const ids = await hsdsRepo.serviceLocationIds(db, { ...filterOf(q), ...locationFilterOf(q) });
      return inChunks(ids, (chunk) => serviceAtLocationItems(chunk, q.full));
    },

    async getServiceAtLocation(id: string) {
      const rows = UUID.test(id) ? await hsdsRepo.serviceLocations(db, [id]) : [];
      if (!rows.length) throw notFound('service_at_location');
      return (await fullServiceAtLocations(rows))[0]!;
    },

    listTaxonomies: (q: PageQuery) => slice(taxonomies(q), q),
    streamTaxonomies: async (q: PageQuery) => taxonomies(q),

    getTaxonomy(id: string) {
      const t = findTaxonomy(id);
      if (!t) throw notFound('taxonomy');
      return taxonomyOut(t);
    },

    listTaxonomyTerms: (q: TermQuery) => slice(filterTerms(TERMS, termFilterOf(q)).map(termOut), q),
    streamTaxonomyTerms: async (q: TermQuery) => filterTerms(TERMS, termFilterOf(q)).map(termOut),

    getTaxonomyTerm(id: string) {
      const t = findTerm(id);
      if (!t) throw notFound('taxonomy term');
      return termOut(t);
    },

    /** The whole directory from HSDS tabular files (network admins; import/). */
    importDirectory: (files: Record<string, string>, opts: ImportOptions) => importDataset(db, files, opts),
    /** The whole directory as HSDS tabular files (export.ts). */
    exportDirectory: () => exportDataset(db),
  };
};
export type HsdsService = ReturnType<typeof createHsdsService>;
