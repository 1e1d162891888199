// Every route the web app has, in one place: `path` is the router pattern, `href()` builds a link.
export const paths = {
  home: { path: '/', href: () => '/' },
  signIn: {
    path: '/sign-in',
    href: (next?: string) => (next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  },
  acceptInvitation: { path: '/accept-invitation', href: () => '/accept-invitation' },
  directory: { path: '/directory', href: () => '/directory' },
  directoryService: { path: '/directory/services/:id', href: (id: string) => `/directory/services/${id}` },
  directoryServiceEdit: { path: '/directory/services/:id/edit', href: (id: string) => `/directory/services/${id}/edit` },
  directoryOrganization: { path: '/directory/organizations/:id', href: (id: string) => `/directory/organizations/${id}` },
  directoryAgreements: { path: '/directory/agreements', href: () => '/directory/agreements' },
  directoryAgreementNew: { path: '/directory/agreements/new', href: () => '/directory/agreements/new' },
  directoryAgreement: { path: '/directory/agreements/:id', href: (id: string) => `/directory/agreements/${id}` },
  referrals: { path: '/referrals', href: () => '/referrals' },
  referralsNew: { path: '/referrals/new', href: (serviceId?: string) => (serviceId ? `/referrals/new?serviceId=${encodeURIComponent(serviceId)}` : '/referrals/new') },
  // Not under /referrals: the nav would mark "Referrals" current too.
  referralsNetwork: { path: '/network/referrals', href: () => '/network/referrals' },
  referral: { path: '/referrals/:id', href: (id: string) => `/referrals/${id}` },
  clients: { path: '/clients', href: (q?: string) => (q ? `/clients?q=${encodeURIComponent(q)}` : '/clients') },
  client: { path: '/clients/:id', href: (id: string) => `/clients/${id}` },
  notifications: { path: '/notifications', href: () => '/notifications' },
  engagement: { path: '/engagement', href: () => '/engagement' },
  // Not under /engagement: the nav would mark "Engagement" current too.
  gaps: { path: '/gaps', href: () => '/gaps' },
  gap: { path: '/gaps/:id', href: (id: string) => `/gaps/${id}` },
  coverage: { path: '/coverage', href: () => '/coverage' },
  engagementNew: { path: '/engagement/new', href: () => '/engagement/new' },
  engagementImport: { path: '/engagement/import', href: () => '/engagement/import' },
  engagementEvent: { path: '/engagement/events/:id', href: (id: string) => `/engagement/events/${id}` },
  advisoryBoards: { path: '/advisory-boards', href: () => '/advisory-boards' },
  advisoryBoard: { path: '/advisory-boards/:id', href: (id: string) => `/advisory-boards/${id}` },
  /** A recruiting board's public application: no sign-in. */
  boardApply: { path: '/boards/:id/apply', href: (id: string) => `/boards/${id}/apply` },
  /** A board's public "you said, we did" page: no sign-in. */
  boardPublic: { path: '/boards/:id/public', href: (id: string) => `/boards/${id}/public` },
  advisoryBoardRecommendations: { path: '/advisory-boards/:id/recommendations', href: (id: string) => `/advisory-boards/${id}/recommendations` },
  advisoryBoardRecommendation: {
    path: '/advisory-boards/:id/recommendations/:recommendationId',
    href: (id: string, recommendationId: string) => `/advisory-boards/${id}/recommendations/${recommendationId}`,
  },
  audit: { path: '/audit', href: (q?: Record<string, string>) => (q ? `/audit?${new URLSearchParams(q).toString()}` : '/audit') },
  adminOrganizations: { path: '/admin/organizations', href: () => '/admin/organizations' },
  adminUsers: { path: '/admin/users', href: () => '/admin/users' },
  adminHsds: { path: '/admin/directory-data', href: () => '/admin/directory-data' },
  orgMembers: { path: '/organizations/:id/members', href: (id: string) => `/organizations/${id}/members` },
  orgApiKeys: { path: '/organizations/:id/api-keys', href: (id: string) => `/organizations/${id}/api-keys` },
} as const;
