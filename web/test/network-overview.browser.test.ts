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

describe('the partnership card on an organization page (issue 25)', () => {
  it('shows the evidence beside "Confirm partnered"; without evidence a note is needed; the edit form offers no partnered', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'partnership-card', async (page) => {
      const w = await world();
      const member = await newUser(suite.stack.db, { org: w.hq, role: 'collaboration_team', name: `Olga Equipo ${uniq()}` });
      const clinica = await newOrg(suite.stack.db, { name: `Clínica Este ${uniq()}`, type: 'cbo', partnershipStage: 'assessed' });
      const client = await newClient(suite.stack.db, w.hq);
      await newReferral(suite.stack.db, { from: w.hq, to: clinica, client, status: 'sent', sentAt: daysAgo(2) });
      await signIn(page, member.email, member.password);

      await page.goto(`/directory/organizations/${clinica.id}`);
      const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Partnership', exact: true }) });
      await expectVisible(card.getByText('Referrals received'));
      const fact = (term: string) => card.locator('.partnership-evidence div', { has: page.locator('dt', { hasText: term }) }).locator('dd');
      expect([await fact('Agreements').innerText(), await fact('Referrals received').innerText()]).toEqual(['0', '1']);
      // The edit form offers every stage but partnered (that is the button's).
      await page.getByRole('button', { name: 'Edit organization' }).click();
      const stages = await page.getByRole('form', { name: 'Edit organization' }).getByLabel('Partnership stage').locator('option').allInnerTexts();
      expect(stages).toEqual(['Prospect', 'Outreach', 'Assessed']);
      await page.getByRole('button', { name: 'Cancel' }).click();

      // With a referral received, confirming needs no note.
      await card.getByRole('button', { name: 'Confirm partnered' }).click();
      await expectVisible(card.getByText(`Confirmed partnered by ${member.name}`));
      expect(await card.getByRole('button', { name: 'Confirm partnered' }).count()).toBe(0);
      await expectVisible(card.locator('.badge', { hasText: 'Partnered' }));

      // No agreement and no referral: the button waits for a note saying why.
      const bare = await newOrg(suite.stack.db, { name: `Taller Oeste ${uniq()}`, type: 'cbo', partnershipStage: 'outreach' });
      await page.goto(`/directory/organizations/${bare.id}`);
      await expectVisible(card.getByText('No agreement and no referral received yet'));
      const button = card.getByRole('button', { name: 'Confirm partnered' });
      expect(await button.isDisabled()).toBe(true);
      await card.getByLabel('Note').fill('MOU signed on paper at the county');
      await button.click();
      await expectVisible(card.getByText(`Confirmed partnered by ${member.name}`));
      await screenshot(page, 'partnership-card-1280');
    }));
});
