import { appendFile, cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hc } from 'hono/client';
import { DOMAINS, INDICATORS, RELEASE_LAYOUT, type ReleaseSummary } from '@pathfinder/metrics';
import { importRelease } from '@pathfinder/fixtures';
import type { AppType, AuditEntry } from '@pathfinder/server';
import { openTestRelease } from '../support/test-release.ts';
import { csvText } from '../support/valid-import-files.ts';

/** A hand-made tidy file: Camden's and Hackney's MMR1 at 24 months in one quarter. */
const TIDY_B = csvText({
  header: ['indicator', 'area_code', 'period', 'numerator', 'denominator'],
  rows: [
    ['24m_MMR1', 'E09000007', '2023/24 Q4', '612', '789'],
    ['24m_MMR1', 'E09000012', '2023/24 Q4', '700', '900'],
  ],
});
const TIDY_C = csvText({ header: ['indicator', 'area_code', 'period', 'numerator', 'denominator'], rows: [['24m_MMR1', 'E09000007', '2023/24 Q4', '501', '600']] });

const B = 'import-b';
const PERIOD = '2023/24 Q4';
const CAMDEN = 'E09000007';
const VALUES = `/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&period=${encodeURIComponent(PERIOD)}`;

interface ValuesBody {
  meta: { releaseId: string; kind: string; disclosure: string };
  rows: { areaCode: string; numerator: number | null; denominator: number | null }[];
}

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let admin: Record<string, string>;
let listEtag: string;
const A = () => release.manifest.id;

/** Publishes a tidy file as release `name` beside the current one (not made current). */
async function publishTidy(name: string, csv: string): Promise<void> {
  const file = path.join(release.dataDir, `${name}.csv`);
  await writeFile(file, csv);
  await importRelease(release.dataDir, [file], 'tidy', { releaseName: name, activate: false });
}

