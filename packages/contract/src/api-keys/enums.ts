import { z } from 'zod';

export const API_SCOPES = [
  'directory:read',
  'directory:write',
  'referrals:read',
  'referrals:write',
  'engagement:read',
  'engagement:write',
  'advisory:read',
  'webhooks:manage',
] as const;
/**
 * What each scope lets an organization's API key do (docs/decisions/0006-integrator-api.md).
 * Public reads (directory, HSDS) need no key at all.
 */
export const API_SCOPE_GATES: Record<(typeof API_SCOPES)[number], string> = {
  'directory:read': "read what only the organization sees: its colleagues (to assign referrals) and the agreements it is a party to",
  'directory:write': "edit the organization's directory entry, services, locations, hours, capacity and contacts",
  'referrals:read': "read the organization's referrals, their clients, consents, messages and timelines, and sync them",
  'referrals:write': 'create, send, change, assign and forward referrals, write messages, register clients and consents',
  'engagement:read': 'read the engagement events the organization took part in (the partner view: no internal notes, follow-ups or gap links)',
  'engagement:write': 'reserved: engagement events are written by signed-in collaboration team members and network admins; gates nothing today',
  'advisory:read': 'reserved for the advisory boards module (not yet served): gates nothing today',
  'webhooks:manage': "subscribe the organization's webhooks, rotate their secrets, read their delivery logs, send test events and redeliver",
};
export const ApiScopeSchema = z
  .enum(API_SCOPES)
  .describe(`API key scope. ${API_SCOPES.map((s) => `${s}: ${API_SCOPE_GATES[s]}`).join('; ')}`);
export type ApiScope = z.infer<typeof ApiScopeSchema>;
