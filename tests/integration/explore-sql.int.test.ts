import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryDuckDb } from '../support/memory-duckdb.ts';
import {
  EXPLORE_CUBE_EXTRACT_TABLES, EXPLORE_DETAIL_TABLES, exploreCrossSql, exploreCubeSql, exploreDetailRowsSql, exploreDosesByVaccineSql, exploreDosesOverTimeSql, exploreExtentSql, explorePracticeUptakeSql, exploreSummaryRows, exploreUptakeSql, exploreFilterFor, inlineParams, readOnlySql,
  type ExploreFilter, type ExploreUptakeRow, type QueryRunner, type SqlQuery,
} from '@pathfinder/metrics';

// A hand-made fixture in the practice extracts' schema, so every expected number is counted by hand.
// SYN0001 is in Hackney (North East London ICB), SYN0002 in Barnet (North Central London ICB);
// SYN0003 is another Hackney practice, whose row the cube adds to SYN0001's. Its weeks stand for
// the dates of the doses, whose month the borough cube counts them in.
const WEEKLY = [
  ['SYN0001', 'E09000012', 'E54000029', '2023-01-02', 'mmr', 1, 1, 'White', 'F', 10],
  ['SYN0001', 'E09000012', 'E54000029', '2023-02-06', 'mmr', 1, 2, 'Black', 'M', 5],
  ['SYN0002', 'E09000003', 'E54000028', '2023-01-09', 'mmr', 1, 1, 'Asian', 'F', 7],
  ['SYN0002', 'E09000003', 'E54000028', '2024-01-01', 'mmr', 1, 1, 'Asian', 'F', 3],
  ['SYN0001', 'E09000012', 'E54000029', '2023-03-06', 'mmr', 2, 1, 'White', 'F', 4],
  ['SYN0002', 'E09000003', 'E54000028', '2023-03-06', 'hexavalent', 1, 3, 'White', 'M', 6],
  ['SYN0003', 'E09000012', 'E54000029', '2023-01-30', 'mmr', 1, 1, 'White', 'M', 2],
] as const;
const POPULATION = [
  ['SYN0001', 'E09000012', 'E54000029', 2022, 1, 'White', 'F', 20],
  ['SYN0001', 'E09000012', 'E54000029', 2022, 2, 'Black', 'M', 10],
  ['SYN0002', 'E09000003', 'E54000028', 2022, 1, 'Asian', 'F', 8],
  ['SYN0002', 'E09000003', 'E54000028', 2021, 1, 'Asian', 'F', 100],
] as const;

const ALL: ExploreFilter = { from: null, to: null, icbs: [], boroughs: [], quintiles: [], dose: null };
const MMR1 = { vaccine: 'mmr', dose: 1 };
const YEAR_2023 = { from: '2023-01-01', to: '2023-12-31' };

