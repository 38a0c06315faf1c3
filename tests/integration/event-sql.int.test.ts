import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREA_COLUMNS, BOROUGH_CUBE_SOURCE_VIEW, CHILD_COLUMNS, DOSE_COLUMNS, PUBLIC_EXTRACT_VIEW, SqlParams, boroughCubeSourceSql, boroughCubeSql, campaignCubeSql, campaignProgressSql, childAreasCte, cohortCubeSql, cohortCurveSql,
  copyToParquetSql, disclosedCountSql, immunisationExtractSql, publicExtractOfBoroughSql, publicExtractSql, quoteLiteral, suppressCount,
  type CampaignProgressFilter, type SqlQuery,
} from '@pathfinder/metrics';
import { openReleaseViews } from '../../fixtures/test/release-views.ts';

// A hand-made event fixture, so every expected number below is counted by hand.
// Practice SYN0001 (PCN SYNP001, Barnet, a priority borough); SYN0002 (Bromley, no PCN).
const AREAS = [
  ['SYNP001', 'PCN 1', 'pcn', 'E09000003', 'E09000003', 'E54000028'],
  ['SYN0001', 'Practice 1', 'practice', 'SYNP001', 'E09000003', 'E54000028'],
  ['SYN0002', 'Practice 2', 'practice', 'E09000006', 'E09000006', 'E54000030'],
];
const CHILDREN = [
  [1, '2015-01-01', 'SYN0001'], // booster 2022-08-20
  [2, '2016-06-01', 'SYN0001'], // boosters 2022-08-30 and 2022-09-20: counts once
  [3, '2011-01-01', 'SYN0001'], // too old to be eligible
  [4, '2019-03-01', 'SYN0002'], // booster 2022-09-15; MMR in 2020
  [5, '2020-01-31', 'SYN0002'], // no booster; MMR 2021-02-28 (whole months 13: vaccinated from 14 months); MMR 2023-11-10
  [6, '2014-05-05', 'SYN9999'], // practice unknown to the release: left out
  [7, '2015-02-02', 'SYN0001'], // booster after asOf
  [8, '2020-06-15', 'SYN0002'], // MMR 2021-06-14, the day before 12 months: vaccinated from 12 months
  [9, '2020-03-01', 'SYN0002'], // never vaccinated
];
const DOSES = [
  [1, 'ipv-campaign', 1, '2022-08-20'], [2, 'ipv-campaign', 1, '2022-08-30'], [2, 'ipv-campaign', 1, '2022-09-20'], [3, 'ipv-campaign', 1, '2022-08-20'],
  [4, 'ipv-campaign', 1, '2022-09-15'], [6, 'ipv-campaign', 1, '2022-08-20'], [7, 'ipv-campaign', 1, '2022-10-20'],
  [4, 'mmr', 1, '2020-03-05'], [5, 'mmr', 1, '2021-02-28'], [5, 'mmr', 2, '2023-11-10'], [8, 'mmr', 1, '2021-06-14'],
];

let dir: string;
let db: Awaited<ReturnType<typeof openReleaseViews>>;
const run = <T = Record<string, unknown>>(q: SqlQuery) => db.rows<T>(q.text, [...q.params] as (string | number)[]);
const table = (name: string, columns: Record<string, string>) => `CREATE TABLE ${name} (${Object.entries(columns).map(([c, t]) => `${c} ${t}`).join(', ')})`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pf-event-sql-'));
  db = await openReleaseViews(dir);
  await db.rows(table('areas', AREA_COLUMNS));
  await db.rows(table('children', CHILD_COLUMNS));
  await db.rows(table('doses', DOSE_COLUMNS));
  for (const a of AREAS) await db.rows('INSERT INTO areas (area_code, area_name, area_type, parent_code, borough_code, icb_code) VALUES ($1, $2, $3, $4, $5, $6)', a as string[]);
  for (const [id, born, practice] of CHILDREN) await db.rows(`INSERT INTO children (child_id, birth_date, practice_code, ethnic_group, sex) VALUES ($1, $2::DATE, $3, 'White', 'F')`, [id!, born!, practice!]);
  for (const d of DOSES) await db.rows('INSERT INTO doses (child_id, vaccine, dose, event_date) VALUES ($1, $2, $3, $4::DATE)', d as (string | number)[]);
  const source = boroughCubeSourceSql('doses', 'E12000007');
  await db.rows(`CREATE TABLE ${BOROUGH_CUBE_SOURCE_VIEW} AS ${source.text}`, [...source.params] as string[]);
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const POLIO: CampaignProgressFilter = {
  vaccine: 'ipv-campaign', dose: null, bornFrom: '2012-08-11', bornTo: '2021-08-10', unvaccinatedAtStart: false, opens: '2022-08-16', asOf: '2022-10-13',
  boroughs: null, priorityStarts: [{ boroughs: ['E09000003'], start: '2022-08-16' }], start: '2022-09-12', areaLevel: 'borough', areaCodes: null, regionCode: 'E12000007', intervalDays: 7,
};

