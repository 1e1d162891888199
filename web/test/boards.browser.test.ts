import type { Page } from 'playwright-core';
import { newBoardRow } from '../../db/src/testing/board-factories';
import { newOrg, newUser, TEST_PASSWORD } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly } from './spanish';

// Issue 26: a resident applies to a community advisory board from a public link on a phone, in
// English or in Spanish, without an account; the board's coordinator sees the applications ranked,
// with who applied by SPA, population and language, and decides.

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };
const MIN_FILL_MS = 5_500;

const recruitingBoard = () =>
  newBoardRow(suite.stack.db, {
    // The board's own words are the coordinator's (one language); this one reads in both.
    name: `Junta Comunitaria ${uniq()}`,
    status: 'recruiting',
    questions: [{ key: 'why', prompt: { en: 'Why do you want to join?', es: '¿Por qué quiere unirse?' }, required: true }],
  });

/** Opens the public page and waits for its form token; returns when the token was issued. */
const openForm = async (page: Page, boardId: string) => {
  const token = page.waitForResponse((r) => r.url().endsWith(`/api/v1/public/boards/${boardId}/application-forms`) && r.request().method() === 'POST');
  await page.goto(`/boards/${boardId}/apply`);
  expect((await token).status()).toBe(200);
  return Date.now();
};
/** The API refuses an application sent sooner than the board's minimum fill time: wait it out. */
const waitFillTime = async (page: Page, openedAt: number) => page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - openedAt)));

/** The honeypot is in the form for bots, but no person sees it, no screen reader reads it, Tab never lands on it. */
const expectHoneypotHidden = async (page: Page) => {
  const hp = page.locator('input[name="website"]');
  expect(await hp.count()).toBe(1);
  const box = await hp.boundingBox();
  expect(box === null || box.x + box.width <= 0).toBe(true);
  expect(await hp.getAttribute('tabindex')).toBe('-1');
  expect(await hp.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
  expect(await page.getByRole('textbox', { name: 'Website' }).count()).toBe(0);
};

describe('advisory boards', () => {
  it('residents apply on a phone in English and in Spanish; the coordinator sees them ranked with diversity counts and decides', async () => {
    const board = await recruitingBoard();
    const network = await newOrg(suite.stack.db, { name: `County Health ${uniq()}`, type: 'health_system', runsNetwork: true });
    const coordinator = await newUser(suite.stack.db, { org: network, role: 'board_coordinator', name: `Cora Coordinator ${uniq()}` });
    const english = `Marcus Lee ${uniq()}`;
    const spanish = `Rosa Díaz ${uniq()}`;

    await withPage(
      suite.browser,
      suite.stack.baseUrl,
      'board-apply-en',
      async (page) => {
        const openedAt = await openForm(page, board.id);
        await expectVisible(page.getByRole('heading', { level: 1, name: `Apply to join ${board.name}` }));
        // Public: no navigation, nobody signed in.
        expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
        await expectHoneypotHidden(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'board-apply-en');
        await expectNoSeriousA11yFindings(page, 'the public board application (English)');

        await page.getByLabel('Your name').fill(english);
        await page.getByLabel('Phone number').fill('(323) 555-0142');
        await page.getByLabel('Area of LA County (SPA)').selectOption('spa6');
        await page.getByRole('group', { name: 'Your lived experience' }).getByLabel('Justice involvement').check();
        await page.getByLabel('Why do you want to join?').fill('I came home in 2022 and want to help others do it.');
        await waitFillTime(page, openedAt);
        await page.getByRole('button', { name: 'Send my application' }).click();
        await expectVisible(page.getByRole('heading', { level: 1, name: 'Thank you for applying' }));
        await expectVisible(page.getByRole('status').getByText(/^B-[0-9A-F]{8}$/));
        await expectNoSeriousA11yFindings(page, 'the application receipt (English)');
      },
      PHONE,
    );

    const es = await suite.browser.newContext({ baseURL: suite.stack.baseUrl, viewport: PHONE, locale: 'es-US', isMobile: true, hasTouch: true });
    try {
      const page = await es.newPage();
      page.setDefaultTimeout(10_000);
      const openedAt = await openForm(page, board.id);
      await expectVisible(page.getByRole('heading', { level: 1, name: `Solicite unirse a ${board.name}` }));
      await expectHoneypotHidden(page);
      await expectSpanishOnly(page, 'the public board application');
      await screenshot(page, 'board-apply-es');
      await expectNoSeriousA11yFindings(page, 'the public board application (Spanish)');

      await page.getByLabel('Su nombre').fill(spanish);
      await page.getByLabel('Correo electrónico').fill(`rosa.${uniq()}@example.org`);
      await page.getByLabel('¿Por qué quiere unirse?').fill('Quiero que la junta escuche a las familias de Boyle Heights.');
      await waitFillTime(page, openedAt);
      await page.getByRole('button', { name: 'Enviar mi solicitud' }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Gracias por su solicitud' }));
      await expectSpanishOnly(page, 'the application receipt');
    } catch (error) {
      const page = es.pages()[0];
      if (page && error instanceof Error) error.message += `\n(screenshot: ${await screenshot(page, 'failed-board-apply-es')})`;
      throw error;
    } finally {
      await es.close();
    }

    await withPage(suite.browser, suite.stack.baseUrl, 'board-ranked', async (page) => {
      await signIn(page, coordinator.email, TEST_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisory boards' }).click();
      await page.getByRole('link', { name: board.name }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: board.name }));
      const ranked = page.getByRole('region', { name: 'Ranked applications' });
      const row = (name: string) => ranked.getByRole('row').filter({ hasText: name });
      await expectVisible(row(english));
      await expectVisible(row(spanish));
      // Nobody has reviewed them yet: both unscored, in the order they came.
      await expectVisible(row(english).getByText('Not reviewed'));
      expect(await ranked.getByRole('row').nth(1).textContent()).toContain(english);
      // Who applied: SPA 6 once, Spanish once (the Spanish application's default language), English once.
      const applied = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Who applied' }) });
      await expectVisible(applied.getByText('SPA 6 · South'));
      await expectVisible(applied.getByText('Justice involvement'));
      await expectVisible(applied.getByText('Spanish'));
      await screenshot(page, 'board-ranked');

      await row(english).getByLabel(`Decision for ${english}`).selectOption('selected');
      await row(english).getByRole('button', { name: 'Decide' }).click();
      await expectVisible(row(english).getByText('Selected'));
      const selected = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Who was selected' }) });
      await expectVisible(selected.getByText('SPA 6 · South'));
    });
  }, 120_000);
});
