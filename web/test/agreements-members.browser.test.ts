import type { Locator, Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, newPage, screenshot, signIn, uniq, withPage } from './browser';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

const expectVisible = async (l: Locator) => {
  await l.first().waitFor({ state: 'visible' });
};

/** The network's organization with its admin, and two partners each with an org admin (and a staff member at the pantry). */
const world = async () => {
  const db = suite.stack.db;
  const county = await newOrg(db, { name: `County Health ${uniq()}`, type: 'health_system', runsNetwork: true });
  const pantry = await newOrg(db, { name: `Harvest Pantry ${uniq()}`, type: 'cbo' });
  const clinic = await newOrg(db, { name: `Eastside Clinic ${uniq()}`, type: 'clinic' });
  return {
    pantry,
    clinic,
    netAdmin: await newUser(db, { org: county, role: 'network_admin', name: `Nora Network ${uniq()}` }),
    pantryAdmin: await newUser(db, { org: pantry, role: 'org_admin', name: `Paula Pantry ${uniq()}` }),
    pantryStaff: await newUser(db, { org: pantry, role: 'staff', name: `Sam Staff ${uniq()}` }),
    clinicAdmin: await newUser(db, { org: clinic, role: 'org_admin', name: `Cleo Clinic ${uniq()}` }),
  };
};

const inSpanishOnAPhone = async (page: Page, email: string, password: string) => {
  await signIn(page, email, password);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('navigation', { name: 'Principal' }).waitFor();
  await page.setViewportSize(PHONE);
};

/** Another person at their own browser (own cookies and saved language); closed after `body`. */
const asAnotherPerson = async (body: (page: Page) => Promise<void>) => {
  const { context, page } = await newPage(suite.browser, suite.stack.baseUrl);
  try {
    await body(page);
  } catch (error) {
    await screenshot(page, 'failed-agreements-members-other');
    throw error;
  } finally {
    await context.close();
  }
};

