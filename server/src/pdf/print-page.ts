import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { PageNotPrintedError, type PrintRequest } from './pdf-printer.ts';

/** What the dashboard keeps the tab's token under (web/src/api/access-token.ts): the page sends it as it would for the user. */
const TOKEN_KEY = 'pathfinder.token';
/** A4 less the side margins, in CSS pixels: the page is laid out at the width it prints at, so charts measured on screen fit the paper. */
const PAPER = { width: 703, height: 1000 } as const;
const MARGIN = { top: '12mm', bottom: '16mm', left: '12mm', right: '12mm' } as const;
/** How long a page may take to load its data and draw before the report is given up. */
const READY_TIMEOUT_MS = 90_000;

export interface PrintedPage {
  print(request: PrintRequest): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A Chromium that prints pages of `origin`; each report gets a fresh context (its own session storage, so no token outlives its report). */
export async function launchPrintedPage(origin: string): Promise<PrintedPage> {
  const browser: Browser = await launchChromium();
  return {
    async print({ path, token, footer }) {
      const context = await browser.newContext({ viewport: PAPER, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'UTC' });
      try {
        // Page code as text: the server is compiled without the DOM's types.
        if (token) await context.addInitScript({ content: `sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(token)});` });
        const page = await context.newPage();
        // A page that cannot run (a script error, or a file of the dashboard missing: rebuilt under a running server) is given up at once, not after the timeout.
        let broken: (reason: Error) => void = () => undefined;
        const brokenPage = new Promise<never>((_, reject) => (broken = reject));
        brokenPage.catch(() => undefined); // raced below; a break after the report is printed concerns no one
        page.on('pageerror', (error) => broken(new PageNotPrintedError(`the page cannot be printed: ${error.message}`)));
        page.on('response', (response) => {
          const { pathname } = new URL(response.url());
          if (response.status() >= 400 && !pathname.startsWith('/api/')) broken(new PageNotPrintedError(`the page cannot be printed: ${pathname} answered ${response.status()} (was the dashboard rebuilt while the server ran? restart it)`));
        });
        await Promise.race([page.goto(new URL(path, origin).href, { waitUntil: 'load' }), brokenPage]);
        // The page says when every figure has arrived and the map is drawn, or why it cannot be printed.
        const state = await Promise.race([
          page.waitForSelector('[data-print-ready], [data-print-failed]', { timeout: READY_TIMEOUT_MS }).catch((error: unknown) => {
            throw new PageNotPrintedError(`the page was not ready within ${READY_TIMEOUT_MS / 1000} s: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          }),
          brokenPage,
        ]);
        const failed = await state.getAttribute('data-print-failed');
        if (failed !== null) throw new PageNotPrintedError(`the page cannot be printed: ${failed}`);
        await page.evaluate('document.fonts.ready.then(() => true)');
        return await page.pdf({
          format: 'A4', printBackground: true, margin: MARGIN, displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="font: 8px Arial, sans-serif; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between"><span>${escapeHtml(footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
        });
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
