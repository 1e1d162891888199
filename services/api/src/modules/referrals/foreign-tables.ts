import { schema } from '@tandem/db';

/**
 * The recorded exception to "no module reads another module's tables" (CONVENTIONS 5), in one
 * place. The referral fast paths (docs/decisions/0012-fast-paths.md §1–2) read and write a
 * referral with the names around it in a single statement: the inbox page, the detail, the send
 * and draft contexts, the client's referrals list, the network box and the overdue sweep JOIN
 * these tables, which the directory, clients, members and auth modules own, and so does the
 * network metrics report (metrics.repo.ts: a referral's organization types and SPAs, read-only).
 * The closed-loop export (closed-loop.repo.ts: organization names, a service's Community Support) too.
 * Only repo.ts, network.repo.ts, metrics.repo.ts and closed-loop.repo.ts use them; nothing else in this module may. Everything else about another module
 * comes through what app.ts passes in (DirectoryLookup) or that module's index.ts.
 */
export const {
  // directory
  organizations,
  services,
  contacts,
  // clients
  clients,
  consents,
  // members / auth
  users,
  memberships,
  apiKeys,
} = schema;

/** The directory's "an active BAA names both organizations" test, for the send and detail statements. */
export { activeBaaBetween } from '../directory';
