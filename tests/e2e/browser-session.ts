import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchChromium } from './chromium.ts';

export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;
export const VIEWPORTS = { desktop: { width: 1366, height: 768 }, mobile: { width: 390, height: 844 } } as const;

/**
 * A browser for a test file; collects uncaught page errors (`errors`) so a test can assert there
 * were none, and per page (`problems`) console errors and requests that failed or answered 4xx/5xx.
 */
export async function openBrowser() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser: Browser = await launchChromium();
  const errors: string[] = [];
  /** A browser context (its own cookies, storage and HTTP cache) whose pages report their problems; a token signs every page in. */
  const newContext = async (options: { viewport?: keyof typeof VIEWPORTS; token?: string } = {}) => {
    const context = await browser.newContext({ viewport: VIEWPORTS[options.viewport ?? 'desktop'], acceptDownloads: true });
    if (options.token) await context.addInitScript((t) => sessionStorage.setItem('pathfinder.token', t), options.token);
    const open = async (): Promise<{ page: Page; problems: string[] }> => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`));
      // A request the page itself abandons (navigation, a superseded query) is not a failure.
      page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed ${r.method()} ${new URL(r.url()).pathname}: ${r.failure()?.errorText}`));
      return { page, problems };
    };
    return { context, newPage: open };
  };
  /** A page in a context of its own (close the context when done). */
  const newPage = async (options: { viewport?: keyof typeof VIEWPORTS; token?: string } = {}): Promise<{ page: Page; context: BrowserContext; problems: string[] }> => {
    const { context, newPage: open } = await newContext(options);
    return { ...(await open()), context };
  };
  return { browser, errors, newContext, newPage, close: () => browser.close() };
}

export const url = (path: string) => `${inject('baseUrl')}${path}`;

/**
 * Everything on a page that a user would see go wrong, as it happens: console errors, uncaught
 * errors, requests that failed and answers with status 400 or more. Returns the list it fills.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'no reason'})`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} from ${r.request().method()} ${r.url()}`));
  return problems;
}

/** Runs axe with the WCAG 2.0/2.1/2.2 A and AA rules and fails listing every violation. */
export async function expectNoAxeViolations(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

/**
 * Screenshots are for looking at what the pages show, not assertions: written only with
 * `SCREENSHOTS=1` (see DEVELOPERS.md), so the suite does not spend a minute of its two cores on them.
 */
const WRITE_SCREENSHOTS = process.env.SCREENSHOTS === '1';

/** A page's or an element's screenshot into test-results/screenshots, with `SCREENSHOTS=1`. */
export async function screenshot(target: Page | Locator, options: { path: string; fullPage?: boolean }): Promise<void> {
  if (WRITE_SCREENSHOTS) await target.screenshot(options);
}

/** Full-page screenshots at desktop and phone widths, into test-results/screenshots, with `SCREENSHOTS=1`. */
export async function screenshotBoth(page: Page, name: string) {
  if (!WRITE_SCREENSHOTS) return;
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${size.width}x${size.height}.png`, fullPage: true });
    void label;
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}
