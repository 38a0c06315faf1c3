import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryDuckDb } from '../support/memory-duckdb.ts';
import { PUBLIC_OBSERVATION_COLUMNS, breakdownSql, indicatorPeriodsSql, latestValuesSql, observationTotalsSql, seriesSql, type SqlQuery } from '@pathfinder/metrics';

// A hand-made table in the public table's schema, so every expected number is counted by hand.
// Columns: indicator, area, area type, period, period start, breakdown, numerator, denominator,
// value note, numerator hidden, denominator hidden.
const ROWS = [
  ['imm-a', 'B1', 'borough', '2023/24 Q3', '2023-10-01', 'total', 40, 50, null, false, false],
  ['imm-a', 'B1', 'borough', '2023/24 Q4', '2024-01-01', 'total', 45, 55, null, false, false],
  ['imm-a', 'B2', 'borough', '2023/24 Q3', '2023-10-01', 'total', null, 20, null, true, false],
  ['imm-a', 'B2', 'borough', '2023/24 Q4', '2024-01-01', 'total', 15, 20, null, false, false],
  ['imm-a', 'B3', 'borough', '2023/24 Q3', '2023-10-01', 'total', null, null, 'excluded: data quality', false, false],
  ['imm-a', 'B3', 'borough', '2023/24 Q4', '2024-01-01', 'total', 30, 35, null, false, false],
  ['imm-a', 'B1', 'borough', '2023/24 Q4', '2024-01-01', 'deprivation:1', 20, 25, null, false, false],
  ['imm-a', 'B1', 'borough', '2023/24 Q4', '2024-01-01', 'deprivation:2', 25, 30, null, false, false],
  ['imm-a', 'B1', 'borough', '2023/24 Q4', '2024-01-01', 'sex:F', 22, 27, null, false, false],
  ['imm-a', 'L', 'region', '2023/24 Q4', '2024-01-01', 'total', 90, 110, null, false, false],
  ['imm-b', 'B1', 'borough', '2023/24 Q2', '2023-07-01', 'total', 8, 10, null, false, false],
  ['imm-b', 'L', 'region', '2023/24 Q3', '2023-10-01', 'total', 70, 100, null, false, false],
] as const;

let memory: Awaited<ReturnType<typeof openMemoryDuckDb>>;
const rows = (query: SqlQuery) => memory.rows(query);

beforeAll(async () => {
  memory = await openMemoryDuckDb();
  const { db } = memory;
  await db.run(`CREATE TABLE public_observations (${Object.entries(PUBLIC_OBSERVATION_COLUMNS).map(([n, t]) => `${n} ${t}`).join(', ')})`);
  for (const [indicator, area, type, period, start, breakdown, numerator, denominator, note, nh, dh] of ROWS) {
    await db.run(
      'INSERT INTO public_observations (indicator_id, area_code, area_type, period, period_start, breakdown, numerator, denominator, value_note, numerator_hidden, denominator_hidden) VALUES ($1, $2, $3, $4, $5::DATE, $6, $7, $8, $9, $10, $11)',
      [indicator, area, type, period, start, breakdown, numerator, denominator, note, nh, dh],
    );
  }
  await db.run('CREATE VIEW observations AS SELECT * FROM public_observations');
});
afterAll(() => memory?.close());

const source = 'public_observations';

describe('observation SQL builders bound in DuckDB', () => {
  it('sums each area over periods; a sum with a hidden part is hidden, and a period without counts is noted', async () => {
    expect(await rows(observationTotalsSql({ indicatorId: 'imm-a', areaType: 'borough', areaCodes: null, periods: ['2023/24 Q3', '2023/24 Q4'], breakdown: 'total', source }))).toEqual([
      { area_code: 'B1', numerator: 85, denominator: 105, suppressed: false, value_note: null },
      { area_code: 'B2', numerator: null, denominator: 40, suppressed: true, value_note: 'some periods have no data' },
      { area_code: 'B3', numerator: 30, denominator: 35, suppressed: false, value_note: 'excluded: data quality' },
    ]);
    expect(await rows(observationTotalsSql({ indicatorId: 'imm-a', areaType: 'borough', areaCodes: ['B2'], periods: ['2023/24 Q4'], breakdown: 'total', source }))).toEqual([
      { area_code: 'B2', numerator: 15, denominator: 20, suppressed: false, value_note: null },
    ]);
  });

  it('lists an indicator’s periods, latest first', async () => {
    expect(await rows(indicatorPeriodsSql('imm-a'))).toEqual([
      { period: '2023/24 Q4', period_start: '2024-01-01' },
      { period: '2023/24 Q3', period_start: '2023-10-01' },
    ]);
  });

  it('gives a series oldest first, within dates', async () => {
    const series = await rows(seriesSql({ indicatorIds: ['imm-a'], areaCodes: ['B1', 'B2'], breakdown: 'total', source }));
    expect(series.map((r) => [r.area_code, r.period, r.numerator, r.suppressed])).toEqual([
      ['B1', '2023/24 Q3', 40, false],
      ['B2', '2023/24 Q3', null, true],
      ['B1', '2023/24 Q4', 45, false],
      ['B2', '2023/24 Q4', 15, false],
    ]);
    const from = await rows(seriesSql({ indicatorIds: ['imm-a'], areaCodes: ['B1'], breakdown: 'total', from: '2024-01-01', to: null, source }));
    expect(from.map((r) => r.period)).toEqual(['2023/24 Q4']);
    // Several indicators in one query: each one's rows are those it gives alone.
    const both = await rows(seriesSql({ indicatorIds: ['imm-a', 'imm-b'], areaCodes: ['B1', 'B2'], breakdown: 'total', source }));
    expect(both.filter((r) => r.indicator_id === 'imm-a')).toEqual(series);
    expect(both.some((r) => r.indicator_id === 'imm-b')).toBe(true);
  });

  it('gives each indicator’s latest period at the first area type, with the rows of every area type asked for', async () => {
    const latest = await rows(latestValuesSql({ indicatorIds: ['imm-a', 'imm-b'], areaTypes: ['borough', 'region'], source }));
    expect(latest.map((r) => [r.indicator_id, r.area_code, r.period, r.numerator])).toEqual([
      ['imm-a', 'B1', '2023/24 Q4', 45],
      ['imm-a', 'B2', '2023/24 Q4', 15],
      ['imm-a', 'B3', '2023/24 Q4', 30],
      ['imm-a', 'L', '2023/24 Q4', 90],
      // imm-b's latest borough period is Q2; London has no Q2 row, so it is not given Q3's.
      ['imm-b', 'B1', '2023/24 Q2', 8],
    ]);
  });

  it('gives one area’s groups of one dimension, not another dimension’s', async () => {
    expect(await rows(breakdownSql({ indicatorId: 'imm-a', areaCode: 'B1', dimension: 'deprivation', periods: ['2023/24 Q4'], source }))).toEqual([
      { breakdown: 'deprivation:1', numerator: 20, denominator: 25, suppressed: false, value_note: null },
      { breakdown: 'deprivation:2', numerator: 25, denominator: 30, suppressed: false, value_note: null },
    ]);
  });
});
