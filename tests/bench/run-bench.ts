import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReleaseStore } from '@pathfinder/fixtures';
import { aggregationBench } from './aggregation-bench.ts';
import { apiBench } from './api-bench.ts';
import { attentionBench } from './attention-bench.ts';
import { browserBench } from './browser-bench.ts';
import { bundleBench } from './bundle-bench.ts';
import { exploreBench } from './explore-bench.ts';
import { markdownTable, table, type Figure } from './figures.ts';
import { generatorBench } from './generator-bench.ts';
import { heavyLoadBench } from './heavy-load-bench.ts';
import { importBench } from './import-bench.ts';
import { statsBench } from './stats-bench.ts';

/**
 * `pnpm bench`: every performance figure of the project, each a median (and p95) of repeated runs,
 * ratios against a baseline measured in the same run. Writes bench-results.json, bench-results.md (a Markdown table for
 * the README) and prints a table.
 */
const started = performance.now();
const figures: Figure[] = [];
const step = async (name: string, fn: () => Promise<Figure[]> | Figure[]) => {
  process.stderr.write(`bench: ${name}…\n`);
  figures.push(...(await fn()));
};

await step('bundle size', bundleBench);
await step('statistics', statsBench);
await step('tidy import', importBench);
const generated = await generatorBench();
figures.push(...generated.figures);
const releaseDir = new ReleaseStore(generated.data.dataDir).releaseDir(generated.data.releaseIds[0]!);
await step('aggregation', () => aggregationBench(releaseDir));
await step('attention', () => attentionBench(generated.data.dataDir, generated.data.releaseIds[0]!));
await step('api', () => apiBench(generated.data.dataDir, generated.data.releaseIds));
await step('heavy load', () => heavyLoadBench(generated.data.dataDir, { port: 18788 }));
await step('heavy load (region token)', () => heavyLoadBench(generated.data.dataDir, { port: 18788, caller: 'region' }));
await step('browser', () => browserBench(generated.data.dataDir));
await step('explore', () => exploreBench(generated.data.dataDir));

const out = path.resolve(import.meta.dirname, '../../bench-results.json');
writeFileSync(out, `${JSON.stringify({ createdAt: new Date().toISOString(), machine: machine(), seconds: Math.round((performance.now() - started) / 1000), figures }, null, 2)}\n`);
writeFileSync(path.resolve(import.meta.dirname, '../../bench-results.md'), `${markdownTable(figures)}\n`);
console.log(table(figures));
console.log(`\n${figures.filter((f) => f.pass === false).length} of ${figures.filter((f) => f.pass !== null).length} targets missed; ${Math.round((performance.now() - started) / 1000)} s; written to bench-results.json and bench-results.md (the README's table)`);

/** The machine the figures were measured on: absolute figures mean little without it. */
function machine() {
  const cpus = os.cpus();
  return { cores: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10, platform: `${os.platform()} ${os.release()}`, node: process.version };
}
