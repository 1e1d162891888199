import type { AgreementKind, AgreementStatus } from '../types';
import { ORG } from './organizations';

export interface AgreementSpec {
  kind: AgreementKind;
  status: AgreementStatus;
  title: string;
  /** Organization keys. */
  parties: string[];
  /** Days from `now`; null when not set yet. */
  start: number | null;
  end: number | null;
  /** Days before the end date when renewal is due (default 60 for dated agreements). */
  renewalLead?: number;
  notes?: string;
}

const { healthSystem: DHS, publicHealth: DPH, mentalHealth: DMH, healthPlan: PLAN } = ORG;

export const AGREEMENTS: AgreementSpec[] = [
  {
    kind: 'mou',
    status: 'active',
    title: 'MOU: CHW direct referral into reentry case management',
    parties: [DHS, ORG.reentry],
    start: -410,
    end: 45,
    notes: 'Lets CHWs at the jail health clinic refer directly, without going through probation. Renewal meeting to schedule.',
  },
  {
    kind: 'data_sharing',
    status: 'active',
    title: 'Data sharing agreement: closed-loop referral status',
    parties: [DHS, ORG.foodBank],
    start: -300,
    end: 430,
  },
  { kind: 'baa', status: 'active', title: 'Business associate agreement', parties: [DHS, ORG.housing], start: -500, end: 230 },
  {
    kind: 'contract',
    status: 'active',
    title: 'Community Supports contract: housing navigation and deposits',
    parties: [PLAN, ORG.housing, DHS],
    start: -365,
    end: 35,
    renewalLead: 90,
    notes: 'Plan has signalled renewal with a higher per-member rate; CBO asked for quarterly payments.',
  },
  {
    kind: 'subcontract',
    status: 'active',
    title: 'Recuperative care subcontract',
    parties: [DHS, 'downtown-bridge-alliance'],
    start: -240,
    end: 490,
  },
  {
    kind: 'mou',
    status: 'active',
    title: 'MOU: community doulas in county hospitals',
    parties: [DPH, DHS, 'mothers-circle-doulas'],
    start: -200,
    end: 530,
    notes: 'Doulas badge in at labor and delivery; DPH pays training, DHS provides space.',
  },
  {
    kind: 'contract',
    status: 'active',
    title: 'Community Supports contract: medically tailored meals',
    parties: [PLAN, ORG.foodBank],
    start: -250,
    end: 115,
  },
  {
    kind: 'informal',
    status: 'active',
    title: 'Referral partnership letter',
    parties: [DHS, 'florence-avenue-pantry'],
    start: -120,
    end: null,
  },
  {
    kind: 'mou',
    status: 'negotiating',
    title: 'MOU: jail diversion direct referral',
    parties: [DHS, 'homecoming-reentry-network'],
    start: null,
    end: null,
    notes: 'Draft with county counsel; open question on who holds consent forms.',
  },
  {
    kind: 'contract',
    status: 'expired',
    title: 'Sobering center pilot contract',
    parties: [DHS, 'metro-recovery-sobering'],
    start: -800,
    end: -20,
  },
  {
    kind: 'contract',
    status: 'active',
    title: 'Sobering center services contract',
    parties: [DHS, PLAN, 'metro-recovery-sobering'],
    start: -19,
    end: 711,
  },
  { kind: 'data_sharing', status: 'draft', title: 'Data sharing agreement', parties: [DHS, 'koreatown-wellness'], start: null, end: null },
  { kind: 'baa', status: 'active', title: 'Business associate agreement', parties: [DHS, 'valley-hope-counseling'], start: -600, end: 50 },
  {
    kind: 'mou',
    status: 'active',
    title: 'MOU: Full Service Partnership housing referrals',
    parties: [DHS, DMH, 'valley-pathways-home'],
    start: -420,
    end: 310,
  },
  {
    kind: 'contract',
    status: 'active',
    title: 'Community Supports contract: transitional rent',
    parties: [PLAN, 'ocean-park-housing'],
    start: -150,
    end: 580,
  },
  {
    kind: 'subcontract',
    status: 'active',
    title: 'Asthma remediation subcontract',
    parties: [PLAN, 'eastside-healthy-homes'],
    start: -90,
    end: 275,
  },
  {
    kind: 'mou',
    status: 'active',
    title: 'MOU: priority shelter access for patients fleeing violence',
    parties: [DHS, 'safe-haven-family-shelter'],
    start: -700,
    end: 25,
    renewalLead: 60,
    notes: 'Renewal overdue: legal review of the confidentiality clause.',
  },
  {
    kind: 'informal',
    status: 'active',
    title: 'Transportation referral agreement',
    parties: [DHS, 'rideconnect-la'],
    start: -330,
    end: null,
  },
  {
    kind: 'contract',
    status: 'active',
    title: 'Employment services contract for justice-involved patients',
    parties: [DHS, 'south-la-career-bridge'],
    start: -330,
    end: 58,
  },
  {
    kind: 'data_sharing',
    status: 'active',
    title: 'Data sharing agreement: promotora outreach and enrollment',
    parties: [DHS, DPH, 'eastside-promotoras'],
    start: -200,
    end: 160,
  },
  {
    kind: 'mou',
    status: 'expired',
    title: 'MOU: recovery bridge housing referrals',
    parties: [DHS, 'antelope-valley-recovery'],
    start: -1100,
    end: -60,
  },
  {
    kind: 'contract',
    status: 'negotiating',
    title: 'Community Supports contract: sobering center',
    parties: [PLAN, 'antelope-valley-recovery'],
    start: 30,
    end: 760,
  },
  { kind: 'baa', status: 'active', title: 'Business associate agreement', parties: [DHS, 'westlake-legal-aid'], start: -150, end: 580 },
  {
    kind: 'mou',
    status: 'active',
    title: 'MOU: medical-legal partnership at county clinics',
    parties: [DHS, 'westlake-legal-aid'],
    start: -150,
    end: 580,
  },
  {
    kind: 'subcontract',
    status: 'draft',
    title: 'Personal care and homemaker subcontract',
    parties: [PLAN, 'eastside-golden-age'],
    start: null,
    end: null,
  },
  {
    kind: 'informal',
    status: 'active',
    title: 'Benefits enrollment referral partnership',
    parties: [DHS, 'sgv-benefits-navigators'],
    start: -260,
    end: null,
  },
  {
    kind: 'contract',
    status: 'terminated',
    title: 'Winter shelter bed contract',
    parties: [DHS, 'antelope-valley-homeward'],
    start: -500,
    end: -100,
    notes: 'Ended early when the dorm wing closed for renovation.',
  },
];
