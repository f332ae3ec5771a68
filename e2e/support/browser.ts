// The browser for journeys: the Chromium shipped in the @sparticuz/chromium npm package, so tests
// need nothing but npm; FURROW_TEST_CHROMIUM (read by server/config.ts) points at another binary.
import chromium from '@sparticuz/chromium';
import { type Browser, chromium as playwright } from 'playwright-core';
import { testBrowserPath } from '../../server/config.js';

const SYSTEM_CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Chromium's fake microphone, granted without asking: for journeys that record audio. */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export async function launchBrowser(options: { args?: readonly string[] } = {}): Promise<Browser> {
  const extra = options.args ?? [];
  const override = testBrowserPath();
  if (override) return playwright.launch({ executablePath: override, args: [...SYSTEM_CHROMIUM_ARGS, ...extra], headless: true });
  // --single-process suits one page per Lambda call; journeys open a context per person.
  const args = chromium.args.filter((a) => a !== '--single-process');
  return playwright.launch({ executablePath: await chromium.executablePath(), args: [...args, ...extra], headless: true });
}
