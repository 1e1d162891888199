import type { Locator, Page } from 'playwright-core';
import { notifications } from '../../db/src/schema';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newConsent, newReferral } from '../../db/src/testing/referral-factories';
import { browserSuite, newPage, signIn, uniq, withPage } from './browser';

const suite = browserSuite();

/**
 * A health system's CHW sends a referral to a CBO with one staff member. The draft comes from the
 * factories; the send goes through the API (as the CHW) because that is what writes the
 * receiver's 'referral.received' notification.
 */
const receivedReferral = async () => {
  const dhs = await newOrg(suite.stack.db, { name: `County Health Services ${uniq()}`, type: 'health_system' });
  const chw = await newUser(suite.stack.db, { org: dhs, role: 'staff', name: `Maria CHW ${uniq()}` });
  const cbo = await newOrg(suite.stack.db, { name: `Harvest Table ${uniq()}`, type: 'cbo' });
  const staff = await newUser(suite.stack.db, { org: cbo, role: 'staff', name: `Luis Staff ${uniq()}` });
  const client = await newClient(suite.stack.db, dhs, { familyName: `Nguyen-${uniq()}` });
  await newConsent(suite.stack.db, client);
  const draft = await newReferral(suite.stack.db, { from: dhs, to: cbo, client });

  const sender = await newPage(suite.browser, suite.stack.baseUrl);
  try {
    const login = await sender.context.request.post('/api/v1/auth/login', { data: { email: chw.email, password: chw.password } });
    expect(login.status()).toBe(200);
    const sent = await sender.context.request.post(`/api/v1/referrals/${draft.id}/send`, { data: {} });
    expect(sent.status()).toBe(200);
  } finally {
    await sender.context.close();
  }
  return { referral: draft, staff };
};

const bell = (page: Page, unread: number | string) => page.getByRole('button', { name: `Notifications, ${unread} unread`, exact: true });
const panel = (page: Page) => page.getByRole('region', { name: 'Notifications' });

