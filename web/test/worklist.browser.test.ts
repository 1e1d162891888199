import type { Locator, Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newConsent, newReferral } from '../../db/src/testing/referral-factories';
import { newService } from '../../db/src/testing/directory-factories';
import { browserSuite, screenshot, signIn, uniq, withPage } from './browser';

const suite = browserSuite();

/** A demo-like world: a health system CHW with a client (with consent), a CBO with one staff member and a food service. */
const world = async () => {
  const dhs = await newOrg(suite.stack.db, { name: `County Health Services ${uniq()}`, type: 'health_system' });
  const chw = await newUser(suite.stack.db, { org: dhs, role: 'staff', name: `Maria CHW ${uniq()}` });
  const cbo = await newOrg(suite.stack.db, { name: `Harvest Table ${uniq()}`, type: 'cbo' });
  const staff = await newUser(suite.stack.db, { org: cbo, role: 'staff', name: `Luis Staff ${uniq()}` });
  const service = await newService(suite.stack.db, cbo.id, { name: `Weekend Groceries ${uniq()}`, categories: ['food-insecurity'] });
  const client = await newClient(suite.stack.db, dhs, { givenName: 'Rosa', familyName: `Martinez-${uniq()}` });
  await newConsent(suite.stack.db, client);
  return { dhs, chw, cbo, staff, service, client };
};

/** The CHW, signed in on `page`, sends a referral she drafted (the session's own API call, as the app makes it). */
const sendAsChw = async (page: Page, w: Awaited<ReturnType<typeof world>>, urgency: 'routine' | 'urgent' = 'routine') => {
  const draft = await newReferral(suite.stack.db, {
    from: w.dhs,
    to: w.cbo,
    client: w.client,
    receivingServiceId: w.service.id,
    sendingUserId: w.chw.id,
    urgency,
  });
  const sent = await page.context().request.post(`/api/v1/referrals/${draft.id}/send`, { data: {} });
  expect(sent.status()).toBe(200);
  return draft;
};

const worklist = (page: Page) => page.locator('.card').filter({ has: page.getByRole('heading', { name: 'What needs you' }) });

