import { createRng, personName } from '../prng';
import type { Role, Spa } from '../types';
import { NAME_GROUPS } from './people';
import { ALL_ORGS, ORG } from './organizations';

export const DEMO_PASSWORD = 'tandem-demo-2026';

export interface AccountSpec {
  email: string;
  name: string;
  role: Role;
  /** Organization key. */
  org: string;
  locale?: 'en' | 'es';
  /** Collaboration-team members are liaison for the organizations based in these SPAs. */
  liaisonFor?: Spa[];
}

const DHS = 'dhs.tandem.example';
const cbo = (key: string) => `${key}.tandem.example`;

/** The hand-written demo accounts: network staff, the health system, and three CBOs with staff. */
export const NAMED_ACCOUNTS: AccountSpec[] = [
  { email: 'admin@tandem.example', name: 'Jordan Ellis', role: 'network_admin', org: ORG.healthSystem },
  {
    email: 'collab@tandem.example',
    name: 'Dana Whitfield',
    role: 'collaboration_team',
    org: ORG.healthSystem,
    liaisonFor: ['spa4', 'spa6'],
  },
  { email: 'boards@tandem.example', name: 'Renee Okafor', role: 'board_coordinator', org: ORG.healthSystem },
  {
    email: `lucia.ramirez@${DHS}`,
    name: 'Lucia Ramirez',
    role: 'collaboration_team',
    org: ORG.healthSystem,
    locale: 'es',
    liaisonFor: ['spa3', 'spa7'],
  },
  {
    email: `andre.washington@${DHS}`,
    name: 'Andre Washington',
    role: 'collaboration_team',
    org: ORG.healthSystem,
    liaisonFor: ['spa8', 'spa5'],
  },
  { email: `grace.kim@${DHS}`, name: 'Grace Kim', role: 'collaboration_team', org: ORG.healthSystem, liaisonFor: ['spa1', 'spa2'] },
  { email: `patricia.nguyen@${DHS}`, name: 'Patricia Nguyen', role: 'org_admin', org: ORG.healthSystem },
  { email: `maria.lopez@${DHS}`, name: 'Maria Lopez', role: 'staff', org: ORG.healthSystem, locale: 'es' },
  { email: `james.carter@${DHS}`, name: 'James Carter', role: 'staff', org: ORG.healthSystem },
  { email: `admin@${cbo(ORG.foodBank)}`, name: 'Rosa Medina', role: 'org_admin', org: ORG.foodBank, locale: 'es' },
  { email: `carlos.mendoza@${cbo(ORG.foodBank)}`, name: 'Carlos Mendoza', role: 'staff', org: ORG.foodBank, locale: 'es' },
  { email: `tanisha.brooks@${cbo(ORG.foodBank)}`, name: 'Tanisha Brooks', role: 'staff', org: ORG.foodBank },
  { email: `admin@${cbo(ORG.reentry)}`, name: 'Marcus Bell', role: 'org_admin', org: ORG.reentry },
  { email: `darnell.freeman@${cbo(ORG.reentry)}`, name: 'Darnell Freeman', role: 'staff', org: ORG.reentry },
  { email: `veronica.reyes@${cbo(ORG.reentry)}`, name: 'Veronica Reyes', role: 'staff', org: ORG.reentry, locale: 'es' },
  { email: `admin@${cbo(ORG.housing)}`, name: 'Sokha Chhay', role: 'org_admin', org: ORG.housing },
  { email: `jasmine.coleman@${cbo(ORG.housing)}`, name: 'Jasmine Coleman', role: 'staff', org: ORG.housing },
  { email: `miguel.ortega@${cbo(ORG.housing)}`, name: 'Miguel Ortega', role: 'staff', org: ORG.housing, locale: 'es' },
];

/** Every other partnered organization gets one org_admin, so each can keep its own listing current. */
const partnerAdmins = (): AccountSpec[] => {
  const rng = createRng('tandem-demo-2026:partner-admins');
  const taken = new Set(NAMED_ACCOUNTS.map((a) => a.org));
  return ALL_ORGS.filter((o) => o.stage === 'partnered' && !taken.has(o.key)).map((o) => ({
    email: `admin@${cbo(o.key)}`,
    name: personName(rng, NAME_GROUPS),
    role: 'org_admin' as const,
    org: o.key,
    locale: o.languages.includes('es') && rng.chance(0.3) ? 'es' : 'en',
  }));
};

export const ACCOUNT_SPECS: AccountSpec[] = [...NAMED_ACCOUNTS, ...partnerAdmins()];
