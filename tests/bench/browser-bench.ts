import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, chromiumBinary } from '../e2e/chromium.ts';
import { figure, type Figure } from './figures.ts';
import { startServerProcess } from './server-process.ts';

const PAGES = {
  Overview: '/',
  Indicator: '/indicators/imm-mmr1-24m',
  Campaign: '/campaigns/polio-ipv-2022',
  Attention: '/attention',
} as const;

type PageName = keyof typeof PAGES;
interface PageMetrics { lcp: number; tbt: number; cls: number }

/** One Lighthouse run's three metrics, retried (up to 3 times) when Lighthouse reports a run-time error instead. */
async function measure(url: string, port: number): Promise<PageMetrics> {
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
 * Lighthouse 12 (desktop preset) on the built app served by the server, as the public: LCP, TBT and
 * CLS per page, median and p95 of `runs` runs. One unrecorded run per page first (so every recorded
 * run meets a warm server, as users of a running server do; Lighthouse clears the browser's cache
 * before each run), then the pages in turn, round after round, so a change in the machine's load
 * falls on every page alike.
 */
export async function browserBench(dataDir: string, { runs = 5, port = 18788 }: { runs?: number; port?: number } = {}): Promise<Figure[]> {
  const server = await startServerProcess(dataDir, port);
  const { executablePath, env } = await chromiumBinary();
  const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: CHROMIUM_ARGS, envVars: { ...process.env, ...env } as Record<string, string> });
  try {
    const pages = Object.entries(PAGES) as [PageName, string][];
    for (const [, path] of pages) await measure(server.url + path, chrome.port);
    const samples = new Map(pages.map(([name]) => [name, [] as PageMetrics[]]));
    for (let round = 0; round < runs; round++) {
      for (const [name, path] of pages) samples.get(name)!.push(await measure(server.url + path, chrome.port));
    }
    return pages.flatMap(([name]) => {
      const runsOf = samples.get(name)!;
      return [
        figure(`browser: ${name} LCP (Lighthouse desktop)`, runsOf.map((m) => m.lcp), 'ms', '≤ 1000'),
        figure(`browser: ${name} TBT`, runsOf.map((m) => m.tbt), 'ms', '≤ 150'),
        figure(`browser: ${name} CLS`, runsOf.map((m) => m.cls), 'score', '≤ 0.02'),
      ];
    });
  } finally {
    chrome.kill();
    await server.stop();
  }
}
