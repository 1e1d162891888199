import type { Locator, Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { newClient, newConsent } from '../../db/src/testing/referral-factories';
import { newLocation, newService } from '../../db/src/testing/directory-factories';
import { browserSuite, newPage, screenshot, signIn, uniq } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

// Issue 24's "done when", as one walk through the product: a CHW and a CBO worker in Spanish on
// their phones take one referral from a search for "comida" to a closed loop; an anonymous visitor
// finds the same service by ZIP code; the network admin finds the referral in the network view and
// everyone's reads of it on the audit page. Every Spanish screen is scanned for English left on it.

const suite = browserSuite();

const statusCard = (page: Page) => page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Estado', exact: true }) });
const nextSteps = (page: Page) => page.getByRole('group', { name: 'Próximos pasos' });

/** A health system's CHW with a client (María García-…, consent on file); a CBO with a worker and a food pantry in ZIP 90011 whose texts are English only; the network-running org's admin. */
const world = async () => {
  const tag = uniq();
  const db = suite.stack.db;
  const dhs = await newOrg(db, { name: `Servicios de Salud ${tag}`, type: 'health_system' });
  const chw = await newUser(db, { org: dhs, role: 'staff', name: `María Promotora ${tag}` });
  const cbo = await newOrg(db, { name: `Mesa de la Cosecha ${tag}`, type: 'cbo', spas: ['spa6'], phone: '(323) 555-0100' });
  const worker = await newUser(db, { org: cbo, role: 'staff', name: `Luis Trabajador ${tag}` });
  const site = await newLocation(db, cbo.id, { name: 'Central Ave pantry', address1: '4800 S Central Ave', postalCode: '90011', latitude: 34.0079, longitude: -118.2582, spa: 'spa6' });
  // English text only: "comida" finds it through its translation and its food category.
  const pantry = await newService(db, cbo.id, { name: `Weekend Groceries ${tag}`, description: 'Bags of groceries on Saturdays', categories: ['food-insecurity'], languages: ['en', 'es'], locationIds: [site.id] });
  const client = await newClient(db, dhs, { givenName: 'María', familyName: `García-${tag}` });
  await newConsent(db, client);
  const network = await newOrg(db, { name: `Red del Condado ${tag}`, type: 'health_system', runsNetwork: true });
  const admin = await newUser(db, { org: network, role: 'network_admin', name: `Ana Administradora ${tag}` });
  return { tag, dhs, chw, cbo, worker, pantry, client, admin, clientName: `María García-${tag}` };
};

describe("the daily work around one referral (issue 24's done-when)", () => {
  it('comida → Garc → sent → home worklist; first contact by phone → completed with an outcome → loop closed; found by ZIP; seen in the network view and the audit trail', async () => {
    const w = await world();
    const chwPhone = await spanishPhone(suite.browser, suite.stack.baseUrl);
    const cboPhone = await spanishPhone(suite.browser, suite.stack.baseUrl);
    const visitorPhone = await spanishPhone(suite.browser, suite.stack.baseUrl);
    const desk = await newPage(suite.browser, suite.stack.baseUrl);
    const [chw, cbo, visitor, admin] = [chwPhone.page, cboPhone.page, visitorPhone.page, desk.page];
    try {
      // 1. The CHW finds food help with the word "comida".
      await signInEs(chw, w.chw.email, w.chw.password);
      await chw.goto('/directory');
      const box = chw.getByRole('searchbox', { name: 'Buscar servicios' });
      await box.fill(`comida ${w.tag}`);
      await box.press('Enter');
      const hit = chw.getByRole('link', { name: w.pantry.name, exact: true });
      await expectVisible(hit);
      await expectSpanishOnly(chw, 'search for comida');
      await hit.click();
      await expectVisible(chw.getByRole('heading', { level: 1, name: w.pantry.name }));
      await expectSpanishOnly(chw, 'service page');

      // 2. She refers to it, picking her client by typing "Garc".
      await chw.getByRole('link', { name: 'Referir a este servicio' }).click();
      await chw.getByLabel('Buscar un cliente existente').fill('Garc');
      const found = chw.getByRole('list', { name: 'Clientes encontrados' });
      await expectVisible(found.getByText(w.clientName));
      await expectSpanishOnly(chw, 'client search');
      await found.getByRole('button', { name: `Usar este cliente: ${w.clientName}` }).click();
      const details = chw.getByRole('form', { name: 'Detalles del referido' });
      await waitForValue(details.getByLabel('Organización'), w.cbo.id);
      await details.getByLabel('Motivo del referido').fill('Familia de cuatro; la comida se acaba a mitad de mes');
      await details.getByRole('button', { name: 'Guardar borrador' }).click();
      await expectVisible(chw.getByText('El referido está listo para enviar.'));
      await expectSpanishOnly(chw, 'draft ready to send');
      await chw.getByRole('button', { name: 'Enviar referido' }).click();
      await chw.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
      const referralId = new URL(chw.url()).pathname.split('/').pop()!;
      await expectVisible(statusCard(chw).getByText('Enviado', { exact: true }));
      await expectSpanishOnly(chw, 'sent');

      // 3. It is on her home worklist.
      await chw.goto('/');
      const mine = chw.getByRole('region', { name: 'Mis referidos abiertos, los más urgentes primero' });
      await expectVisible(mine.getByRole('link', { name: w.clientName }));
      await expectSpanishOnly(chw, 'home worklist');
      await screenshot(chw, 'daily-work-chw-home-es');

      // 4. The CBO worker opens it from the inbox, accepts, records first contact by phone, and completes it with an outcome.
      await signInEs(cbo, w.worker.email, w.worker.password);
      await cbo.goto('/referrals');
      await cbo.getByRole('link', { name: w.clientName }).first().click();
      await cbo.waitForURL(`**/referrals/${referralId}`);
      await expectVisible(statusCard(cbo).getByText('Visto', { exact: true }));
      await expectSpanishOnly(cbo, 'received referral');
      await move(cbo, 'Aceptar');
      await expectVisible(statusCard(cbo).getByText('Aceptado', { exact: true }));
      await cbo.getByRole('button', { name: 'Registrar primer contacto' }).click();
      const contact = cbo.getByRole('form', { name: 'Registrar primer contacto' });
      await contact.getByLabel('Cómo').selectOption('phone');
      await expectSpanishOnly(cbo, 'first contact form');
      await contact.getByRole('button', { name: 'Guardar primer contacto' }).click();
      await contact.waitFor({ state: 'detached' });
      await expectVisible(statusCard(cbo).getByText(/^Primer contacto con el cliente: .+ · Llamada$/));
      await nextSteps(cbo).getByRole('button', { name: 'Marcar completado', exact: true }).click();
      const complete = cbo.getByRole('form', { name: 'Marcar completado' });
      await complete.getByLabel('Resultado').selectOption('services_received');
      await expectSpanishOnly(cbo, 'complete form');
      await complete.getByRole('button', { name: 'Marcar completado', exact: true }).click();
      await complete.waitFor({ state: 'detached' });
      await expectVisible(statusCard(cbo).getByText('Completado', { exact: true }));
      await expectSpanishOnly(cbo, 'completed');

      // 5. The CHW sees the outcome and marks the loop closed.
      await chw.goto(`/referrals/${referralId}`);
      const loop = chw.getByRole('region', { name: 'Cierre del ciclo' });
      await expectVisible(loop.getByText('Resultado: Recibió los servicios'));
      await loop.getByRole('button', { name: 'Cerrar el ciclo' }).click();
      await expectVisible(loop.getByText(new RegExp(`^Ciclo cerrado por ${w.chw.name}`)));
      await expectSpanishOnly(chw, 'loop closed');
      await screenshot(chw, 'daily-work-loop-closed-es');

      // 6. An anonymous visitor finds the pantry by ZIP code.
      await visitor.goto('/directory');
      await visitor.getByRole('button', { name: 'Filtros' }).click();
      await visitor.getByLabel('Código postal').fill('90011');
      await visitor.waitForURL(/zip=90011/);
      const box2 = visitor.getByRole('searchbox', { name: 'Buscar servicios' });
      await box2.fill(w.tag);
      await box2.press('Enter');
      await expectVisible(visitor.getByRole('link', { name: w.pantry.name, exact: true }));
      await expectSpanishOnly(visitor, 'public search by ZIP');

      // 7. The network admin finds the referral in the network view, and its reads on the audit page.
      await signIn(admin, w.admin.email, w.admin.password);
      await admin.goto(`/network/referrals?org=${w.dhs.id}`);
      const list = admin.getByRole('list', { name: 'Referrals in the network' });
      await list.getByRole('link', { name: w.clientName }).click();
      await admin.waitForURL(`**/referrals/${referralId}`);
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
      const filters = admin.getByRole('search', { name: 'Filter the audit trail' });
      await filters.getByLabel('Record ID', { exact: true }).fill(referralId);
      await filters.getByLabel('What', { exact: true }).selectOption({ label: 'Opened a referral' });
      const rows = admin.getByRole('region', { name: 'Audit rows' }).getByRole('row');
      for (const who of [w.chw.name, w.worker.name, w.admin.name]) await expectVisible(rows.filter({ hasText: who }));
      await screenshot(admin, 'daily-work-audit-en');
    } catch (error) {
      for (const [page, who] of [[chw, 'chw'], [cbo, 'cbo'], [visitor, 'visitor'], [admin, 'admin']] as const) await screenshot(page, `failed-daily-work-${who}`);
      throw error;
    } finally {
      for (const c of [chwPhone.context, cboPhone.context, visitorPhone.context, desk.context]) await c.close();
    }
  });
});

/** Picks a status move in "Próximos pasos", then confirms it in the form that opens. */
async function move(page: Page, action: string) {
  await nextSteps(page).getByRole('button', { name: action, exact: true }).click();
  const form = page.getByRole('form', { name: action });
  await form.getByRole('button', { name: action, exact: true }).click();
  await form.waitFor({ state: 'detached' });
}

/** Waits until the locator is visible (playwright-core has no `expect`; this is its assertion). */
async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}

/** Waits until a form control holds `value` (filled in by the page after a fetch). */
async function waitForValue(locator: Locator, value: string) {
  for (let i = 0; i < 100 && (await locator.inputValue()) !== value; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await locator.inputValue()).toBe(value);
}
