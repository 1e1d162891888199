import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startStack } from '../../services/api/src/testing/stack';

// Debian's Chromium; flags keep it quiet and offline (no updaters, sync, QUIC or GPU in CI).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

const screenshotDir = path.resolve(__dirname, '../../screenshots');

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * The whole product (API + built web app on a test database) and a browser for one test file:
 * started in beforeAll, closed in afterAll. Read `suite.stack` and `suite.browser` inside tests.
 */
export const browserSuite = () => {
  const suite = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    [suite.stack, suite.browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  });
  return suite;
};

/** A short random suffix that keeps names unique across tests sharing a database. */
export const uniq = () => randomBytes(3).toString('hex');

/** A fresh context per test: its own cookies and localStorage, so no test sees another's session. */
export const newPage = async (browser: Browser, baseUrl: string, opts: { width?: number; height?: number } = {}) => {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
};

export const signIn = async (page: Page, email: string, password: string) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
};

export const screenshot = async (page: Page, name: string) => {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
};

/**
 * Runs a browser test body with its own context; on failure saves a screenshot to screenshots/
 * (named after the test) before rethrowing, and always closes the context.
 */
export const withPage = async (
  browser: Browser,
  baseUrl: string,
  name: string,
  body: (page: Page) => Promise<void>,
  opts: { width?: number; height?: number } = {},
) => {
  const { context, page } = await newPage(browser, baseUrl, opts);
  try {
    await body(page);
  } catch (error) {
    const file = await screenshot(page, `failed-${name}`);
    if (error instanceof Error) error.message += `\n(screenshot: ${file})`;
    throw error;
  } finally {
    await context.close();
  }
};

/** Waits until the first element `l` finds is visible (fails after the page's default timeout). */
export const expectVisible = async (l: Locator) => {
  await l.first().waitFor({ state: 'visible' });
};
