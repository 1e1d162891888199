import { newOrg, newUser } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, expectVisible, screenshot, signIn, uniq, withPage } from './browser';
import { expectSpanishOnly, signInEs, spanishPhone } from './spanish';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };
/** The network's organization (the collaboration team's), made once for the file. */
const county = () => newOrg(suite.stack.db, { name: `County Health ${uniq()}`, type: 'health_system' });

describe('engagement events (issue 25)', () => {
  it('logs an event on a phone in one screen, remembers the SPA, then edits it with a stale-version alert', () =>
    withPage(
      suite.browser,
      suite.stack.baseUrl,
      'engagement-phone',
      async (page) => {
        const member = await newUser(suite.stack.db, { org: await county(), role: 'collaboration_team', name: `Cora Collab ${uniq()}` });
        const pantry = await newOrg(suite.stack.db, { name: `Harvest Pantry ${uniq()}` });
        const title = `Pantry outreach ${uniq()}`;
        await signIn(page, member.email, member.password);
        await page.setViewportSize(PHONE);
        await page.goto('/engagement/new');
        const form = page.getByRole('form', { name: 'Log an event' });
        // Nothing filled: every required field says what is missing, and nothing is logged.
        await form.getByRole('button', { name: 'Log event' }).click();
        await expectVisible(form.locator('.field-error'));
        await form.getByLabel('Title').fill(title);
        await form.getByLabel('Type of event').selectOption('outreach_meeting');
        await form.getByLabel('SPA').selectOption('spa6');
        await form.getByLabel('Focus population').selectOption('homelessness');
        await form.getByLabel('Attendees in total').fill('14');
        await expectNoSeriousA11yFindings(page, 'the quick entry (390 px)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await form.getByRole('button', { name: 'Log event' }).click();
        await expectVisible(page.getByRole('heading', { name: title, level: 1 }));
        await expectVisible(page.getByText('Event logged'));
        // The person logging it is its staff lead, so it counts in their monthly report.
        await expectVisible(page.locator('.engagement-facts').getByText(member.name));
        const logged = await page.request.get(`/api/v1/engagement/events/${page.url().split('/').pop()!}`);
        expect((await logged.json()).staffLeadIds).toEqual([member.id]);
        await screenshot(page, 'engagement-logged-390');

        // The next quick entry starts on the SPA this person used.
        await page.goto('/engagement/new');
        expect(await page.getByRole('form', { name: 'Log an event' }).getByLabel('SPA').inputValue()).toBe('spa6');

        // The list shows it; editing after someone else saved shows the stale alert, then saves.
        await page.goto('/engagement?spa=spa6');
        await page.getByRole('link', { name: title }).click();
        const id = page.url().split('/').pop()!;
        await page.getByRole('button', { name: 'Edit event' }).click();
        const edit = page.getByRole('form', { name: 'Edit event' });
        await edit.getByLabel('Summary').fill('Met the intake lead.');
        const elsewhere = await page.request.patch(`/api/v1/engagement/events/${id}`, { data: { attendeeCount: 16, version: 1 } });
        expect(elsewhere.status()).toBe(200);
        await edit.getByRole('button', { name: 'Save event' }).click();
        await expectVisible(page.getByText('Someone else changed this event'));
        await page.getByRole('button', { name: 'Reload' }).click();
        await page.getByRole('button', { name: 'Edit event' }).click();
        const again = page.getByRole('form', { name: 'Edit event' });
        await again.getByLabel('Summary').fill('Met the intake lead.');
        // The partner that took part, from the directory, and the staff lead.
        await again.getByLabel('Find an organization by name').fill(pantry.name);
        await again.getByRole('button', { name: `Add ${pantry.name}` }).click();
        await again.getByRole('checkbox', { name: member.name }).check();
        await again.getByRole('button', { name: 'Save event' }).click();
        await expectVisible(page.getByText('Met the intake lead.'));
        await expectVisible(page.getByRole('link', { name: pantry.name }));
        await expectVisible(page.locator('.engagement-facts').getByText(member.name));
        await expectVisible(page.getByText('16', { exact: true }));
      },
    ));

  it('logs an event in Spanish on a phone, with nothing left in English', async () => {
    const member = await newUser(suite.stack.db, { org: await county(), role: 'collaboration_team', name: `Elena Equipo ${uniq()}` });
    const { context, page } = await spanishPhone(suite.browser, suite.stack.baseUrl);
    try {
      await signInEs(page, member.email, member.password);
      await page.goto('/engagement/new');
      const form = page.getByRole('form', { name: 'Registrar un evento' });
      await expectSpanishOnly(page, 'el registro rápido');
      await form.getByLabel('Título').fill(`Asamblea ${uniq()}`);
      await form.getByLabel('Tipo de evento').selectOption('town_hall');
      await form.getByLabel('Área (SPA)').selectOption('spa7');
      await form.getByLabel('Población prioritaria').selectOption('mental_health');
      await form.getByLabel('Asistentes en total').fill('40');
      await form.getByRole('button', { name: 'Registrar evento' }).click();
      await expectVisible(page.getByText('Evento registrado'));
      await expectSpanishOnly(page, 'la página del evento');
      await page.getByRole('button', { name: 'Editar evento' }).click();
      await expectSpanishOnly(page, 'el formulario de edición');
      await page.goto('/engagement');
      await expectVisible(page.getByRole('table', { name: 'Eventos de participación' }));
      await expectSpanishOnly(page, 'la lista de eventos');
    } catch (error) {
      await screenshot(page, 'failed-engagement-es');
      throw error;
    } finally {
      await context.close();
    }
  });

  it('imports a spreadsheet: the dry run lists the bad row, the fixed file imports, the same file again changes nothing', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'engagement-import', async (page) => {
      const member = await newUser(suite.stack.db, { org: await county(), role: 'network_admin', name: `Nia Admin ${uniq()}` });
      const tag = uniq();
      const header = 'source_id,title,type,date,spas,focus_populations,attendee_count';
      const good = `${tag}-1,Pantry outreach ${tag},outreach_meeting,2019-03-04,spa4,homelessness,9`;
      const file = (rows: string[]) => ({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n')) });
      await signIn(page, member.email, member.password);
      await page.goto('/engagement');
      await page.getByRole('link', { name: 'Import past events' }).click();
      const input = page.getByLabel('CSV file');
      await input.setInputFiles(file([good, `${tag}-2,Bad date ${tag},training,04/03/2019,spa4,homelessness,9`]));
      const problems = page.getByRole('table', { name: 'Problems in the file: 1' });
      await expectVisible(problems.getByRole('row').filter({ hasText: 'date' }));
      expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
      await input.setInputFiles(file([good, `${tag}-2,Training ${tag},training,2019-03-04,spa4,homelessness,9`]));
      await page.getByRole('button', { name: 'Import 2 events' }).click();
      await expectVisible(page.getByText('2 events imported; 0 rows had been imported before.'));
      await input.setInputFiles(file([good, `${tag}-2,Training ${tag},training,2019-03-04,spa4,homelessness,9`]));
      await expectVisible(page.getByText('All 2 rows are fine: 0 new events, 2 imported before.'));
      await page.goto('/engagement?from=2019-03-01&to=2019-03-31');
      await expectVisible(page.getByRole('link', { name: `Pantry outreach ${tag}` }));
    }));
});
