import { newOrg, newUser } from '../../db/src/testing/factories';
import { newWebhookSubscription } from '../../db/src/testing/webhook-factories';
import { browserSuite, expectVisible, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

const suite = browserSuite();

describe('webhook subscriptions in the web admin (issue 27)', () => {
  it('an org admin subscribes a URL, keeps the secret shown once, sends a test event, rotates the secret, resumes a paused one and deletes it', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'webhooks', async (page) => {
      const db = suite.stack.db;
      const org = await newOrg(db, { name: `Eastside Pantry ${uniq()}`, type: 'cbo' });
      const admin = await newUser(db, { org, role: 'org_admin', name: 'Wendy Admin' });
      await signIn(page, admin.email, admin.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks', exact: true }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: `Webhooks for ${org.name}` }));

      const form = page.getByRole('form', { name: 'Subscribe a URL' });
      const url = `http://127.0.0.1:9/hooks/${uniq()}`;
      await form.getByRole('textbox', { name: 'Receiving URL' }).fill(url);
      await form.getByRole('checkbox', { name: /referral\.status_changed/ }).check();
      await form.getByRole('checkbox', { name: /referral\.sent/ }).check();
      await form.getByRole('button', { name: 'Subscribe' }).click();
      const secret = page.getByRole('textbox', { name: 'Signing secret' });
      await expectVisible(secret);
      const first = await secret.inputValue();
      expect(first.length).toBeGreaterThanOrEqual(32);
      await page.getByRole('button', { name: 'I have stored the secret' }).click();
      // Gone once the page has re-rendered (fails after the default timeout if it stays).
      await secret.waitFor({ state: 'detached' });

      const sub = page.getByRole('listitem').filter({ hasText: url });
      await expectVisible(sub.getByText('Active', { exact: true }));
      await sub.getByRole('button', { name: 'Send a test event' }).click();
      await expectVisible(sub.getByText('Test event queued', { exact: false }));

      await sub.getByRole('button', { name: 'Rotate secret' }).click();
      await sub.getByRole('button', { name: 'Yes, rotate' }).click();
      await expectVisible(sub.getByRole('textbox', { name: 'Signing secret' }));
      expect(await sub.getByRole('textbox', { name: 'Signing secret' }).inputValue()).not.toBe(first);
      await expectVisible(sub.getByText('The previous secret also signs until', { exact: false }));
      await sub.getByRole('button', { name: 'I have stored the secret' }).click();

      // One the worker paused after a day of failures, resumed here.
      const pausedUrl = `https://hooks.example.org/paused-${uniq()}`;
      await newWebhookSubscription(db, org.id, { url: pausedUrl, status: 'paused', pausedAt: new Date() });
      await page.reload();
      const paused = page.getByRole('listitem').filter({ hasText: pausedUrl });
      await expectVisible(paused.getByText('Deliveries kept failing', { exact: false }));
      await paused.getByRole('button', { name: 'Resume' }).click();
      await expectVisible(paused.getByText('Active', { exact: true }));
      expect(await paused.getByText('Deliveries kept failing', { exact: false }).count()).toBe(0);

      await sub.getByRole('button', { name: 'Delivery log' }).click();
      await expectVisible(sub.getByRole('table', { name: `Delivery attempts to ${url}` }).or(sub.getByText('Nothing delivered yet.')));

      for (const one of [sub, paused]) {
        await one.getByRole('button', { name: 'Delete' }).click();
        await one.getByRole('button', { name: 'Yes, delete' }).click();
      }
      await expectVisible(page.getByText('No webhook subscriptions yet.'));
    }));

  it('reads in Spanish on a phone', async () => {
    const db = suite.stack.db;
    const org = await newOrg(db, { name: `Despensa ${uniq()}`, type: 'cbo' });
    const admin = await newUser(db, { org, role: 'org_admin', name: 'Walter Admin' });
    const { context, page } = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await signInEs(page, admin.email, admin.password);
      await page.goto(`/organizations/${org.id}/webhooks`);
      await expectVisible(page.getByRole('heading', { level: 1, name: `Webhooks de ${org.name}` }));
      await page.getByRole('textbox', { name: 'URL que recibe' }).fill(`http://127.0.0.1:9/${uniq()}`);
      await page.getByRole('checkbox', { name: /referral\.sent/ }).check();
      await page.getByRole('button', { name: 'Suscribir', exact: true }).click();
      await expectVisible(page.getByRole('textbox', { name: 'Secreto de firma' }));
      await expectSpanishOnly(page, 'webhooks with a new secret');
      await page.getByRole('button', { name: 'Ya guardé el secreto' }).click();
      await page.getByRole('button', { name: 'Registro de envíos' }).click();
      await expectVisible(page.getByText('Todavía no se ha enviado nada.'));
      await expectSpanishOnly(page, 'webhooks list');
    } finally {
      await context.close();
    }
  });
});
