import * as schema from '../../db/src/schema';
import { newEngagementEvent } from '../../db/src/testing/engagement-factories';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newReferral } from '../../db/src/testing/referral-factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

const suite = browserSuite();
const H = 3600_000;
const at = (iso: string, plusHours = 0) => new Date(new Date(iso).getTime() + plusHours * H);
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * H);
/** March 2026 (Los Angeles): the referral figures' range, and the month of "events this month". */
const RANGE = 'from=2026-03-01&to=2026-03-31';

/**
 * The network's organization and its collaboration team; a shelter with two referrals overdue now
 * (sent in March, never acknowledged) and a pantry with one answered in time: 3 sent in March.
 * Gaps: one escalated 20 days ago (no answer past 14 days: listed), one 3 days ago (not yet).
 * Events in March (Los Angeles): 12 + 30 attendees; one in April does not count. Names are not
 * English words, so the Spanish pass judges only the interface.
 */
const fixture = async () => {
  const db = suite.stack.db;
  const hq = await newOrg(db, { name: `Red Condado ${uniq()}`, type: 'health_system', partnershipStage: 'partnered' });
  const refugio = await newOrg(db, { name: `Refugio Sur ${uniq()}`, type: 'cbo', spas: ['spa6'], partnershipStage: 'outreach' });
  const despensa = await newOrg(db, { name: `Despensa Norte ${uniq()}`, type: 'cbo', spas: ['spa4'], partnershipStage: 'assessed' });
  const client = await newClient(db, hq);
  const sent = (to: { id: string }, iso: string, over: Partial<typeof schema.referrals.$inferInsert> = {}) =>
    newReferral(db, { from: hq, to, client, status: 'sent', sentAt: at(iso), acknowledgeDueAt: at(iso, 24), firstContactDueAt: at(iso, 72), ...over });
  await sent(refugio, '2026-03-10T17:00:00Z');
  await sent(refugio, '2026-03-20T17:00:00Z');
  const ok = await sent(despensa, '2026-03-12T17:00:00Z', { status: 'accepted', acknowledgedAt: at('2026-03-12T17:00:00Z', 2), firstContactAt: at('2026-03-12T17:00:00Z', 10) });
  await db.insert(schema.referralEvents).values({ referralId: ok.id, kind: 'status_changed', toStatus: 'accepted', at: at('2026-03-12T17:00:00Z', 2) });
  const gap = (title: string, severity: 'high' | 'critical', changed: Date) =>
    db.insert(schema.serviceGaps).values({ title, spa: 'spa6', category: 'food-insecurity', severity, status: 'escalated', statusChangedAt: changed });
  const stale = `Sin camas en SPA 6 ${uniq()}`;
  const fresh = `Sin desintoxicación ${uniq()}`;
  await gap(stale, 'high', daysAgo(20));
  await gap(fresh, 'critical', daysAgo(3));
  const ev = (iso: string, attendeeCount: number) => newEngagementEvent(db, { startsAt: new Date(iso), spas: ['spa6'], attendeeCount, communityMembers: null, cboStaff: null });
  await ev('2026-03-03T18:00:00Z', 12);
  await ev('2026-03-20T17:00:00Z', 30);
  await ev('2026-04-01T17:00:00Z', 7);
  return { hq, refugio, despensa, stale, fresh };
};
let made: ReturnType<typeof fixture> | undefined;
const world = () => (made ??= fixture());

describe('network overview (issue 25)', () => {
  it('a collaboration-team member sees what needs action first, then the numbers', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'network-overview', async (page) => {
      const w = await world();
      const member = await newUser(suite.stack.db, { org: w.hq, role: 'collaboration_team', name: `Nora Equipo ${uniq()}` });
      await signIn(page, member.email, member.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network overview' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Network overview', level: 1 }));
      await page.goto(`/network-overview?${RANGE}`);
      const overview = page.locator('.overview');
      await expectVisible(overview);

      // Needs action comes first, before any figure.
      const headings = await overview.locator('h2').allInnerTexts();
      expect(headings[0]).toBe('Needs action first');
      expect(headings.indexOf('Needs action first')).toBeLessThan(headings.findIndex((h) => h.startsWith('Referrals')));

      // Overdue referrals per receiving organization: the shelter's two; the pantry answered in time.
      const overdue = page.getByRole('table', { name: 'Overdue referrals by organization' });
      const refugio = overdue.getByRole('row').filter({ has: page.getByRole('link', { name: w.refugio.name }) });
      expect(await refugio.locator('td').first().innerText()).toBe('2');
      expect(await overdue.getByRole('link', { name: w.despensa.name }).count()).toBe(0);
      // Gaps escalated with no answer in 14 days: the 20-day one, not the 3-day one.
      const stale = page.getByRole('table', { name: 'Gaps escalated, no answer in 14 days' });
      await expectVisible(stale.getByRole('link', { name: w.stale }));
      expect(await stale.getByRole('link', { name: w.fresh }).count()).toBe(0);

      // The numbers: 3 referrals sent in March, all health system → CBO; March's 2 events, 42 attendees.
      const stat = (label: string) => overview.locator('.overview-card', { has: page.locator('.overview-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.overview-value');
      expect(await stat('Sent').innerText()).toBe('3');
      expect(await page.getByRole('table', { name: 'Volume by direction' }).getByRole('row', { name: /Health system → CBO/ }).locator('td').innerText()).toBe('3');
      expect(await stat('Events').innerText()).toBe('2');
      expect(await stat('Attendees').innerText()).toBe('42');
      await expectVisible(overview.getByText('March 2026'));
      await expectVisible(page.getByRole('table', { name: 'Partnership pipeline' }));

      // The SPA filter narrows the figures: nothing was sent to SPA 8.
      await page.getByLabel('SPA').selectOption('spa8');
      await page.waitForFunction(() => [...document.querySelectorAll('.overview-card')].some((c) => c.textContent === '0Sent'));
      await expectNoSeriousA11yFindings(page, 'the network overview');
      await screenshot(page, 'network-overview-1280');
    }));

  it('reads in Spanish on a phone, with nothing left in English', async () => {
    const w = await world();
    const member = await newUser(suite.stack.db, { org: w.hq, role: 'collaboration_team', name: `Lucía Equipo ${uniq()}` });
    const { context, page } = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await signInEs(page, member.email, member.password);
      await page.goto(`/network-overview?${RANGE}`);
      await expectVisible(page.getByRole('heading', { name: 'Resumen de la red', level: 1 }));
      await expectVisible(page.getByRole('table', { name: 'Referencias vencidas por organización' }).getByRole('link', { name: w.refugio.name }));
      await expectVisible(page.getByText('marzo de 2026'));
      await expectSpanishOnly(page, 'the network overview (phone)');
      await screenshot(page, 'network-overview-es-360');
    } finally {
      await context.close();
    }
  });
});
