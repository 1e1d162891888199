import { randomUUID } from 'node:crypto';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };
/** This month in Los Angeles (the reports' months are Los Angeles ones; quick entry logs today). */
const laMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date()).slice(0, 7);

describe('reports (issue 25)', () => {
  it('counts an event logged on a phone in the engagement report (table and chart) and the State roll-up', () =>
    withPage(
      suite.browser,
      suite.stack.baseUrl,
      'reports-phone',
      async (page) => {
        const county = await newOrg(suite.stack.db, { name: `County Health ${uniq()}`, type: 'health_system' });
        const member = await newUser(suite.stack.db, { org: county, role: 'collaboration_team', name: `Rita Ramos ${uniq()}` });
        const title = `Shelter workgroup ${uniq()}`;
        const month = laMonth();
        await signIn(page, member.email, member.password);
        await page.setViewportSize(PHONE);

        await page.goto('/engagement/new');
        const form = page.getByRole('form', { name: 'Log an event' });
        await form.getByLabel('Title').fill(title);
        await form.getByLabel('Type of event').selectOption('workgroup');
        await form.getByLabel('SPA').selectOption('spa4');
        await form.getByLabel('Focus population').selectOption('homelessness');
        await form.getByLabel('Attendees in total').fill('23');
        await form.getByRole('button', { name: 'Log event' }).click();
        await expectVisible(page.getByRole('heading', { name: title, level: 1 }));
        // Quick entry names the person logging it as the staff lead (the staff chart below counts it for them).

        // The engagement report, reached from the menu.
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
        await expectVisible(page.getByRole('heading', { name: 'Engagement report', level: 1 }));
        const figure = page.getByRole('region', { name: 'Events and attendees per period, by focus population' });
        // The chart: this month's homelessness segment says 1 event.
        const bar = figure.locator(`rect[data-period="${month}"][data-series="homelessness"]`);
        await bar.waitFor({ state: 'attached' });
        expect(await bar.getAttribute('data-value')).toBe('1');
        expect(await bar.getAttribute('aria-label')).toMatch(/Homelessness: 1 events$/);
        // Attendees: the same segment says 23.
        await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Attendees' }).click();
        await page.waitForFunction((m) => document.querySelector(`rect[data-period="${m}"][data-series="homelessness"]`)?.getAttribute('data-value') === '23', month);
        // The table view: the month's homelessness row, and the month's total.
        await figure.getByText('Table view').click();
        const row = figure.locator(`tr[data-period="${month}"][data-key="homelessness"]`);
        await expectVisible(row);
        expect(await row.locator('td').allInnerTexts()).toEqual(['Homelessness', '1', '23']);
        expect(await figure.locator(`tr[data-period="${month}"][data-key="total"] td`).allInnerTexts()).toEqual(['All (each event once)', '1', '23']);
        // Events by SPA counts it in SPA 4 (its attendees, as the page shows attendees now).
        const bySpa = page.getByRole('region', { name: 'Events by SPA' });
        expect(await bySpa.locator('rect[data-series="value"][data-period="spa4"]').getAttribute('data-value')).toBe('23');
        await bySpa.getByText('Table view').click();
        expect(await bySpa.locator('tr[data-key="spa4"] td').allInnerTexts()).toEqual(['1', '23']);
        // Events by staff member counts it for its lead.
        const byStaff = page.getByRole('region', { name: 'Events by staff member' });
        expect(await byStaff.locator(`rect[data-period="${member.id}"]`).getAttribute('aria-label')).toBe(`${member.name}, Attendees: 23 attendees`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await expectNoSeriousA11yFindings(page, 'the engagement report (390 px)');

        // The filters narrow every chart and the totals: another SPA or another person → nothing; its SPA, population and lead → the event.
        const summary = (text: RegExp) => expectVisible(page.locator('.report-summary', { hasText: text }));
        await page.goto('/reports?spa=spa6');
        await summary(/^Events: 0 · Attendees: 0 ·/);
        await page.goto(`/reports?staff=${randomUUID()}`);
        await summary(/^Events: 0 · Attendees: 0 ·/);
        await page.goto(`/reports?spa=spa4&population=homelessness&staff=${member.id}`);
        await summary(/^Events: 1 · Attendees: 23 ·/);
        expect(await page.getByRole('region', { name: 'Events by SPA' }).locator('rect[data-series="value"][data-period="spa4"]').getAttribute('data-value')).toBe('1');
        await page.goto('/reports');
        await screenshot(page, 'reports-engagement-390');

        // The State's quarterly roll-up for this quarter.
        const quarter = Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
        await page.goto(`/reports/state-quarterly?year=${month.slice(0, 4)}&quarter=${quarter}`);
        const events = page.getByRole('table', { name: "Events by month and the State's category" });
        await expectVisible(events);
        expect(await events.locator(`tr[data-month="${month}"] td[data-category="homelessness"]`).innerText()).toBe('1');
        expect(await events.locator('tr[data-month="quarter"] td[data-category="total"]').innerText()).toBe('1');
        const attendees = page.getByRole('table', { name: "Attendees by month and the State's category" });
        expect(await attendees.locator(`tr[data-month="${month}"] td[data-category="homelessness"]`).innerText()).toBe('23');
        await screenshot(page, 'reports-state-390');

        // Desktop views, for the record.
        await page.setViewportSize({ width: 1280, height: 900 });
        await screenshot(page, 'reports-state-1280');
        // Printed: the tables and the chart, without the app's navigation, the tabs or the picker.
        await page.emulateMedia({ media: 'print' });
        expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
        expect(await page.getByRole('navigation', { name: 'Report pages' }).isVisible()).toBe(false);
        expect(await page.getByLabel('Quarter').isVisible()).toBe(false);
        expect(await events.isVisible()).toBe(true);
        await screenshot(page, 'reports-state-print');
        await page.emulateMedia({ media: 'screen' });
        await page.goto('/reports');
        await expectVisible(page.getByRole('heading', { name: 'Engagement report', level: 1 }));
        await page.locator('rect[data-series="homelessness"]').first().waitFor({ state: 'attached' });
        await screenshot(page, 'reports-engagement-1280');
        await page.goto('/reports/network');
        await expectVisible(page.getByRole('heading', { name: 'Partnership funnel' }));
        await screenshot(page, 'reports-network-1280');
        await page.goto('/reports/staff-monthly');
        await expectVisible(page.getByRole('heading', { name: "A staff member's monthly report", level: 1 }));
        // This person's month: the event, its attendees, its populations.
        expect(await page.getByTestId('staff-events').innerText()).toBe('1');
        expect(await page.getByTestId('staff-attendees').innerText()).toBe('23');
        await expectVisible(page.getByRole('link', { name: title }));
        await screenshot(page, 'reports-staff-1280');
        await page.goto('/engagement?view=calendar');
        await expectVisible(page.getByRole('link', { name: new RegExp(title) }));
        await screenshot(page, 'reports-calendar-1280');
        await page.setViewportSize(PHONE);
        await expectVisible(page.getByRole('link', { name: new RegExp(title) }));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'reports-calendar-390');
      },
      { width: 1280, height: 900 },
    ));

  it('shows the engagement report in Spanish on a phone, with nothing left in English', async () => {
    const county = await newOrg(suite.stack.db, { name: `County Health ${uniq()}`, type: 'health_system' });
    const member = await newUser(suite.stack.db, { org: county, role: 'collaboration_team', name: `Elena Informes ${uniq()}` });
    const { context, page } = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await signInEs(page, member.email, member.password);
      await page.goto('/reports');
      await expectVisible(page.getByRole('heading', { name: 'Informe de participación', level: 1 }));
      await page.getByRole('region', { name: 'Eventos y asistentes por periodo, por población prioritaria' }).getByText('Ver como tabla').click();
      await expectSpanishOnly(page, 'el informe de participación');
      await screenshot(page, 'reports-engagement-es-390');
      await page.goto('/reports/state-quarterly');
      await expectVisible(page.getByRole('heading', { name: 'Resumen trimestral para el Estado', level: 1 }));
      await expectSpanishOnly(page, 'el resumen trimestral');
      await screenshot(page, 'reports-state-es-390');
      await page.goto('/reports/staff-monthly');
      await expectVisible(page.getByRole('heading', { name: 'Informe mensual de un miembro del equipo', level: 1 }));
      await expectSpanishOnly(page, 'el informe mensual');
      await page.goto('/reports/network');
      await expectVisible(page.getByRole('heading', { name: 'Embudo de alianzas' }));
      await expectSpanishOnly(page, 'la red de referencias');
      await screenshot(page, 'reports-network-es-390');
      await page.goto('/engagement?view=calendar');
      await expectVisible(page.getByRole('heading', { name: /\d{4}/, level: 2 }));
      await expectSpanishOnly(page, 'el calendario');
    } finally {
      await context.close();
    }
  });
});
