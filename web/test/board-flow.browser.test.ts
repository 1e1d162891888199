import { newBoardRow } from '../../db/src/testing/board-factories';
import { boardStipendPolicies } from '../../db/src/schema';
import { newOrg, newUser, TEST_PASSWORD } from '../../db/src/testing/factories';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';

// Issue 26, the whole loop on one board: a resident applies from the board's public page; the
// coordinator scores and selects them and seats them; records a meeting with their attendance and a
// consensus vote; pays the meeting's attendees in one action (from the attendance, not a list typed
// in); records the board's recommendation and the health system's answer; and the public
// "you said, we did" page shows the answer and the meeting held. English only.

const suite = browserSuite();
const MIN_FILL_MS = 5_500;
/** Today in Los Angeles (the stipend year and paid date are LA calendar dates). */
const todayLA = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('an advisory board, end to end', () => {
  it('apply → select → meeting with a vote → pay the meeting → recommendation answered → shown publicly', async () => {
    const db = suite.stack.db;
    const board = await newBoardRow(db, { name: `Reentry Board ${uniq()}`, status: 'recruiting' });
    await db.insert(boardStipendPolicies).values({ boardId: board.id, meetingRateCents: 15_000, extraRateCents: 10_000 });
    const network = await newOrg(db, { name: `County Health ${uniq()}`, type: 'health_system', runsNetwork: true });
    const coordinator = await newUser(db, { org: network, role: 'board_coordinator', name: `Cora Coordinator ${uniq()}` });
    const applicant = `Marcus Lee ${uniq()}`;
    const motionTitle = `Evening clinic hours ${uniq()}`;
    const recTitle = `Peer navigators at release ${uniq()}`;
    const decided = 'Navigators start in March at both jails.';
    const today = todayLA();
    const year = today.slice(0, 4);

    // 1. A resident finds the public page and applies, without an account.
    await withPage(suite.browser, suite.stack.baseUrl, 'board-flow-apply', async (page) => {
      await page.goto(`/boards/${board.id}/public`);
      await expectVisible(page.getByRole('heading', { level: 1, name: board.name }));
      const token = page.waitForResponse((r) => r.url().endsWith(`/api/v1/public/boards/${board.id}/application-forms`) && r.request().method() === 'POST');
      await page.getByRole('link', { name: 'This board is looking for members: apply to join' }).click();
      expect((await token).status()).toBe(200);
      const openedAt = Date.now();
      await expectVisible(page.getByRole('heading', { level: 1, name: `Apply to join ${board.name}` }));
      await page.getByLabel('Your name').fill(applicant);
      await page.getByLabel('Phone number').fill('(323) 555-0142');
      await page.getByLabel('Area of LA County (SPA)').selectOption('spa6');
      await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - openedAt)));
      await page.getByRole('button', { name: 'Send my application' }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Thank you for applying' }));
    });

    await withPage(suite.browser, suite.stack.baseUrl, 'board-flow-coordinate', async (page) => {
      const tabs = () => page.getByRole('navigation', { name: 'Board sections' });
      await signIn(page, coordinator.email, TEST_PASSWORD);
      await page.goto(`/advisory-boards/${board.id}`);
      await expectVisible(page.getByRole('heading', { level: 1, name: board.name }));

      // 2. Scored against the rubric, selected, seated: now a member.
      await tabs().getByRole('link', { name: 'Applications' }).click();
      const ranked = page.getByRole('region', { name: 'Ranked applications' });
      await ranked.getByRole('row').filter({ hasText: applicant }).getByRole('link', { name: applicant }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: applicant }));
      await page.getByLabel('Lived experience (0–5)').selectOption('5');
      await page.getByRole('button', { name: 'Save review' }).click();
      await expectVisible(page.getByText('Review saved.'));
      await page.getByLabel(`Decision for ${applicant}`).selectOption('selected');
      await page.getByRole('button', { name: 'Decide' }).click();
      await expectVisible(page.getByText(/you have been selected as a member/));
      await page.goto(`/advisory-boards/${board.id}/members`);
      await page.getByRole('form', { name: `Seat ${applicant}` }).getByRole('button', { name: 'Seat as member' }).click();
      await expectVisible(page.locator('.board-member').filter({ hasText: applicant }).getByText('Active'));

      // 3. A meeting: the member present, a consensus motion agreed (carried), marked held.
      await tabs().getByRole('link', { name: 'Meetings' }).click();
      await page.getByLabel('Date and time').fill(`${today}T10:00`);
      await page.getByLabel('Place', { exact: true }).fill('Community room');
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await page.getByRole('region', { name: 'Meetings' }).getByRole('link').first().click();
      await expectVisible(page.getByRole('heading', { level: 1, name: /^Meeting of / }));
      await page.getByRole('group', { name: applicant }).getByLabel('Present').check();
      await page.getByRole('button', { name: 'Save attendance' }).click();
      await expectVisible(page.getByText('Quorum: 1 of 1 present (1 needed)'));
      await page.getByLabel('Motion', { exact: true }).fill(motionTitle);
      await page.getByRole('button', { name: 'Add a motion' }).click();
      const motion = page.getByRole('region', { name: motionTitle });
      await motion.getByLabel(applicant).selectOption('agree');
      await motion.getByRole('button', { name: 'Save votes' }).click();
      await expectVisible(page.getByRole('region', { name: motionTitle }).getByText('Carried'));
      await page.getByLabel('Status', { exact: true }).selectOption('held');
      const saved = page.waitForResponse((r) => r.url().includes(`/api/v1/boards/${board.id}/meetings/`) && r.request().method() === 'PATCH');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      expect((await saved).status()).toBe(200);

      // 4. Paying the meeting in one action: its attendees come from the attendance.
      await page.goto(`/advisory-boards/${board.id}/stipends`);
      const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Pay a meeting' }) });
      await form.getByLabel('Meeting', { exact: true }).selectOption({ index: 1 });
      const attended = form.getByRole('group', { name: 'Members who attended (present or remote)' });
      expect(await attended.getByLabel(applicant).isChecked()).toBe(true);
      await form.getByLabel('Date paid').fill(today);
      await form.getByRole('button', { name: 'Pay a meeting' }).click();
      await expectVisible(page.getByText('Payments recorded: 1.'));
      const totals = page.getByRole('region', { name: `Totals for ${year}` });
      await expectVisible(totals.getByRole('row').filter({ hasText: applicant }).getByText('$150.00'));
      await screenshot(page, 'board-flow-stipends');

      // 5. The board's recommendation, and the answer: adopted, with what was decided.
      await tabs().getByRole('link', { name: 'Recommendations' }).click();
      await page.getByRole('button', { name: 'Record a recommendation' }).click();
      await page.getByLabel('Title').fill(recTitle);
      await page.getByLabel('What the board recommends').fill('Every person leaving jail meets a peer navigator before release.');
      await page.getByLabel('Topic').fill('Care coordination');
      await page.getByLabel('Addressed to').fill('Director, Reentry Health Program');
      await page.getByRole('button', { name: 'Save the recommendation' }).click();
      await page.getByRole('link', { name: recTitle }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: recTitle }));
      await page.getByLabel('Decision').selectOption('adopted');
      await page.getByLabel('What was decided').fill(decided);
      await page.getByRole('button', { name: 'Save the response' }).click();
      await expectVisible(page.getByText('Adopted', { exact: true }));
    });

    // 6. "You said, we did": the answer and the meeting held, on the public page, no one signed in.
    await withPage(suite.browser, suite.stack.baseUrl, 'board-flow-public', async (page) => {
      await page.goto(`/boards/${board.id}/public`);
      const rec = page.getByRole('article', { name: recTitle });
      await expectVisible(rec.getByText('Adopted', { exact: true }));
      await expectVisible(rec.getByText(decided));
      const figure = (term: string) => page.locator('.board-figures > div').filter({ has: page.getByText(term, { exact: true }) }).locator('dd');
      expect(await figure('Meetings held').textContent()).toBe('1');
      expect(await figure('Attendance').textContent()).toBe('100%');
      expect(await page.locator('body').innerText()).not.toContain(applicant);
      await screenshot(page, 'board-flow-public');
    });
  }, 180_000);
});
