import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { figure, type Figure } from './figures.ts';
import { startServerProcess } from './server-process.ts';

const PAGES = { Overview: '/', Indicator: '/indicators/imm-mmr1-24m' } as const;

/** Lighthouse 12 (desktop preset) on the built app served by the server: LCP, TBT and CLS per page, median of runs. */
export async function browserBench(dataDir: string, runs = 3): Promise<Figure[]> {
  const server = await startServerProcess(dataDir, 18788);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS.filter((f) => f !== '--headless').concat('--headless=new') });
  try {
    const figures: Figure[] = [];
    for (const [name, path] of Object.entries(PAGES)) {
      const lcp: number[] = [], tbt: number[] = [], cls: number[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, desktopConfig);
        const audits = result!.lhr.audits;
        lcp.push(audits['largest-contentful-paint']!.numericValue!);
        tbt.push(audits['total-blocking-time']!.numericValue!);
        cls.push(audits['cumulative-layout-shift']!.numericValue!);
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
