import { schema, type Tx } from '@tandem/db';
import { DAYS } from '../mappers';
import { importRepo, type Existing, type UpsertTable } from './repo';
import type { Plan } from './validate';

// Write side of the importer over the directory tables (see ../repo.ts): rows match on their
// HSDS id (source_id, or our own id for rows that were exported from Tandem), and a row is
// written only when a mapped value differs, so a re-import of the same data writes nothing.
// The SQL is in ./repo.ts; this file decides what to write and counts it.
const { organizations, services, locations, serviceLocations, contacts } = schema;

export type Counts = { created: number; updated: number; unchanged: number };
const sorted = (v: unknown) => (Array.isArray(v) ? [...(v as string[])].sort() : v);
const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a ?? null)) === JSON.stringify(sorted(b ?? null));
const differs = (row: Record<string, unknown>, values: Record<string, unknown>) =>
  Object.keys(values).some((k) => !same(row[k], values[k]));

export const applyPlan = async (tx: Tx, plan: Plan, existing: Existing) => {
  const tables: Record<string, Counts> = {};
  const count = (table: string, what: keyof Counts) => ((tables[table] ??= { created: 0, updated: 0, unchanged: 0 })[what] += 1);
  const ids = { orgs: new Map<string, string>(), services: new Map<string, string>(), locations: new Map<string, string>() };
  for (const [k, r] of existing.orgs) ids.orgs.set(k, r.id);
  for (const [k, r] of existing.services) ids.services.set(k, r.id);
  for (const [k, r] of existing.locations) ids.locations.set(k, r.id);

  /** Insert, update or leave one row; `sourceId` is set only on rows the import creates. */
  const upsert = async <V extends Record<string, unknown>>(
    name: string,
    table: UpsertTable,
    found: ({ id: string } & Record<string, unknown>) | undefined,
    key: string,
    values: V,
  ) => {
    if (!found) {
      const id = await importRepo.insertRow(tx, table, { ...values, sourceId: key });
      count(name, 'created');
      return id;
    }
    if (differs(found, values)) {
      await importRepo.updateRow(tx, table, found.id, values);
      count(name, 'updated');
    } else count(name, 'unchanged');
    return found.id;
  };

  for (const o of plan.orgs)
    ids.orgs.set(
      o.key,
      await upsert(
        'organizations',
        organizations,
        existing.orgs.get(o.key),
        o.key,
        existing.orgs.has(o.key) ? o.values : { type: 'cbo', ...o.values },
      ),
    );
  for (const s of plan.services) {
    const values = { organizationId: ids.orgs.get(s.orgKey)!, ...s.values };
    ids.services.set(s.key, await upsert('services', services, existing.services.get(s.key), s.key, values));
  }
  for (const l of plan.locations) {
    const values = { organizationId: ids.orgs.get(l.orgKey)!, ...l.values };
    ids.locations.set(l.key, await upsert('locations', locations, existing.locations.get(l.key), l.key, values));
  }
  // service_locations and schedules have no updated_at: a service whose links or hours change is
  // touched instead, so HSDS last_modified / modified_after see the change.
  const touched = new Set<string>();
  for (const x of plan.sals) {
    const values = { serviceId: ids.services.get(x.serviceKey)!, locationId: ids.locations.get(x.locationKey)! };
    // The pair is unique: a row made in Tandem for the same pair is adopted rather than duplicated.
    const found =
      existing.sals.get(x.key) ??
      [...existing.sals.values()].find((r) => r.serviceId === values.serviceId && r.locationId === values.locationId);
    if (!found || differs(found, values)) touched.add(values.serviceId);
    await upsert('service_at_locations', serviceLocations, found, x.key, values);
  }
  for (const c of plan.contacts) {
    const values = {
      organizationId: ids.orgs.get(c.orgKey)!,
      serviceId: c.serviceKey ? ids.services.get(c.serviceKey)! : null,
      ...c.values,
    };
    await upsert('contacts', contacts, existing.contacts.get(c.key), c.key, values);
  }
  for (const serviceId of await applySchedules(tx, plan, existing, ids, count)) touched.add(serviceId);
  if (touched.size) await importRepo.touchServices(tx, [...touched]);
  return tables;
};

/**
 * One HSDS schedule row becomes a Tandem row per weekday, with source_id `<hsds id>:<MO..SU>`.
 * Returns the services whose hours changed.
 */
const applySchedules = async (
  tx: Tx,
  plan: Plan,
  existing: Existing,
  ids: { services: Map<string, string>; locations: Map<string, string> },
  count: (table: string, what: keyof Counts) => void,
) => {
  const changedServices = new Set<string>();
  const byKey = new Map(existing.schedules.map((r) => [r.sourceId ?? `${r.id}:${DAYS[r.weekday - 1]}`, r]));
  for (const s of plan.schedules) {
    const serviceId = ids.services.get(s.serviceKey)!;
    const locationId = s.locationKey ? (ids.locations.get(s.locationKey) ?? null) : null;
    let changed = false;
    for (const day of s.days) {
      const key = `${s.key}:${DAYS[day - 1]}`;
      const values = { serviceId, locationId, weekday: day, opensAt: s.opensAt, closesAt: s.closesAt };
      const found = byKey.get(key);
      if (!found) await importRepo.insertSchedule(tx, { ...values, sourceId: key });
      else if (differs(found, values)) await importRepo.updateSchedule(tx, found.id, values);
      else continue;
      changed = true;
    }
    const stale = existing.schedules.filter(
      (r) => r.sourceId?.startsWith(`${s.key}:`) && !s.days.some((d) => r.sourceId === `${s.key}:${DAYS[d - 1]}`),
    );
    if (stale.length) {
      await importRepo.deleteSchedules(
        tx,
        stale.map((r) => r.id),
      );
      changed = true;
    }
    const existed = s.days.some((d) => byKey.has(`${s.key}:${DAYS[d - 1]}`)) || stale.length > 0;
    count('schedules', !changed ? 'unchanged' : existed ? 'updated' : 'created');
    if (changed) changedServices.add(serviceId);
  }
  return changedServices;
};
