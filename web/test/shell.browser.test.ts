import type { Locator } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { browserSuite, signIn, withPage } from './browser';

const suite = browserSuite();

const networkAdmin = async () => {
  const org = await newOrg(suite.stack.db, { name: `County Health Services ${Date.now()}`, type: 'health_system' });
  return newUser(suite.stack.db, { org, role: 'network_admin', name: 'Nadia Admin' });
};

describe('web app shell', () => {
  it('shows a network admin the Admin section of the navigation', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'admin-nav', async (page) => {
      const admin = await networkAdmin();
      await signIn(page, admin.email, admin.password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expectVisible(nav.getByText('Admin', { exact: true }));
      await expectVisible(nav.getByRole('link', { name: 'Organizations' }));
      await expectVisible(nav.getByRole('link', { name: 'Engagement' }));
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Welcome, Nadia Admin' }));
    }));

  it('does not show Admin or Engagement to a staff user', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'staff-nav', async (page) => {
      const org = await newOrg(suite.stack.db);
      const staff = await newUser(suite.stack.db, { org, role: 'staff' });
      await signIn(page, staff.email, staff.password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expectVisible(nav.getByRole('link', { name: 'Referrals' }));
      expect(await nav.getByText('Admin', { exact: true }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Engagement' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Organizations' }).count()).toBe(0);
    }));

  it.each([320, 360])('fits the top bar on a %i px phone, in Spanish too, without sideways scrolling', (width) =>
    withPage(suite.browser, suite.stack.baseUrl, `narrow-${width}`, async (page) => {
      const org = await newOrg(suite.stack.db);
      const staff = await newUser(suite.stack.db, { org, role: 'staff' });
      await signIn(page, staff.email, staff.password);
      await page.getByRole('button', { name: 'Español' }).click();
      await page.setViewportSize({ width, height: 700 });
      await expectVisible(page.getByRole('button', { name: 'Menú' }));
      // The brand keeps its name for screen readers when only the mark is shown.
      await expectVisible(page.getByRole('link', { name: 'Tandem' }));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const box = await page.getByRole('button', { name: 'English' }).boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
    }),
  );

  it('switches the interface to Spanish and remembers it for the account', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'spanish', async (page) => {
      const org = await newOrg(suite.stack.db);
      const staff = await newUser(suite.stack.db, { org, role: 'staff' });
      await signIn(page, staff.email, staff.password);
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
      await page.getByRole('button', { name: 'Español' }).click();
      const nav = page.getByRole('navigation', { name: 'Principal' });
      await expectVisible(nav.getByRole('link', { name: 'Inicio' }));
      await expectVisible(nav.getByRole('link', { name: 'Referidos' }));
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      await expectVisible(page.getByRole('button', { name: 'Cerrar sesión' }));
      // Saved through PATCH /me: a reload (fresh app state) still shows Spanish.
      expect((await saved).status()).toBe(200);
      await page.reload();
      await expectVisible(page.getByRole('navigation', { name: 'Principal' }));
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
    }));

  it('lets a network admin create an organization and see it in the list', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'create-org', async (page) => {
      const admin = await networkAdmin();
      await signIn(page, admin.email, admin.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click();
      await page.getByRole('button', { name: 'New organization' }).click();
      const form = page.getByRole('form', { name: 'New organization' });
      const name = `Harbor Gateway Food Collective ${Date.now()}`;
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByLabel('Type').selectOption('cbo');
      await form.getByRole('checkbox', { name: 'SPA 8 · South Bay' }).check();
      await form.getByRole('checkbox', { name: 'Homelessness' }).check();
      await form.getByRole('checkbox', { name: 'Spanish' }).check();
      await form.getByLabel(/Website/).fill('https://harbor-food.example.org');
      await form.getByRole('button', { name: 'Create organization' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: `${name} was added to the network.` }));
      const row = page.getByRole('region', { name: 'Organizations in the network' }).getByRole('row', { name: new RegExp(name) });
      await expectVisible(row);
      await expectVisible(row.getByText('Community organization'));
      await expectVisible(row.getByText('SPA 8'));
    }));

  it('shows the field error the API returns for a bad submission', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'org-field-error', async (page) => {
      const admin = await networkAdmin();
      await signIn(page, admin.email, admin.password);
      await page.goto('/admin/organizations');
      await page.getByRole('button', { name: 'New organization' }).click();
      const form = page.getByRole('form', { name: 'New organization' });
      await form.getByLabel('Name', { exact: true }).fill('Westside Clinic');
      await form.getByLabel('Type').selectOption('clinic');
      await form.getByLabel(/Website/).fill('not a url');
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/organizations') && r.request().method() === 'POST');
      await form.getByRole('button', { name: 'Create organization' }).click();
      const res = await answer;
      expect(res.status()).toBe(400);
      const problem = (await res.json()) as { errors?: { path: string; message: string; code?: string; params?: Record<string, unknown> }[] };
      const websiteError = problem.errors?.find((e) => e.path === 'body.website');
      expect(websiteError).toMatchObject({ code: 'invalid_format', params: { format: 'url' } });
      const website = form.getByLabel(/Website/);
      expect(await website.getAttribute('aria-invalid')).toBe('true');
      // Shown by its code, in the page's language (web/src/i18n/codes.ts), not the API's English sentence.
      await expectVisible(form.getByText('Enter a full web address, such as https://example.org'));
      await expectVisible(page.getByRole('alert').filter({ hasText: 'Some fields need attention' }));
    }));

  it('sends people who are not signed in to the sign-in page', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'redirect', async (page) => {
      await page.goto('/admin/organizations');
      await page.waitForURL(/\/sign-in\?next=%2Fadmin%2Forganizations/);
      await expectVisible(page.getByRole('heading', { name: 'Sign in' }));
    }));

  it('shows the API error for a wrong password', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'bad-password', async (page) => {
      const org = await newOrg(suite.stack.db);
      const staff = await newUser(suite.stack.db, { org, role: 'staff' });
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(staff.email);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectVisible(page.getByRole('alert').filter({ hasText: 'That email and password do not match an account.' }));
    }));

  it('offers an org admin only the roles they may grant; an invited existing account joins only by accepting', async () => {
    const org = await newOrg(suite.stack.db, { name: `Inviting Pantry ${Date.now()}` });
    const admin = await newUser(suite.stack.db, { org, role: 'org_admin' });
    const existing = await newUser(suite.stack.db, { org: await newOrg(suite.stack.db), role: 'staff', name: 'Existing Person' });
    await withPage(suite.browser, suite.stack.baseUrl, 'invite-existing', async (page) => {
      await signIn(page, admin.email, admin.password);
      await page.goto(`/organizations/${org.id}/members`);
      const form = page.getByRole('form', { name: 'Invite a member' });
      await expectVisible(form);
      expect(await form.getByLabel('Role').locator('option').allTextContents()).toEqual(['Staff', 'Organization admin']);
      await form.getByLabel('Email').fill(existing.email);
      await form.getByLabel('Name').fill('Existing Person');
      await form.getByRole('button', { name: 'Invite' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: 'Existing Person already has an account: they join this organization once they accept' }));
    });
    await withPage(suite.browser, suite.stack.baseUrl, 'accept-existing', async (page) => {
      await signIn(page, existing.email, existing.password);
      await expectVisible(page.getByRole('heading', { name: 'Invitations' }));
      await expectVisible(page.getByText(`${org.name} invites you to join as Staff.`));
      await page.getByRole('button', { name: 'Accept' }).click();
      await expectVisible(page.getByRole('region', { name: 'Your organizations and roles' }).getByRole('row', { name: new RegExp(org.name) }));
    });
  });
});

/** Waits until the locator is visible (playwright-core has no `expect`; this is its assertion). */
async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}
