// React reports invalid HTML nesting (a <div> inside a <p>, a <button> inside a <button>) on the
// console and renders on: browsers repair such markup differently and screen readers then read a
// different tree. Every journey page is watched, and the accessibility check counts what it saw.
import type { Page } from 'playwright-core';

const seen = new WeakMap<Page, string[]>();
const NESTING = /cannot be a descendant of|cannot contain a nested|cannot be a child of|cannot appear as a (child|descendant)/;

export function watchDomNesting(page: Page): void {
  seen.set(page, []);
  page.on('console', (message) => {
    if (message.type() === 'error' && NESTING.test(message.text())) seen.get(page)?.push(message.text().replace(/\s+/g, ' ').slice(0, 300));
  });
}

/** What React reported since the last call, once each. */
export function takeDomNesting(page: Page): string[] {
  const messages = seen.get(page) ?? [];
  seen.set(page, []);
  return [...new Set(messages)];
}
