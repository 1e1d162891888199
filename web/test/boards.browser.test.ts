import type { Page } from 'playwright-core';
import * as schema from '../../db/src/schema';
import { newBudgetRoundRow } from '../../db/src/testing/board-budget-factories';
import { newApplicationRow, newBoardRow, newMemberRow } from '../../db/src/testing/board-factories';
import { newOrg, newUser, TEST_PASSWORD } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

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
      await page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', { name: 'Applications' }).click();
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

      // The Spanish applicant is waitlisted from the list itself.
      await row(spanish).getByLabel(`Decision for ${spanish}`).selectOption('waitlisted');
      await row(spanish).getByRole('button', { name: 'Decide' }).click();
      await expectVisible(row(spanish).getByText('Waiting list'));

      // The English applicant: scored against the rubric on their page, then selected there.
      await row(english).getByRole('link', { name: english }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: english }));
      await page.getByLabel('Lived experience (0–5)').selectOption('5');
      await page.getByLabel('Comment').fill('Strong lived experience; knows SPA 6.');
      await page.getByRole('button', { name: 'Save review' }).click();
      await expectVisible(page.getByText('Review saved.'));
      await page.getByLabel(`Decision for ${english}`).selectOption('selected');
      await page.getByRole('button', { name: 'Decide' }).click();
      // The standard message in the applicant's language, and the letter to print (no email).
      await expectVisible(page.getByText(/you have been selected as a member/));
      await expectVisible(page.getByRole('button', { name: 'Print letter' }));
      await expectVisible(page.getByText('No email: print the letter and mail it.'));
      await page.emulateMedia({ media: 'print' });
      await expectVisible(page.locator('.board-letter').getByText(`Dear ${english},`));
      expect(await page.getByRole('button', { name: 'Save review' }).isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('link', { name: '← Applications' }).click();
      await expectVisible(row(english).getByText('Selected'));
      await expectVisible(ranked.getByRole('row').nth(1).getByText('5'));
      const selected = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Who was selected' }) });
      await expectVisible(selected.getByText('SPA 6 · South'));

      // Seated as a member, then on the members list with their role and term.
      await page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', { name: 'Members' }).click();
      const seat = page.getByRole('form', { name: `Seat ${english}` });
      await seat.getByLabel('Role').selectOption('co_chair');
      await seat.getByRole('button', { name: 'Seat as member' }).click();
      const member = page.locator('.board-member').filter({ hasText: english });
      await expectVisible(member.getByText('Co-chair'));
      await expectVisible(member.getByText('Active'));
      await expectVisible(page.getByRole('heading', { name: 'Members (1 of 11 seats)' }));
      await screenshot(page, 'board-members');
    });
  }, 120_000);
  it('a coordinator named on a board (without the role) runs it on a phone, in English and in Spanish: tabs, charter, members, budget', async () => {
    const db = suite.stack.db;
    const board = await newBoardRow(db, { name: `Junta de Salud ${uniq()}`, status: 'active', criteria: [{ key: 'vivida', label: 'Experiencia', maxScore: 5 }] });
    const org = await newOrg(db, { name: `Segunda Oportunidad ${uniq()}` });
    const named = await newUser(db, { org, role: 'staff', name: `Darnell Freeman ${uniq()}` });
    await db.insert(schema.boardCoordinators).values({ boardId: board.id, userId: named.id });
    const members = [];
    const apps: { id: string }[] = [];
    for (const [i, name] of ['Ana Flores', 'Ben Kim', 'Cruz Mendoza'].entries()) {
      const app = await newApplicationRow(db, board.id, { name, status: 'selected', locale: 'es', decisionMessage: 'Gracias por presentar su solicitud.', decidedAt: new Date() });
      apps.push(app);
      members.push(await newMemberRow(db, board.id, { name, applicationId: app.id, seat: i + 1, role: i === 0 ? 'chair' : 'member' }));
    }
    const sections = Object.fromEntries(['purpose', 'scope', 'values', 'decisionRules', 'quorum', 'terms', 'conflictOfInterest', 'stipendPolicy', 'meetingCommitments'].map((k) => [k, `Texto ${k}`])) as never;
    const [charter] = await db.insert(schema.boardCharters).values({ boardId: board.id, number: 1, sections }).returning();
    await db.insert(schema.boardCharterAcknowledgements).values({ charterId: charter!.id, memberId: members[0]!.id });
    const round = await newBudgetRoundRow(db, board.id, { status: 'closed', title: 'Fondo comunitario', closedAt: new Date() });
    await db.insert(schema.boardBudgetVotes).values(members.map((m, i) => ({ roundId: round.id, memberId: m.id, points: { [round.proposals[i % 2]!.id]: 6 } })));

    const tour = async (page: Page, lang: 'en' | 'es', tabs: string[], sectionsName: string) => {
      await page.goto(`/advisory-boards/${board.id}`);
      await expectVisible(page.getByRole('heading', { level: 1, name: board.name }));
      for (const [i, tab] of tabs.entries()) {
        if (i > 0) await page.getByRole('navigation', { name: sectionsName }).getByRole('link', { name: tab }).click();
        await page.locator('.card').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, `board-tab-${i}-${lang}`);
      }
      await page.goto(`/advisory-boards/${board.id}/budget/${round.id}`);
      await expectVisible(page.locator('.board-review, .card').first());
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `board-budget-round-${lang}`);
      await page.goto(`/advisory-boards/${board.id}/applications/${apps[0]!.id}`);
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Ana Flores' }));
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `board-application-${lang}`);
    };

    await withPage(
      suite.browser,
      suite.stack.baseUrl,
      'board-named-coordinator',
      async (page) => {
        await signIn(page, named.email, TEST_PASSWORD);
        // Named on the board without the board_coordinator role: the menu still offers the boards.
        await expectVisible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisory boards' }));
        await page.setViewportSize(PHONE);
        await tour(page, 'en', ['Overview', 'Charter', 'Applications', 'Members', 'Budget'], 'Board sections');
        await page.goto(`/advisory-boards/${board.id}/charter`);
        await expectVisible(page.getByRole('heading', { name: 'Not yet acknowledged (2)' }));
        await page.locator('.board-pending li').filter({ hasText: 'Ben Kim' }).getByRole('button', { name: 'Record acknowledgement' }).click();
        await expectVisible(page.getByRole('heading', { name: 'Not yet acknowledged (1)' }));
        await page.goto(`/advisory-boards/${board.id}/budget/${round.id}`);
        await expectVisible(page.getByRole('heading', { name: 'Result' }));
        await expectNoSeriousA11yFindings(page, 'the budget round');
      },
    );

    const { context, page } = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await page.setViewportSize(PHONE);
      await signInEs(page, named.email, TEST_PASSWORD);
      await tour(page, 'es', ['Resumen', 'Estatutos', 'Solicitudes', 'Miembros', 'Presupuesto'], 'Secciones de la junta');
      await expectSpanishOnly(page, 'the budget round');
      await page.goto(`/advisory-boards/${board.id}/members`);
      await expectVisible(page.getByRole('heading', { name: 'Miembros (3 de 11 puestos)' }));
      await expectSpanishOnly(page, 'the members tab');
    } catch (error) {
      if (error instanceof Error) error.message += `\n(screenshot: ${await screenshot(page, 'failed-board-es')})`;
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});
