import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { newOrg, newUser } from '../../db/src/testing/factories';
import { unzipUpload, zipPackage } from '../../services/api/src/modules/hsds/package';
import { expectNoSeriousA11yFindings } from './axe';
import { browserSuite, screenshot, signIn, uniq, withPage } from './browser';

const suite = browserSuite();

/** Organizations named so in the public HSDS API (what the directory now holds). */
const named = async (page: Page, name: string) => {
  const res = await page.request.get(`/hsds/organizations?search=${encodeURIComponent(name)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { contents: { name: string }[] }).contents.filter((o) => o.name === name);
};

/** A data package as another directory would publish it: one organization, zipped with datapackage.json. */
const packageWith = (orgs: { id: string; name: string }[]) =>
  Buffer.from(zipPackage({ 'organizations.csv': `id,name\r\n${orgs.map((o) => `${o.id},${o.name}`).join('\r\n')}\r\n` }, new Date()));

describe('directory data as HSDS (issue 23)', () => {
  it('a network admin checks a package (bad rows, then files it will not read), imports it, and downloads the directory', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'hsds-import-export', async (page) => {
      const db = suite.stack.db;
      const hs = await newOrg(db, { name: `County Health System ${uniq()}`, type: 'health_system', runsNetwork: true });
      const admin = await newUser(db, { org: hs, role: 'network_admin', name: `Nina Network ${uniq()}` });
      const harbor = { id: randomUUID(), name: `Harbor Food Bank ${uniq()}` };

      await signIn(page, admin.email, admin.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory data (HSDS)' }).click();
      await page.getByRole('heading', { name: 'Directory data (HSDS)', level: 1 }).waitFor();
      const files = page.getByLabel('Package or CSV files');

      // A package with a nameless organization: the dry run lists the row, and nothing can be imported.
      await files.setInputFiles({
        name: 'broken.zip',
        mimeType: 'application/zip',
        buffer: packageWith([harbor, { id: randomUUID(), name: '' }]),
      });
      await page.getByRole('button', { name: 'Check files (dry run)' }).click();
      const report = page.getByRole('region', { name: 'Import report' });
      await report.getByText('1 problem(s) found. Nothing can be imported yet.').waitFor();
      const bad = page.getByRole('region', { name: 'Rows with problems' }).getByRole('row').filter({ hasText: 'organizations.csv' });
      await bad.getByText('is required').waitFor();
      expect(await bad.getByRole('cell').allTextContents()).toEqual(['organizations.csv', '3', 'name', 'is required']);
      expect(await page.getByRole('button', { name: 'Import now' }).count()).toBe(0);
      await screenshot(page, 'hsds-dry-run-bad-rows-en');

      // The good package, with a note beside it: the report says what it would do and which file it will not read.
      await files.setInputFiles([
        { name: 'harbor.zip', mimeType: 'application/zip', buffer: packageWith([harbor]) },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('sent by the county') },
      ]);
      await page.getByRole('button', { name: 'Check files (dry run)' }).click();
      await report.getByText('Ready to import: 1 new, 0 changed, 0 unchanged.').waitFor();
      const skipped = page.getByRole('region', { name: 'Files that will not be read' });
      await skipped.getByRole('row').filter({ hasText: 'notes.txt' }).getByText('Not an HSDS file').waitFor();
      expect(await named(page, harbor.name)).toEqual([]);
      await expectNoSeriousA11yFindings(page, 'the HSDS dry-run report');
      await screenshot(page, 'hsds-dry-run-ready-en');

      await page.getByRole('button', { name: 'Import now' }).click();
      await report.getByText('Imported: 1 new, 0 changed, 0 unchanged.').waitFor();
      expect(await named(page, harbor.name)).toHaveLength(1);

      // The download is the package, with the organization just imported under its HSDS id.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download HSDS package (.zip)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^tandem-hsds-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = readFileSync((await download.path())!);
      const entries = Object.fromEntries(
        unzipUpload({ name: 'x.zip', data: zip }).map((e) => [e.name.slice('x.zip/'.length), Buffer.from(e.data).toString('utf8')]),
      );
      expect(Object.keys(entries)).toEqual(expect.arrayContaining(['datapackage.json', 'organizations.csv', 'services.csv']));
      expect(entries['organizations.csv']).toContain(`${harbor.id},${harbor.name}`);
    }));

  it('is not offered to anyone else: staff get no link and the page refuses them', () =>
    withPage(suite.browser, suite.stack.baseUrl, 'hsds-staff', async (page) => {
      const staff = await newUser(suite.stack.db, { org: await newOrg(suite.stack.db), role: 'staff' });
      await signIn(page, staff.email, staff.password);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory data (HSDS)' }).count()).toBe(0);
      await page.goto('/admin/directory-data');
      await page.getByText('You do not have access to this page').waitFor();
      expect(await page.getByLabel('Package or CSV files').count()).toBe(0);
    }));
});
