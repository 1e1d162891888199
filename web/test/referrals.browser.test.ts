import type { Locator, Page } from 'playwright-core';
import { referralMessages } from '../../db/src/schema';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newConsent, newReferral } from '../../db/src/testing/referral-factories';
import { newService } from '../../db/src/testing/directory-factories';
import { browserSuite, newPage, screenshot, signIn, uniq, withPage } from './browser';

const suite = browserSuite();

/** A health system with a CHW, and a CBO with one staff member and one food service. */
const world = async () => {
  const dhs = await newOrg(suite.stack.db, { name: `County Health Services ${uniq()}`, type: 'health_system' });
  const chw = await newUser(suite.stack.db, { org: dhs, role: 'staff', name: `Maria CHW ${uniq()}` });
  const cbo = await newOrg(suite.stack.db, { name: `Harvest Table ${uniq()}`, type: 'cbo' });
  const staff = await newUser(suite.stack.db, { org: cbo, role: 'staff', name: `Luis Staff ${uniq()}` });
  const service = await newService(suite.stack.db, cbo.id, {
    name: `Weekend Groceries ${uniq()}`,
    categories: ['food-insecurity'],
    languages: ['en', 'es'],
  });
  return { dhs, chw, cbo, staff, service };
};

/** Two people, two browser contexts (two sessions), closed together; a failure saves both screens. */
const withTwo = async (name: string, body: (a: Page, b: Page) => Promise<void>) => {
  const one = await newPage(suite.browser, suite.stack.baseUrl);
  const two = await newPage(suite.browser, suite.stack.baseUrl);
  try {
    await body(one.page, two.page);
  } catch (error) {
    await screenshot(one.page, `failed-${name}-sender`);
    await screenshot(two.page, `failed-${name}-receiver`);
    throw error;
  } finally {
    await one.context.close();
    await two.context.close();
  }
};

const statusCard = (page: Page) => page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Status', exact: true }) });

/** Picks a status move, then confirms it in the form that opens (with a reason when given). */
const move = async (page: Page, action: string, opts: { reason?: string; note?: string; outcome?: string } = {}) => {
  await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: action, exact: true }).click();
  const form = page.getByRole('form', { name: action });
  if (opts.reason) await form.getByLabel('Reason').selectOption(opts.reason);
  if (opts.outcome) await form.getByLabel('Outcome').selectOption(opts.outcome);
  if (opts.note) await form.getByLabel(/Note/).fill(opts.note);
  await form.getByRole('button', { name: action, exact: true }).click();
  await form.waitFor({ state: 'detached' });
};

