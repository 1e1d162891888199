import type { Locator, Page } from 'playwright-core';
import { agreementParties, agreements, contacts, schedules } from '../../db/src/schema';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newLocation, newService } from '../../db/src/testing/directory-factories';
import { browserSuite, signIn, uniq, withPage } from './browser';

const suite = browserSuite();

/** A CBO with one admin and one service (with a location), open Monday mornings. */
const cboWithService = async (over: Parameters<typeof newService>[2] = {}) => {
  const org = await newOrg(suite.stack.db, { name: `Harvest Table ${uniq()}`, spas: ['spa6'] });
  const admin = await newUser(suite.stack.db, { org, role: 'org_admin' });
  const site = await newLocation(suite.stack.db, org.id, { name: 'Main pantry', address1: '4800 S Central Ave', postalCode: '90011', spa: 'spa6' });
  const service = await newService(suite.stack.db, org.id, {
    name: `Weekend Groceries ${uniq()}`,
    languages: ['en', 'es'],
    spas: ['spa6'],
    categories: ['food-insecurity'],
    capacityConfirmedAt: new Date(),
    locationIds: [site.id],
    ...over,
  });
  await suite.stack.db.insert(schedules).values({ serviceId: service.id, weekday: 1, opensAt: '09:00', closesAt: '12:00' });
  return { org, admin, service };
};

const chw = async () => {
  const dhs = await newOrg(suite.stack.db, { name: `County Health Services ${uniq()}`, type: 'health_system' });
  return newUser(suite.stack.db, { org: dhs, role: 'staff', name: 'Maria CHW' });
};

const card = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });

