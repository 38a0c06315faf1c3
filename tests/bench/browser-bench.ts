import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, chromiumBinary } from '../e2e/chromium.ts';
import { figure, type Figure } from './figures.ts';
import { startServerProcess } from './server-process.ts';

const PAGES = { Overview: '/', Indicator: '/indicators/imm-mmr1-24m' } as const;

/** One Lighthouse run's three metrics, retried (up to 3 times) when Lighthouse reports a run-time error instead. */
async function measure(url: string, port: number): Promise<{ lcp: number; tbt: number; cls: number }> {
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, desktopConfig);
    const audits = result!.lhr.audits;
    const [lcp, tbt, cls] = ['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => audits[id]?.numericValue);
    if (lcp !== undefined && tbt !== undefined && cls !== undefined) return { lcp, tbt, cls };
    lastError = result!.lhr.runtimeError?.code ?? 'a metric is missing';
    process.stderr.write(`bench: Lighthouse run failed on ${url} (${lastError}); retrying\n`);
  }
  throw new Error(`Lighthouse failed three times on ${url}: ${lastError}`);
}

/**
 * Lighthouse 12 (desktop preset) on the built app served by the server: LCP, TBT and CLS per page,
 * median of runs after one unrecorded run per page (so every recorded run meets a warm server, as
 * users of a running server do; Lighthouse clears the browser's cache before each run).
 */
export async function browserBench(dataDir: string, runs = 5): Promise<Figure[]> {
  const server = await startServerProcess(dataDir, 18788);
  const { executablePath, env } = await chromiumBinary();
  const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: CHROMIUM_ARGS, envVars: { ...process.env, ...env } as Record<string, string> });
  try {
    const figures: Figure[] = [];
    for (const [name, path] of Object.entries(PAGES)) {
      await measure(server.url + path, chrome.port);
      const lcp: number[] = [], tbt: number[] = [], cls: number[] = [];
      for (let i = 0; i < runs; i++) {
        const m = await measure(server.url + path, chrome.port);
        lcp.push(m.lcp);
        tbt.push(m.tbt);
        cls.push(m.cls);
      }
      figures.push(
        figure(`browser: ${name} LCP (Lighthouse desktop)`, lcp, 'ms', '≤ 1500'),
        figure(`browser: ${name} TBT`, tbt, 'ms', '≤ 200'),
        figure(`browser: ${name} CLS`, cls, 'score', '≤ 0.05'),
      );
    }
    return figures;
  } finally {
    chrome.kill();
    await server.stop();
  }
}
