// Before the journeys: a current build of the web app, and the bundled Chromium unpacked once.
import chromium from '@sparticuz/chromium';
import { testBrowserPath } from '../server/config.js';
import { ensureWebBuilt } from './support/web-build.js';

export default async function setup(): Promise<void> {
  await ensureWebBuilt();
  if (!testBrowserPath()) await chromium.executablePath();
}
