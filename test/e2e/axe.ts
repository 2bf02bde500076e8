/**
 * axe-core, injected into a page by the test driver (Playwright or Puppeteer alike):
 * the engine's source is evaluated in the page, then `axe.run` is called there. The
 * driver's evaluate goes through the debugging protocol, so the popup's CSP does not
 * stop it, and nothing is added to the extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA, and axe's best practices. */
export const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
};

/** What both drivers' pages can do: evaluate a script (a promise it gives is awaited). */
export interface EvaluatingPage {
  evaluate(script: string): Promise<unknown>;
}

export async function runAxe(page: EvaluatingPage): Promise<AxeResults> {
  await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(`axe.run(document, ${JSON.stringify(AXE_OPTIONS)})`)) as AxeResults;
}

/** The serious and critical violations, one "rule (impact): target: summary" line per element. */
export function seriousViolations(results: AxeResults): string[] {
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
}
