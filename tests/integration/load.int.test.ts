import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedSyntheticRelease } from '../../fixtures/test/cached-release.ts';
import { startServe, stopServe, type ServeProcess } from '../support/cli-process.ts';
import { MIXED_API_REQUESTS } from '../support/mixed-api-requests.ts';
import { mixedLoad } from '../support/mixed-load.ts';

// A quarter of a minute of both cores saturated (about 8,000 requests, each of the mix hundreds of times over
// 100 connections) finds what a minute did at a quarter of the cost to the rest of the suite; `pnpm bench:soak`
// holds the load for minutes.
const SECONDS = 15;
const CONNECTIONS = 100;
// A request unanswered after this long counts as a timeout. Not autocannon's 10 s: this file shares two
// cores with a browser suite, and a CI run saw 15 of ~15k requests wait past 10 s while the server, alone,
// answers this load with p99 1.3 s. What it checks is that every request is answered, correctly;
// latency is `pnpm bench`'s to measure, on a quiet machine.
const TIMEOUT_SECONDS = 30;

let dataDir: string;
let server: ServeProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pf-load-'));
  await cachedSyntheticRelease(dataDir, { seed: 42, scale: 0.05 });
  // High enough that the rate limiter is on the path of every request but never refuses one.
  server = await startServe(['--data', dataDir], { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000' });
  // One of each first: the server has no single-flight for identical cache misses, so 100
  // connections asking a cold cache the same thing at once queue 100 copies of each query.
  for (const { path: p } of MIXED_API_REQUESTS) await (await fetch(server.url + p)).arrayBuffer();
}, 120_000);
afterAll(async () => {
  if (server) await stopServe(server);
  await rm(dataDir, { recursive: true, force: true });
});

describe('pathfinder serve under load', () => {
  it(`answers ${SECONDS} s of mixed requests at ${CONNECTIONS} connections with no 5xx, socket error or request left ${TIMEOUT_SECONDS} s unanswered, and 4xx only where asked`, async () => {
    const result = await mixedLoad(server.url, MIXED_API_REQUESTS, { seconds: SECONDS, connections: CONNECTIONS, timeoutSeconds: TIMEOUT_SECONDS });
    console.info(`${SECONDS} s at ${CONNECTIONS} connections: ${result.requests} requests, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms`);
    expect(result.errors).toEqual({});
    expect(result.timeouts).toBe(0);
    expect(result.unexpected).toEqual([]);
    expect(result.unanswered).toEqual([]);
    expect(result.requests).toBeGreaterThan(MIXED_API_REQUESTS.length * CONNECTIONS);
  }, 120_000);
});
