import { boardMotions, boardVotes } from '../../db/src/schema';
import { newBoardRow, newMemberRow } from '../../db/src/testing/board-factories';
import { newOrg, newUser, TEST_PASSWORD } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

// Issue 26: a coordinator records a board meeting on a phone: schedules it, marks who came
// (present, remote, excused, absent), sees the quorum, puts a consensus motion and records the votes.
// The motion's title is the coordinator's own words (one language); this one reads in both.

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

describe('board meetings', () => {
  it('records a meeting with attendance and a consensus vote on a phone', async () => {
    const db = suite.stack.db;
    const board = await newBoardRow(db, { name: `Junta de reingreso ${uniq()}`, status: 'active' });
    const names = ['Ana Ruiz', 'Luis Ortega', 'Rosa Díaz'];
    for (const [i, name] of names.entries()) await newMemberRow(db, board.id, { name, seat: i + 1 });
    const network = await newOrg(db, { name: `County Health ${uniq()}`, type: 'health_system', runsNetwork: true });
    const coordinator = await newUser(db, { org: network, role: 'board_coordinator', name: `Cora Coordinator ${uniq()}` });

    await withPage(
      suite.browser,
      suite.stack.baseUrl,
      'board-meeting',
      async (page) => {
        await signIn(page, coordinator.email, TEST_PASSWORD);
        await page.setViewportSize(PHONE);
        await page.goto(`/advisory-boards/${board.id}`);
        await page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', { name: 'Meetings' }).click();
        await expectVisible(page.getByRole('heading', { level: 1, name: board.name }));
        await expectVisible(page.getByText('No meetings yet.'));
        await page.getByLabel('Date and time').fill('2026-03-10T18:00');
        await page.getByLabel('Place', { exact: true }).fill('Community room');
        await page.getByRole('button', { name: 'Schedule', exact: true }).click();
        await page.getByRole('region', { name: 'Meetings' }).getByRole('link').first().click();
        await expectVisible(page.getByRole('heading', { level: 1, name: /^Meeting of / }));

        // Attendance: Ana present, Luis remote, Rosa excused. Two of three: quorum (a majority).
        await page.getByRole('group', { name: 'Ana Ruiz' }).getByLabel('Present').check();
        await page.getByRole('group', { name: 'Luis Ortega' }).getByLabel('Remote').check();
        await page.getByRole('group', { name: 'Rosa Díaz' }).getByLabel('Excused').check();
        await page.getByRole('button', { name: 'Save attendance' }).click();
        await expectVisible(page.getByText('Quorum: 2 of 3 present (2 needed)'));

        await page.getByLabel('Motion', { exact: true }).fill('Horario nocturno en la clínica');
        await page.getByRole('button', { name: 'Add a motion' }).click();
        const motion = page.getByRole('region', { name: 'Horario nocturno en la clínica' });
        await expectVisible(motion);
        // Only those present or remote vote: Rosa (excused) has no choice.
        expect(await motion.getByLabel('Rosa Díaz').count()).toBe(0);
        await motion.getByLabel('Ana Ruiz').selectOption('agree');
        await motion.getByLabel('Luis Ortega').selectOption('stand_aside');
        await motion.getByRole('button', { name: 'Save votes' }).click();
        await expectVisible(page.getByRole('region', { name: 'Horario nocturno en la clínica' }).getByText('Carried'));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'board-meeting');
        await expectNoSeriousA11yFindings(page, 'the meeting page');

        // A training, and who attended it.
        await page.getByRole('link', { name: 'All meetings' }).click();
        await page.getByLabel('Topic').fill('Reading a program budget');
        await page.getByLabel('Trainer').fill('Finance office');
        await page.getByLabel('Date', { exact: true }).fill('2026-03-21');
        await page.getByRole('button', { name: 'Add a training' }).click();
        await expectVisible(page.getByText('0 of 0 attended'));
        await page.getByText('Who attended', { exact: true }).click();
        await page.getByRole('group', { name: 'Who attended Reading a program budget' }).getByLabel('Ana Ruiz').check();
        await page.getByRole('group', { name: 'Who attended Reading a program budget' }).getByLabel('Luis Ortega').check();
        await page.getByRole('button', { name: 'Save attendance' }).click();
        await expectVisible(page.getByText('2 of 3 attended'));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await expectNoSeriousA11yFindings(page, 'the meetings and trainings page');
        const motions = (await db.select().from(boardMotions)).filter((m) => m.boardId === board.id).map((m) => m.id);
        expect((await db.select().from(boardVotes)).filter((v) => motions.includes(v.motionId))).toHaveLength(2);
      },
    );
    // The same meeting in Spanish, on a 360 px phone: nothing left in English.
    const es = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await signInEs(es.page, coordinator.email, TEST_PASSWORD);
      await es.page.goto(`/advisory-boards/${board.id}/meetings`);
      await expectVisible(es.page.getByRole('heading', { level: 2, name: 'Capacitaciones' }));
      await expectSpanishOnly(es.page, 'the meetings page');
      await es.page.getByRole('region', { name: 'Reuniones' }).getByRole('link').first().click();
      await expectVisible(es.page.getByText('Quórum: 2 de 3 presentes (se necesitan 2)'));
      await expectVisible(es.page.getByText('Aprobada'));
      await expectSpanishOnly(es.page, 'the meeting page');
    } catch (error) {
      if (error instanceof Error) error.message += `\n(screenshot: ${await screenshot(es.page, 'failed-board-meeting-es')})`;
      throw error;
    } finally {
      await es.context.close();
    }
  });
});