describe('campaignProgressSql on DuckDB', () => {
  it('counts eligible children once, at their first dose, in intervals ending on asOf and every 7 days before', async () => {
    // Barnet: children 1, 2, 7 (7 vaccinated after asOf); Bromley: children 4, 5, 8, 9 (only 4 vaccinated). Intervals end 10-13, 10-06, …, 09-01, 08-25, 08-18.
    expect(await run(campaignProgressSql(POLIO))).toEqual([
      { area_code: 'E09000003', start_date: '2022-08-16', interval_end: null, children: 1 },
      { area_code: 'E09000003', start_date: '2022-08-16', interval_end: '2022-08-25', children: 1 },
      { area_code: 'E09000003', start_date: '2022-08-16', interval_end: '2022-09-01', children: 1 },
      { area_code: 'E09000006', start_date: '2022-09-12', interval_end: null, children: 3 },
      { area_code: 'E09000006', start_date: '2022-09-12', interval_end: '2022-09-15', children: 1 },
    ]);
  });

  it('sums to the region with each child’s start date, and to PCNs only for practices that have one', async () => {
    const region = await run<{ start_date: string; children: number }>(campaignProgressSql({ ...POLIO, areaLevel: 'region' }));
    expect(region.filter((r) => r.start_date === '2022-08-16').reduce((s, r) => s + r.children, 0)).toBe(3);
    expect(region.filter((r) => r.start_date === '2022-09-12').reduce((s, r) => s + r.children, 0)).toBe(4);
    const pcns = await run<{ area_code: string }>(campaignProgressSql({ ...POLIO, areaLevel: 'pcn' }));
    expect([...new Set(pcns.map((r) => r.area_code))]).toEqual(['SYNP001']);
    const practice = await run<{ area_code: string }>(campaignProgressSql({ ...POLIO, areaLevel: 'practice', areaCodes: ['SYN0002'], intervalDays: 1 }));
    expect(practice).toEqual([
      { area_code: 'SYN0002', start_date: '2022-09-12', interval_end: null, children: 3 },
      { area_code: 'SYN0002', start_date: '2022-09-12', interval_end: '2022-09-15', children: 1 },
    ]);
  });

  it('limits a catch-up to children with no counting dose before it opens, and a campaign to its boroughs', async () => {
    // MMR (any dose) from 2023-11-01 for children born 2018–2022: children 4, 5 and 8 had MMR before it opened; only child 9 is eligible.
    const rows = await run(campaignProgressSql({ ...POLIO, vaccine: 'mmr', bornFrom: '2018-01-01', bornTo: '2022-12-31', unvaccinatedAtStart: true, opens: '2023-11-01', asOf: '2024-03-31', priorityStarts: [], start: '2023-11-01', areaLevel: 'region' }));
    expect(rows).toEqual([{ area_code: 'E12000007', start_date: '2023-11-01', interval_end: null, children: 1 }]);
    const barnetOnly = await run<{ area_code: string }>(campaignProgressSql({ ...POLIO, boroughs: ['E09000003'] }));
    expect([...new Set(barnetOnly.map((r) => r.area_code))]).toEqual(['E09000003']);
  });
});

describe('campaignProgressSql with a breakdown on DuckDB', () => {
  it('splits the same counts by the child’s ethnic group or deprivation quintile (null when not recorded)', async () => {
    const plain = await run<Record<string, unknown>>(campaignProgressSql(POLIO));
    const byEthnicity = await run<Record<string, unknown>>(campaignProgressSql({ ...POLIO, breakdown: 'ethnicity' }));
    expect(byEthnicity).toEqual(plain.map((r) => ({ ...r, group_value: 'White' })));
    const byQuintile = await run<Record<string, unknown>>(campaignProgressSql({ ...POLIO, breakdown: 'deprivation' }));
    expect(byQuintile).toEqual(plain.map((r) => ({ ...r, group_value: null })));
  });
});

