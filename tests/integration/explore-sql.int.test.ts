import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPLORE_EXTRACT_TABLES, exploreCubeSql, exploreDosesByVaccineSql, exploreDosesOverTimeSql, exploreExtentSql, exploreUptakeSql, readOnlySql,
  type ExploreFilter, type QueryRunner, type SqlQuery,
} from '@pathfinder/metrics';

// A hand-made fixture in the extracts' schema, so every expected number is counted by hand.
// SYN0001 is in Hackney (North East London ICB), SYN0002 in Barnet (North Central London ICB);
// SYN0003 is another Hackney practice, whose row the cube adds to SYN0001's.
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
/** The server's way of running a builder: @duckdb/node-api binding the $n parameters. */
const runner: QueryRunner = {
  async all<Row extends Record<string, unknown>>(query: SqlQuery) {
    const rows = (await connection.runAndReadAll(query.text, [...query.params] as (string | number)[])).getRowObjectsJS() as Record<string, unknown>[];
    for (const row of rows) for (const key in row) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
    return rows as Row[];
  },
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE ${EXPLORE_EXTRACT_TABLES.weekly} (practice_code VARCHAR, pcn_code VARCHAR, borough_code VARCHAR, icb_code VARCHAR, week DATE, vaccine VARCHAR, dose INTEGER, deprivation_quintile TINYINT, ethnic_group VARCHAR, sex VARCHAR, doses INTEGER)`);
  await connection.run(`CREATE TABLE ${EXPLORE_EXTRACT_TABLES.population} (practice_code VARCHAR, pcn_code VARCHAR, borough_code VARCHAR, icb_code VARCHAR, birth_year INTEGER, deprivation_quintile TINYINT, ethnic_group VARCHAR, sex VARCHAR, children INTEGER)`);
  for (const [practice, borough, icb, week, vaccine, dose, quintile, ethnic, sex, doses] of WEEKLY) {
    await connection.run(`INSERT INTO ${EXPLORE_EXTRACT_TABLES.weekly} VALUES ($1, NULL, $2, $3, $4::DATE, $5, $6, $7, $8, $9, $10)`, [practice, borough, icb, week, vaccine, dose, quintile, ethnic, sex, doses]);
  }
  for (const [practice, borough, icb, year, quintile, ethnic, sex, children] of POPULATION) {
    await connection.run(`INSERT INTO ${EXPLORE_EXTRACT_TABLES.population} VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8)`, [practice, borough, icb, year, quintile, ethnic, sex, children]);
  }
  for (const statement of exploreCubeSql()) await runner.all(statement);
});
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

describe('Explore SQL builders bound in DuckDB', () => {
  it('counts doses per month of one dose, every period, a week in the month of its Monday', async () => {
    expect(await runner.all(exploreDosesOverTimeSql({ ...ALL, dose: MMR1 }))).toEqual([
      { period: '2023-01-01', doses: 19 },
      { period: '2023-02-01', doses: 5 },
      { period: '2024-01-01', doses: 3 },
    ]);
  });

  it('counts doses per month in an ICB, all vaccines', async () => {
    expect(await runner.all(exploreDosesOverTimeSql({ ...ALL, icbs: ['E54000029'] }))).toEqual([
      { period: '2023-01-01', doses: 12 },
      { period: '2023-02-01', doses: 5 },
      { period: '2023-03-01', doses: 4 },
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

  it('spreads a birth year evenly when the period covers part of it, and keeps groups with no dose', async () => {
    // 2023-07-02 to 2023-12-31 less 365 days: born 2022-07-02 to 2022-12-31, 183 of 2022's 365 days.
    const [row] = await runner.all<{ key: string; doses: number; eligible: number }>(exploreUptakeSql({ ...ALL, from: '2023-07-02', to: '2023-12-31', dose: MMR1 }, null, 365));
    expect(row!.doses).toBe(0);
    expect(row!.eligible).toBeCloseTo((38 * 183) / 365, 9);
    const byEthnicity = await runner.all(exploreUptakeSql({ ...ALL, ...YEAR_2023, dose: MMR1, quintiles: [2] }, 'ethnicity', 365));
    expect(byEthnicity).toEqual([{ key: 'Black', doses: 5, eligible: 10 }]);
  });

  it('reports the weeks and rows loaded', async () => {
    expect(await runner.all(exploreExtentSql())).toEqual([{ first: '2023-01-02', last: '2024-01-01', rows: 7, cubeRows: 6 }]);
  });

  it('runs an analyst’s SELECT with a row limit, and a non-query never reaches the tables', async () => {
    const weekly = EXPLORE_EXTRACT_TABLES.weekly;
    expect(await runner.all(readOnlySql(`SELECT count(*)::INTEGER AS n FROM ${weekly}`, 10))).toEqual([{ n: 7 }]);
    expect(await runner.all(readOnlySql(`SELECT week FROM ${weekly}`, 2))).toHaveLength(3);
    expect(await runner.all(readOnlySql(`SELECT sum(doses)::INTEGER AS n FROM ${weekly} WHERE vaccine = 'hexavalent'`, 10))).toEqual([{ n: 6 }]);
    await expect(runner.all(readOnlySql(`WITH a AS (SELECT 1) DELETE FROM ${weekly}`, 10))).rejects.toThrow(/Parser Error/);
    expect(await runner.all(readOnlySql(`SELECT count(*)::INTEGER AS n FROM ${weekly}`, 10))).toEqual([{ n: 7 }]);
  });
});
