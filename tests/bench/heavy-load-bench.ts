import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { campaignOpens, type Campaign } from '@pathfinder/metrics';
import { issueToken } from '@pathfinder/server';
import { figure, type Figure } from './figures.ts';
import { processRssMiB } from './process-rss.ts';
import { rssFigures, type RssSample } from './rss-figures.ts';
import { startServerProcess } from './server-process.ts';

const TRIVIAL_PATH = '/api/v1/indicators';
const TRIVIAL_GAP_MS = 20;
const RSS_EVERY_MS = 2_000;
const DAY_MS = 86_400_000;

interface HeavyRequest {
  /** Without `param`: each request adds its own value of it, so no two in a row ask the same and the cache cannot answer. */
  readonly path: string;
  readonly param: 'asOf' | 'period';
  readonly values: readonly string[];
  readonly headers: Record<string, string>;
  readonly label: string;
}

/**
 * Does one slow answer stall the others? `clients` clients ask for the heaviest answers the server
 * gives (campaign progress by day and by group, borough level for a region token and the largest
 * the public may have), each with the next `asOf`, for `seconds` (with `answerCache: false` the
 * server keeps no answers, so every one is computed); meanwhile
 * a worker thread times a trivial cached request every 20 ms, and the server's RSS is sampled every
 * 2 s. Targets (issue 14): the trivial request's p99 under 50 ms, and RSS flat within 10 % from
 * the end of warm-up to the end.
 */
export async function heavyLoadBench(dataDir: string, options: { port: number; seconds?: number; clients?: number; caller?: 'public' | 'region'; answerCache?: boolean }): Promise<Figure[]> {
  const caller = options.caller ?? 'public';
  const answerCache = options.answerCache ?? true;
  // The issue's targets are for the public's heaviest answers; a region token's (daily, by group,
  // every borough) are measured too, without a target, to show what a scoped analyst costs.
  const name = `heavy load${caller === 'public' ? '' : ' (region token)'}${answerCache ? '' : ', answer cache off'}`;
  const target = <T>(value: T) => (caller === 'public' ? value : null);
  const seconds = options.seconds ?? 60;
  const clients = options.clients ?? 4;
  const secret = randomBytes(32).toString('base64url');
  // With the cache off every answer is computed: the public's asOf values run out after about 1,200
  // distinct requests, and from then on the cache answers most of them.
  const server = await startServerProcess(dataDir, options.port, { PATHFINDER_TOKEN_SECRET: secret, ...(answerCache ? {} : { RESPONSE_CACHE_MB: '0' }) });
  try {
    const region = { Authorization: `Bearer ${await issueToken(secret, { role: 'region', ttlSeconds: 3600 })}` };
    const heavy = (await heavyRequests(server.url, region)).filter((h) => (caller === 'public') === (h.headers === PUBLIC));
    const pid = server.process.pid!;
    await fetch(server.url + TRIVIAL_PATH);
    const idle = await trivialLatencies(server.url, 5);
    const idleMiB = await processRssMiB(pid);

    const started = Date.now();
    const samples: RssSample[] = [];
    const sampler = setInterval(() => void processRssMiB(pid).then((rssMiB) => samples.push({ second: Math.round((Date.now() - started) / 1000), rssMiB })), RSS_EVERY_MS);
    const [loaded, answers] = await Promise.all([trivialLatencies(server.url, seconds), heavyClients(server.url, heavy, clients, seconds)]);
    clearInterval(sampler);
    samples.push({ second: Math.round((Date.now() - started) / 1000), rssMiB: await processRssMiB(pid) });
    samples.sort((a, b) => a.second - b.second);

    const ok = answers.filter((a) => a.status === 200);
    const p99 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.99 * xs.length) - 1)]!;
    process.stderr.write(`${name}: ${heavy.map((h) => h.label).join('; ')}\n`);
    const figures = [
      figure(`${name}: trivial request (GET ${TRIVIAL_PATH}) latency, idle`, idle, 'ms', null),
      figure(`${name}: trivial request latency while ${clients} clients ask for the heaviest answers`, loaded, 'ms', null),
      figure(`${name}: trivial request p99 latency meanwhile`, [p99(loaded)], 'ms', target('< 50')),
      figure(`${name}: heavy answers given`, [ok.length / seconds], 'answers/s', null),
      figure(`${name}: heavy answer latency`, ok.length ? ok.map((a) => a.ms) : [0], 'ms', null),
      figure(`${name}: heavy answer size`, ok.length ? ok.map((a) => a.bytes / 1_048_576) : [0], 'MiB', null),
      figure(`${name}: heavy requests refused (4xx)`, [answers.filter((a) => a.status >= 400 && a.status < 500).length], 'count', null),
      figure(`${name}: heavy requests failed (5xx or no answer)`, [answers.filter((a) => a.status >= 500 || a.status === 0).length], 'count', '≤ 0'),
      ...rssFigures(idleMiB, samples, Math.max(4, Math.round(seconds / 6)), name),
    ];
    return caller === 'public' ? figures : figures.map((f) => (f.target?.startsWith('≤ 0') ? f : { ...f, target: null, pass: null }));
  } finally {
    await server.stop();
  }
}

