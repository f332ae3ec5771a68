import type { Page } from 'playwright-core';

interface AnimationLike {
  playState: string;
  effect: { getComputedTiming(): { endTime?: number | string } } | null;
}
type PageGlobals = {
  document: { querySelectorAll(selector: string): ArrayLike<unknown>; getAnimations(): AnimationLike[] };
  getComputedStyle(element: unknown): { opacity: string };
};

/**
 * The screen as a person reads it: requests done, no skeleton or busy list left, and no fade still
 * running — a panel that leaves its busy state fades back in (120 ms), and axe measuring colours
 * mid-fade reports contrast the person never sees. Endless animations (spinners) are not waited for.
 */
export async function settled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForLoadState('networkidle');
  // A function, not a string: the app's CSP forbids eval, also for the test driver's snippets.
  const calm = () =>
    page.waitForFunction(
      () => {
        const g = globalThis as unknown as PageGlobals;
        const doc = g.document;
        if (doc.querySelectorAll('[aria-busy="true"]').length > 0) return false;
        // A panel that was busy is read at full strength, whatever the animation list says: under load
        // the fade's transition can start after a calm check, and axe then measures a dimmed tile.
        if (Array.from(doc.querySelectorAll('[aria-busy="false"]')).some((el) => g.getComputedStyle(el).opacity !== '1')) return false;
        return doc.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY);
      },
      undefined,
      { timeout },
    );
  await calm();
  // Twice, a frame's worth of fades apart: a busy state that ends starts its fade only on the next
  // render, and one calm check can fall between the two.
  await page.waitForTimeout(250);
  await calm();
}