describe('campaignProgressSql over a campaign cube table', () => {
  it('gives the same rows as the cube built inside the query, for any level, areas, as-of date, interval and breakdown', async () => {
    const catchUp: CampaignProgressFilter = { ...POLIO, vaccine: 'mmr', bornFrom: '2018-01-01', bornTo: '2022-12-31', unvaccinatedAtStart: true, opens: '2023-11-01', asOf: '2024-03-31', priorityStarts: [], start: '2023-11-01' };
    for (const [name, campaign] of [['polio_cube', POLIO], ['catch_up_cube', catchUp]] as const) {
      const cube = campaignCubeSql(campaign);
      await db.rows(`CREATE TABLE ${name} AS ${cube.text}`, [...cube.params] as (string | number)[]);
      const requests: CampaignProgressFilter[] = [
        campaign,
        { ...campaign, areaLevel: 'region' },
        { ...campaign, areaLevel: 'practice', areaCodes: ['SYN0002'], intervalDays: 1 },
        { ...campaign, asOf: '2022-09-01', breakdown: 'ethnicity' },
        { ...campaign, asOf: '2022-08-15', breakdown: 'deprivation', areaLevel: 'pcn' },
      ];
      for (const request of requests) expect(await run(campaignProgressSql(request, name)), JSON.stringify(request)).toEqual(await run(campaignProgressSql(request)));
    }
    expect((await run(campaignProgressSql(POLIO, 'polio_cube'))).length).toBeGreaterThan(0);
  });
});

