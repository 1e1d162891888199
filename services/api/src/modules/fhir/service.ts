import type { Resource, Task } from '@medplum/fhirtypes';
import type { Db } from '@tandem/db';
import type { ReferralDetail } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import type { Ctx } from '../../lib/actor';
import { createClientsService, type ReferralLinks } from '../clients';
import { createOrganizationsService, createServicesService } from '../directory';
import type { Notifier } from '../notifications';
import { referralServices, searchReferrals, type DirectoryLookup } from '../referrals';
import { toConsent, toHealthcareService, toOrganization, toPatient, toServiceRequest, toTask } from './mappers';
import { applyPatch, intentOf, parsePatch } from './patch';
import type { SearchQuery } from './search';

export interface FhirDeps {
  db: Db;
  directory: DirectoryLookup;
  notifier: Notifier;
  links: ReferralLinks;
}

export const READ_TYPES = ['Task', 'ServiceRequest', 'Patient', 'Consent', 'Organization', 'HealthcareService'] as const;
export type ReadType = (typeof READ_TYPES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A page of resources and the cursor of the next one. */
export interface FoundPage {
  resources: Resource[];
  nextCursor: string | null;
}

/**
 * The FHIR facade over the other modules' services (through their index.ts only): every read,
 * search and change is theirs, with their visibility (the same 404 as a random id), audit,
 * state machine, outbox events and notifications. This module only maps.
 */
export const createFhirService = (deps: FhirDeps) => {
  const { db } = deps;
  const { referrals, lifecycle } = referralServices({ db, directory: deps.directory, notifier: deps.notifier });
  const clients = createClientsService({ db, links: deps.links });
  const orgs = createOrganizationsService({ db });
  const services = createServicesService({ db });

  /** Each id read on its own; one the caller may not see is simply not found (as a random id). */
  const eachVisible = async (ids: string[], read: (id: string) => Promise<Resource>): Promise<FoundPage> => {
    const found: Resource[] = [];
    for (const id of ids) {
      try {
        found.push(await read(id));
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'not_found')) throw e;
      }
    }
    return { resources: found, nextCursor: null };
  };

  const read = async (ctx: Ctx, type: ReadType, id: string): Promise<Resource> => {
    // An id that cannot be one of ours is not found, exactly as a random one.
    if (!UUID.test(id)) throw notFound(type);
    switch (type) {
      case 'Task':
        return toTask(await referrals.get(ctx, id));
      case 'ServiceRequest':
        return toServiceRequest(await referrals.get(ctx, id));
      case 'Patient':
        return toPatient(await clients.get(ctx, id));
      case 'Consent':
        return toConsent(await clients.getConsent(ctx, id));
      case 'Organization':
        return toOrganization(await orgs.get(ctx.actor, id));
      case 'HealthcareService':
        return toHealthcareService(await services.get(ctx.actor, id));
    }
  };

  return {
    read,

    async search(ctx: Ctx, type: ReadType, q: SearchQuery): Promise<FoundPage> {
      if (q.ids && q.ids.some((id) => !UUID.test(id))) return { resources: [], nextCursor: null };
      switch (type) {
        case 'Task':
        case 'ServiceRequest': {
          const page = await searchReferrals(db, ctx, {
            ids: q.ids,
            statuses: q.statuses,
            receivingOrgIds: q.owner,
            sendingOrgIds: q.requester,
            updated: q.lastUpdated,
            limit: q.count,
            cursor: q.cursor,
          });
          return { resources: page.data.map((r): Resource => (type === 'Task' ? toTask(r) : toServiceRequest(r))), nextCursor: page.nextCursor };
        }
        case 'Patient':
          return eachVisible(q.ids!.slice(0, q.count), async (id) => toPatient(await clients.get(ctx, id)));
        case 'Consent': {
          if (q.ids) return eachVisible(q.ids.slice(0, q.count), async (id) => toConsent(await clients.getConsent(ctx, id)));
          const patient = q.patient!;
          if (!UUID.test(patient)) return { resources: [], nextCursor: null };
          try {
            return { resources: (await clients.listConsents(ctx, patient)).data.slice(0, q.count).map(toConsent), nextCursor: null };
          } catch (e) {
            if (e instanceof AppError && e.code === 'not_found') return { resources: [], nextCursor: null };
            throw e;
          }
        }
        case 'Organization': {
          if (q.ids) return eachVisible(q.ids.slice(0, q.count), async (id) => toOrganization(await orgs.get(ctx.actor, id)));
          const page = await orgs.list(ctx.actor, { limit: q.count, cursor: q.cursor, ...(q.name ? { q: q.name } : {}) });
          return { resources: page.data.map(toOrganization), nextCursor: page.nextCursor };
        }
        case 'HealthcareService': {
          if (q.ids) return eachVisible(q.ids.slice(0, q.count), async (id) => toHealthcareService(await services.get(ctx.actor, id)));
          const org = q.organization!;
          if (!UUID.test(org)) return { resources: [], nextCursor: null };
          const page = await services.listByOrg(ctx.actor, org, q.count, q.cursor).catch((e: unknown) => {
            if (e instanceof AppError && e.code === 'not_found') return { data: [], nextCursor: null };
            throw e;
          });
          return { resources: page.data.map(toHealthcareService), nextCursor: page.nextCursor };
        }
      }
    },

    /**
     * PATCH Task: the patch applied to the Task as this caller sees it now, then the one change
     * it asks for made by the referrals module (transition or forward), at the version If-Match
     * named. The Task as it is afterwards is the answer.
     */
    async patchTask(ctx: Ctx, id: string, ifMatch: number | '*', body: unknown): Promise<Task> {
      const ops = parsePatch(body);
      if (!UUID.test(id)) throw notFound('Task');
      const page = await searchReferrals(db, ctx, { ids: [id], limit: 1 });
      const current = page.data[0];
      if (!current) throw notFound('Task');
      const expected = ifMatch === '*' ? current.version : ifMatch;
      if (current.version !== expected) throw new AppError('precondition_failed', `The Task is at version ${current.version}; If-Match named ${expected}. Read it again and repeat the change.`, { currentVersion: current.version });
      const before = toTask(current);
      const intent = intentOf(before, applyPatch(before, ops), current.status);
      let after: ReferralDetail;
      if (intent.kind === 'none') return before;
      if (intent.kind === 'forward') {
        await lifecycle.forward(ctx, id, expected, { receivingOrganizationId: intent.organizationId, note: intent.note });
        after = await referrals.get(ctx, id);
      } else {
        after = await lifecycle.transition(ctx, id, expected, { to: intent.to, reason: intent.reason, note: intent.note, outcome: intent.outcome, confirmDuplicate: false });
      }
      return toTask(after);
    },
  };
};
export type FhirService = ReturnType<typeof createFhirService>;
