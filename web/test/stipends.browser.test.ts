import { boardStipendPolicies, stipendPayments } from '../../db/src/schema';
import { newApplicationRow, newBoardRow, newMeetingRow, newMemberRow } from '../../db/src/testing/board-factories';
import { newOrg, newUser, TEST_PASSWORD } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

// Issue 26, stipends: the board's coordinator sees each member's total for the year flagged at the
// information-return threshold, pays a meeting's attendees in one step, and downloads the year-end
// CSV; on a phone (390 px) and in Spanish.

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

const setUp = async () => {
  const db = suite.stack.db;
  const board = await newBoardRow(db, { name: `Reentry board ${uniq()}`, status: 'active' });
  const names = [`Ana Ruiz ${uniq()}`, `Ben Cole ${uniq()}`, `Cy Park ${uniq()}`];
  const members: Awaited<ReturnType<typeof newMemberRow>>[] = [];
  for (const name of names) {
    const app = await newApplicationRow(db, board.id, { status: 'selected', name, stipendMethod: 'gift_card' });
    members.push(await newMemberRow(db, board.id, { name, applicationId: app.id }));
  }
  await db.insert(boardStipendPolicies).values({ boardId: board.id, meetingRateCents: 15_000, extraRateCents: 10_000 });
  const year = new Date().getFullYear();
  // Ana is over this year's threshold ($2,500 by check and gift card); Ben was paid less.
  await db.insert(stipendPayments).values([
    { boardId: board.id, memberId: members[0]!.id, amountCents: 150_000, method: 'check', purpose: 'period', status: 'issued', paidOn: `${year}-01-15` },
    { boardId: board.id, memberId: members[0]!.id, amountCents: 100_000, method: 'gift_card', purpose: 'extra_work', status: 'issued', paidOn: `${year}-02-15` },
    { boardId: board.id, memberId: members[1]!.id, amountCents: 50_000, method: 'check', purpose: 'period', status: 'issued', paidOn: `${year}-01-15` },
  ]);
  // A held meeting: Ana absent, Ben present, Cy remote.
  await newMeetingRow(db, board.id, [[members[0]!.id, 'absent'], [members[1]!.id, 'present'], [members[2]!.id, 'remote']], { place: 'Community room' });
  const network = await newOrg(db, { name: `County Health ${uniq()}`, type: 'health_system', runsNetwork: true });
  const coordinator = await newUser(db, { org: network, role: 'board_coordinator', name: `Cora Coordinator ${uniq()}` });
  return { board, names, coordinator, year };
};

describe('board stipends', () => {
  it('the coordinator sees the year flagged at the threshold, pays a meeting, and gets the CSV; on a phone and in Spanish', async () => {
    const { board, names, coordinator, year } = await setUp();
    await withPage(suite.browser, suite.stack.baseUrl, 'board-stipends', async (page) => {
      await signIn(page, coordinator.email, TEST_PASSWORD);
      await page.setViewportSize(PHONE);
      await page.goto(`/advisory-boards/${board.id}`);
      await page.getByRole('link', { name: 'Stipends' }).click();
      await expectVisible(page.getByRole('heading', { level: 2, name: `Totals for ${year}` }));
      const totals = page.getByRole('region', { name: `Totals for ${year}` });
      await expectVisible(totals.getByRole('row').filter({ hasText: names[0]! }).getByText('At or over: report'));
      await expectVisible(totals.getByRole('row').filter({ hasText: names[1]! }).getByText('Under'));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await expectNoSeriousA11yFindings(page, 'the board stipends page');

      // Pay a meeting: its attendees, Ben (present) and Cy (remote), each at $150 in their preferred method (gift card); Ana was absent.
      const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Pay a meeting' }) });
      await form.getByLabel('Meeting', { exact: true }).selectOption({ index: 1 });
      const attended = form.getByRole('group', { name: 'Members who attended (present or remote)' });
      await expectVisible(attended.getByLabel(names[1]!));
      expect([await attended.getByLabel(names[1]!).isChecked(), await attended.getByLabel(names[2]!).isChecked(), await attended.getByLabel(names[0]!).count()]).toEqual([true, true, 0]);
      await form.getByRole('button', { name: 'Pay a meeting' }).click();
      await expectVisible(page.getByText('Payments recorded: 2.'));
      const payments = page.getByRole('region', { name: 'Payments' });
      await expectVisible(payments.getByRole('row').filter({ hasText: names[2]! }).getByText('Planned'));
      await screenshot(page, 'board-stipends');

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: `Download the ${year} export (CSV)` }).click();
      const csv = await (await download).createReadStream();
      let text = '';
      for await (const chunk of csv) text += String(chunk);
      expect(text.split('\r\n')[0]).toBe('memberId,legalName,phone,email,zip,year,total,payments,methods,threshold,reachesThreshold');
      expect(text).toContain(`${names[0]!},`);
    });

    const { context, page } = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await signInEs(page, coordinator.email, TEST_PASSWORD);
      await page.goto(`/advisory-boards/${board.id}/stipends`);
      await expectVisible(page.getByRole('heading', { level: 2, name: `Totales de ${year}` }));
      await expectVisible(page.getByText('Lo alcanza: declarar'));
      await expectSpanishOnly(page, 'the board stipends page');
    } catch (error) {
      if (error instanceof Error) error.message += `\n(screenshot: ${await screenshot(page, 'failed-board-stipends-es')})`;
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});