describe('notifications', () => {
  it('shows a received referral on the bell, opens it from the panel and marks it read', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'notifications-bell', async (page) => {
      const { referral, staff } = await receivedReferral();

      await signIn(page, staff.email, staff.password);
      await expectVisible(bell(page, 1));
      expect(await bell(page, 1).getAttribute('aria-expanded')).toBe('false');

      // Opens from the keyboard; Escape closes it and gives focus back to the bell.
      await bell(page, 1).focus();
      await page.keyboard.press('Enter');
      await expectVisible(panel(page));
      expect(await bell(page, 1).getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'detached' });
      expect(await bell(page, 1).evaluate((el) => el === document.activeElement)).toBe(true);

      await bell(page, 1).click();
      const item = panel(page).getByRole('list', { name: 'Latest notifications' }).getByRole('link', { name: /New referral/ });
      await expectVisible(item);
      expect(await item.getAttribute('href')).toBe(`/referrals/${referral.id}`);
      expect(await item.textContent()).toContain('Unread');

      await item.click();
      await page.waitForURL(`**/referrals/${referral.id}`);
      await panel(page).waitFor({ state: 'detached' });
      await expectVisible(page.getByRole('heading', { level: 1, name: /Nguyen-/ }));
      await expectVisible(bell(page, 0));

      // Still listed in the panel, now as read.
      await bell(page, 0).click();
      const read = panel(page).getByRole('link', { name: /New referral/ });
      await expectVisible(read);
      expect(await read.textContent()).not.toContain('Unread');
    }));

  it('works on a phone-sized screen', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'notifications-phone', async (page) => {
      const { referral, staff } = await receivedReferral();
      await signIn(page, staff.email, staff.password);
      await page.setViewportSize({ width: 390, height: 844 });
      // In the top bar itself, not tucked into the phone menu.
      await bell(page, 1).click();
      const item = panel(page).getByRole('link', { name: /New referral/ });
      await expectVisible(item);
      // The panel fits the screen: nothing hangs off either side.
      const box = await panel(page).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      await item.click();
      await page.waitForURL(`**/referrals/${referral.id}`);
      await expectVisible(bell(page, 0));
    }));

  it('marks everything read from the panel, and it stays read after a reload', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'notifications-mark-all', async (page) => {
      const { staff } = await receivedReferral();
      await signIn(page, staff.email, staff.password);
      await bell(page, 1).click();
      const item = panel(page).getByRole('link', { name: /New referral/ });
      await expectVisible(item);
      expect(await item.textContent()).toContain('Unread');

      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/notifications/read-all'));
      await panel(page).getByRole('button', { name: 'Mark all read' }).click();
      expect((await saved).status()).toBe(200);
      await expectVisible(bell(page, 0));
      expect(await item.textContent()).not.toContain('Unread');
      await panel(page).getByRole('button', { name: 'Mark all read' }).waitFor({ state: 'detached' });

      await page.reload();
      await expectVisible(bell(page, 0));
    }));

  it('groups notifications about one referral into one row with a count (issue 24)', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'notifications-grouped', async (page) => {
      const { referral, staff } = await receivedReferral();
      // A second notification about the same referral, as a message from the sender would make.
      await suite.stack.db
        .insert(notifications)
        .values({ userId: staff.id, kind: 'referral.message', entityType: 'referral', entityId: referral.id, referralId: referral.id, title: 'New message on a referral', data: { clientInitials: 'A. N.' } });
      await signIn(page, staff.email, staff.password);
      await bell(page, 2).click();
      const rows = panel(page).getByRole('list', { name: 'Latest notifications' }).getByRole('link');
      await expectVisible(rows);
      expect(await rows.count()).toBe(1);
      const text = await rows.first().textContent();
      expect(text).toContain('New message on a referral · client A. N.');
      expect(text).toContain('+1 more about it');
      expect(text).toContain('2 unread');
      // Opening the row marks both read.
      await rows.first().click();
      await page.waitForURL(`**/referrals/${referral.id}`);
      await expectVisible(bell(page, 0));
    }));

  it('turns a kind off in the settings panel, in English and in Spanish (issue 24)', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'notifications-settings', async (page) => {
      const org = await newOrg(suite.stack.db);
      const staff = await newUser(suite.stack.db, { org, role: 'staff' });
      await signIn(page, staff.email, staff.password);
      await page.goto(`${suite.stack.baseUrl}/notifications`);
      const settings = page.getByRole('group', { name: 'What you are notified of' });
      await expectVisible(settings);
      const message = settings.getByRole('checkbox', { name: 'New message' });
      expect(await message.isChecked()).toBe(true);
      await message.uncheck();
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/notification-settings') && r.request().method() === 'PUT');
      await page.getByRole('button', { name: 'Save settings' }).click();
      expect((await saved).status()).toBe(200);
      await expectVisible(page.getByText('Settings saved.'));

      await page.getByRole('button', { name: 'Español' }).click();
      const ajustes = page.getByRole('group', { name: 'De qué le notificamos' });
      await expectVisible(ajustes);
      expect(await ajustes.getByRole('checkbox', { name: 'Mensaje nuevo' }).isChecked()).toBe(false);
      expect(await ajustes.getByRole('checkbox', { name: 'Asignado a usted' }).isChecked()).toBe(true);
    }));

  it('says so when there is nothing to show', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'notifications-empty', async (page) => {
      const org = await newOrg(suite.stack.db);
      const staff = await newUser(suite.stack.db, { org, role: 'staff' });
      await signIn(page, staff.email, staff.password);
      await bell(page, 0).click();
      await expectVisible(panel(page).getByText('No notifications yet.'));
      expect(await panel(page).getByRole('button', { name: 'Mark all read' }).count()).toBe(0);
      await panel(page).getByRole('link', { name: 'Show all notifications' }).click();
      await page.waitForURL('**/notifications');
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Notifications' }));
      await expectVisible(page.getByText('No notifications yet.'));
    }));
});

/** Waits until the locator is visible (playwright-core has no `expect`; this is its assertion). */
async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}