/** A copy of release `from` under id `to`, its manifest changed by `edit` (the files, and so verification, unchanged). */
async function copyRelease(from: string, to: string, edit: (manifest: Record<string, unknown>) => void = () => undefined): Promise<string> {
  const dir = path.join(release.dataDir, RELEASE_LAYOUT.releasesFolder, to);
  await cp(path.join(release.dataDir, RELEASE_LAYOUT.releasesFolder, from), dir, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(dir, RELEASE_LAYOUT.manifestFile), 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(path.join(dir, RELEASE_LAYOUT.manifestFile), JSON.stringify({ ...manifest, id: to }));
  return dir;
}

const camden = (body: ValuesBody) => body.rows.find((r) => r.areaCode === CAMDEN)!;

beforeAll(async () => {
  release = await openTestRelease({ scale: 0.02 });
  await publishTidy(B, TIDY_B);
  app = release.app();
  admin = await release.auth('admin');
}, 180_000);
afterAll(() => release.dispose());

describe('several releases served by one app', () => {
  it('lists every release, the current one first, with what each holds', async () => {
    const res = await app.request('/api/v1/releases');
    expect(res.status).toBe(200);
    listEtag = res.headers.get('ETag')!;
    expect((await app.request('/api/v1/releases', { headers: { 'If-None-Match': listEtag } })).status).toBe(304);
    const body = (await res.json()) as { meta: { releaseId: string }; releases: ReleaseSummary[] };
    expect(body.meta.releaseId).toBe(A());
    expect(body.releases.map((r) => [r.id, r.current])).toEqual([[A(), true], [B, false]]);
    const [a, b] = body.releases as [ReleaseSummary, ReleaseSummary];
    expect(a).toMatchObject({ kind: 'synthetic', synthetic: true, hasEvents: true, disclosure: { policy: 'suppress-1-7-round-5-complementary' }, createdAt: release.manifest.createdAt, dataAsAt: release.manifest.dataAsAt });
    expect(a.coverage.indicators).toEqual(release.manifest.coverage.indicators);
    expect(a.coverage.domains).toEqual(DOMAINS.filter((d) => INDICATORS.some((i) => i.domain === d && a.coverage.indicators.includes(i.id))));
    expect(b).toMatchObject({ kind: 'imported', synthetic: false, hasEvents: false, coverage: { indicators: ['imm-mmr1-24m'], domains: ['immunisation'], firstPeriod: PERIOD, lastPeriod: PERIOD } });
  });

  it('answers the same path from each release named, with its numbers and its id', async () => {
    const answers = await Promise.all([`${VALUES}&release=${A()}`, `${VALUES}&release=${B}`, VALUES].map((url) => app.request(url, { headers: admin })));
    const [a, b, byDefault] = (await Promise.all(answers.map((r) => r.json()))) as ValuesBody[];
    expect(b!.meta).toMatchObject({ releaseId: B, kind: 'imported', disclosure: 'none' });
    expect(camden(b!)).toMatchObject({ numerator: 612, denominator: 789 });
    expect(b!.rows.filter((r) => r.numerator !== null).map((r) => r.areaCode).sort()).toEqual([CAMDEN, 'E09000012']);
    expect(a!.meta.releaseId).toBe(A());
    // A's own observations, read straight from its Parquet file, not through the service.
    const [expected] = await release.store.current().runner.all<{ numerator: number; denominator: number }>({
      text: "SELECT numerator, denominator FROM observations WHERE indicator_id = 'imm-mmr1-24m' AND area_code = $1 AND period = $2 AND breakdown = 'total'",
      params: [CAMDEN, PERIOD],
    });
    expect(camden(a!)).toMatchObject({ numerator: Number(expected!.numerator), denominator: Number(expected!.denominator) });
    expect(byDefault).toEqual(a);
  });

  it('gives each release its own ETag: one release’s ETag does not revalidate another’s answer', async () => {
    const a = await app.request(`${VALUES}&release=${A()}`);
    const b = await app.request(`${VALUES}&release=${B}`);
    const etagA = a.headers.get('ETag')!;
    const etagB = b.headers.get('ETag')!;
    expect(etagA).toContain(A());
    expect(etagB).toContain(B);
    expect(etagA).not.toBe(etagB);
    expect((await app.request(`${VALUES}&release=${B}`, { headers: { 'If-None-Match': etagA } })).status).toBe(200);
    expect((await app.request(`${VALUES}&release=${B}`, { headers: { 'If-None-Match': etagB } })).status).toBe(304);
    // Served from the cache (answering A did not clear B's answer), each release's answer stays its own.
    expect((await app.request(`${VALUES}&release=${A()}`)).headers.get('X-Cache')).toBe('hit');
    const again = await app.request(`${VALUES}&release=${B}`);
    expect(again.headers.get('X-Cache')).toBe('hit');
    expect(again.headers.get('ETag')).toBe(etagB);
    expect(((await again.json()) as ValuesBody).meta.releaseId).toBe(B);
  });

  it('takes `release` from the typed client (hc<AppType>) on a data route', async () => {
    const client = hc<AppType>('http://localhost', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input instanceof Request ? input : String(input), init) });
    const res = await client.api.v1.indicators[':id'].values.$get({ param: { id: 'imm-mmr1-24m' }, query: { areaType: 'borough', period: PERIOD, release: B } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ValuesBody;
    expect(body.meta.releaseId).toBe(B);
  });

  it('refuses an unknown release (404 release_not_found), a malformed id (400), and `release` where it is not declared', async () => {
    const unknown = await app.request(`${VALUES}&release=no-such-release`);
    expect(unknown.status).toBe(404);
    const problem = (await unknown.json()) as { code: string; detail: string };
    expect(problem.code).toBe('release_not_found');
    expect(problem.detail).toContain('"no-such-release"');
    expect(problem.detail).toContain('GET /api/v1/releases');
    // A page on an allowed origin can read why (the refusal carries its CORS headers).
    const crossOrigin = await release.app({ corsOrigins: ['https://dashboard.example'] }).request(`${VALUES}&release=no-such-release`, { headers: { Origin: 'https://dashboard.example' } });
    expect(crossOrigin.status).toBe(404);
    expect(crossOrigin.headers.get('Access-Control-Allow-Origin')).toBe('https://dashboard.example');
    for (const bad of ['../x', '.hidden', 'a/b', 'x'.repeat(101)]) {
      const res = await app.request(`${VALUES}&release=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('invalid_parameter');
    }
    for (const url of [`/healthz?release=${A()}`, `/api/v1/healthz?release=${B}`, '/api/v1/session?release=x', '/api/v1/releases?release=x', `/releases/current?release=${B}`]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { code: string }).code, url).toBe('unknown_parameter');
    }
  });

  it('serves a release published after the app started, listed and answering', async () => {
    await publishTidy('import-c', TIDY_C);
    // The copy a client revalidates with is out of date now.
    const res = await app.request('/api/v1/releases', { headers: { 'If-None-Match': listEtag } });
    expect(res.status).toBe(200);
    const list = (await res.json()) as { releases: ReleaseSummary[] };
    expect(list.releases.map((r) => r.id)).toContain('import-c');
    const body = (await (await app.request(`${VALUES}&release=import-c`, { headers: admin })).json()) as ValuesBody;
    expect(body.meta.releaseId).toBe('import-c');
    expect(camden(body)).toMatchObject({ numerator: 501, denominator: 600 });
  });

  it('refuses a release whose file changed after it was published, naming the file, while the others answer', async () => {
    const dir = await copyRelease(B, 'import-tampered');
    await appendFile(path.join(dir, RELEASE_LAYOUT.observations), 'x');
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await app.request(`${VALUES}&release=import-tampered`);
      expect(res.status).toBe(503);
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('release_unavailable');
      expect(problem.detail).toContain(`release import-tampered failed verification: ${RELEASE_LAYOUT.observations}`);
    }
    for (const id of [A(), B]) expect((await app.request(`${VALUES}&release=${id}`)).status).toBe(200);
  });

  it('says `as-published` for the public’s answers from a release of open data, `suppressed-and-rounded` from the others', async () => {
    await copyRelease(B, 'published-copy', (m) => {
      m.kind = 'published';
      m.disclosure = { ...(m.disclosure as object), policy: 'published-open-data' };
    });
    const meta = async (id: string, headers: Record<string, string> = {}) => ((await (await app.request(`${VALUES}&release=${id}`, { headers })).json()) as ValuesBody).meta;
    expect(await meta('published-copy')).toMatchObject({ kind: 'published', disclosure: 'as-published' });
    expect(await meta(B)).toMatchObject({ disclosure: 'suppressed-and-rounded' });
    expect(await meta('published-copy', admin)).toMatchObject({ disclosure: 'none' });
  });
});

describe('a second release with event data', () => {
  it('audits practice-level answers and downloads with the release they came from, and names it on extracts', async () => {
    const copy = 'synthetic-copy';
    await copyRelease(A(), copy);
    const entries: AuditEntry[] = [];
    const audited = release.app({ audit: (entry) => entries.push(entry) });
    const practices = await audited.request(`/api/v1/areas?type=practice&release=${copy}`, { headers: admin });
    expect(practices.status).toBe(200);
    expect(((await practices.json()) as ValuesBody).meta.releaseId).toBe(copy);
    const extract = await audited.request(`/api/v1/extracts/immunisation-population.parquet?release=${copy}`, { headers: admin });
    expect(extract.status).toBe(200);
    expect(extract.headers.get('X-Release-Id')).toBe(copy);
    await extract.arrayBuffer();
    expect(entries.map((e) => [e.release, e.level, e.extract])).toEqual([[copy, 'practice', false], [copy, 'practice', true]]);
    const campaigns = (await (await audited.request(`/api/v1/campaigns?release=${copy}`)).json()) as { meta: { releaseId: string }; campaigns: unknown[] };
    expect(campaigns.meta.releaseId).toBe(copy);
    expect(campaigns.campaigns.length).toBeGreaterThan(0);
  });
});
