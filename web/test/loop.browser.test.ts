import type { Locator, Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newConsent, newReferral } from '../../db/src/testing/referral-factories';
import { browserSuite, screenshot, uniq } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

// Closing the loop (issue 24), as a Spanish-speaking CBO worker and CHW see it on their phones:
// first contact by phone, completed with an outcome, and the CHW marks the loop closed.

const suite = browserSuite();
const spanishUser = (org: { id: string }, name: string) => newUser(suite.stack.db, { org, role: 'staff', name });

const statusCard = (page: Page) => page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Estado', exact: true }) });

describe('closing the loop, in Spanish on a phone', () => {
  it('the CBO worker records first contact by phone and completes with an outcome; the CHW marks the loop closed', async () => {
    const tag = uniq();
    const dhs = await newOrg(suite.stack.db, { name: `Servicios de Salud del Condado ${tag}`, type: 'health_system' });
    const chw = await spanishUser(dhs, `María Promotora ${tag}`);
    const cbo = await newOrg(suite.stack.db, { name: `Mesa de la Cosecha ${tag}`, type: 'cbo' });
    const worker = await spanishUser(cbo, `Luis Trabajador ${tag}`);
    const client = await newClient(suite.stack.db, dhs, { givenName: 'Rosa', familyName: `Martínez-${tag}` });
    await newConsent(suite.stack.db, client);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const referral = await newReferral(suite.stack.db, {
      from: dhs,
      to: cbo,
      client,
      sendingUserId: chw.id,
      reason: 'Familia de cuatro; la comida se acaba a mitad de mes',
      senderContactName: chw.name,
      status: 'accepted',
      sentAt: twoDaysAgo,
      acknowledgedAt: twoDaysAgo,
    });

    const cboPhone = await spanishPhone(suite.browser, suite.stack.baseUrl);
    const chwPhone = await spanishPhone(suite.browser, suite.stack.baseUrl);
    const cboPage = cboPhone.page;
    const chwPage = chwPhone.page;
    try {
      // The CBO worker: first contact by phone.
      await signInEs(cboPage, worker.email, worker.password);
      await cboPage.goto(`/referrals/${referral.id}`);
      const progress = cboPage.getByRole('list', { name: 'Progreso' });
      await expectVisible(progress.locator('[aria-current="step"]').getByText('Aceptado', { exact: true }));
      await cboPage.getByRole('button', { name: 'Registrar primer contacto' }).click();
      const contact = cboPage.getByRole('form', { name: 'Registrar primer contacto' });
      await expectSpanishOnly(cboPage, 'first contact form');
      await contact.getByLabel('Cómo').selectOption('phone');
      const recorded = cboPage.waitForResponse((r) => r.url().endsWith(`/referrals/${referral.id}/first-contact`));
      await contact.getByRole('button', { name: 'Guardar primer contacto' }).click();
      expect((await recorded).status()).toBe(200);
      await contact.waitFor({ state: 'detached' });
      await expectVisible(statusCard(cboPage).getByText(/^Primer contacto con el cliente: .+ · Llamada$/));
      await expectVisible(cboPage.getByRole('list', { name: 'Historial' }).getByText(/^Primer contacto: .+ · Llamada$/));

      // Completed, with the outcome.
      await cboPage.getByRole('group', { name: 'Próximos pasos' }).getByRole('button', { name: 'Marcar completado', exact: true }).click();
      const complete = cboPage.getByRole('form', { name: 'Marcar completado' });
      const submit = complete.getByRole('button', { name: 'Marcar completado', exact: true });
      expect(await submit.isDisabled()).toBe(true); // the outcome is asked for
      expect(await complete.getByLabel('Resultado').locator('option').allTextContents()).toEqual(['Elija…', 'Recibió los servicios', 'Otro (explique en la nota)']);
      await expectSpanishOnly(cboPage, 'complete form');
      await complete.getByLabel('Resultado').selectOption('services_received');
      await submit.click();
      await complete.waitFor({ state: 'detached' });
      const cboStatus = statusCard(cboPage);
      await expectVisible(cboStatus.getByText('Completado', { exact: true }));
      const cboLoop = cboPage.getByRole('region', { name: 'Cierre del ciclo' });
      await expectVisible(cboLoop.getByText('Resultado: Recibió los servicios'));
      await expectVisible(cboLoop.getByText(`Esperando que ${dhs.name} confirme el resultado y cierre el ciclo.`));
      await expectVisible(progress.locator('[aria-current="step"]').getByText('Completado', { exact: true }));
      await expectSpanishOnly(cboPage, 'completed, receiver');

      // The CHW sees the outcome and marks the loop closed.
      await signInEs(chwPage, chw.email, chw.password);
      await chwPage.goto(`/referrals/${referral.id}`);
      const chwLoop = chwPage.getByRole('region', { name: 'Cierre del ciclo' });
      await expectVisible(chwLoop.getByText('Resultado: Recibió los servicios'));
      await expectVisible(chwLoop.getByText(`${cbo.name} registró el resultado. Confirme que lo revisó para cerrar el ciclo.`));
      await expectSpanishOnly(chwPage, 'completed, sender');
      await chwLoop.getByRole('button', { name: 'Cerrar el ciclo' }).click();
      await expectVisible(chwLoop.getByText(new RegExp(`^Ciclo cerrado por ${chw.name} \\(${dhs.name}\\), .+`)));
      expect(await chwLoop.getByRole('button').count()).toBe(0);
      // Terminal stays terminal: still completed, nothing more to do.
      await expectVisible(statusCard(chwPage).getByText('Completado', { exact: true }));
      expect(await chwPage.getByRole('group', { name: 'Próximos pasos' }).count()).toBe(0);
      const timeline = chwPage.getByRole('list', { name: 'Historial' });
      await expectVisible(timeline.getByText('Estado: Completado · Resultado: Recibió los servicios'));
      await expectVisible(timeline.getByText('Ciclo cerrado', { exact: true }));
      await expectSpanishOnly(chwPage, 'loop closed, sender');

      // Both sides see who closed it and when; the receiver can no longer correct first contact.
      await cboPage.reload();
      await expectVisible(cboLoop.getByText(new RegExp(`^Ciclo cerrado por ${chw.name}`)));
      expect(await cboPage.getByRole('button', { name: 'Corregir primer contacto' }).count()).toBe(0);
      await expectSpanishOnly(cboPage, 'loop closed, receiver');
    } catch (error) {
      await screenshot(cboPage, 'failed-loop-cbo');
      await screenshot(chwPage, 'failed-loop-chw');
      throw error;
    } finally {
      await cboPhone.context.close();
      await chwPhone.context.close();
    }
  });
});

/** Waits until the locator is visible (playwright-core has no `expect`; this is its assertion). */
async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}
