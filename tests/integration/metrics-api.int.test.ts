import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient } from 'hono/testing';
import { BOROUGHS, ICBS, INDICATORS, isMergedForPublic, publicAreaOf, type Inequality } from '@pathfinder/metrics';
import { loadBoundaries } from '../../server/src/store/load-boundaries.ts';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<Awaited<ReturnType<typeof openTestRelease>>['app']>;
beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
}, 120_000);
afterAll(() => release.dispose());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const json = async <T = Record<string, unknown>>(path: string, headers: Record<string, string> = {}) => {
  const res = await get(path, headers);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
const NEL = 'E54000029';

describe('catalogue, areas, periods and release', () => {
  it('lists every indicator and gives one with full metadata', async () => {
    const list = await json<{ indicators: { id: string }[]; meta: { synthetic: boolean } }>('/api/v1/indicators');
    expect(list.indicators).toHaveLength(INDICATORS.length);
    expect(list.meta.synthetic).toBe(true);
    const one = await json<{ indicator: { id: string; targets: unknown[]; definition: object } }>('/api/v1/indicators/htn-ttt-79');
    expect(one.indicator.targets.length).toBeGreaterThan(0);
    expect((await get('/api/v1/indicators/nope')).status).toBe(404);
  });

  it('lists areas of a level under any ancestor; the public is not offered the City of London, published within Hackney', async () => {
    const boroughs = await json<{ areas: { code: string }[] }>(`/api/v1/areas?type=borough&parent=${NEL}`);
    expect(boroughs.areas.map((a) => a.code).sort()).toEqual(BOROUGHS.filter((b) => b.parent === NEL && !isMergedForPublic(b.code)).map((b) => b.code).sort());
    const scoped = await json<{ areas: { code: string }[] }>(`/api/v1/areas?type=borough&parent=${NEL}`, await release.auth('region'));
    expect(scoped.areas.map((a) => a.code).sort()).toEqual(BOROUGHS.filter((b) => b.parent === NEL).map((b) => b.code).sort());
    const icbs = await json<{ areas: unknown[] }>('/api/v1/areas?type=icb');
    expect(icbs.areas).toHaveLength(5);
  });

  it('lists practices of an ICB (parent = any ancestor) for a region token, not for the public', async () => {
    expect((await get(`/api/v1/areas?type=practice&parent=${NEL}`)).status).toBe(401);
    const token = await release.token('region');
    const practices = await json<{ areas: { code: string }[] }>(`/api/v1/areas?type=practice&parent=${NEL}`, { Authorization: `Bearer ${token}` });
    expect(practices.areas.length).toBeGreaterThan(100);
    expect(practices.areas.every((a) => a.code.startsWith('SYN'))).toBe(true);
  });

  it('gives periods latest first and the current release', async () => {
    const periods = await json<{ periods: { label: string }[] }>('/api/v1/periods?indicator=imm-mmr1-24m');
    expect(periods.periods[0]?.label).toBe('2024/25 Q4');
    expect(periods.periods).toHaveLength(28);
    const current = await json<{ release: { id: string } }>('/api/v1/releases/current');
    expect(current.release.id).toBe(release.manifest.id);
  });

  it('answers /healthz ok, or degraded with the store’s reason, at both paths, as soon as that changes', async () => {
    let degradation: string | null = null;
    const degradable = release.app({ store: { current: () => release.store.current(), degradation: () => degradation, refresh: async () => false, close: async () => undefined } });
    const health = async (path: string) => {
      const res = await degradable.request(path);
      return { status: res.status, body: await res.json() };
    };
    const id = release.manifest.id;
    for (const path of ['/healthz', '/api/v1/healthz']) expect(await health(path)).toEqual({ status: 200, body: { status: 'ok', releaseId: id } });
    degradation = 'release r9 failed verification: observations.parquet: missing';
    for (const path of ['/healthz', '/api/v1/healthz']) expect(await health(path)).toEqual({ status: 200, body: { status: 'degraded', releaseId: id, reason: degradation } });
    degradation = null;
    expect(await health('/api/v1/healthz')).toEqual({ status: 200, body: { status: 'ok', releaseId: id } });
  });
});

describe('GET /api/v1/indicators/{id}/values', () => {
  it('returns the 32 public boroughs (the City within Hackney) with value and 95% CI, compared with London, through the typed client', async () => {
    const res = await testClient(app).api.v1.indicators[':id'].values.$get({ param: { id: 'imm-mmr1-24m' }, query: { areaType: 'borough' } });
    if (!res.ok) throw new Error(`expected 200, got ${res.status}`);
    const body = await res.json();
    // The route also declares its format=csv answer (text/csv), so the typed body is a union until narrowed.
    if (typeof body === 'string' || body instanceof Response) throw new Error('expected the JSON answer');
    expect(body.meta).toMatchObject({ releaseId: release.manifest.id, synthetic: true, dataAsAt: '2025-03-31', disclosure: 'suppressed-and-rounded' });
    expect(body.period).toBe('2024/25 Q4');
    expect(body.comparator?.code).toBe('E12000007');
    expect(body.rows.map((r) => r.areaCode).sort()).toEqual(BOROUGHS.filter((b) => !isMergedForPublic(b.code)).map((b) => b.code).sort());
    expect(body.rows.find((r) => r.areaCode === publicAreaOf(BOROUGHS.find((b) => b.name === 'City of London')!.code))?.valueNote).toContain('includes City of London');
    for (const r of body.rows.filter((x) => !x.suppressed && x.value !== null)) {
      expect(r.lower95!).toBeLessThan(r.value!);
      expect(r.upper95!).toBeGreaterThanOrEqual(r.value!);
      expect(r.numerator! % 5).toBe(0);
      expect(['better', 'much-better', 'similar', 'worse', 'much-worse']).toContain(r.comparison);
      expect(r.rank).toBeGreaterThanOrEqual(1);
    }
  });

  it('sums a financial year of quarterly data', async () => {
    const fy = await json<{ period: string; periodsIncluded: string[]; rows: { areaCode: string; denominator: number }[] }>('/api/v1/indicators/imm-mmr1-24m/values?areaType=region&period=2023/24');
    expect(fy.period).toBe('2023/24');
    expect(fy.periodsIncluded).toEqual(['2023/24 Q1', '2023/24 Q2', '2023/24 Q3', '2023/24 Q4']);
    const q = await Promise.all(fy.periodsIncluded.map((p) => json<{ rows: { denominator: number }[] }>(`/api/v1/indicators/imm-mmr1-24m/values?areaType=region&period=${encodeURIComponent(p)}`)));
    const quarterSum = q.reduce((s, x) => s + x.rows[0]!.denominator, 0);
    expect(Math.abs(fy.rows[0]!.denominator - quarterSum)).toBeLessThanOrEqual(10); // each figure rounded to 5
  });

  it('compares each ICB with England and each borough with its own ICB', async () => {
    const icb = await json<{ comparator: { code: string } }>('/api/v1/indicators/htn-ttt-79/values?areaType=icb&comparator=england');
    expect(icb.comparator.code).toBe('E92000001');
    const boroughs = await json<{ comparator: null; rows: { comparison: string }[] }>('/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&comparator=parent');
    expect(boroughs.comparator).toBeNull();
    expect(boroughs.rows.some((r) => r.comparison !== 'not-compared')).toBe(true);
  });

  it('gives practices only to a token that may see them, unrounded for their own ICB', async () => {
    expect((await get(`/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${NEL}`)).status).toBe(401);
    const ics = await release.token('ics', NEL);
    const own = await json<{ rows: { areaCode: string; numerator: number | null; suppressed: boolean }[] }>(`/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${NEL}&period=2023/24`, { Authorization: `Bearer ${ics}` });
    expect(own.rows.length).toBeGreaterThan(100);
    expect(own.rows.some((r) => r.suppressed)).toBe(false);
    expect(own.rows.some((r) => r.numerator !== null && r.numerator % 5 !== 0)).toBe(true);
    const other = await get(`/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=${ICBS[0]!.code}`, { Authorization: `Bearer ${ics}` });
    expect(other.status).toBe(403);
  });

  it('answers CSV with Fingertips-style columns', async () => {
    const res = await get('/api/v1/indicators/imm-mmr1-24m/values?areaType=icb&format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [header, ...lines] = (await res.text()).trim().split('\n');
    expect(header).toContain('Indicator ID,Release,Synthetic data,Area Code');
    expect(header).toContain('Lower CI 95.0 limit');
    expect(lines).toHaveLength(5);
  });

  it('sends an ETag and answers 304 to If-None-Match', async () => {
    const first = await get('/api/v1/indicators/imm-mmr1-24m/values?areaType=icb');
    const etag = first.headers.get('etag');
    expect(etag).toContain(release.manifest.id);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const second = await get('/api/v1/indicators/imm-mmr1-24m/values?areaType=icb', { 'If-None-Match': etag! });
    expect(second.status).toBe(304);
  });

  it.each([
    ['/api/v1/indicators/imm-mmr1-24m/values?areaType=galaxy', 400, 'invalid_parameter', 'areaType'],
    ['/api/v1/indicators/imm-mmr1-24m/values?period=2023-24', 400, 'invalid_parameter', 'period'],
    ['/api/v1/indicators/imm-mmr1-24m/values?period=2010/11', 404, 'period_not_found', '2010/11'],
    ['/api/v1/indicators/imm-mmr1-24m/values?comparator=Mars', 400, 'invalid_parameter', 'comparator'],
    ['/api/v1/indicators/can-fds-28d/values?areaType=practice', 400, 'area_type_not_available', 'practice'],
    ['/api/v1/indicators/imm-nope/values', 404, 'indicator_not_found', 'imm-nope'],
  ])('rejects %s with %i %s naming %s', async (path, status, code, named) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe(code);
    expect(body.detail).toContain(named);
  });
});

describe('trend, overview, profile, funnel and inequality', () => {
  it('gives a borough trend with CIs, London comparator, SPC limits and a recent-trend marker', async () => {
    const t = await json<{ points: { value: number; spcMean: number; spcUpper: number; comparatorValue: number; spcPointType: string }[]; spc: { variation: string }; recentTrend: { label: string } }>('/api/v1/indicators/imm-mmr1-24m/trend?area=E09000012');
    expect(t.points).toHaveLength(28);
    const p = t.points.at(-1)!;
    expect(p.spcUpper).toBeGreaterThan(p.spcMean);
    expect(p.comparatorValue).toBeGreaterThan(70);
    expect(t.spc.variation).not.toBeNull();
    expect(t.recentTrend.label).toMatch(/increasing|decreasing|no-significant-change|cannot-be-calculated/);
  });

  it('flags the injected shift in Croydon FDS (down from June 2024) as special cause', async () => {
    const t = await json<{ points: { period: string; value: number; spcPointType: string }[] }>('/api/v1/indicators/can-fds-28d/trend?area=E09000008&from=2023-01');
    expect(t.points[0]!.period).toBe('2023-01');
    const mean = (ps: { value: number }[]) => ps.reduce((s, p) => s + p.value, 0) / ps.length;
    expect(mean(t.points.filter((p) => p.period >= '2024-06'))).toBeLessThan(mean(t.points.filter((p) => p.period < '2024-06')) - 5);
    // At this small test scale the drop shows as a run above the mean before it.
    expect(t.points.some((p) => p.spcPointType !== 'common_cause')).toBe(true);
  });

  it('gives the borough × indicator matrix for a domain, column by column, agreeing with each indicator\'s values', async () => {
    type Column = { id: string; period: string; values: (number | null)[]; comparisons: string[]; suppressed: boolean[] };
    const o = await json<{ indicators: Column[]; areas: { code: string }[] }>('/api/v1/overview?areaType=borough&domain=immunisation');
    expect(o.areas).toHaveLength(BOROUGHS.filter((b) => !isMergedForPublic(b.code)).length);
    expect(o.indicators.length).toBeGreaterThanOrEqual(17);
    for (const column of o.indicators) {
      expect([column.values.length, column.comparisons.length, column.suppressed.length]).toEqual(Array(3).fill(BOROUGHS.filter((b) => !isMergedForPublic(b.code)).length));
      const v = await json<{ rows: { areaCode: string; value: number | null; comparison: string; suppressed: boolean }[] }>(`/api/v1/indicators/${column.id}/values?areaType=borough&period=${encodeURIComponent(column.period)}`);
      const byCode = new Map(v.rows.map((r) => [r.areaCode, r]));
      o.areas.forEach((area, k) => {
        const row = byCode.get(area.code)!;
        expect(column.comparisons[k], `${column.id} ${area.code}`).toBe(row.comparison);
        expect(column.suppressed[k]).toBe(row.suppressed);
        if (row.value === null) expect(column.values[k]).toBeNull();
        else expect(Math.abs(column.values[k]! - row.value)).toBeLessThanOrEqual(5e-7);
      });
    }
    const csv = (await (await get('/api/v1/overview?areaType=borough&domain=immunisation&format=csv')).text()).trim().split('\n');
    expect(csv).toHaveLength(1 + o.areas.length * o.indicators.length);
  });

  it('gives an area profile with London range and England value', async () => {
    const p = await json<{ rows: { indicatorId: string; peerMin: number; peerMax: number; englandValue: number }[] }>('/api/v1/areas/E09000025/profile');
    expect(p.rows.length).toBeGreaterThan(25);
    const mmr = p.rows.find((r) => r.indicatorId === 'imm-mmr1-24m')!;
    expect(mmr.peerMin).toBeLessThanOrEqual(mmr.peerMax);
    expect(mmr.englandValue).toBeGreaterThan(80);
  });

  it('gives a practice funnel with limits for a region token', async () => {
    const token = await release.token('region');
    const f = await json<{ baseline: number; points: { significance: string }[]; limits: { lower95: number; upper95: number }[] }>(`/api/v1/indicators/imm-mmr1-24m/funnel?parent=${NEL}&period=2023/24`, { Authorization: `Bearer ${token}` });
    expect(f.points.length).toBeGreaterThan(100);
    expect(f.limits).toHaveLength(100);
    expect(f.baseline).toBeGreaterThan(60);
  });

  it('centres a practice funnel on London’s value or the target, with the limits around that centre', async () => {
    const headers = await release.auth('region');
    type F = { baseline: number; pooled: number; target: number | null; centre: { kind: string; label: string }; points: { value: number; denominator: number; significance: string }[]; limits: { denominator: number; lower95: number; upper95: number; lower998: number; upper998: number }[] };
    const path = `/api/v1/indicators/imm-mmr1-24m/funnel?parent=${NEL}&period=2023/24`;
    const pooled = await json<F>(path, headers);
    const london = await json<F>(`${path}&centre=london`, headers);
    const target = await json<F>(`${path}&centre=target`, headers);
    const londonRow = (await json<{ rows: { value: number }[] }>('/api/v1/indicators/imm-mmr1-24m/values?areaType=region&period=2023/24', headers)).rows[0]!;
    expect(pooled.centre).toEqual({ kind: 'pooled', label: 'the average of these practices' });
    expect(london.centre).toEqual({ kind: 'london', label: 'London' });
    expect(london.baseline).toBeCloseTo(londonRow.value, 9);
    expect(target).toMatchObject({ baseline: 95, target: 95, centre: { kind: 'target', label: 'the 95% target' } });
    // Whatever the centre, the practices and their pooled average are the same.
    for (const f of [london, target]) {
      expect(f.pooled).toBeCloseTo(pooled.baseline, 9);
      expect(f.points.map((p) => p.value)).toEqual(pooled.points.map((p) => p.value));
      expect(f.limits.map((l) => l.denominator)).toEqual(pooled.limits.map((l) => l.denominator));
      // Limits sit symmetrically around the chosen centre wherever they are not cut at 0 or 100.
      for (const l of f.limits.filter((l) => l.upper998 < 100 && l.lower998 > 0)) {
        expect((l.lower95 + l.upper95) / 2).toBeCloseTo(f.baseline, 9);
        expect((l.lower998 + l.upper998) / 2).toBeCloseTo(f.baseline, 9);
      }
    }
    // Against a 95% target, more practices fall below the funnel than against their own average.
    const below = (f: F) => f.points.filter((p) => p.significance.startsWith('low')).length;
    expect(below(target)).toBeGreaterThan(below(pooled));
  });

  it('refuses a target centre for an indicator without a target (422), and an unknown centre (400)', async () => {
    const headers = await release.auth('region');
    const none = await get(`/api/v1/indicators/imm-futd-24m/funnel?parent=${NEL}&centre=target`, headers);
    expect(none.status).toBe(422);
    expect(((await none.json()) as { code: string }).code).toBe('no_target');
    expect((await get(`/api/v1/indicators/imm-mmr1-24m/funnel?parent=${NEL}&centre=mars`, headers)).status).toBe(400);
  });

  it('gives a practice’s trend only to a caller who may see that practice: not the public, not another ICB’s ics token', async () => {
    const practice = release.store.current().areas.list('practice', NEL)[0]!.code;
    const path = (centre: string) => `/api/v1/indicators/imm-mmr1-24m/trend?area=${practice}&comparator=${centre}`;
    const own = await json<{ area: { code: string }; comparator: { code: string }; points: { value: number | null }[] }>(path(NEL), await release.auth('ics', NEL));
    expect(own.area.code).toBe(practice);
    expect(own.comparator.code).toBe(NEL);
    expect(own.points.filter((p) => p.value !== null).length).toBeGreaterThan(4);
    const refused = [
      await get(path('london')),
      await get(path('london'), await release.auth('ics', ICBS.find((i) => i.code !== NEL)!.code)),
      await get(`/api/v1/indicators/imm-mmr1-24m/funnel?parent=${NEL}&centre=london`),
      await get(`/api/v1/indicators/imm-mmr1-24m/funnel?parent=${NEL}&centre=target`, await release.auth('ics', ICBS.find((i) => i.code !== NEL)!.code)),
    ];
    // Another ICB's practice does not exist for an ics token (caller-areas.ts): the same 404 as an unknown code.
    expect(refused.map((r) => r.status)).toEqual([401, 404, 401, 403]);
    // A refusal carries no figures (its detail may name the code the caller asked for).
    for (const r of refused) {
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(await r.text()).not.toMatch(/"points"|"numerator"|"limits"/);
    }
  });

  it('gives MMR1 by deprivation quintile for London with an SII and RII and their 95% limits', async () => {
    const q = await json<Inequality>('/api/v1/indicators/imm-mmr1-24m/inequality?area=E12000007&by=deprivation&period=2023/24');
    expect(q.groups.map((g) => g.group)).toEqual(['deprivation:1', 'deprivation:2', 'deprivation:3', 'deprivation:4', 'deprivation:5']);
    expect(q.sii).toBeGreaterThan(0);
    // RII is the fitted least-deprived value over the fitted most-deprived one, so above 1 when the SII is positive
    expect(q.rii).toBeGreaterThan(1);
    expect(q.siiLower95).toBeLessThan(q.sii!);
    expect(q.siiUpper95).toBeGreaterThan(q.sii!);
    expect(q.riiLower95).toBeLessThan(q.rii!);
    expect(q.riiUpper95).toBeGreaterThan(q.rii!);
  });

  it('gives no SII or limits for a breakdown other than deprivation', async () => {
    const q = await json<Inequality>('/api/v1/indicators/imm-mmr1-24m/inequality?area=E12000007&by=sex&period=2023/24');
    expect([q.sii, q.rii, q.siiLower95, q.siiUpper95, q.riiLower95, q.riiUpper95]).toEqual([null, null, null, null, null, null]);
  });
});

describe('tokens', () => {
  it.each([
    ['a tampered token', async () => `${(await release.token('region')).slice(0, -2)}xx`],
    ['an expired token', async () => release.token('region', undefined, -10)],
    ['an unsigned token', async () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ role: 'region', exp: 9e9 })).toString('base64url')}.`],
  ])('refuses %s with 401', async (_name, make) => {
    const res = await get('/api/v1/indicators', { Authorization: `Bearer ${await make()}` });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('invalid_token');
  });
});

describe('documentation', () => {
  it('serves an OpenAPI 3.1 document listing every route and an API reference page', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>('/api/v1/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/indicators', '/api/v1/indicators/{id}/values', '/api/v1/indicators/{id}/trend', '/api/v1/overview', '/api/v1/areas/{code}/profile', '/api/v1/indicators/{id}/funnel', '/api/v1/indicators/{id}/inequality', '/api/v1/periods', '/api/v1/areas', '/api/v1/releases/current']) expect(Object.keys(doc.paths)).toContain(p);
    const page = await get('/api/v1/docs');
    expect(await page.text()).toContain('/api/v1/docs.js');
  });
});

describe('boundaries', () => {
  type Boundaries = { areaType: string; attribution: string; features: { properties: { code: string; name: string } }[] };

  it('serves the bundled ONS borough and ICB boundaries by default, one feature per area in code order, with their attribution', async () => {
    const boroughs = await json<Boundaries>('/api/v1/boundaries');
    expect(boroughs.features.map((f) => f.properties.code)).toEqual(BOROUGHS.map((b) => b.code));
    expect(boroughs.features.find((f) => f.properties.code === 'E09000001')?.properties.name).toBe('City of London');
    expect(boroughs.attribution).toContain('Office for National Statistics licensed under the Open Government Licence v.3.0');
    const icbs = await json<Boundaries>('/api/v1/boundaries?areaType=icb');
    expect(icbs).toMatchObject({ areaType: 'icb' });
    expect(icbs.features.map((f) => f.properties.code)).toEqual(ICBS.map((i) => i.code));
  });

  it('rejects an area level it has no boundaries for with 400 naming the parameter', async () => {
    const res = await get('/api/v1/boundaries?areaType=practice');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('areaType');
  });

  it('serves BOUNDARIES_FILE and ICB_BOUNDARIES_FILE instead of the bundled files, and refuses to start on a bad one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pf-boundaries-'));
    try {
      const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 51.4], [x + 0.05, 51.4], [x + 0.05, 51.45], [x, 51.4]]] });
      const file = (key: string, areas: readonly { code: string }[]) => JSON.stringify({ type: 'FeatureCollection', attribution: 'Test shapes', features: areas.map((a, i) => ({ type: 'Feature', properties: { [key]: a.code }, geometry: square(i / 10) })) });
      await writeFile(path.join(dir, 'lad.geojson'), file('LAD19CD', BOROUGHS));
      await writeFile(path.join(dir, 'icb.geojson'), file('ICB22CD', ICBS));
      const boundaries = await loadBoundaries({ BOUNDARIES_FILE: path.join(dir, 'lad.geojson'), ICB_BOUNDARIES_FILE: path.join(dir, 'icb.geojson') });
      const custom = release.app({ boundaries });
      for (const areaType of ['borough', 'icb']) {
        const body = (await (await custom.request(`/api/v1/boundaries?areaType=${areaType}`)).json()) as Boundaries;
        expect(body.attribution, areaType).toBe('Test shapes');
      }
      const onlyIcbs = await loadBoundaries({ ICB_BOUNDARIES_FILE: path.join(dir, 'icb.geojson') });
      expect(onlyIcbs.borough.attribution).toContain('2024');
      await expect(loadBoundaries({ BOUNDARIES_FILE: path.join(dir, 'icb.geojson') })).rejects.toThrow(`BOUNDARIES_FILE ${path.join(dir, 'icb.geojson')}: boundary feature 0 has no area code (properties code or LADyyCD)`);
      await expect(loadBoundaries({ BOUNDARIES_FILE: path.join(dir, 'missing.geojson') })).rejects.toThrow(`BOUNDARIES_FILE ${path.join(dir, 'missing.geojson')}: cannot read it`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('compressed cached answers', () => {
  it('serves a cached answer gzip-compressed to clients that accept gzip, identical once decompressed, and decompresses it for those that do not', async () => {
    const { gunzipSync } = await import('node:zlib');
    const path = '/api/v1/overview?areaType=borough&domain=immunisation';
    const plain = await get(path);
    const text = await plain.text();
    const zipped = await get(path, { 'Accept-Encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const body = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8');
    expect(body).toBe(text);
    // Kept compressed only: a client without gzip gets it decompressed, with its own length, HEAD too.
    const again = await get(path);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(again.headers.get('content-encoding')).toBeNull();
    expect(await again.text()).toBe(text);
    expect(Number(again.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const head = await app.request(path, { method: 'HEAD' });
    expect(head.headers.get('x-cache')).toBe('hit');
    expect(head.headers.get('content-length')).toBe(again.headers.get('content-length'));
  });
});

describe('concurrent identical requests', () => {
  it('run the query once and share the answer (no cold-cache stampede)', async () => {
    let queries = 0;
    const real = release.store.current();
    const counting = {
      current: () => ({
        ...real,
        runner: {
          all: (q: Parameters<typeof real.runner.all>[0]) => {
            queries += 1;
            return real.runner.all(q);
          },
        } as typeof real.runner,
      }),
      refresh: async () => false,
      close: async () => undefined,
    };
    const fresh = release.app({ store: counting });
    const path = '/api/v1/indicators/imm-mmr2-5y/values?areaType=icb';
    const single = await fresh.request(path);
    expect(single.status).toBe(200);
    const perRequest = queries;
    const fresher = release.app({ store: counting });
    queries = 0;
    const answers = await Promise.all(Array.from({ length: 20 }, () => fresher.request(path)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(queries).toBe(perRequest);
  });
});

describe('the web app page', () => {
  it("carries the current release in a meta tag, so the synthetic banner is drawn on first paint, and starts the release list and the route's view downloading", async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { webAssets } = await import('@pathfinder/server');
    const dist = await mkdtemp(`${tmpdir()}/pf-dist-`);
    try {
      await writeFile(`${dist}/index.html`, '<!doctype html><html><head><title>t</title></head><body></body></html>');
      await writeFile(`${dist}/route-preloads.json`, JSON.stringify([
        { path: '/', scripts: ['/assets/overview-page-a1.js'], styles: [] },
        { path: '/indicators/$id', scripts: ['/assets/indicator-page-b2.js'], styles: ['/assets/indicator-page-c3.css'] },
      ]));
      const withWeb = release.app({ webAssets: webAssets(dist) });
      for (const [path, view] of [['/', 'overview-page-a1.js'], ['/indicators/imm-mmr1-24m', 'indicator-page-b2.js'], ['/no-such-page', null]] as const) {
        const answer = await withWeb.request(path);
        const html = await answer.text();
        // The release list every view waits for is fetched while the app's code downloads: asked for first.
        expect(html).toMatch(/^<!doctype html><html><head>\n<link rel="preload" as="fetch" crossorigin href="\/api\/v1\/releases"><title>/);
        const content = /<meta name="pathfinder-release" content="([^"]+)">/.exec(html)?.[1];
        expect(JSON.parse(content!.replaceAll('&quot;', '"'))).toEqual({ id: release.manifest.id, kind: 'synthetic', synthetic: true, dataAsAt: '2025-03-31' });
        // Only the route's own view is preloaded (and its stylesheet), after the release meta tag.
        expect([...html.matchAll(/rel="modulepreload" crossorigin href="\/assets\/([^"]+)"/g)].map((m) => m[1])).toEqual(view ? [view] : []);
        expect(html.includes('indicator-page-c3.css')).toBe(path.startsWith('/indicators/'));
      }
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });

  it('sends an asset Brotli- or gzip-compressed when the browser accepts it and the build made a copy, as it is otherwise', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { webAssets } = await import('@pathfinder/server');
    const dist = await mkdtemp(`${tmpdir()}/pf-dist-`);
    try {
      await mkdir(`${dist}/assets`);
      await writeFile(`${dist}/index.html`, '<!doctype html><html><head><title>t</title></head><body></body></html>');
      await writeFile(`${dist}/assets/engine-abc.wasm`, 'raw');
      await writeFile(`${dist}/assets/engine-abc.wasm.br`, 'brotli');
      await writeFile(`${dist}/assets/engine-abc.wasm.gz`, 'gzip');
      const app = release.app({ webAssets: webAssets(dist) });
      for (const [accept, encoding, body] of [['gzip, deflate, br, zstd', 'br', 'brotli'], ['gzip, deflate', 'gzip', 'gzip'], ['', null, 'raw']] as const) {
        const res = await app.request('/assets/engine-abc.wasm', { headers: accept ? { 'Accept-Encoding': accept } : {} });
        expect(res.status, accept).toBe(200);
        expect(res.headers.get('content-encoding'), accept).toBe(encoding);
        expect(res.headers.get('content-type')).toBe('application/wasm');
        if (encoding) expect(res.headers.get('vary')).toContain('Accept-Encoding');
        expect(Buffer.from(await res.arrayBuffer()).toString(), accept).toBe(body);
      }
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
