import type { Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { browserSuite, expectVisible, signIn, uniq, withPage } from './browser';

const suite = browserSuite();

/** Waits until `read()` satisfies `ok` (the page refetches in the background), or fails with the last value. */
const eventually = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5_000) => {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  if (!ok(last)) throw new Error(`Still not as expected after ${timeoutMs} ms: ${JSON.stringify(last)}`);
  return last;
};

/** Moves inside the single-page app as a link would (no reload: whatever is cached stays cached). */
const goWithinApp = (page: Page, url: string) =>
  page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

describe('organizations are one cached resource (issue 24)', () => {
  it('shows a renamed and a new organization in the admin list and the referral partner picker without a reload', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'org-cache', async (page) => {
      const db = suite.stack.db;
      const hs = await newOrg(db, { name: `County Health Services ${uniq()}`, type: 'health_system' });
      const admin = await newUser(db, { org: hs, role: 'network_admin', name: 'Nadia Admin' });
      const oldName = `Harvest Table ${uniq()}`;
      const pantry = await newOrg(db, { name: oldName, type: 'cbo', spas: ['spa6'] });
      const renamed = `Harvest Commons ${uniq()}`;
      const created = `Fresh Start ${uniq()}`;

      await signIn(page, admin.email, admin.password);
      // The partner picker (here the network box's organization filter) and the admin list are
      // both read, and so cached, before anything changes.
      await nav(page, 'Network referrals');
      const partners = page.getByLabel('Organization (sending or receiving)');
      const partnerNames = () => partners.locator('option').allTextContents();
      await eventually(partnerNames, (names) => names.includes(oldName));
      await nav(page, 'Organizations');
      const table = page.getByRole('table', { name: 'Organizations in the network' });
      await expectVisible(table.getByText(oldName, { exact: true }));

      // A new organization, from the admin list.
      await page.getByRole('button', { name: 'New organization' }).click();
      const form = page.getByRole('form', { name: 'New organization' });
      await form.getByRole('textbox', { name: 'Name' }).fill(created);
      await form.getByRole('combobox', { name: 'Type' }).selectOption('cbo');
      await form.getByRole('button', { name: 'Create organization' }).click();
      await expectVisible(table.getByText(created, { exact: true }));

      // A rename, from the directory's organization page.
      await goWithinApp(page, `/directory/organizations/${pantry.id}`);
      await page.getByRole('button', { name: 'Edit organization' }).click();
      await page.getByRole('form', { name: 'Edit organization' }).getByRole('textbox', { name: 'Name' }).fill(renamed);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: renamed }));

      await nav(page, 'Organizations');
      await expectVisible(table.getByText(renamed, { exact: true }));
      expect(await table.getByText(oldName, { exact: true }).count()).toBe(0);

      await nav(page, 'Network referrals');
      const names = await eventually(partnerNames, (n) => n.includes(renamed) && n.includes(created));
      expect(names).not.toContain(oldName);
    }));
});
