import type { z } from 'zod';
import { api } from './api';
import type { EndpointDef } from './common/endpoint';

// One vocabulary across routes (issue 23): a thing has one name in every body and query that
// takes it: the assignee is `assigneeId` (as on the referral and the inbox filter), the partner a
// referral goes to is `receivingOrganizationId` / `receivingServiceId` (forwarding as creating),
// first contact is `firstContactAt` (recording it as editing it).
const SAME_AS: Record<string, string> = {
  assigneeUserId: 'assigneeId',
  toOrganizationId: 'receivingOrganizationId',
  toServiceId: 'receivingServiceId',
  at: 'firstContactAt',
};

const keysOf = (s: z.ZodType | undefined): string[] => {
  const shape = (s as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
};

describe('field names across the contract', () => {
  const inputs = (Object.values(api) as EndpointDef[]).flatMap((e) => [...keysOf(e.body), ...keysOf(e.query)].map((k) => [e.operationId, k] as const));

  it('finds the inputs to check', () => expect(inputs.length).toBeGreaterThan(50));

  it.each(Object.entries(SAME_AS))('calls %s by its one name, %s', (old) => {
    expect(inputs.filter(([, k]) => k === old).map(([op]) => op)).toEqual([]);
  });
});
