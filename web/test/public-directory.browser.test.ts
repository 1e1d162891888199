import type { Locator, Page } from 'playwright-core';
import { schedules } from '../../db/src/schema';
import { newOrg } from '../../db/src/testing/factories';
import { newLocation, newService } from '../../db/src/testing/directory-factories';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, screenshot, uniq, withPage } from './browser';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

/** A pantry at the centroid of ZIP 90011 (South LA) and one in Palmdale, both for the same need. */
const pantries = async () => {
  const org = await newOrg(suite.stack.db, { name: `Harvest Table ${uniq()}`, spas: ['spa6'], phone: '(323) 555-0100' });
  const southLa = await newLocation(suite.stack.db, org.id, { name: 'Central Ave pantry', address1: '4800 S Central Ave', postalCode: '90011', latitude: 34.0079, longitude: -118.2582, spa: 'spa6' });
  const palmdale = await newLocation(suite.stack.db, org.id, { name: 'Palmdale pantry', address1: '38000 Sierra Hwy', city: 'Palmdale', postalCode: '93550', latitude: 34.58, longitude: -118.1, spa: 'spa1' });
  const near = await newService(suite.stack.db, org.id, {
    name: `Weekend Groceries ${uniq()}`,
    languages: ['en', 'es'],
    categories: ['language-access'],
    phone: '(323) 555-0123',
    capacityNote: 'Call Ana first, the intake lead is out',
    capacityConfirmedAt: new Date(),
    locationIds: [southLa.id],
  });
  const far = await newService(suite.stack.db, org.id, { name: `Desert Pantry ${uniq()}`, categories: ['language-access'], locationIds: [palmdale.id] });
  await suite.stack.db.insert(schedules).values({ serviceId: near.id, weekday: 6, opensAt: '09:00', closesAt: '12:00' });
  return { org, near, far };
};

const card = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
const cards = (page: Page) => page.getByRole('region', { name: /Search results|Resultados de la búsqueda/ }).locator('.service-card');

describe('public directory', () => {
  it('an anonymous visitor finds a service by ZIP code on a phone, and can share, text or email it', () =>
    withPage(
      suite.browser,
      suite.stack.baseUrl,
      'public-directory-zip',
      async (page) => {
        const { org, near, far } = await pantries();
        await page.goto('/directory');
        await expectVisible(page.getByRole('heading', { level: 1, name: 'Find help in LA County' }));
        expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

        await page.getByRole('button', { name: 'Filters' }).click();
        await page.getByRole('group', { name: 'Filters' }).getByLabel('Need').selectOption('language-access');
        await page.getByLabel('ZIP code').fill('90011');
        await page.waitForURL(/zip=90011/);
        // Nearest first, with its distance from the ZIP code's centroid.
        await expectVisible(card(page, near.name).getByText('0.0 mi away'));
        await expectVisible(card(page, far.name));
        expect(await cards(page).first().getByRole('link', { name: near.name }).count()).toBe(1);
        await screenshot(page, 'public-search-zip-en');
        await expectNoSeriousA11yFindings(page, 'the public search (English)');

        // The address carries the search: a reload (or the link, shared) shows the same.
        await page.reload();
        await expectVisible(card(page, near.name).getByText('0.0 mi away'));
        expect(await page.getByLabel('ZIP code').inputValue()).toBe('90011');

        await card(page, near.name).getByRole('link', { name: near.name }).click();
        await expectVisible(page.getByRole('heading', { level: 1, name: near.name }));
        // A visitor cannot refer, and sees no note written for referrers.
        expect(await page.getByRole('link', { name: 'Refer to this service' }).count()).toBe(0);
        expect(await page.getByText('Call Ana first').count()).toBe(0);
        const share = page.getByRole('group', { name: 'Print or share' });
        const sms = decodeURIComponent((await share.getByRole('link', { name: 'Send by text' }).getAttribute('href'))!);
        const mail = decodeURIComponent((await share.getByRole('link', { name: 'Send by email' }).getAttribute('href'))!);
        for (const part of [near.name, org.name, '4800 S Central Ave, Los Angeles, CA 90011', 'Phone: (323) 555-0123', 'Hours: Sat 9:00 AM – 12:00 PM', `/directory/services/${near.id}`]) {
          expect([part, sms.includes(part), mail.includes(part)]).toEqual([part, true, true]);
        }
        expect(sms.startsWith('sms:?body=')).toBe(true);
        expect(mail.startsWith(`mailto:?subject=${near.name}&body=`)).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'public-service-en');
        await expectNoSeriousA11yFindings(page, 'a public service page (English)');

        await page.getByRole('link', { name: org.name }).first().click();
        await expectVisible(page.getByRole('heading', { level: 1, name: org.name }));
        expect(await page.getByRole('button', { name: 'Change history' }).count()).toBe(0);
        expect(await page.getByText(/Prospect|Partnered|Outreach|Assessed/).count()).toBe(0);
        await expectVisible(page.getByRole('link', { name: near.name }));
        await expectNoSeriousA11yFindings(page, 'a public organization page (English)');

        // Spanish: the same pages, the same checks.
        await page.getByRole('button', { name: 'Español' }).click();
        await expectVisible(page.getByRole('heading', { level: 1, name: org.name }));
        await expectNoSeriousA11yFindings(page, 'a public organization page (Spanish)');
        await page.goto(`/directory/services/${near.id}`);
        await expectVisible(page.getByRole('link', { name: 'Enviar por mensaje de texto' }));
        await screenshot(page, 'public-service-es');
        await expectNoSeriousA11yFindings(page, 'a public service page (Spanish)');
        await page.goto('/directory?zip=90011&category=language-access');
        await expectVisible(page.getByRole('heading', { level: 1, name: 'Encuentre ayuda en el condado de Los Ángeles' }));
        await expectVisible(card(page, near.name));
        await screenshot(page, 'public-search-zip-es');
        await expectNoSeriousA11yFindings(page, 'the public search (Spanish)');
      },
      PHONE,
    ));

  it('tells a visitor when a ZIP code is unknown, at the field', () =>
    withPage(
      suite.browser,
      suite.stack.baseUrl,
      'public-directory-unknown-zip',
      async (page) => {
        await page.goto('/directory');
        const zip = page.getByLabel('ZIP code');
        await zip.fill('00000');
        await expectVisible(page.getByText('We do not know the ZIP code 00000. Check it, or search without it.'));
        expect(await zip.getAttribute('aria-invalid')).toBe('true');
        await screenshot(page, 'public-search-unknown-zip');
        await expectNoSeriousA11yFindings(page, 'the public search with an unknown ZIP code');
        await zip.fill('');
        await page.getByText('We do not know the ZIP code').waitFor({ state: 'detached' });
      },
      PHONE,
    ));

  it('sends a visitor from a staff-only page to sign in, and the sign-in page links to the public directory', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'public-directory-sign-in', async (page) => {
      await page.goto('/referrals');
      await page.waitForURL(/\/sign-in\?next=%2Freferrals/);
      await page.getByRole('link', { name: /Search the public directory/ }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Find help in LA County' }));
      await page.getByRole('link', { name: 'Staff sign in' }).click();
      await page.waitForURL(/\/sign-in\?next=%2Fdirectory/);
    }));
});

async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
}
