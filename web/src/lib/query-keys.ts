import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Every query key the web app uses, one factory per server resource (TkDodo, "Effective React
 * Query Keys"). A resource is cached under one prefix whichever feature reads it, so a mutation
 * that invalidates `queryKeys.<resource>.all` refreshes every screen that shows it: the admin
 * organization list, the directory's organization page and the referral partner picker all read
 * `organizations`. Features keep their fetchers (queryOptions) in api/queries.ts and take their
 * keys from here; mutations invalidate through `invalidate()` below.
 *
 * Two queries of different shapes (a plain list and an infinite one) never share a key.
 */

type Filters = object;

const resource = <const R extends string>(name: R) => {
  const all = [name] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    details: () => [...all, 'detail'] as const,
  };
};

const me = resource('me');
const organizations = resource('organizations');
const services = resource('services');
const locations = resource('locations');
const contacts = resource('contacts');
const agreements = resource('agreements');
const referrals = resource('referrals');
const clients = resource('clients');
const members = resource('members');
const apiKeys = resource('api-keys');
const webhooks = resource('webhooks');
const audit = resource('audit');
const notifications = resource('notifications');
const gaps = resource('gaps');
const engagementEvents = resource('engagement-events');
const boards = resource('boards');

export const queryKeys = {
  /** The signed-in user and what waits for them. Signing in drops every other resource. */
  me: {
    all: me.all,
    current: () => [...me.all, 'current'] as const,
    invitations: () => [...me.all, 'invitations'] as const,
  },
  organizations: {
    ...organizations,
    list: (filters: Filters) => [...organizations.lists(), filters] as const,
    /** Every organization at once (limit 200): the referral partner picker and the network filter. */
    picker: () => [...organizations.lists(), 'picker'] as const,
    detail: (id: string) => [...organizations.details(), id] as const,
    /** The directory change history of one organization (its services, locations and contacts too). */
    history: (id: string) => [...organizations.details(), id, 'history'] as const,
    /** Its partnership stage with the evidence for partnered (network staff). */
    partnership: (id: string) => [...organizations.details(), id, 'partnership'] as const,
    /** Organizations matching a name, a few at a time: the agreement form's party picker. */
    named: (q: string) => [...organizations.lists(), 'named', q] as const,
    /** The partnership funnel report (stages live on organizations). */
    pipeline: (filters: Filters) => [...organizations.lists(), 'pipeline', filters] as const,
  },
  services: {
    ...services,
    searches: () => [...services.all, 'search'] as const,
    search: (filters: Filters) => [...services.all, 'search', filters] as const,
    /** One organization's services, every one (limit 200). */
    ofOrganization: (organizationId: string) => [...services.lists(), { organizationId }] as const,
    detail: (id: string) => [...services.details(), id] as const,
  },
  locations: {
    ...locations,
    ofOrganization: (organizationId: string) => [...locations.lists(), { organizationId }] as const,
  },
  contacts: {
    ...contacts,
    ofOrganization: (organizationId: string) => [...contacts.lists(), { organizationId }] as const,
  },
  /** Engagement events: the list, one event, a series; a write invalidates `all`. */
  engagementEvents: {
    ...engagementEvents,
    list: (filters: Filters) => [...engagementEvents.lists(), filters] as const,
    detail: (id: string) => [...engagementEvents.details(), id] as const,
    /** The engagement reports (by period, the State roll-up, a staff member's month): an event write refreshes them. */
    report: (kind: 'period' | 'state-quarterly' | 'staff-monthly', filters: Filters) => [...engagementEvents.lists(), 'report', kind, filters] as const,
  },
  agreements: {
    ...agreements,
    list: (filters: Filters) => [...agreements.lists(), filters] as const,
    detail: (id: string) => [...agreements.details(), id] as const,
  },
  referrals: {
    ...referrals,
    list: (filters: Filters) => [...referrals.lists(), filters] as const,
    network: (filters: Filters) => [...referrals.lists(), 'network', filters] as const,
    counts: (box: string) => [...referrals.lists(), 'counts', box] as const,
    /** The home worklist: under lists(), so whatever refreshes the inbox refreshes it. */
    worklist: () => [...referrals.lists(), 'worklist'] as const,
    /** A client's referrals (on the client record): a referral change refreshes it too. */
    ofClient: (clientId: string) => [...referrals.lists(), 'client', clientId] as const,
    detail: (id: string) => [...referrals.details(), id] as const,
    timeline: (id: string) => [...referrals.details(), id, 'timeline'] as const,
    messages: (id: string) => [...referrals.details(), id, 'messages'] as const,
    /** The referral network metrics report: under lists(), so a referral change refreshes it. */
    metrics: (filters: Filters) => [...referrals.lists(), 'metrics', filters] as const,
  },
  /** Client records (PHI): the client pages and the referral builder read the same keys. */
  clients: {
    ...clients,
    searches: () => [...clients.all, 'search'] as const,
    search: (q: string) => [...clients.all, 'search', q] as const,
    /** The referral builder's picker: the first page only (a plain query, not an infinite one). */
    picker: (q: string) => [...clients.all, 'search', q, 'picker'] as const,
    matches: (name: string, dateOfBirth: string | null) => [...clients.all, 'matches', name, dateOfBirth] as const,
    detail: (id: string) => [...clients.details(), id] as const,
    consents: (id: string) => [...clients.details(), id, 'consents'] as const,
  },
  /** Members of organizations and the people (users) behind them. */
  members: {
    ...members,
    list: (organizationId: string) => [...members.lists(), organizationId] as const,
    users: () => [...members.all, 'users'] as const,
    userList: (filters: Filters) => [...members.all, 'users', filters] as const,
    /** People to pick (audit's "who"): the first 20 matches. */
    people: (q: string) => [...members.all, 'people', q] as const,
    /** Colleagues a referral can be assigned to. */
    colleagues: (organizationId: string) => [...members.all, 'colleagues', organizationId] as const,
  },
  apiKeys: {
    ...apiKeys,
    list: (organizationId: string) => [...apiKeys.lists(), organizationId] as const,
  },
  webhooks: {
    ...webhooks,
    list: () => webhooks.lists(),
    attempts: (id: string) => [...webhooks.details(), id, 'attempts'] as const,
  },
  audit: {
    ...audit,
    list: (filters: Filters) => [...audit.lists(), filters] as const,
  },
  notifications: {
    ...notifications,
    unread: () => [...notifications.all, 'unread'] as const,
    latest: () => [...notifications.all, 'latest'] as const,
    settings: () => [...notifications.all, 'settings'] as const,
    list: (filters: Filters) => [...notifications.lists(), filters] as const,
  },
  /** Service gaps, their history and evidence, and the coverage matrix (which counts open gaps, so it lives under the same prefix). */
  gaps: {
    ...gaps,
    list: (filters: Filters) => [...gaps.lists(), filters] as const,
    detail: (id: string) => [...gaps.details(), id] as const,
    history: (id: string) => [...gaps.details(), id, 'history'] as const,
    evidence: (id: string, period: Filters) => [...gaps.details(), id, 'evidence', period] as const,
    coverage: (filters: Filters) => [...gaps.all, 'coverage', filters] as const,
  },
  /** The network overview (issue 25): one answer per range and SPA. */
  networkOverview: {
    all: ['network-overview'] as const,
    detail: (filters: Filters) => ['network-overview', filters] as const,
  },
  /** Advisory boards (issue 26): coordinators' lists and details; the public page and its form token. */
  boards: {
    ...boards,
    list: (filters: Filters) => [...boards.lists(), filters] as const,
    detail: (id: string) => [...boards.details(), id] as const,
    applications: (id: string) => [...boards.details(), id, 'applications'] as const,
    publicPage: (id: string) => [...boards.all, 'public', id] as const,
    /** A one-use form token, issued when the public form opens: never shared between visits. */
    form: (id: string) => [...boards.all, 'public', id, 'form'] as const,
    recommendations: (id: string) => [...boards.details(), id, 'recommendations'] as const,
    recommendation: (id: string, recommendationId: string) => [...boards.details(), id, 'recommendations', recommendationId] as const,
  },
};

/** Invalidates each prefix (usually `queryKeys.<resource>.all`): active queries refetch, the rest refetch when next shown. */
export const invalidate = (queryClient: QueryClient, ...prefixes: QueryKey[]) =>
  Promise.all(prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));

/** What a directory change (service, hours, capacity, location, contact) can show up in. */
export const directoryPrefixes = [queryKeys.services.all, queryKeys.locations.all, queryKeys.contacts.all, queryKeys.organizations.all] as const;
