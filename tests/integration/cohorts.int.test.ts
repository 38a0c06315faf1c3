import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortCurve } from '@pathfinder/metrics';
import type { DataStore } from '@pathfinder/server';
import { openReleaseViews } from '../../fixtures/test/release-views.ts';
import { openTestRelease } from '../support/test-release.ts';

let release: Awaited<ReturnType<typeof openTestRelease>>;
let app: ReturnType<typeof release.app>;
let region: Record<string, string>;
beforeAll(async () => {
  release = await openTestRelease();
  app = release.app();
  region = await release.auth('region');
}, 120_000);
afterAll(() => release.dispose());

const LONDON = 'E12000007';
const HACKNEY = 'E09000012';

async function curve(url: string, headers: Record<string, string> = {}): Promise<CohortCurve> {
  const res = await app.request(url, { headers });
  expect(res.status, `${url}: ${res.status}`).toBe(200);
  return (await res.json()) as CohortCurve;
}

async function problem(url: string, headers: Record<string, string> = {}, a = app) {
  const res = await a.request(url, { headers });
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return { status: res.status, ...((await res.json()) as { code: string; detail: string }) };
}

describe('GET /api/v1/cohorts/{id}/curve', () => {
  it('gives the last three cohorts old enough for the measure, each monotone up to its youngest child’s age', async () => {
    const body = await curve(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${LONDON}`, region);
    expect(body).toMatchObject({ coverMeasure: '24m_MMR1', dose: { key: 'mmr-1' }, asAt: '2025-03-31' });
    // The youngest of each cohort (born 31 December) is this many whole months old on 2025-03-31.
    expect(body.cohorts.map((k) => [k.cohort, k.maxAgeMonths])).toEqual([[2020, 51], [2021, 39], [2022, 27]]);
    for (const k of body.cohorts) {
      expect(k.points.map((p) => p.ageMonths)).toEqual(Array.from({ length: k.maxAgeMonths! + 1 }, (_, i) => i));
      expect(k.points.every((p) => p.children === k.children)).toBe(true);
      k.points.forEach((p, i) => {
        if (i > 0) expect(p.vaccinated!).toBeGreaterThanOrEqual(k.points[i - 1]!.vaccinated!);
      });
      expect(k.points[0]!.vaccinated).toBe(0);
      expect(k.points.at(-1)!.coverage!).toBeGreaterThan(60);
    }
  });

  it('matches COVER MMR1 at 24 months for the same children: the 2022 cohort is the four quarters of 2024', async () => {
    const body = await curve(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${LONDON}&cohort=2022`, region);
    const at24 = body.cohorts[0]!.points.find((p) => p.ageMonths === 24)!;
    let numerator = 0, denominator = 0;
    for (const period of ['2023/24 Q4', '2024/25 Q1', '2024/25 Q2', '2024/25 Q3']) {
      const res = await app.request(`/api/v1/indicators/imm-mmr1-24m/values?areaType=region&period=${encodeURIComponent(period)}`, { headers: region });
      const row = ((await res.json()) as { rows: { numerator: number; denominator: number }[] }).rows[0]!;
      numerator += row.numerator;
      denominator += row.denominator;
    }
    expect(at24.vaccinated).toBe(numerator);
    expect(at24.children).toBe(denominator);
    expect(at24.coverage!).toBeCloseTo((100 * numerator) / denominator, 9);
  });

  it('agrees with an independent DuckDB count over the release’s Parquet files', async () => {
    const body = await curve(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${HACKNEY}&cohort=2021,2019`, region);
    expect(body.cohorts.map((k) => k.cohort)).toEqual([2019, 2021]);
    const views = await openReleaseViews(path.join(release.dataDir, 'releases', release.manifest.id));
    try {
      for (const k of body.cohorts) {
        for (const age of [12, 18, 24, 36]) {
          const [expected] = await views.rows<{ children: number; vaccinated: number }>(`
            SELECT count(*) AS children,
              count(*) FILTER (WHERE (SELECT min(d.event_date) FROM doses d WHERE d.child_id = c.child_id AND d.vaccine = 'mmr' AND d.dose = 1) < (c.birth_date + to_months($3::INTEGER))::DATE) AS vaccinated
            FROM children c JOIN areas a ON a.area_code = c.practice_code AND a.area_type = 'practice'
            WHERE a.borough_code = $1 AND year(c.birth_date) = $2`, [HACKNEY, k.cohort, age]);
          const point = k.points.find((p) => p.ageMonths === age)!;
          expect(point.vaccinated, `${k.cohort} at ${age} months`).toBe(expected!.vaccinated);
          expect(point.children).toBe(expected!.children);
        }
      }
    } finally {
      views.close();
    }
  });

  it('runs to 60 months for five-year measures', async () => {
    const body = await curve(`/api/v1/cohorts/imm-mmr2-5y/curve?area=${HACKNEY}`, region);
    expect(body.cohorts.map((k) => k.cohort)).toEqual([2017, 2018, 2019]);
    expect(body.cohorts.every((k) => k.maxAgeMonths === 60 && k.points.length === 61)).toBe(true);
  });

  it('rounds and suppresses counts for the public', async () => {
    const body = await curve(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${HACKNEY}`);
    expect(body.meta.disclosure).toBe('suppressed-and-rounded');
    const counts = body.cohorts.flatMap((k) => [k.children, ...k.points.flatMap((p) => [p.vaccinated, p.children])]);
    for (const n of counts) if (n !== null) expect(n % 5).toBe(0);
    for (const p of body.cohorts.flatMap((k) => k.points)) if (p.suppressed) expect(p.coverage).toBeNull();
  });

  it('opens practice curves to region and own-ICB ics tokens only', async () => {
    const areas = release.store.current().areas;
    const practice = areas.list('practice', 'E54000029')[0]!.code;
    expect((await problem(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${practice}`)).status).toBe(401);
    const otherIcs = await release.auth('ics', 'E54000028');
    // Another ICB's practice answers as an unknown code would, so a token cannot confirm it exists.
    expect(await problem(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${practice}`, otherIcs)).toMatchObject({ status: 404, code: 'area_not_found' });
    const ownIcs = await release.auth('ics', 'E54000029');
    expect((await curve(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${practice}`, ownIcs)).meta.disclosure).toBe('none');
  });

  it('answers as CSV, one row per cohort and age', async () => {
    const res = await app.request(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${HACKNEY}&cohort=2022&format=csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('Cohort');
    expect(lines[0]).toContain('Coverage');
    expect(lines).toHaveLength(1 + 28);
  });

  it('refuses what it cannot answer with a specific problem', async () => {
    expect(await problem(`/api/v1/cohorts/imm-timely-4w/curve?area=${LONDON}`)).toMatchObject({ status: 404, code: 'cohort_curve_not_found' });
    expect(await problem(`/api/v1/cohorts/nope/curve?area=${LONDON}`)).toMatchObject({ status: 404, code: 'indicator_not_found' });
    expect(await problem('/api/v1/cohorts/imm-mmr1-24m/curve?area=E09999999')).toMatchObject({ status: 404, code: 'area_not_found' });
    expect(await problem('/api/v1/cohorts/imm-mmr1-24m/curve?area=E92000001')).toMatchObject({ status: 400, code: 'area_type_not_available' });
    for (const cohort of ['20x', '2030', '2011']) {
      const p = await problem(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${LONDON}&cohort=${cohort}`);
      expect(p.status, cohort).toBe(400);
      expect(p.detail).toContain('invalid parameter cohort');
    }
    expect((await problem('/api/v1/cohorts/imm-mmr1-24m/curve')).detail).toContain('invalid parameter area');
    const store = release.store;
    const noEvents: DataStore = { current: () => ({ ...store.current(), hasEvents: false }), refresh: async () => false, close: async () => undefined };
    expect(await problem(`/api/v1/cohorts/imm-mmr1-24m/curve?area=${LONDON}`, {}, release.app({ store: noEvents }))).toMatchObject({ status: 404, code: 'no_event_data' });
  });
});
