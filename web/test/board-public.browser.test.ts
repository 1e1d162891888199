import { newBoardRow, newMemberRow } from '../../db/src/testing/board-factories';
import { newRecommendationRow } from '../../db/src/testing/board-recommendation-factories';
import { newOrg, newUser, TEST_PASSWORD } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly } from './spanish';

// Issue 26, the feedback loop: a coordinator answers a board's recommendation (adopted, with its
// reasons) and reports progress; anyone, signed in or not, on a phone, in English or Spanish, sees
// on the board's public page what was decided, why, and what was done, and no member's name.

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

describe('"you said, we did"', () => {
  it('a coordinator responds to a recommendation and the public page shows it, in English and Spanish, with no member named', async () => {
    const db = suite.stack.db;
    // The board's own words are the coordinator's; these read in both languages.
    const board = await newBoardRow(db, {
      name: `Junta Comunitaria ${uniq()}`,
      status: 'active',
      purpose: 'Consejo de salud y reingreso.',
    });
    const members = [
      await newMemberRow(db, board.id, {
        name: `Marisol Quintero ${uniq()}`,
        email: `marisol.${uniq()}@example.org`,
        phone: '(213) 555-0171',
      }),
      await newMemberRow(db, board.id, {
        name: `Dewayne Tillman ${uniq()}`,
        email: `dewayne.${uniq()}@example.org`,
        phone: '(213) 555-0172',
        status: 'ended',
        exitReason: 'resigned',
      }),
    ];
    const network = await newOrg(db, { name: `County Health ${uniq()}`, type: 'health_system', runsNetwork: true });
    const coordinator = await newUser(db, { org: network, role: 'board_coordinator', name: `Cora Coordinator ${uniq()}` });
    const today = new Date().toISOString().slice(0, 10);
    const asked = await newRecommendationRow(db, board.id, {
      title: `Navegadores pares ${uniq()}`,
      text: 'Cada persona que sale de la cárcel conoce a un navegador par.',
      topic: 'Coordinación',
      addressedTo: 'Programa de Salud de Reingreso',
      submittedOn: today,
      responseDue: today,
    });
    const late = await newRecommendationRow(db, board.id, {
      title: `Pases de autobús ${uniq()}`,
      text: 'Pases gratuitos.',
      topic: 'Transporte',
      addressedTo: 'Programa de Salud de Reingreso',
      submittedOn: '2025-01-10',
      responseDue: '2025-04-10',
    });
    const decided = 'Los navegadores empiezan en marzo en dos cárceles.';
    const why = 'El consejo mostró que funciona; hay fondos de 2027.';
    const progress = 'Contratamos a dos navegadores.';

    await withPage(suite.browser, suite.stack.baseUrl, 'board-recommendation-respond', async (page) => {
      await signIn(page, coordinator.email, TEST_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisory boards' }).click();
      await page.getByRole('link', { name: board.name }).click();
      await page.getByRole('link', { name: 'Recommendations' }).click();
      // Recommendations are a tab of the board's page (its name is the page heading).
      await expectVisible(page.getByRole('heading', { level: 1, name: board.name }));
      await expectVisible(page.getByRole('heading', { level: 2, name: 'Recommendations' }));
      // The overdue response is flagged and comes first.
      await expectVisible(page.getByText('1 recommendation(s) have had no response by their due date.'));
      const rows = page.getByRole('table', { name: 'Recommendations' }).getByRole('row');
      expect(await rows.nth(1).textContent()).toContain(late.title);
      await expectVisible(rows.nth(1).getByText('Response overdue'));
      await screenshot(page, 'board-recommendations');

      await page.getByRole('link', { name: asked.title }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: asked.title }));
      // Not adopted needs its reasons: refused before anything is sent.
      await page.getByLabel('Decision').selectOption('not_adopted');
      await page.getByLabel('What was decided').fill('No.');
      await page.getByRole('button', { name: 'Save the response' }).click();
      await expectVisible(page.getByText('Say why it was not adopted, or adopted only in part.'));
      // Adopted, with its reasons.
      await page.getByLabel('Decision').selectOption('adopted');
      await page.getByLabel('What was decided').fill(decided);
      await page.getByLabel('Why (rationale)').fill(why);
      await page.getByRole('button', { name: 'Save the response' }).click();
      await expectVisible(page.getByText('Adopted', { exact: true }));
      await expectVisible(page.getByText(`Response recorded by`));
      await expectVisible(page.getByText(coordinator.name));

      await page.getByLabel('Progress (percent, 0 to 100)').fill('40');
      await page.getByLabel('What was done').fill(progress);
      await page.getByRole('button', { name: 'Add the update' }).click();
      await expectVisible(page.locator('.rec-timeline').getByText(progress));
      await expectVisible(page.getByText('40% done').first());
      await screenshot(page, 'board-recommendation');
    });

    await withPage(
      suite.browser,
      suite.stack.baseUrl,
      'board-public',
      async (page) => {
        await page.goto(`/boards/${board.id}/public`);
        await expectVisible(page.getByRole('heading', { level: 1, name: board.name }));
        // Public: no navigation, nobody signed in.
        expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
        await expectVisible(page.getByRole('heading', { level: 2, name: 'You said, we did' }));
        const rec = page.getByRole('article', { name: asked.title });
        await expectVisible(rec.getByText('Adopted', { exact: true }));
        await expectVisible(rec.getByText(decided));
        await expectVisible(rec.getByRole('heading', { level: 4, name: 'Why' }));
        await expectVisible(rec.getByText(why));
        await expectVisible(rec.getByText(progress));
        // Progress is text, not only a bar.
        await expectVisible(rec.getByText('40% done').first());
        const overdue = page.getByRole('article', { name: late.title });
        await expectVisible(overdue.getByText(/response overdue since/));
        await expectVisible(page.getByText('Recommendations made'));
        // Retention: one of the two members stayed.
        await expectVisible(page.getByText('50% (1 of 2)'));
        const text = (await page.locator('body').innerText()) + (await page.content());
        for (const m of members) for (const v of [m.name, m.email, m.phone]) expect(text).not.toContain(v);
        expect(text).not.toContain(coordinator.name);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'board-public-en');
        await expectNoSeriousA11yFindings(page, 'the public "you said, we did" page (English)');

        // The language switch, without signing in.
        await page.getByRole('button', { name: 'Español' }).click();
        await expectVisible(page.getByRole('heading', { level: 2, name: 'Ustedes dijeron, nosotros hicimos' }));
        await expectVisible(page.getByRole('article', { name: asked.title }).getByText('Adoptada', { exact: true }));
        await expectVisible(page.getByRole('article', { name: asked.title }).getByText('40% hecho').first());
        await expectSpanishOnly(page, 'the public "you said, we did" page');
        await screenshot(page, 'board-public-es');
        await expectNoSeriousA11yFindings(page, 'the public "you said, we did" page (Spanish)');
      },
      PHONE,
    );
  }, 120_000);
});
