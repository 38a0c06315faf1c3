import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import type { PrintRequest } from './pdf-printer.ts';

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
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
        // The page says when every figure has arrived and the map is drawn, or why it cannot be printed.
        const state = await page.waitForSelector('[data-print-ready], [data-print-failed]', { timeout: READY_TIMEOUT_MS });
        const failed = await state.getAttribute('data-print-failed');
        if (failed !== null || pageErrors.length > 0) throw new Error(`the page cannot be printed: ${failed ?? pageErrors.join('; ')}`);
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