describe('home worklist', () => {
  it('shows the CHW the referral she sent on her home worklist, and her drafts by count', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'worklist-chw', async (page) => {
      const w = await world();
      await signIn(page, w.chw.email, w.chw.password);
      const referral = await sendAsChw(page, w, 'urgent');
      await newReferral(suite.stack.db, {
        from: w.dhs,
        to: w.cbo,
        client: w.client,
        sendingUserId: w.chw.id,
        needs: ['housing-instability'],
      });

      await page.goto('/');
      const home = worklist(page);
      const mine = home.getByRole('region', { name: 'My open referrals, most urgent first' });
      await expectVisible(mine.getByRole('link', { name: `Rosa ${w.client.familyName}` }).first());
      expect(
        await mine
          .getByRole('link', { name: `Rosa ${w.client.familyName}` })
          .first()
          .getAttribute('href'),
      ).toBe(`/referrals/${referral.id}`);
      await expectVisible(mine.getByText('Urgent', { exact: true }));
      // Drafts to finish: 1, linking to exactly that list.
      const drafts = home.getByRole('link', { name: 'Drafts to finish: 1' });
      await expectVisible(drafts);
      expect(await drafts.getAttribute('href')).toBe('/referrals?box=sent&sentBy=me&status=draft');
      await expectVisible(home.getByRole('link', { name: 'Overdue at the partner: 0' }));
      // No receiving side for a health system with nothing received.
      expect(await home.getByRole('heading', { name: 'Referrals to my organization' }).count()).toBe(0);
      await screenshot(page, 'worklist-chw-home');

      await drafts.click();
      await page.waitForURL(/status=draft/);
      const rows = page.getByRole('list', { name: 'Sent' }).getByRole('listitem');
      await expectVisible(rows.first());
      expect(await rows.count()).toBe(1);
      expect(await page.getByLabel('Sent by').inputValue()).toBe('me');
    }));

  it('shows the CBO staff "to acknowledge: 1" linking to the inbox, and the inbox opens on open referrals', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'worklist-cbo', async (page) => {
      const w = await world();
      await signIn(page, w.chw.email, w.chw.password);
      const referral = await sendAsChw(page, w);
      await page.context().clearCookies();

      await signIn(page, w.staff.email, w.staff.password);
      await page.goto('/');
      const home = worklist(page);
      const toAck = home.getByRole('link', { name: 'To acknowledge: 1' });
      await expectVisible(toAck);
      expect(await toAck.getAttribute('href')).toBe('/referrals?status=sent');
      await expectVisible(home.getByRole('link', { name: 'Assigned to me: 0' }));
      await screenshot(page, 'worklist-cbo-home');
      // The same in Spanish.
      await page.getByRole('button', { name: 'Español' }).click();
      await expectVisible(page.getByRole('link', { name: 'Por confirmar recibo: 1' }));
      await page.getByRole('button', { name: 'English' }).click();
      await toAck.click();
      await page.waitForURL(/\/referrals\?status=sent/);
      const link = page.getByRole('list', { name: 'Received' }).getByRole('link', { name: `Rosa ${w.client.familyName}` });
      await expectVisible(link);
      expect(await link.getAttribute('href')).toBe(`/referrals/${referral.id}`);

      // Opening it acknowledges it: the worklist number goes to 0.
      await link.click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.goto('/');
      await expectVisible(worklist(page).getByRole('link', { name: 'To acknowledge: 0' }));

      // A referral declined a day after its acknowledgement was due: closed, so not in the default
      // list, and shown without "Overdue" when asked for (the flag keeps "was late" for reports).
      const late = await newClient(suite.stack.db, w.dhs, { givenName: 'Ana', familyName: `Late-${uniq()}` });
      const dayAgo = new Date(Date.now() - 86_400_000);
      await newReferral(suite.stack.db, {
        from: w.dhs,
        to: w.cbo,
        client: late,
        status: 'declined',
        statusReason: 'no_capacity',
        sentAt: new Date(Date.now() - 3 * 86_400_000),
        acknowledgeDueAt: new Date(Date.now() - 2 * 86_400_000),
        firstContactDueAt: dayAgo,
        closedAt: dayAgo,
      });
      await page.goto('/referrals');
      const received = page.getByRole('list', { name: 'Received' });
      await expectVisible(received.getByRole('link', { name: `Rosa ${w.client.familyName}` }));
      expect(await received.getByText(`Ana ${late.familyName}`).count()).toBe(0);
      await page.getByLabel('Show').selectOption('all');
      const row = received.getByRole('listitem').filter({ hasText: `Ana ${late.familyName}` });
      await expectVisible(row.getByText('Declined', { exact: true }));
      expect(await row.getByText('Overdue', { exact: true }).count()).toBe(0);
    }));

  it('on a phone, the inbox folds its filters away and the first result is above the fold', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'worklist-phone', async (page) => {
      const w = await world();
      await signIn(page, w.chw.email, w.chw.password);
      await sendAsChw(page, w);
      await page.context().clearCookies();
      await signIn(page, w.staff.email, w.staff.password);
      // Signed in at desktop width (the main navigation folds into a menu on a phone).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/referrals');
      const first = page.getByRole('list', { name: 'Received' }).getByRole('listitem').first();
      await expectVisible(first);
      expect(await page.locator('details.filters-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const box = await first.boundingBox();
      expect(box && box.y + box.height).toBeLessThan(844);
      await page.screenshot({ path: (await screenshot(page, 'worklist-phone-inbox')).replace(/\.png$/, '-fold.png') });
      await page.goto('/');
      await expectVisible(worklist(page).getByRole('link', { name: 'To acknowledge: 1' }));
      await screenshot(page, 'worklist-phone-home');
    }));
});

async function expectVisible(locator: Locator) {
  await locator.waitFor({ state: 'visible' });
  expect(await locator.isVisible()).toBe(true);
}
