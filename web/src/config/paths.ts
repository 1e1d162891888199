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
  referrals: { path: '/referrals', href: () => '/referrals' },
  referralsNew: { path: '/referrals/new', href: (serviceId?: string) => (serviceId ? `/referrals/new?serviceId=${encodeURIComponent(serviceId)}` : '/referrals/new') },
  // Not under /referrals: the nav would mark "Referrals" current too.
  referralsNetwork: { path: '/network/referrals', href: () => '/network/referrals' },
  referral: { path: '/referrals/:id', href: (id: string) => `/referrals/${id}` },
  clients: { path: '/clients', href: (q?: string) => (q ? `/clients?q=${encodeURIComponent(q)}` : '/clients') },
  client: { path: '/clients/:id', href: (id: string) => `/clients/${id}` },
  notifications: { path: '/notifications', href: () => '/notifications' },
  engagement: { path: '/engagement', href: () => '/engagement' },
  advisoryBoards: { path: '/advisory-boards', href: () => '/advisory-boards' },
  audit: { path: '/audit', href: (q?: Record<string, string>) => (q ? `/audit?${new URLSearchParams(q).toString()}` : '/audit') },
  adminOrganizations: { path: '/admin/organizations', href: () => '/admin/organizations' },
  adminUsers: { path: '/admin/users', href: () => '/admin/users' },
  orgMembers: { path: '/organizations/:id/members', href: (id: string) => `/organizations/${id}/members` },
  orgApiKeys: { path: '/organizations/:id/api-keys', href: (id: string) => `/organizations/${id}/api-keys` },
} as const;