const PUBLIC: Record<string, string> = {};

/** The heaviest requests answered with 200: campaign progress for the public (weekly; London by group) and a region token (daily, by group), and the public's largest tables. */
async function heavyRequests(url: string, region: Record<string, string>): Promise<HeavyRequest[]> {
  const json = async <T>(path: string) => (await (await fetch(url + path)).json()) as T;
  const { campaigns } = await json<{ campaigns: Campaign[] }>('/api/v1/campaigns');
  const { release } = await json<{ release: { dataAsAt: string } }>('/api/v1/releases/current');
  const candidates: HeavyRequest[] = [];
  for (const campaign of campaigns) {
    const last = campaign.end < release.dataAsAt ? campaign.end : release.dataAsAt;
    const asOfs: string[] = [];
    for (let t = Date.parse(last); t >= Date.parse(campaignOpens(campaign)) + 28 * DAY_MS; t -= DAY_MS) asOfs.push(new Date(t).toISOString().slice(0, 10));
    const base = `/api/v1/campaigns/${campaign.id}/progress?`;
    candidates.push(
      { path: `${base}interval=day&breakdown=deprivation`, param: 'asOf', values: asOfs, headers: region, label: `region ${campaign.id} day × deprivation` },
      { path: `${base}interval=day&breakdown=ethnicity`, param: 'asOf', values: asOfs, headers: region, label: `region ${campaign.id} day × ethnicity` },
      { path: `${base}interval=week`, param: 'asOf', values: asOfs, headers: PUBLIC, label: `public ${campaign.id} week, every borough` },
      { path: `${base}interval=week&areaType=region&breakdown=ethnicity`, param: 'asOf', values: asOfs, headers: PUBLIC, label: `public ${campaign.id} week × ethnicity, London` },
      { path: `${base}interval=week&areaType=region&breakdown=deprivation`, param: 'asOf', values: asOfs, headers: PUBLIC, label: `public ${campaign.id} week × deprivation, London` },
    );
  }
  // A financial year of quarters summed from the public table, each year a different answer.
  const years = ['2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25'];
  candidates.push({ path: '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&breakdown=ethnicity:Asian', param: 'period', values: years, headers: PUBLIC, label: 'public values of a year by group' });
  const answered: HeavyRequest[] = [];
  for (const c of candidates) {
    const res = await fetch(requestUrl(url, c, 0), { headers: c.headers });
    await res.arrayBuffer();
    if (res.status === 200) answered.push(c);
  }
  if (answered.length === 0) throw new Error('no heavy request was answered: is there event data in the release?');
  return answered;
}

const requestUrl = (url: string, h: HeavyRequest, k: number) => `${url}${h.path}&${h.param}=${encodeURIComponent(h.values[k % h.values.length]!)}`;

/** `clients` clients asking, one after another, for the heavy requests in turn, each with the next asOf. */
async function heavyClients(url: string, heavy: readonly HeavyRequest[], clients: number, seconds: number) {
  const until = Date.now() + seconds * 1000;
  const answers: { status: number; ms: number; bytes: number }[] = [];
  let next = 0;
  const client = async () => {
    while (Date.now() < until) {
      const n = next++;
      const h = heavy[n % heavy.length]!;
      const k = Math.floor(n / heavy.length);
      const t = performance.now();
      try {
        const res = await fetch(requestUrl(url, h, k), { headers: { ...h.headers, 'Accept-Encoding': 'gzip' } });
        const bytes = (await res.arrayBuffer()).byteLength;
        answers.push({ status: res.status, ms: performance.now() - t, bytes });
      } catch {
        answers.push({ status: 0, ms: performance.now() - t, bytes: 0 });
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return answers;
}

/** Latencies (ms) of the trivial request, timed in a worker thread so the heavy clients' work here cannot delay the clock. */
function trivialLatencies(url: string, seconds: number): Promise<number[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const until = Date.now() + workerData.seconds * 1000;
      const out = [];
      while (Date.now() < until) {
        const t = performance.now();
        const res = await fetch(workerData.url);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error('trivial request answered ' + res.status);
        out.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, workerData.gap));
      }
      parentPort.postMessage(out);
    })().catch((error) => { throw error; });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url: url + TRIVIAL_PATH, seconds, gap: TRIVIAL_GAP_MS } });
    worker.once('message', (latencies: number[]) => resolve(latencies));
    worker.once('error', reject);
  });
}
