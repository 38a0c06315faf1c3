import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryDuckDb } from '../support/memory-duckdb.ts';
import { CHILD_COLUMNS, dosesDueBy, immunisationObservationsSql, type ImmunisationObservationsOptions } from '@pathfinder/metrics';

// The release build's per-practice observations from a hand-made event fixture, so every expected
// number below is counted by hand. Quarters of 2022/23; the campaign's weeks start 15 and 22 August 2022.
// Practice P1's children are all quintile 1, White, F; P2's one child (4) is quintile 2, Asian, M.
const CHILDREN = [
  [1, '2020-06-10', 'P1', 1, 'White', 'F'], // 24 months on 2022-06-10 (Q1), MMR1 before; campaign dose 2022-08-16
  [2, '2020-11-20', 'P1', 1, 'White', 'F'], // 24 months on 2022-11-20 (Q3), no MMR1
  [3, '2021-08-01', 'P1', 1, 'White', 'F'], // 12 months on 2022-08-01 (Q2), no primary doses; MMR1 in time; campaign dose 2022-08-27
  [4, '2022-01-10', 'P2', 2, 'Asian', 'M'], // doses due at 12 weeks (2022-04-04) and 16 weeks (2022-05-02) in Q1, at a year (2023-01-10) in Q4
  [5, '2021-07-15', 'P1', 1, 'White', 'F'], // 12 months on 2022-07-15 (Q2), every dose due by then given on its due day
] as const;
const DOSES: (readonly [number, string, number, string])[] = [
  [1, 'mmr', 1, '2021-06-20'],
  [1, 'ipv-campaign', 1, '2022-08-16'],
  [3, 'mmr', 1, '2022-08-10'],
  [3, 'ipv-campaign', 1, '2022-08-27'],
  [4, 'hexavalent', 2, '2022-04-20'], // within 28 days of its due date
  [4, 'pcv', 1, '2022-06-01'], // more than 28 days late
];
const CHILD_5_BORN = new Date('2021-07-15T00:00:00Z');
for (const d of dosesDueBy(12)) DOSES.push([5, d.vaccine, d.dose, new Date(CHILD_5_BORN.getTime() + d.dueDays * 86_400_000).toISOString().slice(0, 10)]);

const OPTIONS: ImmunisationObservationsOptions = {
  indicators: { cover: { '24m_MMR1': 'cover-mmr1-24m' }, upToDate: { 12: 'utd-12m' }, timeliness: 'timely', campaign: 'polio' },
  from: '2022-04-01',
  to: '2023-03-31',
  campaign: { from: '2022-08-15', to: '2022-08-28', bornFrom: '2012-08-11', bornTo: '2021-08-10' },
};

let memory: Awaited<ReturnType<typeof openMemoryDuckDb>>;

beforeAll(async () => {
  memory = await openMemoryDuckDb();
  const { db } = memory;
  await db.run(`CREATE TABLE children (${Object.entries(CHILD_COLUMNS).map(([n, t]) => `${n} ${t}`).join(', ')})`);
  await db.run('CREATE TABLE doses (child_id BIGINT, vaccine VARCHAR, dose TINYINT, event_date DATE)');
  for (const [id, born, practice, quintile, ethnic, sex] of CHILDREN) {
    await db.run('INSERT INTO children (child_id, birth_date, practice_code, deprivation_quintile, ethnic_group, sex) VALUES ($1, $2::DATE, $3, $4, $5, $6)', [id, born, practice, quintile, ethnic, sex]);
  }
  for (const d of DOSES) await db.run('INSERT INTO doses VALUES ($1, $2, $3, $4::DATE)', [...d]);
  for (const statement of immunisationObservationsSql(OPTIONS)) await memory.rows(statement);
});
afterAll(() => memory?.close());

const observations = (indicator: string) =>
  memory.rows({
    text: `SELECT practice_code, period, strftime(period_start, '%Y-%m-%d') AS period_start, deprivation_quintile, ethnic_group, sex, numerator, denominator
FROM practice_observations WHERE indicator_id = $1 ORDER BY period_start, practice_code`,
    params: [indicator],
  });
const P1 = { deprivation_quintile: 1, ethnic_group: 'White', sex: 'F' };
const P2 = { deprivation_quintile: 2, ethnic_group: 'Asian', sex: 'M' };

describe('immunisationObservationsSql bound in DuckDB', () => {
  it('counts a child for COVER in the quarter it reaches the age, vaccinated when the dose came before that birthday', async () => {
    expect(await observations('cover-mmr1-24m')).toEqual([
      { practice_code: 'P1', period: '2022/23 Q1', period_start: '2022-04-01', ...P1, numerator: 1, denominator: 1 },
      { practice_code: 'P1', period: '2022/23 Q3', period_start: '2022-10-01', ...P1, numerator: 0, denominator: 1 },
    ]);
  });

  it('counts a child up to date only with every dose due before the age', async () => {
    expect(await observations('utd-12m')).toEqual([
      { practice_code: 'P1', period: '2022/23 Q2', period_start: '2022-07-01', ...P1, numerator: 1, denominator: 2 },
      { practice_code: 'P2', period: '2022/23 Q4', period_start: '2023-01-01', ...P2, numerator: 0, denominator: 1 },
    ]);
  });

  it('counts each dose falling due in the quarter, timely when given within 28 days', async () => {
    // Q1 at P2: 3 doses due at 12 weeks and 2 at 16 weeks, one timely. Q2 at P1: 4 doses due at a year for children 3 and 5, child 3's MMR1 timely.
    expect(await observations('timely')).toEqual([
      { practice_code: 'P2', period: '2022/23 Q1', period_start: '2022-04-01', ...P2, numerator: 1, denominator: 5 },
      { practice_code: 'P1', period: '2022/23 Q2', period_start: '2022-07-01', ...P1, numerator: 1, denominator: 8 },
      { practice_code: 'P2', period: '2022/23 Q4', period_start: '2023-01-01', ...P2, numerator: 0, denominator: 4 },
    ]);
  });

  it('counts, each campaign week, the eligible children given the booster by its end', async () => {
    // Eligible: children 1, 2, 3 and 5 (child 4 born after the range).
    expect(await observations('polio')).toEqual([
      { practice_code: 'P1', period: '2022-W33', period_start: '2022-08-15', ...P1, numerator: 1, denominator: 4 },
      { practice_code: 'P1', period: '2022-W34', period_start: '2022-08-22', ...P1, numerator: 2, denominator: 4 },
    ]);
  });
});