describe('cohortCurveSql on DuckDB', () => {
  it('counts a dose at an age when given before the child reached it (the COVER rule), up to the youngest child’s age', async () => {
    // Cohort 2020 at SYN0002: children 5, 8, 9. The youngest possible member (31 Dec 2020) is 15 whole months old on 2022-03-31.
    const rows = await run<{ age_months: number; vaccinated: number; children: number }>(cohortCurveSql({ vaccine: 'mmr', dose: 1, areaLevel: 'practice', areaCode: 'SYN0002', regionCode: 'E12000007', cohorts: [2020], asAt: '2022-03-31', maxAgeMonths: 60 }));
    expect(rows.map((r) => r.age_months)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(rows.every((r) => r.children === 3)).toBe(true);
    expect(rows.map((r) => r.vaccinated)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
  });

  it('gives one curve per area of the level without an area code, each the one that area alone gives', async () => {
    const one = { vaccine: 'mmr', dose: 1, areaLevel: 'borough', regionCode: 'E12000007', cohorts: [2020], asAt: '2022-03-31', maxAgeMonths: 60 } as const;
    const all = await run<{ area_code: string; vaccinated: number }>(cohortCurveSql({ ...one, areaCode: null }));
    const codes = [...new Set(all.map((r) => r.area_code))];
    expect(codes).toContain('E09000006');
    for (const code of codes) expect(all.filter((r) => r.area_code === code)).toEqual(await run(cohortCurveSql({ ...one, areaCode: code })));
    expect(all.filter((r) => r.area_code === 'E09000006').map((r) => r.vaccinated)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
  });

  it('stops at maxAgeMonths and gives no points for a cohort too young to have reached 0 months', async () => {
    const capped = await run(cohortCurveSql({ vaccine: 'mmr', dose: 1, areaLevel: 'borough', areaCode: 'E09000006', regionCode: 'E12000007', cohorts: [2020], asAt: '2030-01-01', maxAgeMonths: 60 }));
    expect(capped).toHaveLength(61);
    expect(await run(cohortCurveSql({ vaccine: 'mmr', dose: 1, areaLevel: 'borough', areaCode: 'E09000006', regionCode: 'E12000007', cohorts: [2020], asAt: '2020-06-30', maxAgeMonths: 60 }))).toEqual([]);
  });
});

describe('cohortCurveSql over a cohort cube table', () => {
  it('gives the same rows as the cube built inside the query, for any level, area, cohorts and as-at date', async () => {
    const cube = cohortCubeSql({ vaccine: 'mmr', dose: 1, regionCode: 'E12000007' });
    await db.rows(`CREATE TABLE mmr1_cohort_cube AS ${cube.text}`, [...cube.params] as (string | number)[]);
    const base = { vaccine: 'mmr', dose: 1, regionCode: 'E12000007', maxAgeMonths: 60 } as const;
    const requests = [
      { ...base, areaLevel: 'practice', areaCode: 'SYN0002', cohorts: [2020], asAt: '2022-03-31' },
      { ...base, areaLevel: 'borough', areaCode: null, cohorts: [2019, 2020], asAt: '2025-03-31' },
      { ...base, areaLevel: 'region', areaCode: 'E12000007', cohorts: [2015, 2016, 2019, 2020], asAt: '2024-01-01' },
      { ...base, areaLevel: 'pcn', areaCode: 'SYNP001', cohorts: [2015], asAt: '2030-01-01' },
      { ...base, areaLevel: 'icb', areaCode: null, cohorts: [2020], asAt: '2020-06-30' },
    ] as const;
    for (const request of requests) expect(await run(cohortCurveSql(request, 'mmr1_cohort_cube')), JSON.stringify(request)).toEqual(await run(cohortCurveSql(request)));
    // Child 5's first MMR came at 13 whole months (counts from 14), child 8's the day before 12 months (from 12); child 9 had none.
    expect(await db.rows('SELECT practice_code, cohort, age_months, children FROM mmr1_cohort_cube WHERE cohort = 2020 ORDER BY age_months NULLS LAST')).toEqual([
      { practice_code: 'SYN0002', cohort: 2020, age_months: 12, children: 1 },
      { practice_code: 'SYN0002', cohort: 2020, age_months: 14, children: 1 },
      { practice_code: 'SYN0002', cohort: 2020, age_months: null, children: 1 },
    ]);
  });
});

describe('extract SQL on DuckDB', () => {
  it('applies the same disclosure rule as suppressCount', async () => {
    const rows = await db.rows<{ n: number; shown: number | null }>(`SELECT n, ${disclosedCountSql('n')} AS shown FROM range(0, 61) t(n) ORDER BY n`);
    expect(rows.map((r) => r.shown)).toEqual(rows.map((r) => suppressCount(r.n).shown));
  });

  it('keeps an ICB’s practices only, and gives the public controlled borough rows one breakdown at a time', async () => {
    const icb = await run<{ practice_code: string; doses: number }>(immunisationExtractSql('immunisation-weekly', { kind: 'icb', icb: 'E54000030' }, 'E12000007'));
    expect(new Set(icb.map((r) => r.practice_code))).toEqual(new Set(['SYN0002']));
    expect(icb.reduce((s, r) => s + r.doses, 0)).toBe(5);
    const plan = publicExtractSql('immunisation-weekly');
    for (const step of [plan.cells, plan.hidden]) await run(step);
    const toDisclose = await run<{ cell: number; star: number; breakdown: string; count: number }>(plan.toDisclose);
    expect(new Set(toDisclose.map((r) => r.breakdown))).toEqual(new Set(['total', 'deprivation', 'ethnicity', 'sex']));
    expect(new Set(toDisclose.map((r) => r.star)).size).toBe(new Set(toDisclose.filter((r) => r.breakdown === 'total').map((r) => r.star)).size);
    const pub = await run<Record<string, unknown>>(plan.published);
    expect(Object.keys(pub[0]!)).toEqual(['borough_code', 'icb_code', 'month', 'vaccine', 'dose', 'breakdown', 'deprivation_quintile', 'ethnic_group', 'sex', 'doses']);
    expect(pub).toHaveLength(toDisclose.length);
    expect(pub.every((r) => r.doses === null)).toBe(true); // every cell of this fixture is 1 or 2 doses
    const population = await run<{ children: number }>(immunisationExtractSql('immunisation-population', { kind: 'all' }, 'E12000007'));
    expect(population.reduce((s, r) => s + r.children, 0)).toBe(8);
  });
});

describe('childAreasCte on DuckDB', () => {
  it('gives each child of a known practice the codes of its practice, PCN (none for a practice without one), borough, ICB and region', async () => {
    const p = new SqlParams();
    const text = `WITH ${childAreasCte(p, 'E12000007')} SELECT child_id, practice_code, pcn_code, borough_code, icb_code, region_code FROM child_areas ORDER BY child_id`;
    const barnet = { practice_code: 'SYN0001', pcn_code: 'SYNP001', borough_code: 'E09000003', icb_code: 'E54000028', region_code: 'E12000007' };
    const bromley = { practice_code: 'SYN0002', pcn_code: null, borough_code: 'E09000006', icb_code: 'E54000030', region_code: 'E12000007' };
    // Child 6's practice is unknown to the release.
    expect(await run({ text, params: p.values })).toEqual([
      { child_id: 1, ...barnet }, { child_id: 2, ...barnet }, { child_id: 3, ...barnet }, { child_id: 4, ...bromley },
      { child_id: 5, ...bromley }, { child_id: 7, ...barnet }, { child_id: 8, ...bromley }, { child_id: 9, ...bromley },
    ]);
  });
});

describe('boroughCubeSql on DuckDB', () => {
  it('cuts an ICB’s boroughs, each breakdown’s rows, from the cube source', async () => {
    // Barnet (North Central London) had the campaign booster: children 1, 2 (30 Aug) and 3 in August 2022, child 2 again in September, child 7 in October.
    const rows = await run<{ borough_code: string; month: string; breakdown: string; doses: number }>(boroughCubeSql('immunisation-borough-monthly', { kind: 'icb', icb: 'E54000028' }));
    expect(new Set(rows.map((r) => r.borough_code))).toEqual(new Set(['E09000003']));
    expect(rows.filter((r) => r.breakdown === 'total').map((r) => r.doses)).toEqual([3, 1, 1]);
    // No child has a recorded quintile, and all are White: each breakdown repeats the totals.
    for (const breakdown of ['deprivation', 'ethnicity']) expect(rows.filter((r) => r.breakdown === breakdown).map((r) => r.doses)).toEqual([3, 1, 1]);
    expect(rows).toHaveLength(9);
  });

  it('cuts one borough’s quintile × ethnic group rows for a caller with every borough', async () => {
    // Bromley: MMR1 for children 4 (March 2020), 5 (February 2021) and 8 (June 2021), MMR2 for child 5 (November 2023), the booster for child 4.
    const rows = await run<{ borough_code: string; vaccine: string; dose: number; breakdown: string; ethnic_group: string; doses: number }>(
      boroughCubeSql('immunisation-borough-monthly-cross', { kind: 'all' }, { borough: 'E09000006' }),
    );
    expect(rows.map((r) => [r.borough_code, r.vaccine, r.dose, r.breakdown, r.ethnic_group, r.doses])).toEqual([
      ['E09000006', 'ipv-campaign', 1, 'deprivation-ethnicity', 'White', 1],
      ['E09000006', 'mmr', 1, 'deprivation-ethnicity', 'White', 1],
      ['E09000006', 'mmr', 1, 'deprivation-ethnicity', 'White', 1],
      ['E09000006', 'mmr', 1, 'deprivation-ethnicity', 'White', 1],
      ['E09000006', 'mmr', 2, 'deprivation-ethnicity', 'White', 1],
    ]);
  });
});

describe('publicExtractOfBoroughSql on DuckDB', () => {
  it('keeps one borough’s rows of a built public extract, in its order', async () => {
    await db.rows(`CREATE VIEW ${PUBLIC_EXTRACT_VIEW} AS SELECT * FROM (VALUES ('E09000003', 15), ('E09000006', 10), ('E09000003', 5)) AS t(borough_code, doses)`);
    expect(await run(publicExtractOfBoroughSql('E09000003'))).toEqual([{ borough_code: 'E09000003', doses: 15 }, { borough_code: 'E09000003', doses: 5 }]);
    expect(await run(publicExtractOfBoroughSql("E09000003' OR 1=1 --"))).toEqual([]);
  });
});

describe('copyToParquetSql on DuckDB', () => {
  it('writes a query’s rows to a Parquet file, or a folder per borough, at a path that travels as a parameter', async () => {
    const population = immunisationExtractSql('immunisation-population', { kind: 'all' }, 'E12000007');
    const file = path.join(dir, "it's population.parquet");
    await run(copyToParquetSql(population, file));
    const read = (from: string) => db.rows(`SELECT * FROM read_parquet($1, hive_partitioning = false)`, [from]);
    expect(await read(file)).toEqual(await run(population));
    // A view's definition takes no parameters: the path, quote and all, is a quoted literal there.
    await db.rows(`CREATE VIEW copied_population AS SELECT * FROM read_parquet(${quoteLiteral(file)})`);
    expect(await db.rows('SELECT * FROM copied_population')).toEqual(await run(population));
    const folder = path.join(dir, 'by-borough');
    await run(copyToParquetSql(population, folder, { partitionBy: 'borough_code' }));
    // Children 4, 5, 8 and 9 are at Bromley's practice.
    const bromley = await read(path.join(folder, 'borough_code=E09000006', '*.parquet'));
    expect(bromley.reduce((s, r) => s + Number(r.children), 0)).toBe(4);
    expect(bromley.every((r) => r.borough_code === 'E09000006')).toBe(true);
  });
});
