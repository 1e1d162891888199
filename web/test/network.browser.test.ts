import type { Locator, Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newConsent, newReferral } from '../../db/src/testing/referral-factories';
import { newService } from '../../db/src/testing/directory-factories';
import { browserSuite, screenshot, signIn, uniq, withPage } from './browser';

const suite = browserSuite();

const expectVisible = async (l: Locator) => {
  await l.first().waitFor({ state: 'visible' });
};

/**
 * The network's coordinators (issue 24): the health system that runs the network, its network
 * admin and a collaboration team member; a clinic that sent a referral to a South LA pantry, one it
 * sent to a Metro shelter, and a draft it never sent.
 */
let netWorld: Promise<Awaited<ReturnType<typeof build>>> | undefined;
const build = async () => {
  const db = suite.stack.db;
  const hs = await newOrg(db, { name: `County Health System ${uniq()}`, type: 'health_system', runsNetwork: true });
  const admin = await newUser(db, { org: hs, role: 'network_admin', name: `Nina Network ${uniq()}` });
  const collab = await newUser(db, { org: hs, role: 'collaboration_team', name: `Cole Collab ${uniq()}` });
  const clinic = await newOrg(db, { name: `Eastside Clinic ${uniq()}`, type: 'clinic', spas: ['spa7'] });
  const pantry = await newOrg(db, { name: `South LA Pantry ${uniq()}`, type: 'cbo', spas: ['spa6'] });
  const shelter = await newOrg(db, { name: `Metro Shelter ${uniq()}`, type: 'cbo', spas: ['spa4'] });
  const food = await newService(db, pantry.id, { name: `Weekend Groceries ${uniq()}`, spas: ['spa6'], categories: ['food-insecurity'] });
  const beds = await newService(db, shelter.id, { name: `Night Beds ${uniq()}`, spas: ['spa4'], categories: ['housing-instability'] });
  const family = `Lopez-${uniq()}`;
  const rosa = await newClient(db, clinic, { givenName: 'Rosa', familyName: family });
  await newConsent(db, rosa);
  const sentAt = new Date(Date.now() - 3 * 3_600_000);
  const due = new Date(Date.now() + 48 * 3_600_000);
  const toPantry = await newReferral(db, { from: clinic, to: pantry, client: rosa, receivingServiceId: food.id, status: 'sent', sentAt, acknowledgeDueAt: due, firstContactDueAt: due });
  const toShelter = await newReferral(db, { from: clinic, to: shelter, client: rosa, receivingServiceId: beds.id, needs: ['housing-instability'], status: 'sent', sentAt, acknowledgeDueAt: due, firstContactDueAt: due });
  const draft = await newReferral(db, { from: clinic, to: pantry, client: rosa, receivingServiceId: food.id, needs: ['employment-status'] });
  return { hs, admin, collab, clinic, pantry, shelter, family, toPantry, toShelter, draft };
};
const networkWorld = () => (netWorld ??= build());

const networkList = (page: Page) => page.getByRole('list', { name: /Referrals in the network|Referidos de la red/ });

