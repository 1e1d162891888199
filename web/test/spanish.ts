import type { Browser, Page } from 'playwright-core';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';

// A Spanish-speaking person on a phone, and the check that nothing English is left on their screen.

export const PHONE = { width: 360, height: 780 };

/** A person on a phone whose browser is in Spanish (their own context: their own session). */
export const spanishPhone = async (browser: Browser, baseUrl: string) => {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: PHONE, locale: 'es-US', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
};

/**
 * Signs in from the Spanish sign-in page (the browser is in Spanish); the account's saved
 * language is English, so the person switches to Español, as they would the first time.
 */
export const signInEs = async (page: Page, email: string, password: string) => {
  await page.goto('/sign-in');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  // On a phone the navigation sits behind the menu button.
  await page.getByRole('button', { name: 'Menu' }).waitFor();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Español' }).click();
  expect((await saved).status()).toBe(200);
  await page.getByRole('button', { name: 'Menú' }).waitFor();
};

/**
 * English interface text that has a different Spanish translation: none of it may show on a
 * Spanish screen (visible text, and the labels screen readers announce), except what is marked
 * lang="en". Each catalog entry is split at its {placeholders}; fragments of 4+ characters are
 * looked for as whole words.
 */
export const englishLeft = async (page: Page): Promise<string[]> => {
  // Text marked lang="en" is English on purpose (the language switch names English in English).
  const text = await page.evaluate(() => {
    const english = [...document.body.querySelectorAll<HTMLElement>('[lang="en"]')];
    const was = english.map((el) => el.style.display);
    english.forEach((el) => (el.style.display = 'none'));
    const visible = document.body.innerText;
    english.forEach((el, i) => (el.style.display = was[i]!));
    const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
      .filter((el) => !el.closest('[lang="en"]'))
      .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    return [visible, ...attrs].join('\n');
  });
  const fragments = new Set<string>();
  for (const [key, value] of Object.entries(en)) {
    if (es[key as keyof typeof es] === value) continue;
    for (const f of value.split(/\{\w+\}/)) {
      const frag = f.trim().replace(/^[\s·:,.(]+|[\s·:,.)…]+$/g, '');
      if (frag.length >= 4 && /\p{L}{3}/u.test(frag)) fragments.add(frag);
    }
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...fragments].filter((f) => new RegExp(`(^|[^\\p{L}])${escape(f)}($|[^\\p{L}])`, 'u').test(text));
};

/** No English left on the screen (`where` names the step in a failure), and a phone-sized screen never scrolls sideways. */
export const expectSpanishOnly = async (page: Page, where: string) => {
  expect({ where, english: await englishLeft(page) }).toEqual({ where, english: [] });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
};
