import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

let source: string | undefined;

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical finding, naming the
 * rule and the first elements. The script is evaluated over the DevTools protocol, so the app's
 * Content-Security-Policy (scripts from 'self' only) stays as it is in production.
 */
export const expectNoSeriousA11yFindings = async (page: Page, where: string) => {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(
    async () => (await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, { resultTypes: ['violations'] })).violations,
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const lines = serious.map((v) => `  ${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    throw new Error(`axe-core on ${where}: ${serious.length} serious or critical finding(s)\n${lines.join('\n')}`);
  }
};
