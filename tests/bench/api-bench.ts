import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { ReleaseStore } from '@pathfinder/fixtures';
import { figure, summarise, type Figure } from './figures.ts';
import { startServerProcess, untilPrepared, untilQuiet } from './server-process.ts';

const PATHS = {
  healthz: '/healthz',
  values: '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough',
  trend: '/api/v1/indicators/imm-mmr1-24m/trend?area=E09000012',
  overview: '/api/v1/overview?areaType=borough&domain=immunisation',
  // The Attention view's first request as the public (boroughs and ICBs, every severity but ok).
  attention: '/api/v1/attention',
} as const;
type PathName = keyof typeof PATHS;
const CACHED = ['values', 'trend', 'overview', 'attention'] as const satisfies readonly PathName[];

interface Load { rps: number; p50: number; p99: number; errors: number }

async function load(url: string, seconds: number, connections = 50): Promise<Load> {
  // Browsers always accept gzip; the server keeps cached answers compressed for them.
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1, headers: { 'accept-encoding': 'gzip' } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/**
 * The API under load in its own process (autocannon, 50 connections, both on this 2-core machine):
 * cached `values`, `trend`, `overview` and `attention` against `/healthz` measured in the same rounds,
 * interleaved (each round asks every path in turn), so each ratio compares answers measured under
 * the same conditions; then the first request (uncached) of many distinct URLs after a release switch,
 * once the new release's background builds are done (their time is a figure of its own).
 */
export async function apiBench(dataDir: string, releaseIds: readonly string[], options: { rounds?: number; seconds?: number; port?: number } = {}): Promise<Figure[]> {
  const rounds = options.rounds ?? 5, seconds = options.seconds ?? 5;
  const store = new ReleaseStore(dataDir);
  await store.activate(releaseIds[0]!);
  const server = await startServerProcess(dataDir, options.port ?? 18787);
  try {
    const results = Object.fromEntries(Object.keys(PATHS).map((name) => [name, [] as Load[]])) as Record<PathName, Load[]>;
    for (const p of Object.values(PATHS)) {
      const res = await fetch(server.url + p);
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
    }
    for (let round = 0; round < rounds; round++) {
      for (const [name, p] of Object.entries(PATHS) as [PathName, string][]) results[name].push(await load(server.url + p, seconds));
    }
    const health = results.healthz;
    const healthRps = summarise(health.map((r) => r.rps)).median;
    const healthP99 = summarise(health.map((r) => r.p99)).median;
    const figures: Figure[] = [
      figure('api: /healthz throughput', health.map((r) => r.rps), 'req/s', null),
      figure('api: /healthz p99 latency (50 connections)', health.map((r) => r.p99), 'ms', null),
    ];
    // Targets are ratios to /healthz in the same round: absolute times differ twofold between machines.
    for (const name of CACHED) {
      const rs = results[name];
      figures.push(
        figure(`api: cached ${name} throughput ÷ /healthz throughput`, rs.map((r, i) => r.rps / health[i]!.rps), 'ratio', '≥ 0.6', { name: '/healthz', value: Math.round(healthRps), unit: 'req/s' }),
        figure(`api: cached ${name} p99 ÷ /healthz p99`, rs.map((r, i) => r.p99 / Math.max(1, health[i]!.p99)), 'ratio', '≤ 2', { name: '/healthz p99', value: healthP99, unit: 'ms' }),
        figure(`api: cached ${name} p99 latency (50 connections)`, rs.map((r) => r.p99), 'ms', null),
        figure(`api: cached ${name} errors`, rs.map((r) => r.errors), 'count', '≤ 0'),
      );
    }
    if (releaseIds[1]) figures.push(...(await uncachedAfterSwitch(server, store, releaseIds[1])));
    return figures;
  } finally {
    await server.stop();
  }
}

/** Switches release (the running server watches `current`), waits for its background builds, and times the first request of each of many distinct URLs. */
async function uncachedAfterSwitch(server: { url: string; process: ChildProcess }, store: ReleaseStore, nextId: string): Promise<Figure[]> {
  const { url } = server;
  const activated = performance.now();
  await store.activate(nextId);
  const deadline = Date.now() + 20_000;
  while (((await (await fetch(`${url}/healthz`)).json()) as { releaseId: string }).releaseId !== nextId) {
    if (Date.now() > deadline) throw new Error('server did not switch release');
    await new Promise((r) => setTimeout(r, 250));
  }
  const switched = performance.now();
  // The new release's background builds (attention tables, Explore answers, cohort cubes) first: timed on their own
  // below, so the first requests measure answering, not sharing two cores with those builds.
  await untilPrepared(url);
  await untilQuiet(server.process.pid!);
  const prepared = performance.now();
  const ids = ((await (await fetch(`${url}/api/v1/indicators`)).json()) as { indicators: { id: string; areaTypes: string[] }[] }).indicators;
  const urls = ids.flatMap((i) => [
    `/api/v1/indicators/${i.id}/values?areaType=borough`,
    `/api/v1/indicators/${i.id}/values?areaType=icb`,
    `/api/v1/indicators/${i.id}/trend?area=E09000012`,
  ]).concat(
    ['/api/v1/overview?areaType=borough&domain=immunisation', '/api/v1/overview?areaType=icb', '/api/v1/areas/E09000025/profile'],
    // The campaign monitor's first requests, and cohort curves: answers derived from event data.
    // The public gets weekly progress, and groups for London only (daily and groups below London need a token).
    ['areaType=borough', 'areaType=icb', 'areaType=region&breakdown=deprivation', 'areaType=region&breakdown=ethnicity', 'areaType=borough&asOf=2022-10-13']
      .map((q) => `/api/v1/campaigns/polio-ipv-2022/progress?${q}`),
    ['/api/v1/campaigns/mmr-catch-up-2023/progress?areaType=borough', '/api/v1/cohorts/imm-mmr1-24m/curve?area=E09000012', '/api/v1/cohorts/imm-dtap-ipv-hib3-12m/curve?area=E12000007'],
    ['/api/v1/attention', '/api/v1/attention?domain=immunisation&areaType=borough', '/api/v1/attention?area=E09000012'],
  );
  const times: number[] = [];
  for (const u of urls) {
    const t = performance.now();
    const res = await fetch(url + u);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${u}: ${res.status}`);
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.ceil(0.99 * sorted.length) - 1]!;
  const slowest = urls.map((u, i) => ({ u, ms: times[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 5);
  process.stderr.write(`bench: slowest first requests: ${slowest.map((s) => `${s.u} ${Math.round(s.ms)} ms`).join('; ')}\n`);
  return [
    figure('api: release switch, activation until served', [switched - activated], 'ms', null),
    figure('api: release switch, served until its background builds are done', [prepared - switched], 'ms', null),
    figure(`api: first request of a URL after a release switch (uncached), p99 of ${urls.length} URLs`, [p99], 'ms', '≤ 150'),
    figure('api: first request of a URL after a release switch (uncached), median', [summarise(times).median], 'ms', null),
    // Where the time goes when the p99 moves: the five slowest URLs of this run, slowest first.
    ...slowest.map((s, i) => figure(`api: first request after a release switch, slowest ${i + 1}: ${s.u}`, [s.ms], 'ms', null)),
  ];
}
