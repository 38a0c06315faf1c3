import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDuckDb } from '../support/memory-duckdb.ts';
import { BOROUGHS, MERGED_AREA_NOTE, OBSERVATION_COLUMNS, birthYearRangeSql, publicTableSourceSql, rollupObservationsSql, type SqlQuery } from '@pathfinder/metrics';

// The SQL that builds a release, bound against DuckDB over hand-made rows: every expected number is counted by hand.
const code = (name: string) => BOROUGHS.find((b) => b.name === name)!.code;
const [CITY, HACKNEY, BARNET] = [code('City of London'), code('Hackney'), code('Barnet')];

let memory: Awaited<ReturnType<typeof openMemoryDuckDb>>;
let db: DuckDBConnection;
const rows = (query: SqlQuery) => memory.rows(query);
const createObservations = () => db.run(`CREATE TABLE observations (${Object.entries(OBSERVATION_COLUMNS).map(([n, t]) => `${n} ${t}`).join(', ')})`);
const insertObservation = (r: { area: string; type: string; period?: string; breakdown?: string; numerator: number | null; denominator: number | null; note?: string; published?: number }) =>
  db.run(`INSERT INTO observations (indicator_id, area_code, area_type, period, period_start, breakdown, numerator, denominator, value_note, published_value) VALUES ('imm-a', $1, $2, $3, '2024-01-01', $4, $5, $6, $7, $8)`,
    [r.area, r.type, r.period ?? '2023/24 Q4', r.breakdown ?? 'total', r.numerator, r.denominator, r.note ?? null, r.published ?? null]);

beforeEach(async () => {
  memory = await openMemoryDuckDb();
  db = memory.db;
});
afterEach(() => memory.close());

describe('publicTableSourceSql', () => {
  it('sums the City of London into Hackney with the merge note, drops a source’s published value there, and keeps practices out', async () => {
    await createObservations();
    await insertObservation({ area: HACKNEY, type: 'borough', numerator: 800, denominator: 1000, published: 80 });
    await insertObservation({ area: CITY, type: 'borough', numerator: 7, denominator: 16, published: 43.8 });
    await insertObservation({ area: BARNET, type: 'borough', numerator: 300, denominator: 400, published: 75 });
    await insertObservation({ area: HACKNEY, type: 'borough', breakdown: 'sex:F', numerator: 400, denominator: 500 });
    await insertObservation({ area: CITY, type: 'borough', breakdown: 'sex:F', numerator: null, denominator: 8, note: 'excluded' });
    await insertObservation({ area: 'SYN0001', type: 'practice', numerator: 7, denominator: 16 });
    const out = await rows(publicTableSourceSql());
    expect(out.map((r) => [r.area_code, r.breakdown, r.numerator, r.denominator, r.value_note, r.published_value])).toEqual([
      [BARNET, 'total', 300, 400, null, 75],
      [HACKNEY, 'sex:F', null, 508, `excluded; ${MERGED_AREA_NOTE}`, null],
      [HACKNEY, 'total', 807, 1016, MERGED_AREA_NOTE, null],
    ]);
  });

  it('merges nothing when told no merges (figures whose publisher already counts the City within Hackney)', async () => {
    await createObservations();
    await insertObservation({ area: HACKNEY, type: 'borough', numerator: 800, denominator: 1000, note: 'includes City of London' });
    await insertObservation({ area: CITY, type: 'borough', numerator: null, denominator: null, note: 'counted within Hackney' });
    const out = await rows(publicTableSourceSql(new Map()));
    expect(out.map((r) => [r.area_code, r.numerator, r.denominator, r.value_note])).toEqual([
      [CITY, null, null, 'counted within Hackney'],
      [HACKNEY, 800, 1000, 'includes City of London'],
    ]);
  });
});

describe('rollupObservationsSql', () => {
  it('rolls practices up to every level, and breakdowns from borough up', async () => {
    await createObservations();
    await db.run('CREATE TABLE practice_geography (practice_code VARCHAR, pcn_code VARCHAR, borough_code VARCHAR, icb_code VARCHAR, region_code VARCHAR)');
    await db.run(`INSERT INTO practice_geography VALUES ('P1', 'N1', 'B1', 'I1', 'L'), ('P2', 'N1', 'B1', 'I1', 'L'), ('P3', 'N2', 'B2', 'I1', 'L')`);
    await db.run('CREATE TABLE practice_observations (indicator_id VARCHAR, practice_code VARCHAR, period VARCHAR, period_start DATE, deprivation_quintile TINYINT, ethnic_group VARCHAR, sex VARCHAR, numerator BIGINT, denominator BIGINT)');
    await db.run(`INSERT INTO practice_observations VALUES
      ('imm-a', 'P1', 'Q4', '2024-01-01', 1, 'White', 'F', 3, 4),
      ('imm-a', 'P1', 'Q4', '2024-01-01', 2, 'Asian', 'M', 5, 6),
      ('imm-a', 'P2', 'Q4', '2024-01-01', 1, 'Asian', 'F', 7, 8),
      ('imm-a', 'P3', 'Q4', '2024-01-01', 2, 'White', 'M', 1, 2)`);
    for (const q of rollupObservationsSql()) await db.run(q.text, [...q.params] as string[]);
    const level = (type: string, breakdown = 'total') => rows({ text: `SELECT area_code, numerator, denominator FROM observations WHERE area_type = $1 AND breakdown = $2 ORDER BY area_code`, params: [type, breakdown] });
    expect(await level('practice')).toEqual([{ area_code: 'P1', numerator: 8, denominator: 10 }, { area_code: 'P2', numerator: 7, denominator: 8 }, { area_code: 'P3', numerator: 1, denominator: 2 }]);
    expect(await level('pcn')).toEqual([{ area_code: 'N1', numerator: 15, denominator: 18 }, { area_code: 'N2', numerator: 1, denominator: 2 }]);
    expect(await level('borough')).toEqual([{ area_code: 'B1', numerator: 15, denominator: 18 }, { area_code: 'B2', numerator: 1, denominator: 2 }]);
    expect(await level('icb')).toEqual([{ area_code: 'I1', numerator: 16, denominator: 20 }]);
    expect(await level('region')).toEqual([{ area_code: 'L', numerator: 16, denominator: 20 }]);
    expect(await level('borough', 'deprivation:1')).toEqual([{ area_code: 'B1', numerator: 10, denominator: 12 }]);
    expect(await level('region', 'ethnicity:Asian')).toEqual([{ area_code: 'L', numerator: 12, denominator: 14 }]);
    expect(await level('region', 'sex:M')).toEqual([{ area_code: 'L', numerator: 6, denominator: 8 }]);
    expect(await level('practice', 'sex:M')).toEqual([]);
  });
});

describe('birthYearRangeSql', () => {
  it('gives the first and last birth years of the children', async () => {
    await db.run(`CREATE TABLE children AS SELECT * FROM (VALUES (DATE '2019-03-01'), (DATE '2021-12-31'), (DATE '2020-06-15')) AS t(birth_date)`);
    expect(await rows(birthYearRangeSql())).toEqual([{ first: 2019, last: 2021 }]);
  });
});
