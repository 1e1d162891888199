import type { ApiScope, Role } from '@tandem/contract';

export interface MembershipRef {
  organizationId: string;
  role: Role;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; sessionId: string; memberships: MembershipRef[]; isNetworkAdmin: boolean }
  | { kind: 'apiKey'; keyId: string; organizationId: string; scopes: ApiScope[] };

/**
 * The request's hold on an `Idempotency-Key` (plugins/idempotency.ts): the write's own
 * transaction marks the key committed through it (lib/audit.ts), so a retry never writes again.
 */
export interface IdempotencyClaim {
  actor: string;
  key: string;
  /** This request's claim token: a request whose lease ran out and was re-claimed cannot commit. */
  claim: string;
}

/** Who is acting, and for which request: what services receive instead of the request. */
export interface Ctx {
  actor: Actor;
  requestId: string;
  ip: string;
  idempotency?: IdempotencyClaim;
}

/** The acting person's user id; null for an API key (rows then record the key) or nobody. */
export const userIdOf = (a: Actor): string | null => (a.kind === 'user' ? a.userId : null);
/** The acting API key's id; null for a person or nobody. Recorded beside a null user so the timeline and thread can name it. */
export const apiKeyIdOf = (a: Actor): string | null => (a.kind === 'apiKey' ? a.keyId : null);

export const actorId = (a: Actor) => (a.kind === 'user' ? a.userId : a.kind === 'apiKey' ? `key:${a.keyId}` : null);

export const hasRole = (a: Actor, orgId: string, ...roles: Role[]) =>
  a.kind === 'user' && a.memberships.some((m) => m.organizationId === orgId && roles.includes(m.role));
export const hasAnyRole = (a: Actor, ...roles: Role[]) => a.kind === 'user' && (a.isNetworkAdmin || a.memberships.some((m) => roles.includes(m.role)));
export const isNetworkAdmin = (a: Actor) => a.kind === 'user' && a.isNetworkAdmin;
/** Organizations the actor acts for (a user's memberships, or the key's org). */
export const actingOrgIds = (a: Actor): string[] =>
  a.kind === 'user' ? a.memberships.map((m) => m.organizationId) : a.kind === 'apiKey' ? [a.organizationId] : [];
