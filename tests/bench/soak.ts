import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { generateSyntheticRelease } from '@pathfinder/fixtures';
import { startServe, stopServe } from '../support/cli-process.ts';
import { figure, table } from './figures.ts';
import { processRssMiB } from './process-rss.ts';
import { rssFigures, type RssSample } from './rss-figures.ts';
import { soakPaths } from './soak-paths.ts';

/**
 * `pnpm bench:soak` (not in CI): SOAK_SECONDS (default 600) of mixed API load at SOAK_CONNECTIONS
 * (default 16) against `pathfinder serve` in its own process on a scale-0.2 synthetic release,
 * sampling the server's RSS every 10 s. Warm-up is the first 2 minutes (a fifth of a shorter run).
 * Writes bench-soak-results.json and prints a table.
 */
const seconds = positiveInteger('SOAK_SECONDS', 600);
const connections = positiveInteger('SOAK_CONNECTIONS', 16);
const warmupSeconds = Math.min(120, Math.round(seconds / 5));
const SAMPLE_EVERY_MS = 10_000;

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1 (got ${JSON.stringify(text)})`);
  return n;
}

const log = (line: string) => process.stderr.write(`soak: ${line}\n`);
const dataDir = await mkdtemp(path.join(tmpdir(), 'pf-soak-'));
try {
  log('generating a scale-0.2 release…');
  const generateStarted = performance.now();
  const manifest = await generateSyntheticRelease(dataDir, { seed: 42, scale: 0.2 });
  log(`release ${manifest.id} in ${Math.round((performance.now() - generateStarted) / 1000)} s; starting the server`);
  const server = await startServe(['--data', dataDir], { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000' });
  try {
    const paths = await soakPaths(server.url);
    const idleMiB = await processRssMiB(server.pid);
    log(`${seconds} s at ${connections} connections over ${paths.length} paths; warm-up ${warmupSeconds} s; idle RSS ${idleMiB.toFixed(0)} MiB`);
    const samples: RssSample[] = [];
    const started = Date.now();
    const sample = async () => {
      const s = { second: Math.round((Date.now() - started) / 1000), rssMiB: await processRssMiB(server.pid) };
      samples.push(s);
      log(`${s.second} s: RSS ${s.rssMiB.toFixed(0)} MiB`);
    };
    const sampler = setInterval(() => void sample(), SAMPLE_EVERY_MS);
    const result = await autocannon({ url: server.url, connections, duration: seconds, requests: paths.map((p) => ({ method: 'GET', path: p })) });
    clearInterval(sampler);
    await sample();
    samples.sort((a, b) => a.second - b.second);

    const figures = [
      ...rssFigures(idleMiB, samples, warmupSeconds),
      figure(`soak: throughput (${connections} connections)`, [result.requests.average], 'req/s', null),
      figure('soak: latency p50', [result.latency.p50], 'ms', null),
      figure('soak: latency p99', [result.latency.p99], 'ms', null),
      figure('soak: socket errors and timeouts', [result.errors], 'count', '≤ 0'),
      figure('soak: 5xx answers', [result['5xx']], 'count', '≤ 0'),
      figure('soak: 4xx answers (bad requests on purpose)', [result['4xx']], 'count', null),
    ];
    const out = path.resolve(import.meta.dirname, '../../bench-soak-results.json');
    writeFileSync(out, `${JSON.stringify({
      createdAt: new Date().toISOString(),
      machine: { cores: availableParallelism(), node: process.version },
      release: manifest.id,
      seconds,
      warmupSeconds,
      connections,
      paths: paths.length,
      requests: result.requests.total,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
      timeouts: result.timeouts,
      samples,
      figures,
    }, null, 2)}\n`);
    console.log(table(figures));
    console.log(`\nRSS every ${SAMPLE_EVERY_MS / 1000} s (MiB): ${samples.map((s) => s.rssMiB.toFixed(0)).join(' ')}`);
    console.log(`${result.requests.total} requests; ${figures.filter((f) => f.pass === false).length} of ${figures.filter((f) => f.pass !== null).length} targets missed; written to bench-soak-results.json`);
  } finally {
    await stopServe(server);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
