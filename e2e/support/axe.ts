// Accessibility check of the page as it is: axe-core injected from node_modules, no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { takeDomNesting } from './dom-nesting.js';

const require = createRequire(import.meta.url);
let source: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Serious and critical violations only: the bar the product sets (../shared/UI.md). `within` (a CSS
 * selector) checks only that part, e.g. an open dialog, whatever the page under it holds. */
export async function seriousViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // The page's CSP forbids inline scripts; evaluate() goes through the DevTools protocol instead.
  await page.evaluate(source);
  // The callback runs in the page; this file is compiled without DOM types, hence globalThis.
  const violations = (await page.evaluate(async (within) => {
    const g = globalThis as unknown as { axe: { run(ctx: unknown, options: object): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await g.axe.run(within ? { include: [within] } : g.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    }));
  }, within)) as AxeViolation[];
  const nesting = takeDomNesting(page).map((message) => ({
    id: 'invalid-dom-nesting',
    impact: 'serious',
    help: 'React reported invalid HTML nesting on this page (since the last check)',
    nodes: [{ target: [page.url()], html: message }],
  }));
  return [...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), ...nesting];
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.html}`).join('\n')}`).join('\n');
}