describe('agreements and accounts (issue 24)', () => {
  it('records a BAA, opens it, has both parties approve it (one in Spanish at 390 px), and deactivates then reactivates a member', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'agreements-members', async (page) => {
      const w = await world();
      const title = `Pantry–clinic BAA ${uniq()}`;

      // A network admin records the BAA between the two partners.
      await signIn(page, w.netAdmin.email, w.netAdmin.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreements' }).click();
      await page.getByRole('link', { name: 'New agreement' }).click();
      const form = page.getByRole('form', { name: 'New agreement' });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Kind').selectOption('baa');
      for (const org of [w.pantry, w.clinic]) {
        await form.getByLabel(/Find an organization by name/).fill(org.name);
        await form.getByRole('button', { name: `Add ${org.name}` }).click();
      }
      await form.getByLabel('Starts').fill('2026-01-01');
      await form.getByLabel('Ends').fill('2027-12-31');
      await expectNoSeriousA11yFindings(page, 'the new agreement form');
      await form.getByRole('button', { name: 'Record agreement' }).click();

      // It opens on its own page: details, parties, and no approvals yet.
      await expectVisible(page.getByRole('heading', { name: title, level: 1 }));
      const url = page.url();
      const approvals = page.getByRole('list', { name: 'Approvals' });
      await approvals.waitFor();
      expect(await approvals.getByText('Not approved yet').count()).toBe(2);

      // Someone else saves while the admin edits: the shared stale-version alert, then a reload and a clean save.
      await page.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('form', { name: 'Edit agreement' });
      await edit.getByLabel('Renewal due').fill('2027-10-01');
      const id = url.split('/').pop()!;
      // (another tab of the same admin, through the API)
      const elsewhere = await page.request.patch(`/api/v1/agreements/${id}`, { data: { notes: 'Edited elsewhere', version: 1 } });
      expect(elsewhere.status()).toBe(200);
      await edit.getByRole('button', { name: 'Save agreement' }).click();
      await expectVisible(page.getByText('Someone else changed this'));
      await page.getByRole('button', { name: 'Reload' }).click();
      await expectVisible(page.getByText('Edited elsewhere'));
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('form', { name: 'Edit agreement' }).getByLabel('Renewal due').fill('2027-10-01');
      await page.getByRole('form', { name: 'Edit agreement' }).getByRole('button', { name: 'Save agreement' }).click();
      await expectVisible(page.getByText('Oct 1, 2027'));

      // The pantry's org admin approves for the pantry, in Spanish on a phone.
      await asAnotherPerson(async (page) => {
        await inSpanishOnAPhone(page, w.pantryAdmin.email, w.pantryAdmin.password);
        await page.goto(url);
        const aprobaciones = page.getByRole('list', { name: 'Aprobaciones' });
        await aprobaciones.waitFor();
        await page.getByRole('button', { name: `Aprobar en nombre de ${w.pantry.name}` }).click();
        await expectVisible(aprobaciones.getByText(new RegExp(`Aprobado por ${w.pantryAdmin.name}`)));
        expect(await page.getByRole('button', { name: /Aprobar/ }).count()).toBe(0);
        await screenshot(page, 'agreement-approved-es-390');
      await expectNoSeriousA11yFindings(page, 'the agreement page (es, 390 px)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

        // Still on the phone in Spanish: the pantry's admin deactivates a staff member.
        await page.goto(`/organizations/${w.pantry.id}/members`);
        const row = page.getByRole('row').filter({ hasText: w.pantryStaff.name });
        await row.getByRole('button', { name: 'Desactivar' }).click();
        await row.getByRole('button', { name: 'Sí, desactivar' }).click();
        await expectVisible(page.getByRole('row').filter({ hasText: w.pantryStaff.name }).getByText('Desactivado'));
        const refused = await page.request.post('/api/v1/auth/login', {
          data: { email: w.pantryStaff.email, password: w.pantryStaff.password },
        });
        expect([refused.status(), (await refused.json()).code]).toEqual([403, 'account_deactivated']);
        await screenshot(page, 'member-deactivated-es-390');
      await expectNoSeriousA11yFindings(page, 'the members page with a deactivated member (es, 390 px)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        // Nobody deactivates themselves: the admin's own row offers no button.
        expect(
          await page.getByRole('row').filter({ hasText: w.pantryAdmin.name }).getByRole('button', { name: 'Desactivar' }).count(),
        ).toBe(0);

        await page
          .getByRole('row')
          .filter({ hasText: w.pantryStaff.name })
          .getByRole('button', { name: `Reactivar a ${w.pantryStaff.name}` })
          .click();
        await expectVisible(page.getByRole('row').filter({ hasText: w.pantryStaff.name }).getByText('Activo'));
        const back = await page.request.post('/api/v1/auth/login', {
          data: { email: w.pantryStaff.email, password: w.pantryStaff.password },
        });
        expect(back.status()).toBe(200);
      });

      // The clinic's org admin approves last: the BAA is active.
      await asAnotherPerson(async (page) => {
        await signIn(page, w.clinicAdmin.email, w.clinicAdmin.password);
        await page.goto(url);
        await page.getByRole('button', { name: `Approve for ${w.clinic.name}` }).click();
        await expectVisible(page.getByText(/This BAA is active/));
        expect(
          await page
            .getByRole('list', { name: 'Approvals' })
            .getByText(/Approved by/)
            .count(),
        ).toBe(2);
      });

      // The network admin's page, reloaded, shows it active with who approved.
      await page.reload();
      await expectVisible(page.getByRole('list', { name: 'Approvals' }).getByText(new RegExp(`Approved by ${w.clinicAdmin.name}`)));
      expect(await page.getByRole('button', { name: 'Approve for the network' }).count()).toBe(0);

      // A network admin deactivates from the users page too.
      await page.goto('/admin/users');
      await page.getByRole('searchbox', { name: 'Search by name or email' }).fill(w.pantryStaff.name);
      const userRow = page.getByRole('row').filter({ hasText: w.pantryStaff.email });
      await userRow.getByRole('button', { name: 'Deactivate' }).click();
      await userRow.getByRole('button', { name: 'Yes, deactivate' }).click();
      await expectVisible(userRow.getByText('Deactivated'));
    }));
});