describe('directory', () => {
  it('lets a CHW filter by language, SPA, need and accepting, and shows only matching services', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-filters', async (page) => {
      const { service: match, org } = await cboWithService();
      const full = await newService(suite.stack.db, org.id, { name: `Full Pantry ${uniq()}`, languages: ['es'], spas: ['spa6'], categories: ['food-insecurity'], capacityStatus: 'full' });
      const elsewhere = await newService(suite.stack.db, org.id, { name: `Metro Pantry ${uniq()}`, languages: ['es'], spas: ['spa4'], categories: ['food-insecurity'] });
      const user = await chw();
      await signIn(page, user.email, user.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
      const filters = page.getByRole('group', { name: 'Filters' });
      await filters.getByLabel('Language').selectOption('es');
      await filters.getByLabel('Service Planning Area').selectOption('spa6');
      await filters.getByLabel('Need').selectOption('food-insecurity');
      await filters.getByRole('checkbox', { name: 'Accepting referrals' }).check();
      await page.waitForURL(/language=es/);
      await page.waitForURL(/accepting=true/);

      const hit = card(page, match.name);
      await expectVisible(hit);
      await expectVisible(hit.getByText('Accepting referrals'));
      await expectVisible(hit.getByText(org.name));
      expect(await card(page, full.name).count()).toBe(0);
      expect(await card(page, elsewhere.name).count()).toBe(0);

      // The filters live in the address: a reload shows the same search.
      await page.reload();
      await expectVisible(card(page, match.name));
      expect(await page.getByRole('group', { name: 'Filters' }).getByLabel('Service Planning Area').inputValue()).toBe('spa6');
    }));

  it('lets a CHW in Spanish find food help with "comida", and shows a service\'s Spanish texts (issue 24)', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-comida', async (page) => {
      const tag = `Zzyzx${uniq()}`;
      // English texts only: found through the translation of "comida" and its food category.
      const { service: english } = await cboWithService({ name: `${tag} Weekend Groceries`, description: 'Bags of groceries on Saturdays' });
      const { service: spanish } = await cboWithService({
        name: `${tag} Hot Meals`,
        nameEs: `${tag} Comidas Calientes`,
        descriptionEs: 'Comidas calientes de lunes a viernes',
        eligibilityEs: 'Familias del Sur de Los Ángeles',
      });
      const user = await chw();
      await signIn(page, user.email, user.password);
      await page.getByRole('button', { name: 'Español' }).click();
      await page.goto('/directory');
      const box = page.getByRole('searchbox', { name: 'Buscar servicios' });
      expect(await box.getAttribute('placeholder')).not.toMatch(/inglés/i);
      await box.fill(`comida ${tag}`);
      await box.press('Enter');
      await expectVisible(card(page, english.name));
      await expectVisible(card(page, `${tag} Comidas Calientes`));
      expect(await card(page, spanish.name).count()).toBe(0);

      await card(page, `${tag} Comidas Calientes`).getByRole('link').click();
      await expectVisible(page.getByRole('heading', { level: 1, name: `${tag} Comidas Calientes` }));
      await expectVisible(page.getByText('Comidas calientes de lunes a viernes'));
      await expectVisible(page.getByText('Familias del Sur de Los Ángeles'));
    }));

  it('tells a CHW when nothing is open right now, and shows the closed matches in one click', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-nothing-open', async (page) => {
      // No hours at all: never open, whatever the day and time the test runs.
      const org = await newOrg(suite.stack.db, { name: `Night Shelter Network ${uniq()}`, spas: ['spa6'] });
      const tag = `Zzyzx${uniq()}`;
      const closed = await newService(suite.stack.db, org.id, { name: `${tag} Shelter Beds`, spas: ['spa6'], categories: ['housing-instability'] });
      const user = await chw();
      await signIn(page, user.email, user.password);
      await page.goto(`/directory?q=${tag}&openNow=true`);
      const results = page.getByRole('region', { name: 'Search results' });
      await expectVisible(results.getByText('Nothing open right now'));
      await expectVisible(results.getByText('Services closed right now match this search: 1.'));
      expect(await card(page, closed.name).count()).toBe(0);

      await results.getByRole('button', { name: 'Show closed services too' }).click();
      await expectVisible(card(page, closed.name));
      expect(new URL(page.url()).searchParams.get('openNow')).toBeNull();
      expect(await page.getByRole('group', { name: 'Filters' }).getByRole('checkbox', { name: 'Open now' }).isChecked()).toBe(false);

      // A search that matches nothing, open or closed, keeps the plain hint.
      await page.goto(`/directory?q=Wwjjkk${uniq()}&openNow=true`);
      await expectVisible(results.getByText('No services match'));
      expect(await results.getByRole('button', { name: 'Show closed services too' }).count()).toBe(0);
    }));

  it('lets an org admin add hours to their service, and shows the new hours after saving', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-hours', async (page) => {
      const { admin, service } = await cboWithService();
      await signIn(page, admin.email, admin.password);
      await page.goto(`/directory/services/${service.id}`);
      await expectVisible(page.getByRole('heading', { level: 1, name: service.name }));
      await page.getByRole('button', { name: 'Edit hours' }).click();
      const form = page.getByRole('form', { name: 'Edit hours' });

      // An overlapping interval: the API's 400 field error is shown on the row.
      await form.getByRole('button', { name: 'Add hours on Monday' }).click();
      await form.getByLabel('Monday opens').nth(1).fill('11:00');
      await form.getByLabel('Monday closes').nth(1).fill('13:00');
      await form.getByRole('button', { name: 'Save hours' }).click();
      await expectVisible(form.getByText('These hours overlap other hours on the same day.'));
      expect(await form.getByLabel('Monday opens').nth(1).getAttribute('aria-invalid')).toBe('true');

      await form.getByLabel('Monday opens').nth(1).fill('13:00');
      await form.getByLabel('Monday closes').nth(1).fill('17:00');
      await form.getByRole('button', { name: 'Save hours' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: 'Hours saved.' }));
      const monday = page.getByRole('table', { name: 'Weekly hours' }).getByRole('row', { name: /Monday/ });
      await expectVisible(monday.getByText('9:00 AM – 12:00 PM'));
      await expectVisible(monday.getByText('1:00 PM – 5:00 PM'));
    }));

  it('lets an org admin mark their service full; the service page and search change at once', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-capacity', async (page) => {
      const { admin, service } = await cboWithService();
      await signIn(page, admin.email, admin.password);
      await page.goto(`/directory?spa=spa6&language=es`);
      const hit = card(page, service.name);
      await expectVisible(hit.getByText('Accepting referrals'));
      await hit.getByRole('link', { name: service.name }).click();

      const form = page.getByRole('form', { name: 'Update capacity' });
      await form.getByRole('radio', { name: 'Full' }).check();
      await form.getByLabel(/Note for referrers/).fill('No openings until March');
      await form.getByRole('button', { name: 'Save capacity' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: 'Capacity saved.' }));
      await expectVisible(page.locator('.service-status-line').getByText('Full', { exact: true }));
      await expectVisible(page.getByText('No openings until March'));
      await expectVisible(page.getByText(/Confirmed by you/));

      // Back to the cached search: it was invalidated, so it shows the new capacity without a reload.
      await page.goBack();
      await expectVisible(card(page, service.name).getByText('Full', { exact: true }));
      expect(await card(page, service.name).getByText('Accepting referrals').count()).toBe(0);
    }));

  it("fits an org admin's service page and capacity form on a 320 px phone in Spanish", () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-capacity-phone', async (page) => {
      const { admin, service } = await cboWithService();
      await signIn(page, admin.email, admin.password);
      await page.getByRole('button', { name: 'Español' }).click();
      await page.setViewportSize({ width: 320, height: 700 });
      await page.goto(`/directory/services/${service.id}`);
      const save = page.getByRole('button', { name: 'Confirmar que la capacidad está al día' });
      await save.scrollIntoViewIfNeeded();
      await expectVisible(save);
      // The longest Spanish labels (this button, the page's actions) wrap instead of widening the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const box = await save.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(320);
    }));

  it('tells an editor when someone else saved the service first, and reloads their version', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-stale-version', async (page) => {
      const { admin, service } = await cboWithService();
      await signIn(page, admin.email, admin.password);
      await page.goto(`/directory/services/${service.id}/edit`);
      const form = page.getByRole('form', { name: 'Edit service' });
      await form.getByLabel('Fees').fill('Free');
      // A colleague saves in between (through the API, from the version both of them read).
      const status = await page.evaluate(
        ({ id, version }) =>
          fetch(`/api/v1/services/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ description: 'Changed by a colleague', version }) }).then((r) => r.status),
        { id: service.id, version: service.version },
      );
      expect(status).toBe(200);
      await form.getByRole('button', { name: 'Save service' }).click();
      await expectVisible(page.getByRole('alert').filter({ hasText: 'Someone else changed this' }));
      await page.getByRole('button', { name: 'Reload' }).click();
      await page.getByRole('alert').filter({ hasText: 'Someone else changed this' }).waitFor({ state: 'detached' });
      expect(await form.locator('textarea[name="description"]').inputValue()).toBe('Changed by a colleague');
      await form.getByLabel('Fees').fill('Free');
      await form.getByRole('button', { name: 'Save service' }).click();
      await page.waitForURL(new RegExp(`/directory/services/${service.id}$`));
      await expectVisible(page.getByText('Changed by a colleague'));
    }));

  it('lets an org admin edit the organization and see the change in its history', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-organization', async (page) => {
      const { admin, org, service } = await cboWithService();
      await signIn(page, admin.email, admin.password);
      await page.goto(`/directory/services/${service.id}`);
      await page.getByRole('link', { name: org.name }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: org.name }));
      await expectVisible(page.getByRole('link', { name: service.name }));
      await page.getByRole('button', { name: 'Edit organization' }).click();
      const form = page.getByRole('form', { name: 'Edit organization' });
      await form.getByLabel(/Phone/).fill('(323) 555-0199');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expectVisible(page.getByRole('link', { name: '(323) 555-0199' }));
      await page.getByRole('button', { name: 'Change history' }).click();
      await expectVisible(page.getByRole('listitem').filter({ hasText: /Phone: .*→ \(323\) 555-0199/ }));
    }));

  it('lets an org admin add a service and remove a contact from the organization page on a phone', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-add-service-remove-contact', async (page) => {
      const { admin, org } = await cboWithService();
      const [contact] = await suite.stack.db.insert(contacts).values({ organizationId: org.id, name: `Ana Ruiz ${uniq()}`, title: 'Intake coordinator' }).returning();
      await signIn(page, admin.email, admin.password);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/directory/organizations/${org.id}`);

      await page.getByRole('button', { name: 'Add a service' }).click();
      const form = page.getByRole('form', { name: 'New service' });
      // No name: the API's 400 field error is shown on the field.
      await form.getByRole('button', { name: 'Add service' }).click();
      await form.locator('[aria-invalid="true"]').first().waitFor();
      expect(await form.getByLabel('Service name').getAttribute('aria-invalid')).toBe('true');
      const name = `Diaper Bank ${uniq()}`;
      await form.getByLabel('Service name').fill(name);
      await form.getByRole('button', { name: 'Add service' }).click();
      await page.waitForURL(/\/directory\/services\/[0-9a-f-]{36}$/);
      await expectVisible(page.getByRole('heading', { level: 1, name }));

      await page.getByRole('link', { name: org.name }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: org.name }));
      await expectVisible(page.getByRole('link', { name, exact: true }));

      const contactItem = page.getByRole('listitem').filter({ hasText: contact!.name });
      await page.getByRole('button', { name: `Edit ${contact!.name}` }).click();
      const contactForm = page.getByRole('form', { name: `Edit ${contact!.name}` });
      await contactForm.getByRole('button', { name: 'Remove contact' }).click();
      await contactForm.getByRole('group', { name: 'Remove this contact?' }).getByRole('button', { name: 'Yes, remove' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: `${contact!.name} was removed` }));
      await contactItem.waitFor({ state: 'detached' });
    }));

  it('shows network staff the agreements that end within the chosen window', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'directory-agreements', async (page) => {
      const { org } = await cboWithService();
      const county = await newOrg(suite.stack.db, { name: `County Health ${uniq()}`, type: 'health_system' });
      const staff = await newUser(suite.stack.db, { org: county, role: 'collaboration_team' });
      const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      const [soon, later] = await suite.stack.db
        .insert(agreements)
        .values([
          { kind: 'mou', title: `Food referral MOU ${uniq()}`, endDate: inDays(20) },
          { kind: 'data_sharing', title: `Data sharing ${uniq()}`, endDate: inDays(300) },
        ])
        .returning();
      await suite.stack.db.insert(agreementParties).values([soon!, later!].flatMap((a) => [{ agreementId: a.id, organizationId: org.id }, { agreementId: a.id, organizationId: county.id }]));
      await signIn(page, staff.email, staff.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreements' }).click();
      const table = page.getByRole('region', { name: 'Agreements' });
      const laterRow = table.getByRole('row', { name: new RegExp(later!.title) });
      await expectVisible(laterRow);
      await page.getByLabel('Ending').selectOption('30');
      await page.waitForURL(/expiringWithinDays=30/);
      // The older list stays on screen while the filtered one loads; wait for it to be replaced.
      await laterRow.waitFor({ state: 'detached' });
      await expectVisible(table.getByRole('row', { name: new RegExp(soon!.title) }));
    }));
});

/** Waits until the locator is visible (playwright-core has no `expect`; this is its assertion). */
async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}
