import type { Browser } from 'playwright-core';

/** What one visit to Explore took until its first answered query. */
export interface FirstAnswer {
  /** Seconds from navigation start to the end of the first `pf:query:*` measure; null when none came before the deadline. */
  readonly seconds: number | null;
  /** Bytes of the extracts the page downloaded by then (Content-Length of /api/v1/extracts/ answers). */
  readonly extractBytes: number;
}

/**
 * Opens `/explore` in a fresh browser context (empty HTTP cache, as a first visit), with the token in
 * session storage as the header's "Use an access token" leaves it, and times the first query a view
 * answered. The time comes from the page's own clock: a User Timing measure's start plus duration is
 * milliseconds since navigation start, so the harness's overhead is not counted.
 */
export async function exploreFirstAnswer(browser: Browser, baseUrl: string, token: string | null, timeoutMs = 180_000): Promise<FirstAnswer> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    if (token) await context.addInitScript((t) => sessionStorage.setItem('pathfinder.token', t), token);
    const page = await context.newPage();
    let extractBytes = 0;
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/v1/extracts/')) extractBytes += Number(res.headers()['content-length'] ?? 0);
    });
    await page.goto(`${baseUrl}/explore`);
    const ms = await page
      .waitForFunction(() => {
        const first = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('pf:query:')).map((m) => m.startTime + m.duration).sort((a, b) => a - b)[0];
        return first ?? false;
      }, undefined, { timeout: timeoutMs, polling: 50 })
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch((error: unknown) => {
        if (error instanceof Error && error.name === 'TimeoutError') return null;
        throw error;
      });
    return { seconds: ms === null ? null : ms / 1000, extractBytes };
  } finally {
    await context.close();
  }
}
