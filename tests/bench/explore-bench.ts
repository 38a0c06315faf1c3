import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { generateSyntheticRelease } from '@pathfinder/fixtures';
import { issueToken } from '@pathfinder/server';
import { launchChromium } from '../e2e/chromium.ts';
import { distribution, measureCrossFilter, waitForExploreIdle } from '../e2e/explore-driver.ts';
import { figure, type Figure } from './figures.ts';
import { startServerProcess } from './server-process.ts';

const TOKEN_SECRET = 'bench-secret-of-at-least-32-characters!';

// Synthetic scales whose region extract has about 1M and 10M practice × week rows
// (scale 0.06: 1.1M rows, scale 0.6: 10.4M rows with seed 42).
const SIZES = [
  { label: '1M', scale: 0.06, port: 18790 },
  { label: '10M', scale: 0.6, port: 18791 },
] as const;

/**
 * Explore in Chromium at about 1M and 10M extract rows: a release of each size, the real server,
 * a region token, then 30 cross-filter interactions as the browser test drives them; reports the
 * `pf:query:*` User Timing measures (median and p95, target p95 < 50 ms) and the time to load the
 * extract into DuckDB-WASM. Each release is generated under `dataDir` and removed afterwards.
 */
export async function exploreBench(dataDir: string, interactions = 30): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const size of SIZES) {
    const dir = path.join(dataDir, `explore-${size.label}`);
    await mkdir(dir, { recursive: true });
    await generateSyntheticRelease(dir, { seed: 42, scale: size.scale });
    const server = await startServerProcess(dir, size.port, { PATHFINDER_TOKEN_SECRET: TOKEN_SECRET });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addInitScript((t) => sessionStorage.setItem('pathfinder.token', t), await issueToken(TOKEN_SECRET, { role: 'region', ttlSeconds: 3600 }));
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.url}/explore`);
      await waitForExploreIdle(page, 600_000);
      const loadSeconds = (performance.now() - started) / 1000;
      const rows = Number((await page.locator('.explore-summary__figures div', { hasText: 'Extract rows loaded' }).locator('dd').innerText()).replaceAll(',', ''));
      const samples = (await measureCrossFilter(page, interactions)).map((m) => m.ms);
      const d = distribution(samples);
      process.stderr.write(`bench: explore ${size.label}: ${rows} extract rows, ${d.n} queries, median ${d.median.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, max ${d.max.toFixed(1)} ms\n`);
      figures.push(
        figure(`explore: pf:query time, ${size.label} extract rows (${interactions} interactions)`, samples, 'ms', null),
        figure(`explore: pf:query p95, ${size.label} extract rows`, [d.p95], 'ms', '< 50'),
        figure(`explore: load extract into DuckDB-WASM, ${size.label} extract rows`, [loadSeconds], 's', null),
      );
    } finally {
      await browser.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  return figures;
}
