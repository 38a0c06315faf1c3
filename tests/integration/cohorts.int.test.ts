import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COVER_MEASURES, INDICATORS, cohortCurveSql, scheduledDose, type CohortCurve, type CohortCurveRow, type EventAreaLevel } from '@pathfinder/metrics';
import { COHORT_MAX_AGE_MONTHS, prepareCohortCubes, publicCohortCurves, publicCurveKey } from '../../server/src/services/public-cohort-table.ts';
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

// First in the file: no other answer has built the public tables yet.
describe('cohort cubes and public cohort tables prepared with the release', () => {
  it('answers the first curve of every COVER indicator, the public’s and a region token’s, without scanning the event data again', async () => {
    const current = release.store.current();
    await prepareCohortCubes(current);
    const asked: string[] = [];
    const all = current.runner.all.bind(current.runner);
    const spy = vi.spyOn(current.runner, 'all').mockImplementation((query) => {
      asked.push(query.text);
      return all(query);
    });
    try {
      for (const indicator of INDICATORS.filter((i) => i.coverMeasure)) {
        await curve(`/api/v1/cohorts/${indicator.id}/curve?area=${HACKNEY}`);
        await curve(`/api/v1/cohorts/${indicator.id}/curve?area=${HACKNEY}`, region);
      }
    } finally {
      spy.mockRestore();
    }
    // The public's answers are lookups; a region token's sum its dose's cube: none reads the children or the doses.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((text) => /\b(FROM|JOIN) (doses|children)\b/.test(text))).toEqual([]);
  });
});

describe('curves from the cohort cubes', () => {
  /** The curves of an area as the event scan gives them (`cohortCurveSql` with no cube: the query reads the children and doses). */
  const scan = (doseKey: string, areaLevel: EventAreaLevel, areaCode: string | null, cohorts: readonly number[]) => {
    const { vaccine, dose } = scheduledDose(doseKey);
    return release.store.current().runner.all<CohortCurveRow>(cohortCurveSql({
      vaccine, dose, areaLevel, areaCode, regionCode: LONDON, cohorts, asAt: release.manifest.dataAsAt, maxAgeMonths: COHORT_MAX_AGE_MONTHS,
    }));
  };
  const cohorts = [2017, 2018, 2019, 2020, 2021, 2022];
  const measures = ['imm-mmr1-24m', 'imm-dtap-ipv-hib3-12m'].map((id) => ({ id, doseKey: COVER_MEASURES.find((m) => m.measure === INDICATORS.find((i) => i.id === id)!.coverMeasure)!.doseKey }));

  it('give region and ics tokens the curves the event scan gives, at every level', async () => {
    const areas = release.store.current().areas;
    const nel = 'E54000029';
    const pcn = areas.list('pcn', nel)[0]!;
    const practice = areas.list('practice', nel)[0]!;
    const ics = await release.auth('ics', nel);
    const asked: [Record<string, string>, EventAreaLevel, string][] = [
      [region, 'region', LONDON], [region, 'icb', 'E54000027'], [region, 'borough', 'E09000001'], [region, 'pcn', pcn.code], [region, 'practice', practice.code],
      [ics, 'icb', nel], [ics, 'borough', HACKNEY], [ics, 'pcn', pcn.code], [ics, 'practice', practice.code],
    ];
    // Every level for one dose, two areas for the other: each expected curve is a scan of the events.
    for (const [k, { id, doseKey }] of measures.entries()) {
      for (const [headers, level, code] of k === 0 ? asked : [asked[1]!, asked[6]!]) {
        const body = await curve(`/api/v1/cohorts/${id}/curve?area=${code}&cohort=${cohorts.join(',')}`, headers);
        expect(body.meta.disclosure, `${id} ${code}`).toBe('none');
        const expected = await scan(doseKey, level, code, cohorts);
        expect(body.cohorts.flatMap((k) => k.points.map((p) => ({ area_code: code, cohort: k.cohort, age_months: p.ageMonths, children: p.children, vaccinated: p.vaccinated }))), `${id} ${code}`).toEqual(expected);
      }
    }
  });

  it('give the public the published curves the event scan’s borough curves give, and ics tokens the same outside their ICB', async () => {
    const ics = await release.auth('ics', 'E54000029');
    for (const { id, doseKey } of measures) {
      const published = publicCohortCurves(await scan(doseKey, 'borough', null, cohorts), cohorts);
      for (const [headers, area] of [[{}, LONDON], [{}, 'E54000027'], [{}, HACKNEY], [{}, 'E09000002'], [ics, 'E09000003'], [ics, 'E54000028']] as const) {
        const body = await curve(`/api/v1/cohorts/${id}/curve?area=${area}&cohort=${cohorts.join(',')}`, headers);
        expect(body.meta.disclosure, `${id} ${area}`).toBe('suppressed-and-rounded');
        for (const k of body.cohorts) {
          const expected = published.get(publicCurveKey(area, k.cohort))!;
          expect([k.children, k.points.map((p) => p.vaccinated)], `${id} ${area} ${k.cohort}`).toEqual([expected.children ?? 0, expected.vaccinated]);
        }
      }
    }
  });
});

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