describe('the network view and the audit trail', () => {
  it('the network admin finds the referral in the network view, opens it, and sees that read on the audit page', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'network-admin-audit', async (page) => {
      const w = await networkWorld();
      await signIn(page, w.admin.email, w.admin.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network referrals' }).click();
      await page.getByRole('heading', { name: 'Network referrals' }).waitFor();

      const filters = page.getByRole('search', { name: 'Filter network referrals' });
      await filters.getByLabel('Organization (sending or receiving)').selectOption({ label: w.clinic.name });
      const list = networkList(page);
      await expectVisible(list.getByText(w.shelter.name, { exact: false }));
      // Both sent referrals of the clinic, never its draft (the list has exactly the two).
      expect(await list.getByRole('listitem').count()).toBe(2);
      await filters.getByLabel('Service Planning Area').selectOption('spa6');
      await list.getByText(w.shelter.name, { exact: false }).waitFor({ state: 'detached' });
      expect(await list.getByRole('listitem').count()).toBe(1);
      const row = list.getByRole('listitem').filter({ hasText: w.pantry.name });
      await expectVisible(row.getByRole('link', { name: `Rosa ${w.family}` }));
      await screenshot(page, 'network-view-admin-en');

      await row.getByRole('link', { name: `Rosa ${w.family}` }).click();
      await page.waitForURL(`**/referrals/${w.toPantry.id}`);
      await expectVisible(page.getByRole('heading', { name: new RegExp(`Rosa ${w.family}`) }));

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
      await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
      const auditFilters = page.getByRole('search', { name: 'Filter the audit trail' });
      await auditFilters.getByLabel('Who', { exact: true }).selectOption({ label: 'Me' });
      await auditFilters.getByLabel('What', { exact: true }).selectOption({ label: 'Opened a referral' });
      const table = page.getByRole('region', { name: /Audit rows|Filas del registro/ });
      const read = table.getByRole('row').filter({ has: page.getByRole('link', { name: `Referral ${w.toPantry.id.slice(0, 8)}` }) });
      await expectVisible(read);
      await expectVisible(read.getByText(w.admin.name));
      await expectVisible(read.getByText('Read', { exact: true }));
      // The page read of the network view is there too, under its own words.
      await auditFilters.getByLabel('What', { exact: true }).selectOption({ label: 'Anything on referrals' });
      await expectVisible(table.getByText("Listed the network's referrals"));
      await screenshot(page, 'audit-page-admin-en');

      // The same two pages in Spanish.
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { name: 'Registro de auditoría' }).waitFor();
      await expectVisible(table.getByText('Abrió un referido'));
      await expectVisible(table.getByText('Lectura', { exact: true }));
      await screenshot(page, 'audit-page-admin-es');
      await page.goto(`/network/referrals?org=${w.clinic.id}`);
      await page.getByRole('heading', { name: 'Referidos de la red' }).waitFor();
      await expectVisible(networkList(page).getByRole('link', { name: `Rosa ${w.family}` }));
      await screenshot(page, 'network-view-admin-es');
    }));

  it('shows the collaboration team where referrals went, without the client and without a way into them', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'network-collab', async (page) => {
      const w = await networkWorld();
      await signIn(page, w.collab.email, w.collab.password);
      await page.goto(`/network/referrals?org=${w.clinic.id}`);
      const list = networkList(page);
      await expectVisible(list.getByText(w.pantry.name, { exact: false }));
      expect(await list.getByRole('listitem').count()).toBe(2);
      expect(await page.getByText(w.family).count()).toBe(0);
      expect(await list.getByRole('link').count()).toBe(0);
      await expectVisible(list.getByText('Client details not shown').first());
      // No name search for them, and no audit trail in their menu.
      expect(await page.getByRole('searchbox', { name: 'Client name' }).count()).toBe(0);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
      await screenshot(page, 'network-view-collab-en');
      await page.getByRole('button', { name: 'Español' }).click();
      await expectVisible(list.getByText('Datos del cliente no visibles').first());
      await screenshot(page, 'network-view-collab-es');
    }));
});

describe('change history in words', () => {
  it("shows a service's new hours and targets as hours and dates, in English and Spanish, without the reads", () =>
    withPage(suite.browser, suite.stack.baseUrl, 'history-in-words', async (page) => {
      const db = suite.stack.db;
      const org = await newOrg(db, { name: `Harbor Pantry ${uniq()}`, type: 'cbo' });
      const admin = await newUser(db, { org, role: 'org_admin', name: `Olga Admin ${uniq()}` });
      const service = await newService(db, org.id, { name: `Hot Meals ${uniq()}`, ackSlaHours: 16 });
      await signIn(page, admin.email, admin.password);
      const schedule = await page.request.put(`/api/v1/services/${service.id}/schedule`, {
        data: {
          intervals: [
            { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
            { weekday: 1, opensAt: '13:00', closesAt: '17:00' },
          ],
          exceptions: [{ date: '2026-12-25', closed: true, reason: 'Holiday' }],
        },
      });
      expect(schedule.status()).toBe(200);
      const sla = await page.request.patch(`/api/v1/services/${service.id}`, { data: { ackSlaHours: 8, version: 2 } });
      expect(sla.status()).toBe(200);
      // A read filed under the organization: never in its change history.
      await page.request.get(`/api/v1/referrals?box=received`);

      await page.goto(`/directory/organizations/${org.id}`);
      await page.getByRole('button', { name: 'Change history' }).click();
      const changes = page.getByRole('list', { name: 'What changed' });
      await expectVisible(changes.getByText('Acknowledgement target: 16 hours → 8 hours'));
      await expectVisible(changes.getByText(/Opening hours: No regular hours → Monday 9:00 AM – 12:00 PM and 1:00 PM – 5:00 PM/));
      await expectVisible(changes.getByText('Closures and special hours: No closures → Dec 25, 2026: Closed (Holiday)'));
      await expectVisible(page.getByText("Changed a service's hours"));
      const history = page.locator('.history-list');
      expect(await history.getByText(/\[object Object\]|intervals|ackSlaHours|\{"/).count()).toBe(0);
      expect(await history.getByText(/Listed|referral/i).count()).toBe(0);
      await screenshot(page, 'history-in-words-en');

      await page.getByRole('button', { name: 'Español' }).click();
      await expectVisible(page.getByText('Plazo para acusar recibo: 16 horas → 8 horas'));
      await expectVisible(page.getByText(/Horario: Sin horario regular → lunes 9:00/));
      await expectVisible(page.getByText('Cierres y horarios especiales: Sin cierres → 25 dic 2026: Cerrado (Holiday)'));
      await screenshot(page, 'history-in-words-es');
    }));
});
