import autocannon from 'autocannon';
import { ReleaseStore } from '@pathfinder/fixtures';
import { figure, summarise, type Figure } from './figures.ts';
import { startServerProcess } from './server-process.ts';

const PATHS = {
  healthz: '/healthz',
  values: '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough',
  trend: '/api/v1/indicators/imm-mmr1-24m/trend?area=E09000012',
  overview: '/api/v1/overview?areaType=borough&domain=immunisation',
} as const;

interface Load { rps: number; p50: number; p99: number; errors: number }

async function load(url: string, seconds: number, connections = 50): Promise<Load> {
  // Browsers always accept gzip; the server keeps cached answers compressed for them.
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1, headers: { 'accept-encoding': 'gzip' } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/**
 * The API under load in its own process (autocannon, 50 connections, both on this 2-core machine):
 * cached `values`, `trend` and `overview` against `/healthz` measured in the same rounds; then the
 * first request of many distinct URLs right after a release switch (uncached).
 */
export async function apiBench(dataDir: string, releaseIds: readonly string[], options: { rounds?: number; seconds?: number } = {}): Promise<Figure[]> {
  const rounds = options.rounds ?? 3, seconds = options.seconds ?? 8;
  const store = new ReleaseStore(dataDir);
  await store.activate(releaseIds[0]!);
  const server = await startServerProcess(dataDir, 18787);
  try {
    const results: Record<keyof typeof PATHS, Load[]> = { healthz: [], values: [], trend: [], overview: [] };
    for (const p of Object.values(PATHS)) await fetch(server.url + p);
    for (let round = 0; round < rounds; round++) {
      for (const [name, p] of Object.entries(PATHS) as [keyof typeof PATHS, string][]) results[name].push(await load(server.url + p, seconds));
    }
    const health = summarise(results.healthz.map((r) => r.rps)).median;
    const figures: Figure[] = [figure('api: /healthz throughput', results.healthz.map((r) => r.rps), 'req/s', null)];
    for (const name of ['values', 'trend', 'overview'] as const) {
      const rs = results[name];
      figures.push(
        figure(`api: cached ${name} throughput ÷ /healthz`, rs.map((r, i) => r.rps / results.healthz[i]!.rps), 'ratio', '≥ 0.5', { name: '/healthz', value: Math.round(health), unit: 'req/s' }),
        figure(`api: cached ${name} p99 latency (50 connections)`, rs.map((r) => r.p99), 'ms', '< 20'),
        figure(`api: cached ${name} p50 latency`, rs.map((r) => r.p50), 'ms', null),
        figure(`api: cached ${name} errors`, rs.map((r) => r.errors), 'count', '≤ 0'),
      );
    }
    if (releaseIds[1]) figures.push(...(await uncachedAfterSwitch(server.url, store, releaseIds[1])));
    return figures;
  } finally {
    await server.stop();
  }
}

/** Switches release (the running server watches `current`) and times the first request of each of many distinct URLs. */
async function uncachedAfterSwitch(url: string, store: ReleaseStore, nextId: string): Promise<Figure[]> {
  await store.activate(nextId);
  const deadline = Date.now() + 20_000;
  while (((await (await fetch(`${url}/healthz`)).json()) as { releaseId: string }).releaseId !== nextId) {
    if (Date.now() > deadline) throw new Error('server did not switch release');
    await new Promise((r) => setTimeout(r, 250));
  }
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
    figure(`api: uncached first request after release switch, p99 of ${urls.length} URLs`, [p99], 'ms', '< 300'),
    figure('api: uncached first request after release switch, median', [summarise(times).median], 'ms', null),
  ];
}
