import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, url } from './browser-session.ts';
import { distribution, measureCrossFilter, waitForExploreIdle } from './explore-driver.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const INTERACTIONS = 30;

// Timings are figures for the benchmark (tests/bench/explore-bench.ts), never pass or fail here.
// The browser tests' release is the scale-0.1 synthetic London, whose region extract has about
// 1.8 million practice × week rows, so no rows are generated or repeated to reach a million.
describe('Explore query timings', () => {
  it(`measures every view's query (pf:query:*) over ${INTERACTIONS} cross-filter interactions on an extract of at least 1M rows`, async () => {
    const { page } = await session.newPage({ token: inject('regionToken') });
    await page.goto(url('/explore'));
    await waitForExploreIdle(page, 90_000);
    const rows = Number((await page.locator('.explore-summary__figures div', { hasText: 'Extract rows loaded' }).locator('dd').innerText()).replaceAll(',', ''));
    expect(rows).toBeGreaterThanOrEqual(1_000_000);

    const measures = await measureCrossFilter(page, INTERACTIONS);
    const views = [...new Set(measures.map((m) => m.view))].sort();
    expect(views).toEqual(['doses', 'ethnicity', 'map', 'quintiles', 'summary', 'time']);
    expect(measures.length).toBeGreaterThanOrEqual(INTERACTIONS);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const line = (name: string, samples: number[]) => {
      const d = distribution(samples);
      return `${name.padEnd(10)} n=${String(d.n).padStart(3)}  median ${ms(d.median)}  p95 ${ms(d.p95)}  max ${ms(d.max)}`;
    };
    console.log([
      `pf:query timings over ${INTERACTIONS} interactions, ${rows.toLocaleString('en-GB')} extract rows:`,
      line('all', measures.map((m) => m.ms)),
      ...views.map((v) => line(v, measures.filter((m) => m.view === v).map((m) => m.ms))),
    ].join('\n'));
    expect(session.errors).toEqual([]);
  }, 240_000);
});
