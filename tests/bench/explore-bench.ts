import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { generateSyntheticRelease } from '@pathfinder/fixtures';
import { issueToken } from '@pathfinder/server';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { cubeRows, distribution, measureCrossFilter, waitForExploreIdle } from '../e2e/explore-driver.ts';
import { exploreFirstAnswer } from './explore-first-answer.ts';
import { figure, type Figure } from './figures.ts';
import { startServerProcess } from './server-process.ts';

const TOKEN_SECRET = 'bench-secret-of-at-least-32-characters!';

// Synthetic scales whose region practice × week extract has about 1M and 10M rows
// (scale 0.06: 1.1M rows, scale 0.6: 10.4M rows with seed 42); the views query the borough cube.
const SIZES = [
  { label: '1M', scale: 0.06 },
  { label: '10M', scale: 0.6 },
] as const;

export interface ExploreBenchOptions {
  /** Cross-filter interactions per size. */
  readonly interactions?: number;
  /** Visits per caller for the time to the first answered query (after one unrecorded visit). */
  readonly visits?: number;
  /** First of the three ports the bench's servers listen on. */
  readonly port?: number;
}

/**
 * Explore in Chromium against the real server:
 * - the seconds from navigation to the first result the views show (`pf:explore:first-result`:
 *   the server's first answer, or DuckDB-WASM's if it came first), for the public and a region
 *   token, on the release(s) in `dataDir` (the bench's scale-1 release), each visit in a fresh
 *   browser context (nothing cached), after one unrecorded visit that lets the server build its
 *   extracts and cube databases; targets ≤ 2 s and ≤ 4 s;
 * - at about 1M and 10M practice × week rows (a release of each size is generated under
 *   `dataDir` and removed afterwards), a region token and 30 cross-filter interactions as the
 *   browser test drives them: the `pf:query:*` measures of DuckDB-WASM (median and p95, target
 *   p95 ≤ 20 ms) and the seconds until the loaded page is idle.
 */
export async function exploreBench(dataDir: string, options: ExploreBenchOptions = {}): Promise<Figure[]> {
  const { interactions = 30, visits = 5, port = 18790 } = options;
  const figures: Figure[] = [];
  const browser = await launchChromium();
  try {
    figures.push(...(await firstAnswerFigures(browser, dataDir, port, visits)));
    for (const [i, size] of SIZES.entries()) {
      const dir = path.join(dataDir, `explore-${size.label}`);
      await mkdir(dir, { recursive: true });
      await generateSyntheticRelease(dir, { seed: 42, scale: size.scale });
      const server = await startServerProcess(dir, port + 1 + i, { PATHFINDER_TOKEN_SECRET: TOKEN_SECRET });
      try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        await context.addInitScript((t) => sessionStorage.setItem('pathfinder.token', t), await issueToken(TOKEN_SECRET, { role: 'region', ttlSeconds: 3600 }));
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`${server.url}/explore`);
        await waitForExploreIdle(page, 600_000);
        const loadSeconds = (performance.now() - started) / 1000;
        const rows = await cubeRows(page);
        const samples = (await measureCrossFilter(page, interactions)).map((m) => m.ms);
        const d = distribution(samples);
        process.stderr.write(`bench: explore ${size.label}: ${rows} cube rows, ${d.n} queries, median ${d.median.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, max ${d.max.toFixed(1)} ms\n`);
        figures.push(
          figure(`explore: cross-filter query, ${size.label}-row release (${interactions} interactions)`, samples, 'ms', null),
          figure(`explore: cross-filter query p95, ${size.label}-row release`, [d.p95], 'ms', '≤ 20'),
          figure(`explore: loaded and idle, ${size.label}-row release, region token`, [loadSeconds], 's', null),
        );
        await context.close();
      } finally {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

async function firstAnswerFigures(browser: Browser, dataDir: string, port: number, visits: number): Promise<Figure[]> {
  const server = await startServerProcess(dataDir, port, { PATHFINDER_TOKEN_SECRET: TOKEN_SECRET });
  try {
    const figures: Figure[] = [];
    for (const [who, role, target] of [['public', null, '≤ 2'], ['region', 'region', '≤ 4']] as const) {
      const token = role ? await issueToken(TOKEN_SECRET, { role, ttlSeconds: 3600 }) : null;
      const seconds: number[] = [];
      for (let i = 0; i <= visits; i++) {
        const visit = await exploreFirstAnswer(browser, server.url, token);
        if (visit.seconds === null) throw new Error(`Explore showed no result for the ${who} within the deadline`);
        if (i > 0) seconds.push(visit.seconds);
      }
      process.stderr.write(`bench: explore first result, ${who}: ${seconds.map((s) => s.toFixed(2)).join(', ')} s\n`);
      figures.push(figure(`explore: first result, ${who}`, seconds, 's', target));
    }
    return figures;
  } finally {
    await server.stop();
  }
}