describe('cohort curves for the public: one disclosure-controlled table per release', () => {
  const CITY = 'E09000001';
  const NEL = 'E54000029';
  /** What an attacker knows of a count from its published value, by the rule SECURITY.md states. */
  const possible = (shown: number, kind: 'running' | 'count'): [number, number] => {
    if (shown === 0) return [0, 0];
    if (kind === 'count') return shown === 10 ? [8, 12] : [shown - 2, shown + 2];
    return shown === 10 ? [8, 14] : [shown - 5, shown + 4];
  };
  const url = (area: string, cohort = '2019,2020,2021,2022') => `/api/v1/cohorts/imm-mmr1-24m/curve?area=${area}&cohort=${cohort}`;

  it('publishes every count as 0 or a multiple of 5 of at least 10, and coverage from the published counts to one decimal', async () => {
    let checked = 0;
    for (const area of [LONDON, NEL, HACKNEY, 'E09000002']) {
      const body = await curve(url(area));
      expect(body.meta.disclosure).toBe('suppressed-and-rounded');
      for (const k of body.cohorts) {
        for (const n of [k.children, ...k.points.flatMap((p) => [p.vaccinated, p.children])]) if (n !== null && n !== 0) expect(n % 5 === 0 && n >= 10, `${area} ${k.cohort}: ${n}`).toBe(true);
        for (const p of k.points) {
          if (p.vaccinated === null || !p.children) {
            expect(p.coverage).toBeNull();
            continue;
          }
          expect(Math.abs(p.coverage! - (100 * p.vaccinated) / p.children)).toBeLessThanOrEqual(0.05 + 1e-9);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('gives the same published curve in every answer, whichever cohorts are asked for', async () => {
    const [together, alone] = await Promise.all([curve(url(HACKNEY)), curve(url(HACKNEY, '2021'))]);
    expect(alone.cohorts[0]).toEqual(together.cohorts.find((k) => k.cohort === 2021));
  });

  it('never gives the City of London a curve: Hackney’s counts both and says so', async () => {
    // The City's figures are one practice's: to the public it is practice-level, like every other answer about it.
    expect(await problem(url(CITY))).toMatchObject({ status: 401, code: 'forbidden_area_level' });
    const [hackney, exactHackney, exactCity] = await Promise.all([curve(url(HACKNEY, '2021')), curve(url(HACKNEY, '2021'), region), curve(url(CITY, '2021'), region)]);
    expect(hackney.note).toContain('City of London');
    expect(exactHackney.note).toBeNull();
    const at24 = (b: CohortCurve) => b.cohorts[0]!.points.find((p) => p.ageMonths === 24)!;
    expect(Math.abs(hackney.cohorts[0]!.children! - exactHackney.cohorts[0]!.children! - exactCity.cohorts[0]!.children!)).toBeLessThanOrEqual(2);
    expect(Math.abs(at24(hackney).vaccinated! - at24(exactHackney).vaccinated! - at24(exactCity).vaccinated!)).toBeLessThanOrEqual(5);
  });

  it('lets no differencing recover a count: consecutive ages, and boroughs against their ICB', async () => {
    let narrowest = Number.POSITIVE_INFINITY;
    const icb = await curve(url(NEL));
    const boroughs = await Promise.all(['E09000002', 'E09000012', 'E09000025', 'E09000026', 'E09000030', 'E09000031', 'E09000016'].map((b) => curve(url(b))));
    for (const body of [icb, ...boroughs]) {
      for (const k of body.cohorts) {
        k.points.forEach((p, i) => {
          const before = i === 0 ? 0 : k.points[i - 1]!.vaccinated;
          if (before === null || p.vaccinated === null || (before === 0 && p.vaccinated === 0)) return;
          const [[a0, a1], [b0, b1]] = [possible(before, 'running'), possible(p.vaccinated, 'running')];
          narrowest = Math.min(narrowest, Math.max(0, b1 - a0) - Math.max(0, b0 - a1) + 1);
        });
      }
    }
    expect(narrowest).toBeGreaterThan(5);
    // North East London's boroughs (the City within Hackney) add up to the ICB: no hidden one is alone beside it.
    const alone: string[] = [];
    const hidden = boroughs.flatMap((b) => b.cohorts.flatMap((k) => k.points)).filter((p) => p.vaccinated === null).length;
    expect(hidden, 'the test meets hidden cells to protect').toBeGreaterThan(0);
    icb.cohorts.forEach((k, c) => {
      if (k.children !== null && boroughs.filter((b) => b.cohorts[c]!.children === null).length === 1) alone.push(`${k.cohort} children`);
      k.points.forEach((p, i) => {
        if (p.vaccinated !== null && boroughs.filter((b) => b.cohorts[c]!.points[i]?.vaccinated === null).length === 1) alone.push(`${k.cohort} at ${i}`);
      });
    });
    expect(alone).toEqual([]);
  });
});

