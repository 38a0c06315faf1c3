import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_OBSERVATION_COLUMNS, totalSeriesSql, type TotalSeriesPoint } from '@pathfinder/metrics';
import { openMemoryDuckDb } from '../support/memory-duckdb.ts';

// A hand-made table in the public table's schema. Columns: indicator, area, area type, period,
// period start, breakdown, numerator, denominator, value note, numerator hidden, denominator hidden.
// Rows are inserted out of period order, so the series' order comes from the period start.
const ROWS = [
  ['imm-a', 'B1', 'borough', '2023/24 Q4', '2024-01-01', 'total', 45, 55, null, false, false],
  ['imm-a', 'B1', 'borough', '2023/24 Q3', '2023-10-01', 'total', 40, 50, null, false, false],
  ['imm-a', 'B1', 'borough', '2023/24 Q4', '2024-01-01', 'sex:F', 22, 27, null, false, false],
  ['imm-a', 'B2', 'borough', '2023/24 Q3', '2023-10-01', 'total', 7, 20, null, true, false],
  ['imm-a', 'B2', 'borough', '2023/24 Q4', '2024-01-01', 'total', null, null, 'excluded: data quality', false, false],
  ['imm-a', 'L', 'region', '2023/24 Q4', '2024-01-01', 'total', 90, 110, null, false, false],
  ['imm-b', 'B1', 'borough', '2023/24 Q2', '2023-07-01', 'total', 8, 10, null, false, false],
  ['imm-c', 'B1', 'borough', '2023/24 Q2', '2023-07-01', 'total', 1, 2, null, false, false],
] as const;

let memory: Awaited<ReturnType<typeof openMemoryDuckDb>>;

beforeAll(async () => {
  memory = await openMemoryDuckDb();
  await memory.db.run(`CREATE TABLE public_observations (${Object.entries(PUBLIC_OBSERVATION_COLUMNS).map(([n, t]) => `${n} ${t}`).join(', ')})`);
  for (const row of ROWS) {
    await memory.db.run(
      'INSERT INTO public_observations (indicator_id, area_code, area_type, period, period_start, breakdown, numerator, denominator, value_note, numerator_hidden, denominator_hidden) VALUES ($1, $2, $3, $4, $5::DATE, $6, $7, $8, $9, $10, $11)',
      [...row],
    );
  }
});
afterAll(() => memory?.close());

const series = async (f: Parameters<typeof totalSeriesSql>[0]) =>
  (await memory.rows(totalSeriesSql(f))).map((r) => ({ ...(r as { indicator_id: string; area_code: string; area_type: string }), points: (JSON.parse(r.points as string) as TotalSeriesPoint[]).sort((a, b) => a.start.localeCompare(b.start)) }));

describe('totalSeriesSql bound in DuckDB', () => {
  it('gives each area × indicator its total-breakdown series, a hidden count as null with suppressed set, a missing numerator noted', async () => {
    expect(await series({ source: 'public_observations', indicatorIds: ['imm-a', 'imm-b'], areaCodes: null })).toEqual([
      {
        indicator_id: 'imm-a', area_code: 'B1', area_type: 'borough',
        points: [
          { period: '2023/24 Q3', start: '2023-10-01', numerator: 40, denominator: 50, suppressed: false, value_note: null },
          { period: '2023/24 Q4', start: '2024-01-01', numerator: 45, denominator: 55, suppressed: false, value_note: null },
        ],
      },
      {
        indicator_id: 'imm-a', area_code: 'B2', area_type: 'borough',
        points: [
          { period: '2023/24 Q3', start: '2023-10-01', numerator: null, denominator: 20, suppressed: true, value_note: null },
          { period: '2023/24 Q4', start: '2024-01-01', numerator: null, denominator: null, suppressed: false, value_note: 'excluded: data quality' },
        ],
      },
      { indicator_id: 'imm-a', area_code: 'L', area_type: 'region', points: [{ period: '2023/24 Q4', start: '2024-01-01', numerator: 90, denominator: 110, suppressed: false, value_note: null }] },
      { indicator_id: 'imm-b', area_code: 'B1', area_type: 'borough', points: [{ period: '2023/24 Q2', start: '2023-07-01', numerator: 8, denominator: 10, suppressed: false, value_note: null }] },
    ]);
  });

  it('keeps to the areas asked for', async () => {
    const rows = await series({ source: 'public_observations', indicatorIds: ['imm-a', 'imm-c'], areaCodes: ['B1'] });
    expect(rows.map((r) => `${r.indicator_id} ${r.area_code} ${r.points.length}`)).toEqual(['imm-a B1 2', 'imm-c B1 1']);
  });
});
