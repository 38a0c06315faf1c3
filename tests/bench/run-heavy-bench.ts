import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticRelease } from '@pathfinder/fixtures';
import { table } from './figures.ts';
import { heavyLoadBench } from './heavy-load-bench.ts';

/**
 * `pnpm bench:heavy`: the heavy-load figures alone, into bench-heavy-results.json, over a fresh
 * scale-1 synthetic release, or the data directory BENCH_DATA when set. BENCH_PORT (default
 * 18788) and HEAVY_SECONDS (default 60) as needed.
 */
const dataDir = process.env.BENCH_DATA ?? (await mkdtemp(path.join(tmpdir(), 'pf-heavy-')));
if (!process.env.BENCH_DATA) await generateSyntheticRelease(dataDir, { seed: 42, scale: 1 });
const options = { port: Number(process.env.BENCH_PORT ?? 18788), seconds: Number(process.env.HEAVY_SECONDS ?? 60) };
const figures = [
  ...(await heavyLoadBench(dataDir, options)),
  ...(await heavyLoadBench(dataDir, { ...options, answerCache: false })),
  ...(await heavyLoadBench(dataDir, { ...options, caller: 'region' })),
];
writeFileSync(path.resolve(import.meta.dirname, '../../bench-heavy-results.json'), `${JSON.stringify({ createdAt: new Date().toISOString(), figures }, null, 2)}\n`);
console.log(table(figures));