describe('referrals', () => {
  it('walks one referral from draft to completed across the two organizations', () =>
    withTwo('referral-walk', async (chwPage, cboPage) => {
      const { chw, cbo, staff, service } = await world();
      const family = `Martinez-${uniq()}`;

      await signIn(chwPage, chw.email, chw.password);
      await chwPage.goto(`/referrals/new?serviceId=${service.id}`);
      const clientForm = chwPage.getByRole('form', { name: 'New client' });
      await clientForm.getByLabel('First name').fill('Rosa');
      await clientForm.getByLabel('Last name').fill(family);
      await clientForm.getByLabel('Date of birth').fill('1984-06-02');
      await clientForm.getByLabel('Phone').fill('(323) 555-0100');
      await clientForm.getByLabel('Preferred language').selectOption('es');
      await clientForm.getByLabel('Best way to reach them').selectOption('text');
      await clientForm.getByRole('button', { name: 'Add client' }).click();
      await expectVisible(chwPage.locator('.ref-chosen').getByText(`Rosa ${family}`));

      await chwPage.getByRole('button', { name: 'Record consent' }).click();
      await chwPage.getByRole('form', { name: 'Record consent' }).getByRole('button', { name: 'Save consent' }).click();
      await expectVisible(chwPage.getByRole('list', { name: 'Consents on file' }).getByText('Active'));

      const details = chwPage.getByRole('form', { name: 'Referral details' });
      await waitForValue(details.getByLabel('Organization'), cbo.id);
      expect(await details.getByRole('checkbox', { name: 'Food', exact: true }).isChecked()).toBe(true);
      expect(await details.getByLabel('Name', { exact: true }).inputValue()).toBe(chw.name);
      await details.getByLabel('Reason for referral').fill('Family of four; food runs out mid-month');
      await details.getByRole('button', { name: 'Save draft' }).click();
      await expectVisible(chwPage.getByText('The referral is ready to send.'));
      await chwPage.getByRole('button', { name: 'Send referral' }).click();
      await chwPage.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
      const referralUrl = new URL(chwPage.url()).pathname;
      await expectVisible(statusCard(chwPage).getByText('Sent', { exact: true }));

      await signIn(cboPage, staff.email, staff.password);
      await cboPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
      await cboPage
        .getByRole('list', { name: 'Received' })
        .getByRole('link', { name: `Rosa ${family}` })
        .click();
      await expectVisible(statusCard(cboPage).getByText('Acknowledged', { exact: true }));
      await expectVisible(cboPage.getByText('(323) 555-0100'));
      await move(cboPage, 'Accept');
      await expectVisible(statusCard(cboPage).getByText('Accepted', { exact: true }));
      await cboPage.getByRole('textbox', { name: 'Message to the other organization' }).fill('Reached Rosa; intake Thursday 10am.');
      await cboPage.getByRole('button', { name: 'Send message' }).click();
      await expectVisible(cboPage.getByRole('list', { name: 'Messages' }).getByText('Reached Rosa; intake Thursday 10am.'));
      await move(cboPage, 'Mark in progress');
      await expectVisible(statusCard(cboPage).getByText('In progress', { exact: true }));
      await move(cboPage, 'Mark completed', { outcome: 'services_received' });
      await expectVisible(statusCard(cboPage).getByText('Completed', { exact: true }));
      expect(await cboPage.getByRole('group', { name: 'Next steps' }).count()).toBe(0);

      await chwPage.goto(referralUrl);
      await expectVisible(statusCard(chwPage).getByText('Completed', { exact: true }));
      const timeline = chwPage.getByRole('list', { name: 'Timeline' });
      for (const step of ['Status: Sent', 'Status: Acknowledged', 'Status: Accepted', 'Status: In progress', 'Status: Completed']) {
        await expectVisible(timeline.getByText(step, { exact: true }));
      }
      await expectVisible(timeline.getByText('Reached Rosa; intake Thursday 10am.'));
      await expectVisible(chwPage.getByRole('list', { name: 'Messages' }).getByText('Reached Rosa; intake Thursday 10am.'));
    }));

  it('lets the receiver decline with a reason, and the sender sees why', () =>
    withTwo('referral-decline', async (chwPage, cboPage) => {
      const { dhs, chw, cbo, staff } = await world();
      const client = await newClient(suite.stack.db, dhs, { familyName: `Nguyen-${uniq()}` });
      await newConsent(suite.stack.db, client);
      const referral = await newReferral(suite.stack.db, { from: dhs, to: cbo, client, status: 'sent', sentAt: new Date(), sendingUserId: chw.id });

      await signIn(cboPage, staff.email, staff.password);
      await cboPage.goto(`/referrals/${referral.id}`);
      await expectVisible(statusCard(cboPage).getByText('Acknowledged', { exact: true }));
      await move(cboPage, 'Decline', { reason: 'not_eligible', note: 'Serves families in SPA 6 only.' });
      await expectVisible(statusCard(cboPage).getByText('Declined', { exact: true }));

      // The sent box opens on open referrals: the declined one comes back on her home worklist.
      await signIn(chwPage, chw.email, chw.password);
      await chwPage.goto('/');
      await chwPage.getByRole('link', { name: 'Declined or returned: 1' }).click();
      await chwPage.waitForURL(/returned=true/);
      const row = chwPage.getByRole('list', { name: 'Sent' }).getByRole('listitem').filter({ hasText: client.familyName });
      await expectVisible(row.getByText('Declined'));
      await row.getByRole('link').click();
      const status = statusCard(chwPage);
      await expectVisible(status.getByText('Declined', { exact: true }));
      await expectVisible(status.getByText('Not eligible'));
      await expectVisible(status.getByText('Serves families in SPA 6 only.'));
      expect(await chwPage.getByRole('group', { name: 'Next steps' }).count()).toBe(0);
    }));
  it('lists what a draft lacks, refuses to send it, then lets the sender override a duplicate with a reason', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'referral-duplicate', async (chwPage) => {
      const { dhs, chw, cbo, service } = await world();
      const elsewhere = await newOrg(suite.stack.db, { name: `Metro Pantry ${uniq()}`, type: 'cbo' });
      const client = await newClient(suite.stack.db, dhs, { familyName: `Okafor-${uniq()}` });
      await newReferral(suite.stack.db, { from: dhs, to: elsewhere, client, status: 'sent', sentAt: new Date() });

      await signIn(chwPage, chw.email, chw.password);
      await chwPage.goto(`/referrals/new?serviceId=${service.id}`);
      await chwPage.getByLabel('Find an existing client').fill(client.familyName);
      await chwPage
        .getByRole('list', { name: 'Clients found' })
        .getByRole('button', { name: /Use this client/ })
        .click();
      await expectVisible(chwPage.getByText('No consent on file for this client.'));

      const details = chwPage.getByRole('form', { name: 'Referral details' });
      await waitForValue(details.getByLabel('Organization'), cbo.id);
      await details.getByLabel('Reason for referral').fill('Needs groceries this week');
      await details.getByRole('button', { name: 'Save draft' }).click();
      const checklist = chwPage.getByRole('group', { name: 'Still missing before sending' });
      await expectVisible(checklist.getByText('Record the client’s consent to share with the receiving organization'));
      const refused = chwPage.waitForResponse((r) => r.url().endsWith('/send'));
      await chwPage.getByRole('button', { name: 'Send referral' }).click();
      expect((await refused).status()).toBe(422);
      await expectVisible(checklist.getByText('Record the client’s consent to share with the receiving organization'));

      await chwPage.getByRole('button', { name: 'Record consent' }).click();
      await chwPage.getByRole('form', { name: 'Record consent' }).getByRole('button', { name: 'Save consent' }).click();
      await expectVisible(chwPage.getByText('The referral is ready to send.'));
      await chwPage.getByRole('button', { name: 'Send referral' }).click();
      await expectVisible(
        chwPage.getByRole('status').filter({ hasText: 'already has an open referral' }).getByText(elsewhere.name, { exact: false }),
      );
      await chwPage.getByLabel('Why a second referral is needed').fill('Metro Pantry is closed until next month');
      await chwPage.getByRole('button', { name: 'Send anyway' }).click();
      await chwPage.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
      await expectVisible(statusCard(chwPage).getByText('Sent', { exact: true }));
    }));

  it('keeps "(me)" on the assignee picker once the viewer has taken the referral', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'referral-assign-me', async (page) => {
      const { dhs, cbo, staff } = await world();
      const client = await newClient(suite.stack.db, dhs, { familyName: `Adeyemi-${uniq()}` });
      const referral = await newReferral(suite.stack.db, { from: dhs, to: cbo, client, status: 'accepted', sentAt: new Date() });

      await signIn(page, staff.email, staff.password);
      await page.goto(`/referrals/${referral.id}`);
      const picker = page.getByLabel('Assigned to');
      await picker.locator('option', { hasText: `${staff.name} (me)` }).waitFor({ state: 'attached' });
      const saved = page.waitForResponse((res) => res.url().endsWith(`/referrals/${referral.id}/assign`));
      await picker.selectOption(staff.id);
      expect((await saved).status()).toBe(200);
      await waitForValue(picker, staff.id);
      await page.reload();
      await waitForValue(picker, staff.id);
      expect(await picker.locator('option:checked').textContent()).toBe(`${staff.name} (me)`);
    }));

  it('drops the unread badge from the inbox row as soon as the thread has been read', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'referral-unread', async (page) => {
      const { dhs, chw, cbo, staff } = await world();
      const client = await newClient(suite.stack.db, dhs, { familyName: `Nwosu-${uniq()}` });
      const referral = await newReferral(suite.stack.db, { from: dhs, to: cbo, client, status: 'accepted', sentAt: new Date(), sendingUserId: chw.id });
      await suite.stack.db.insert(referralMessages).values({ referralId: referral.id, authorUserId: staff.id, authorOrgId: cbo.id, body: 'Intake is Thursday at 10.' });

      await signIn(page, chw.email, chw.password);
      await page.goto('/referrals?box=sent');
      const row = page.getByRole('list', { name: 'Sent' }).getByRole('listitem').filter({ hasText: client.familyName });
      await expectVisible(row.getByText('1 unread'));
      await row.getByRole('link').click();
      await expectVisible(page.getByRole('list', { name: 'Messages' }).getByText('Intake is Thursday at 10.'));

      // Hold the lists' answers: on the way back the inbox can only show what it has cached.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const lists = /\/api\/v1\/referrals(\/counts)?\?/;
      await page.route(lists, async (route) => {
        await held;
        await route.continue();
      });
      try {
        await page.goBack();
        await expectVisible(row);
        expect(await row.getByText(/unread/).count()).toBe(0);
      } finally {
        release();
        await page.unrouteAll({ behavior: 'wait' });
      }

      // And the server agrees.
      await page.reload();
      await expectVisible(row);
      expect(await row.getByText(/unread/).count()).toBe(0);
    }));

  it("lets a colleague follow a referral they don't hold, and tells them of its messages", () =>
    withPage(suite.browser, suite.stack.baseUrl, 'referral-follow', async (page) => {
      const { dhs, chw, cbo, staff } = await world();
      const colleague = await newUser(suite.stack.db, { org: dhs, role: 'staff', name: `Ana Colleague ${uniq()}` });
      const client = await newClient(suite.stack.db, dhs, { familyName: `Okafor-${uniq()}` });
      const referral = await newReferral(suite.stack.db, { from: dhs, to: cbo, client, status: 'accepted', sentAt: new Date(), sendingUserId: chw.id });

      await signIn(page, colleague.email, colleague.password);
      await page.goto(`/referrals/${referral.id}`);
      const follow = page.getByRole('button', { name: 'Follow' });
      expect(await follow.getAttribute('aria-pressed')).toBe('false');
      await follow.click();
      const following = page.getByRole('button', { name: 'Following' });
      await expectVisible(following);
      expect(await following.getAttribute('aria-pressed')).toBe('true');
      await page.reload();
      await expectVisible(page.getByRole('button', { name: 'Following' }));

      // A message from the partner reaches the follower's bell.
      const base = suite.stack.baseUrl;
      const json = { 'content-type': 'application/json', origin: base };
      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: staff.email, password: staff.password }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const posted = await fetch(`${base}/api/v1/referrals/${referral.id}/messages`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ body: 'Intake moved to Friday.' }) });
      expect(posted.status).toBe(201);
      await page.reload();
      await expectVisible(page.getByRole('button', { name: 'Notifications, 1 unread' }));
    }));
});

/** Waits until the locator is visible (playwright-core has no `expect`; this is its assertion). */
async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}

async function waitForValue(locator: Locator, value: string) {
  await locator.page().waitForFunction(([el, v]) => (el as HTMLSelectElement).value === v, [await locator.elementHandle(), value] as const);
}
