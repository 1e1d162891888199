import type { Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newReferral } from '../../db/src/testing/referral-factories';
import { newService } from '../../db/src/testing/directory-factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly } from './spanish';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

/**
 * A collaboration team member, and in SPA 8 two utility-assistance services (one full, one
 * accepting) with one referral declined for lack of capacity today: the coverage cell for
 * Utilities × SPA 8 reads "2 services, 1 accepting" and "1 sent, 1 unmet".
 */
const world = async () => {
  const db = suite.stack.db;
  const county = await newOrg(db, { name: `County Health ${uniq()}`, type: 'health_system', runsNetwork: true });
  const cbo = await newOrg(db, { name: `Bright Bills ${uniq()}`, type: 'cbo', spas: ['spa8'] });
  const clinic = await newOrg(db, { name: `Harbor Clinic ${uniq()}`, type: 'clinic' });
  const full = await newService(db, cbo.id, { spas: ['spa8'], categories: ['utility-insecurity'], capacityStatus: 'full' });
  await newService(db, cbo.id, { spas: ['spa8'], categories: ['utility-insecurity'], capacityStatus: 'accepting' });
  const client = await newClient(db, clinic);
  await newReferral(db, { from: clinic, to: cbo, client, receivingServiceId: full.id, needs: ['utility-insecurity'], status: 'declined', statusReason: 'no_capacity', sentAt: new Date() });
  return { collab: await newUser(db, { org: county, role: 'collaboration_team', name: `Rosa Collab ${uniq()}` }) };
};

/** The Utilities row's SPA 8 cell (the eighth data cell after the row header). */
const spa8Cell = (page: Page, row: string) => page.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').nth(7);

describe('service gaps (issue 25)', () => {
  it('records a gap, escalates it, finds it on the board, and reads a coverage cell (in Spanish at 390 px too)', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'gaps', async (page) => {
      const w = await world();
      const title = `No utility help in the South Bay ${uniq()}`;
      await signIn(page, w.collab.email, w.collab.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Service gaps' }).click();
      await page.getByRole('button', { name: 'Record a gap' }).click();
      const form = page.getByRole('form', { name: 'Record a gap' });
      await form.getByLabel('What is missing').fill(title);
      await form.getByLabel('Service Planning Area').selectOption('spa8');
      await form.getByLabel('Social need (SDOH category)').selectOption('utility-insecurity');
      await form.getByLabel('Severity').selectOption('high');
      await form.getByRole('button', { name: 'Save gap' }).click();

      // Its own page: identified, with the moves the server allows; escalate it.
      await expectVisible(page.getByRole('heading', { name: title, level: 1 }));
      await expectVisible(page.getByText('Identified'));
      await page.getByRole('button', { name: 'Escalate' }).click();
      await expectVisible(page.getByRole('button', { name: 'Mark resolved' }));
      await expectVisible(page.getByText('Moved to Escalated'));

      // On the board, in the Escalated column.
      await page.getByRole('link', { name: 'All service gaps' }).click();
      await expectVisible(page.getByRole('region', { name: /^Escalated/ }).getByRole('link', { name: title }));

      // The coverage matrix: the cell's numbers, in words a screen reader reads too.
      await page.getByRole('link', { name: 'Coverage matrix' }).click();
      const cell = spa8Cell(page, 'Utilities');
      await expectVisible(cell.getByText('2 services, 1 accepting'));
      await expectVisible(cell.getByText('1 sent, 1 unmet'));
      await expectVisible(cell.getByText('1 open gap(s)'));
      await expectNoSeriousA11yFindings(page, 'the coverage matrix');

      // The same cell in Spanish on a phone.
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('navigation', { name: 'Principal' }).waitFor();
      await page.setViewportSize(PHONE);
      const celda = spa8Cell(page, 'Servicios públicos');
      await expectVisible(celda.getByText('2 servicios, 1 reciben'));
      await expectVisible(celda.getByText('1 enviados, 1 sin atender'));
      await expectSpanishOnly(page, 'the coverage matrix');
    }));
});
