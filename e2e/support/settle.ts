import type { Page } from 'playwright-core';

type PageGlobals = { document: { querySelectorAll(selector: string): { length: number } } };

/** The screen as a person reads it: requests done, no skeleton or busy list left. */
export async function settled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForLoadState('networkidle');
  // A function, not a string: the app's CSP forbids eval, also for the test driver's snippets.
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout });
}
