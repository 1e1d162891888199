import type { Locator, Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient } from '../../db/src/testing/referral-factories';
import { browserSuite, screenshot, signIn, uniq, withPage } from './browser';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

/** A clinic with a CHW and its García client; another organization's García the CHW must never see. */
const world = async () => {
  const clinic = await newOrg(suite.stack.db, { name: `Clínica del Este ${uniq()}`, type: 'clinic' });
  const chw = await newUser(suite.stack.db, { org: clinic, role: 'staff', name: `Carla CHW ${uniq()}` });
  // A family name unique to this test, that still starts with "Garc" (the search is by word start).
  const familyName = `García${uniq()}`;
  const client = await newClient(suite.stack.db, clinic, {
    givenName: 'María',
    familyName,
    dateOfBirth: '1990-04-12',
    phones: ['(323) 555-0142'],
  });
  const elsewhere = await newOrg(suite.stack.db, { name: `Otra ${uniq()}`, type: 'cbo' });
  await newClient(suite.stack.db, elsewhere, { givenName: 'Mario', familyName });
  return { chw, client, familyName };
};

const inSpanishOnAPhone = async (page: Page, email: string, password: string) => {
  await signIn(page, email, password);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('navigation', { name: 'Principal' }).waitFor();
  // Signed in at the default size (the phone layout folds the navigation into a menu).
  await page.setViewportSize(PHONE);
};

describe('the client record', () => {
  it('lets a CHW pick a client by typing "Garc", open the record, add and revoke a consent (Spanish, 390 px)', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'client-garc', async (page) => {
      const { chw, client, familyName } = await world();
      await inSpanishOnAPhone(page, chw.email, chw.password);
      await page.goto('/referrals/new');
      await page.getByLabel('Buscar un cliente existente').fill('Garc');
      const found = page.getByRole('list', { name: 'Clientes encontrados' });
      await expectVisible(found.getByText(`María ${familyName}`));
      // Only the clinic's own García: the other organization's is not in its reach.
      expect(await found.getByRole('listitem').filter({ hasText: familyName }).count()).toBe(1);
      // What was typed carries into the new-client form.
      expect(await page.getByRole('form', { name: 'Cliente nuevo' }).getByLabel('Apellido').inputValue()).toBe('Garc');
      await screenshot(page, 'client-search-garc-es-390');
      await found.getByRole('button', { name: `Usar este cliente: María ${familyName}` }).click();
      await expectVisible(page.locator('.ref-chosen').getByText(`María ${familyName}`));

      await page.getByRole('link', { name: 'Abrir ficha del cliente' }).click();
      await page.waitForURL(`**/clients/${client.id}`);
      await expectVisible(page.getByRole('heading', { name: `María ${familyName}`, level: 1 }));
      await expectVisible(page.getByText('(323) 555-0142'));
      await page.getByRole('button', { name: 'Registrar consentimiento' }).click();
      const form = page.getByRole('form', { name: 'Registrar consentimiento' });
      await form.getByRole('button', { name: 'Guardar consentimiento' }).click();
      await form.waitFor({ state: 'detached' });
      const consents = page.getByRole('list', { name: 'Consentimientos registrados' });
      await expectVisible(consents.getByText('Vigente'));
      await expectVisible(consents.getByText(/Toda la red/));
      await screenshot(page, 'client-record-es-390');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

      await consents.getByRole('button', { name: 'Revocar consentimiento' }).click();
      const revoke = page.getByRole('form', { name: 'Revocar consentimiento' });
      await revoke.getByLabel(/Por qué el cliente retiró/).fill('Se mudó fuera del condado');
      await revoke.getByRole('button', { name: 'Revocar consentimiento' }).click();
      await expectVisible(consents.getByText('Revocado'));
      await expectVisible(consents.getByText(/Se mudó fuera del condado/));
    }));

  it('edits contact details, and shows the stale-version alert when a colleague saved first', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'client-edit-stale', async (page) => {
      const { chw, client } = await world();
      await signIn(page, chw.email, chw.password);
      await page.goto(`/clients/${client.id}`);
      await page.getByRole('button', { name: 'Edit contact details' }).click();
      const form = page.getByRole('form', { name: 'Edit contact details' });
      await form.getByLabel('Phones').fill('(323) 555-0199');
      const status = await page.evaluate(
        ({ id }) =>
          fetch(`/api/v1/clients/${id}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'colleague@example.org', version: 1 }),
          }).then((r) => r.status),
        { id: client.id },
      );
      expect(status).toBe(200);
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expectVisible(page.getByRole('alert').filter({ hasText: 'Someone else changed this' }));
      await form.getByRole('button', { name: 'Reload' }).click();
      await page.getByRole('alert').filter({ hasText: 'Someone else changed this' }).waitFor({ state: 'detached' });
      expect(await form.getByLabel('Email').inputValue()).toBe('colleague@example.org');
      await form.getByLabel('Phones').fill('(323) 555-0199');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.waitFor({ state: 'detached' });
      await expectVisible(page.getByText('(323) 555-0199'));
      await expectVisible(page.getByText('colleague@example.org'));
    }));

  it('keeps a saved draft at its own address: a reload reopens it with its client', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'client-draft-reload', async (page) => {
      const { chw } = await world();
      const family = `Nueva${uniq()}`;
      await signIn(page, chw.email, chw.password);
      await page.goto('/referrals/new');
      await page.getByLabel('Find an existing client').fill(`Rosa ${family}`);
      await expectVisible(page.getByText('No existing client matches. Add them below.'));
      const clientForm = page.getByRole('form', { name: 'New client' });
      expect([await clientForm.getByLabel('First name').inputValue(), await clientForm.getByLabel('Last name').inputValue()]).toEqual([
        'Rosa',
        family,
      ]);
      await clientForm.getByRole('button', { name: 'Add client' }).click();
      await expectVisible(page.locator('.ref-chosen').getByText(`Rosa ${family}`));
      const details = page.getByRole('form', { name: 'Referral details' });
      await details.getByLabel('Reason for referral').fill('Needs groceries this week');
      await details.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/referrals\/new\?draft=[0-9a-f-]{36}$/);
      await page.reload();
      await expectVisible(page.locator('.ref-chosen').getByText(`Rosa ${family}`));
      expect(await page.getByRole('form', { name: 'Referral details' }).getByLabel('Reason for referral').inputValue()).toBe(
        'Needs groceries this week',
      );
    }));
});

async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}
