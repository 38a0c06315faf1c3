import type { Browser } from 'playwright-core';

/** What one visit to Explore took until its first answered query. */
export interface FirstAnswer {
  /** Seconds from navigation start to the first commit that showed the views' rows (`pf:explore:first-result`); null when none came before the deadline. */
  readonly seconds: number | null;
  /** Where that answer came from: `server` (GET /explore/views) or `duckdb` (DuckDB-WASM). */
  readonly source: string | null;
  /** Bytes of the extracts the page downloaded by then (Content-Length of /api/v1/extracts/ answers). */
  readonly extractBytes: number;
}

/**
 * Opens `/explore` in a fresh browser context (empty HTTP cache, as a first visit), with the token in
 * session storage as the header's "Use an access token" leaves it, and times the first answer the
 * views showed. The time comes from the page's own clock: the `pf:explore:first-result` mark, set
 * once React has committed the rows, is milliseconds since navigation start, so the harness's
 * overhead is not counted.
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
    const mark = await page
      .waitForFunction(() => {
        const first = performance.getEntriesByName('pf:explore:first-result', 'mark')[0] as PerformanceMark | undefined;
        return first ? { ms: first.startTime, source: String((first.detail as { source?: string } | null)?.source) } : false;
      }, undefined, { timeout: timeoutMs, polling: 50 })
      .then((handle) => handle.jsonValue() as Promise<{ ms: number; source: string }>)
      .catch((error: unknown) => {
        if (error instanceof Error && error.name === 'TimeoutError') return null;
        throw error;
      });
    return { seconds: mark === null ? null : mark.ms / 1000, source: mark?.source ?? null, extractBytes };
  } finally {
    await context.close();
  }
}