let instance: DuckDBInstance;
let connection: DuckDBConnection;
/** Rows as the runners give them: BIGINT as number. */
const plainRows = <Row,>(rows: Record<string, unknown>[]) => {
  for (const row of rows) for (const key in row) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
  return rows as Row[];
};
/** The server's way of running a builder: @duckdb/node-api binding the $n parameters. */
const boundRunner: QueryRunner = {
  all: async <Row extends Record<string, unknown>>(query: SqlQuery) => plainRows<Row>((await connection.runAndReadAll(query.text, [...query.params] as (string | number)[])).getRowObjectsJS()),
};
/** The browser's way (WasmQueryRunner): the values written into the text, planned with them; a text without values prepared. */
const inlinedRunner: QueryRunner = {
  all: async <Row extends Record<string, unknown>>(query: SqlQuery) => plainRows<Row>((query.params.length > 0
    ? await connection.runAndReadAll(inlineParams(query))
    : await (await connection.prepare(query.text)).runAndReadAll()).getRowObjectsJS()),
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE ${EXPLORE_DETAIL_TABLES.weekly} (practice_code VARCHAR, pcn_code VARCHAR, borough_code VARCHAR, icb_code VARCHAR, week DATE, vaccine VARCHAR, dose INTEGER, deprivation_quintile TINYINT, ethnic_group VARCHAR, sex VARCHAR, doses INTEGER)`);
  await connection.run(`CREATE TABLE ${EXPLORE_DETAIL_TABLES.population} (practice_code VARCHAR, pcn_code VARCHAR, borough_code VARCHAR, icb_code VARCHAR, birth_year INTEGER, deprivation_quintile TINYINT, ethnic_group VARCHAR, sex VARCHAR, children INTEGER)`);
  for (const [practice, borough, icb, week, vaccine, dose, quintile, ethnic, sex, doses] of WEEKLY) {
    await connection.run(`INSERT INTO ${EXPLORE_DETAIL_TABLES.weekly} VALUES ($1, NULL, $2, $3, $4::DATE, $5, $6, $7, $8, $9, $10)`, [practice, borough, icb, week, vaccine, dose, quintile, ethnic, sex, doses]);
  }
  for (const [practice, borough, icb, year, quintile, ethnic, sex, children] of POPULATION) {
    await connection.run(`INSERT INTO ${EXPLORE_DETAIL_TABLES.population} VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8)`, [practice, borough, icb, year, quintile, ethnic, sex, children]);
  }
  // The borough cube of this fixture as the cube extracts have it (less icb_code): one breakdown at
  // a time, each a plain sum of the practice rows; then the tables Explore builds from it.
  const cube = (table: string, period: string, keys: string, count: string) => [
    ['total', 'NULL::TINYINT', 'NULL::VARCHAR'],
    ['deprivation', 'deprivation_quintile', 'NULL::VARCHAR'],
    ['ethnicity', 'NULL::TINYINT', 'ethnic_group'],
    ['deprivation-ethnicity', 'deprivation_quintile', 'ethnic_group'],
  ].map(([breakdown, quintile, ethnic]) => `SELECT borough_code, ${period}, ${keys}'${breakdown}' AS breakdown, ${quintile} AS deprivation_quintile, ${ethnic} AS ethnic_group, sum(${count})::INTEGER AS ${count}
    FROM ${table} GROUP BY ALL`).join(' UNION ALL ');
  await connection.run(`CREATE TABLE ${EXPLORE_CUBE_EXTRACT_TABLES.doses} AS ${cube(EXPLORE_DETAIL_TABLES.weekly, `date_trunc('month', week)::DATE AS month`, 'vaccine, dose, ', 'doses')} ORDER BY breakdown, vaccine, dose, month`);
  // A public cube's suppressed count is null: MenB dose 1 in Hackney in May 2023, 1 to 7 doses.
  await connection.run(`INSERT INTO ${EXPLORE_CUBE_EXTRACT_TABLES.doses} VALUES ('E09000012', DATE '2023-05-01', 'menb', 1, 'total', NULL, NULL, NULL)`);
  await connection.run(`CREATE TABLE ${EXPLORE_CUBE_EXTRACT_TABLES.population} AS ${cube(EXPLORE_DETAIL_TABLES.population, 'birth_year', '', 'children')}`);
  for (const statement of exploreCubeSql()) await boundRunner.all(statement);
});
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

// Every builder's answer is checked both ways its text runs: the values bound as parameters, and written in.
describe.each([
  { how: 'bound as parameters (the server)', runner: boundRunner },
  { how: 'with the values in the text (the browser)', runner: inlinedRunner },
])('Explore SQL builders in DuckDB, $how', ({ runner }) => {
  it('counts doses per month of one dose, every period', async () => {
    expect(await runner.all(exploreDosesOverTimeSql({ ...ALL, dose: MMR1 }))).toEqual([
      { period: '2023-01-01', doses: 19 },
      { period: '2023-02-01', doses: 5 },
      { period: '2024-01-01', doses: 3 },
    ]);
  });

  it('counts doses per month in an ICB, all vaccines, a month of suppressed counts as 0', async () => {
    expect(await runner.all(exploreDosesOverTimeSql({ ...ALL, icbs: ['E54000029'] }))).toEqual([
      { period: '2023-01-01', doses: 12 },
      { period: '2023-02-01', doses: 5 },
      { period: '2023-03-01', doses: 4 },
      { period: '2023-05-01', doses: 0 },
    ]);
  });

  it('counts doses per vaccine and dose from the totals without a quintile', async () => {
    expect(await runner.all(exploreDosesByVaccineSql({ ...ALL, ...YEAR_2023 }))).toEqual([
      { vaccine: 'hexavalent', dose: 1, doses: 6 },
      { vaccine: 'menb', dose: 1, doses: 0 },
      { vaccine: 'mmr', dose: 1, doses: 24 },
      { vaccine: 'mmr', dose: 2, doses: 4 },
    ]);
  });

  it('counts doses per vaccine and dose in a period and quintile', async () => {
    expect(await runner.all(exploreDosesByVaccineSql({ ...ALL, ...YEAR_2023, quintiles: [1] }))).toEqual([
      { vaccine: 'mmr', dose: 1, doses: 19 },
      { vaccine: 'mmr', dose: 2, doses: 4 },
    ]);
  });

  it('gives doses and children born a due age before the period, per quintile', async () => {
    expect(await runner.all(exploreUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1 }, 'quintile', 365))).toEqual([
      { key: '1', doses: 19, eligible: 28 },
      { key: '2', doses: 5, eligible: 10 },
    ]);
  });

  it('treats ICBs and boroughs as one area selection (their union)', async () => {
    const rows = await runner.all(exploreUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1, icbs: ['E54000029'], boroughs: ['E09000003'] }, 'borough', 365));
    expect(rows).toEqual([{ key: 'E09000003', doses: 7, eligible: 8 }, { key: 'E09000012', doses: 17, eligible: 30 }]);
    expect(await runner.all(exploreUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1, icbs: ['E54000029'] }, null, 365))).toEqual([{ key: 'all', doses: 17, eligible: 30 }]);
  });

  it("adds the map's boroughs up to the summary's uptake of the selection, as grouping the cube for it gives", async () => {
    for (const filter of [
      { ...ALL, ...YEAR_2023, dose: MMR1 },
      { ...ALL, ...YEAR_2023, dose: MMR1, icbs: ['E54000029'] },
      { ...ALL, ...YEAR_2023, dose: MMR1, boroughs: ['E09000003'], quintiles: [1] },
      { ...ALL, from: '2023-07-02', to: '2023-12-31', dose: MMR1, boroughs: ['E09000012', 'E09000003'] },
      { ...ALL, ...YEAR_2023, dose: MMR1, boroughs: ['E09000001'] },
    ]) {
      const map = await runner.all<ExploreUptakeRow>(exploreUptakeSql(exploreFilterFor(filter, 'area'), 'borough', 365));
      const grouped = await runner.all<ExploreUptakeRow>(exploreUptakeSql(filter, null, 365));
      const summed = exploreSummaryRows(map, filter);
      expect(summed.map((r) => r.key), JSON.stringify(filter)).toEqual(grouped.map((r) => r.key));
      summed.forEach((r, i) => {
        expect(r.doses).toBe(grouped[i]!.doses);
        expect(r.eligible).toBeCloseTo(grouped[i]!.eligible, 9);
      });
    }
  });

  it('spreads a birth year evenly when the period covers part of it, and keeps groups with no dose', async () => {
    // 2023-07-02 to 2023-12-31 less 365 days: born 2022-07-02 to 2022-12-31, 183 of 2022's 365 days.
    const [row] = await runner.all<{ key: string; doses: number; eligible: number }>(exploreUptakeSql({ ...ALL, from: '2023-07-02', to: '2023-12-31', dose: MMR1 }, null, 365));
    expect(row!.doses).toBe(0);
    expect(row!.eligible).toBeCloseTo((38 * 183) / 365, 9);
    const byEthnicity = await runner.all(exploreUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1, quintiles: [2] }, 'ethnicity', 365));
    expect(byEthnicity).toEqual([{ key: 'Black', doses: 5, eligible: 10 }]);
  });

  it('reports the months, rows and boroughs of the cube, and the rows of practice detail', async () => {
    // Rows: 7 totals (6 borough × month × dose, and the suppressed one), 6 per quintile, 6 per ethnic group, 6 of both.
    expect(await runner.all(exploreExtentSql())).toEqual([{ first: '2023-01-01', last: '2024-01-01', cubeRows: 25, boroughs: 'E09000003,E09000012' }]);
    expect(await runner.all(exploreDetailRowsSql())).toEqual([{ rows: 7 }]);
  });

  it('gives doses and children born a due age before the period per GP practice, from the practice detail', async () => {
    expect(await runner.all(explorePracticeUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1 }, 365))).toEqual([
      { practice_code: 'SYN0001', pcn_code: null, borough_code: 'E09000012', doses: 15, eligible: 30 },
      { practice_code: 'SYN0002', pcn_code: null, borough_code: 'E09000003', doses: 7, eligible: 8 },
      { practice_code: 'SYN0003', pcn_code: null, borough_code: 'E09000012', doses: 2, eligible: 0 },
    ]);
    expect(await runner.all(explorePracticeUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1, icbs: ['E54000029'], quintiles: [1] }, 365))).toEqual([
      { practice_code: 'SYN0001', pcn_code: null, borough_code: 'E09000012', doses: 10, eligible: 20 },
      { practice_code: 'SYN0003', pcn_code: null, borough_code: 'E09000012', doses: 2, eligible: 0 },
    ]);
  });

  it('runs an analyst’s SELECT with a row limit, and a non-query never reaches the tables', async () => {
    const weekly = EXPLORE_DETAIL_TABLES.weekly;
    expect(await runner.all(readOnlySql(`SELECT count(*)::INTEGER AS n FROM ${weekly}`, 10))).toEqual([{ n: 7 }]);
    expect(await runner.all(readOnlySql(`SELECT week FROM ${weekly}`, 2))).toHaveLength(3);
    expect(await runner.all(readOnlySql(`SELECT sum(doses)::INTEGER AS n FROM ${weekly} WHERE vaccine = 'hexavalent'`, 10))).toEqual([{ n: 6 }]);
    await expect(runner.all(readOnlySql(`WITH a AS (SELECT 1) DELETE FROM ${weekly}`, 10))).rejects.toThrow(/Parser Error/);
    expect(await runner.all(readOnlySql(`SELECT count(*)::INTEGER AS n FROM ${weekly}`, 10))).toEqual([{ n: 7 }]);
  });
});

describe('exploreCrossSql bound in DuckDB (the text duckdb-wasm runs)', () => {
  it('fills the quintile × ethnic group table, empty after a cube without those rows, from the cross extract, and drops the extract', async () => {
    const memory = await openMemoryDuckDb();
    try {
      const { db } = memory;
      const doses = 'borough_code VARCHAR, month DATE, vaccine VARCHAR, dose INTEGER, breakdown VARCHAR, deprivation_quintile TINYINT, ethnic_group VARCHAR, doses INTEGER';
      await db.run(`CREATE TABLE ${EXPLORE_CUBE_EXTRACT_TABLES.doses} (${doses})`);
      await db.run(`INSERT INTO ${EXPLORE_CUBE_EXTRACT_TABLES.doses} VALUES ('E09000012', DATE '2023-01-01', 'mmr', 1, 'total', NULL, NULL, 17)`);
      await db.run(`CREATE TABLE ${EXPLORE_CUBE_EXTRACT_TABLES.population} (borough_code VARCHAR, birth_year INTEGER, breakdown VARCHAR, deprivation_quintile TINYINT, ethnic_group VARCHAR, children INTEGER)`);
      for (const statement of exploreCubeSql()) await memory.rows(statement);
      // Quintile 1 by ethnic group reads the quintile × ethnic group rows: none yet, then 10 White and 4 Black.
      const byEthnicity = exploreUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1, quintiles: [1] }, 'ethnicity', 365);
      expect(await memory.rows(byEthnicity)).toEqual([]);
      await db.run(`CREATE TABLE ${EXPLORE_CUBE_EXTRACT_TABLES.cross} (${doses})`);
      await db.run(`INSERT INTO ${EXPLORE_CUBE_EXTRACT_TABLES.cross} VALUES
        ('E09000012', DATE '2023-01-01', 'mmr', 1, 'deprivation-ethnicity', 1, 'White', 10),
        ('E09000012', DATE '2023-01-01', 'mmr', 1, 'deprivation-ethnicity', 1, 'Black', 4),
        ('E09000012', DATE '2023-01-01', 'mmr', 1, 'deprivation-ethnicity', 2, 'White', 3)`);
      for (const statement of exploreCrossSql()) await memory.rows(statement);
      expect((await memory.rows(byEthnicity)).map((r) => [r.key, r.doses])).toEqual([['Black', 4], ['White', 10]]);
      const left = await memory.rows({ text: `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1`, params: [EXPLORE_CUBE_EXTRACT_TABLES.cross] });
      expect(left).toEqual([{ n: 0 }]);
    } finally {
      memory.close();
    }
  });
});
