import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, url } from './browser-session.ts';
import { cubeRows, distribution, measureCrossFilter, waitForExploreIdle } from './explore-driver.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session?.close());

const INTERACTIONS = 30;

// Timings are figures for the benchmark (tests/bench/explore-bench.ts), never pass or fail here.
// The views query the borough cube, whose size hardly depends on the release's scale (boroughs ×
// months × doses × groups): the scale-0.1 synthetic London's has about half a million rows.
describe('Explore query timings', () => {
  it(`measures every view's query (pf:query:*) over ${INTERACTIONS} cross-filter interactions on a borough cube of at least 100k rows`, async () => {
    const { page } = await session.newPage({ token: inject('regionToken') });
    await page.goto(url('/explore'));
    await waitForExploreIdle(page, 90_000);
    const rows = await cubeRows(page);
    expect(rows).toBeGreaterThanOrEqual(100_000);

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
      `pf:query timings over ${INTERACTIONS} interactions, ${rows.toLocaleString('en-GB')} cube rows:`,
      line('all', measures.map((m) => m.ms)),
      ...views.map((v) => line(v, measures.filter((m) => m.view === v).map((m) => m.ms))),
    ].join('\n'));
    expect(session.errors).toEqual([]);
  }, 240_000);
});
