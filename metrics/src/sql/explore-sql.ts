import { BOROUGHS } from '../geography/london-geography.ts';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

/** Tables holding the scoped extracts as downloaded (`immunisation-weekly.parquet`, `immunisation-population.parquet`). */
export const EXPLORE_EXTRACT_TABLES = { weekly: 'immunisation_weekly', population: 'immunisation_population' } as const;

/**
 * Tables the Explore views query, built from the extract tables by `exploreCubeSql`: doses per
 * borough × month × vaccine × dose × deprivation quintile × ethnic group, the same without ethnic
 * group (a third of the rows, for every view but the ethnic-group one), and children per borough ×
 * year of birth × quintile × ethnic group. Practice, PCN and sex are summed away: no view filters on them.
 */
export const EXPLORE_TABLES = { doses: 'explore_doses', dosesByArea: 'explore_doses_by_area', population: 'explore_population' } as const;

/** Dimensions Explore groups by, with the column each is in (both cube tables have it). */
export const EXPLORE_DIMENSION_COLUMN = Object.freeze({
  borough: 'borough_code',
  quintile: 'deprivation_quintile',
  ethnicity: 'ethnic_group',
} as const);
export type ExploreDimension = keyof typeof EXPLORE_DIMENSION_COLUMN;

/**
 * The selection of the Explore view. Empty lists mean "all"; areas are the union of the boroughs
 * of `icbs` and `boroughs` (London's boroughs nest in its ICBs).
 */
export interface ExploreFilter {
  /** First and last day counted (ISO dates, inclusive), by the month of each week's Monday; null: open. */
  readonly from: string | null;
  readonly to: string | null;
  readonly icbs: readonly string[];
  readonly boroughs: readonly string[];
  /** Deprivation quintiles 1 (most deprived) to 5. */
  readonly quintiles: readonly number[];
  /** One vaccine dose, or null for every dose. */
  readonly dose: { readonly vaccine: string; readonly dose: number } | null;
}

/** The cross-filter of a view: the selection without the view's own dimension, so a view never hides its own choices. */
export function exploreFilterFor(filter: ExploreFilter, view: 'time' | 'area' | 'quintile' | 'dose' | null): ExploreFilter {
  if (view === 'time') return { ...filter, from: null, to: null };
  if (view === 'area') return { ...filter, icbs: [], boroughs: [] };
  if (view === 'quintile') return { ...filter, quintiles: [] };
  if (view === 'dose') return { ...filter, dose: null };
  return filter;
}

const col = quoteIdentifier;

/** The filter's boroughs: those chosen, and every borough of the ICBs chosen. */
export function exploreBoroughs(filter: Pick<ExploreFilter, 'icbs' | 'boroughs'>): string[] {
  return BOROUGHS.filter((b) => filter.boroughs.includes(b.code) || filter.icbs.includes(b.parent)).map((b) => b.code);
}

/** WHERE conditions on area and quintile, which both cube tables have. */
function populationConditions(p: SqlParams, f: ExploreFilter): string[] {
  const unknown = [...f.icbs, ...f.boroughs].filter((code) => !BOROUGHS.some((b) => b.code === code || b.parent === code));
  if (unknown.length > 0) throw new RangeError(`not a London ICB or borough: ${unknown.join(', ')}`);
  const boroughs = exploreBoroughs(f);
  return [
    ...(boroughs.length > 0 ? [`${col('borough_code')} IN (${p.list(boroughs)})`] : []),
    ...(f.quintiles.length > 0 ? [`${col('deprivation_quintile')} IN (${p.list(f.quintiles)})`] : []),
  ];
}

function doseConditions(p: SqlParams, f: ExploreFilter): string[] {
  return [
    ...(f.from ? [`${col('month')} >= date_trunc('month', ${p.add(f.from)}::DATE)`] : []),
    ...(f.to ? [`${col('month')} <= ${p.add(f.to)}::DATE`] : []),
    ...(f.dose ? [`${col('vaccine')} = ${p.add(f.dose.vaccine)}`, `${col('dose')} = ${p.add(f.dose.dose)}`] : []),
    ...populationConditions(p, f),
  ];
}

const where = (conditions: readonly string[]) => (conditions.length > 0 ? `WHERE ${conditions.join('\n  AND ')}` : '');

/**
 * Statements that build the Explore tables from the extract tables (run in order; no parameters).
 * Codes become ENUMs of the values present, which DuckDB filters and groups faster than text; a
 * borough absent from the extract (another ICB's, for an ICB token) still compares as not equal.
 * A week counts in the month of its Monday.
 * @example for (const q of exploreCubeSql()) await runner.all(q)
 */
export function exploreCubeSql(): SqlQuery[] {
  const weekly = col(EXPLORE_EXTRACT_TABLES.weekly);
  const population = col(EXPLORE_EXTRACT_TABLES.population);
  const enums = [['borough_code', 'explore_borough'], ['vaccine', 'explore_vaccine'], ['ethnic_group', 'explore_ethnic_group']] as const;
  const enumSource = (column: string) => column === 'vaccine'
    ? `SELECT DISTINCT ${col(column)} FROM ${weekly} WHERE ${col(column)} IS NOT NULL`
    : `SELECT ${col(column)} FROM ${weekly} WHERE ${col(column)} IS NOT NULL UNION SELECT ${col(column)} FROM ${population} WHERE ${col(column)} IS NOT NULL`;
  const as = (column: string) => {
    const type = enums.find(([c]) => c === column)?.[1];
    return type ? `${col(column)}::${col(type)} AS ${col(column)}` : col(column);
  };
  return [
    ...Object.values(EXPLORE_TABLES).map((table) => `DROP TABLE IF EXISTS ${col(table)}`),
    ...enums.map(([, type]) => `DROP TYPE IF EXISTS ${col(type)}`),
    ...enums.map(([column, type]) => `CREATE TYPE ${col(type)} AS ENUM (${enumSource(column)} ORDER BY 1)`),
    `CREATE TABLE ${col(EXPLORE_TABLES.doses)} AS
SELECT ${as('borough_code')}, date_trunc('month', ${col('week')})::DATE AS ${col('month')}, ${as('vaccine')}, ${col('dose')}::TINYINT AS ${col('dose')},
  ${col('deprivation_quintile')}::TINYINT AS ${col('deprivation_quintile')}, ${as('ethnic_group')}, sum(${col('doses')})::INTEGER AS ${col('doses')}
FROM ${weekly}
GROUP BY ALL
ORDER BY ${col('vaccine')}, ${col('dose')}, ${col('month')}`,
    `CREATE TABLE ${col(EXPLORE_TABLES.dosesByArea)} AS
SELECT ${col('borough_code')}, ${col('month')}, ${col('vaccine')}, ${col('dose')}, ${col('deprivation_quintile')}, sum(${col('doses')})::INTEGER AS ${col('doses')}
FROM ${col(EXPLORE_TABLES.doses)}
GROUP BY ALL
ORDER BY ${col('vaccine')}, ${col('dose')}, ${col('month')}`,
    `CREATE TABLE ${col(EXPLORE_TABLES.population)} AS
SELECT ${as('borough_code')}, ${col('birth_year')}::INTEGER AS ${col('birth_year')}, ${col('deprivation_quintile')}::TINYINT AS ${col('deprivation_quintile')}, ${as('ethnic_group')},
  sum(${col('children')})::INTEGER AS ${col('children')}
FROM ${population}
GROUP BY ALL
ORDER BY ${col('birth_year')}`,
  ].map((text) => ({ text, params: [] }));
}

/** One row of `exploreDosesOverTimeSql`. */
export interface ExploreTimeRow extends Record<string, unknown> {
  /** ISO date of the first day of the month. */
  period: string;
  doses: number;
}

/**
 * Doses given per month in the selection, oldest first; months with no dose are absent.
 * @example exploreDosesOverTimeSql({ from: null, to: null, icbs: ['E54000029'], boroughs: [], quintiles: [1, 2], dose: { vaccine: 'mmr', dose: 1 } })
 */
export function exploreDosesOverTimeSql(filter: ExploreFilter): SqlQuery {
  const p = new SqlParams();
  return {
    text: `SELECT strftime(${col('month')}, '%Y-%m-%d') AS period, sum(${col('doses')})::DOUBLE AS doses
FROM ${col(EXPLORE_TABLES.dosesByArea)}
${where(doseConditions(p, filter))}
GROUP BY 1
ORDER BY 1`,
    params: p.values,
  };
}

/** One row of `exploreDosesByVaccineSql`. */
export interface ExploreDoseRow extends Record<string, unknown> {
  vaccine: string;
  dose: number;
  doses: number;
}

/**
 * Doses given in the selection per vaccine and dose number (the filter's own dose is ignored only
 * if the caller removes it, see `exploreFilterFor`).
 * @example exploreDosesByVaccineSql(exploreFilterFor(filter, 'dose'))
 */
export function exploreDosesByVaccineSql(filter: ExploreFilter): SqlQuery {
  const p = new SqlParams();
  return {
    text: `SELECT ${col('vaccine')}::VARCHAR AS vaccine, ${col('dose')}::INTEGER AS dose, sum(${col('doses')})::DOUBLE AS doses
FROM ${col(EXPLORE_TABLES.dosesByArea)}
${where(doseConditions(p, filter))}
GROUP BY ALL
ORDER BY vaccine, dose`,
    params: p.values,
  };
}

/** One row of `exploreUptakeSql`: doses and the estimated eligible children of one group (key 'all' without grouping). */
export interface ExploreUptakeRow extends Record<string, unknown> {
  key: string;
  doses: number;
  eligible: number;
}

/**
 * Doses of one scheduled dose given in a period and the children who reached its due age in that
 * period, per group of a dimension (or for the whole selection when `by` is null): the
 * numerator and denominator of an estimated period uptake.
 *
 * The population extract counts children by calendar year of birth, so the eligible children are
 * the children born from `from − dueDays` to `to − dueDays`, each year's count spread evenly over
 * its days. Groups present in only one extract get 0 on the other side.
 * @param filter needs `from`, `to` and `dose`
 * @param dueDays the dose's due age in days from birth (`ROUTINE_DOSES[…].dueDays`)
 * @example exploreUptakeSql({ from: '2023-01-01', to: '2023-12-31', icbs: [], boroughs: [], quintiles: [], dose: { vaccine: 'mmr', dose: 1 } }, 'quintile', 365)
 */
export function exploreUptakeSql(filter: ExploreFilter, by: ExploreDimension | null, dueDays: number): SqlQuery {
  if (!filter.from || !filter.to) throw new Error('an uptake needs a period: from and to must be ISO dates');
  if (!filter.dose) throw new Error('an uptake needs one dose (filter.dose)');
  if (!(Number.isInteger(dueDays) && dueDays >= 0)) throw new RangeError(`dueDays must be an integer ≥ 0 (got ${dueDays})`);
  const p = new SqlParams();
  const key = by === null ? `'all'` : `${col(EXPLORE_DIMENSION_COLUMN[by])}::VARCHAR`;
  const given = where(doseConditions(p, filter));
  const due = `${p.add(dueDays)}::INTEGER`;
  const bornFrom = `(${p.add(filter.from)}::DATE - ${due})`;
  const bornTo = `(${p.add(filter.to)}::DATE - ${due})`;
  const year = col('birth_year');
  const yearStart = `make_date(${year}, 1, 1)`;
  const overlapDays = `greatest(0, date_diff('day', greatest(${yearStart}, ${bornFrom}), least(make_date(${year}, 12, 31), ${bornTo})) + 1)`;
  const daysInYear = `date_diff('day', ${yearStart}, make_date(${year} + 1, 1, 1))`;
  const born = where([`${year} BETWEEN year(${bornFrom}) AND year(${bornTo})`, ...populationConditions(p, filter)]);
  return {
    text: `WITH given AS (
  SELECT ${key} AS key, sum(${col('doses')})::DOUBLE AS doses
  FROM ${col(by === 'ethnicity' ? EXPLORE_TABLES.doses : EXPLORE_TABLES.dosesByArea)}
  ${given}
  GROUP BY 1
),
eligible AS (
  SELECT ${key} AS key, sum(${col('children')} * ${overlapDays} / ${daysInYear})::DOUBLE AS eligible
  FROM ${col(EXPLORE_TABLES.population)}
  ${born}
  GROUP BY 1
)
SELECT key, coalesce(g.doses, 0) AS doses, coalesce(e.eligible, 0) AS eligible
FROM given g FULL JOIN eligible e USING (key)
WHERE key IS NOT NULL
ORDER BY key`,
    params: p.values,
  };
}

/** One row of `exploreExtentSql`. */
export interface ExploreExtentRow extends Record<string, unknown> {
  first: string | null;
  last: string | null;
  rows: number;
  cubeRows: number;
}

/** First and last week (ISO Mondays) and the row count of the weekly extract table, and the rows of the doses cube. */
export function exploreExtentSql(): SqlQuery {
  const week = col('week');
  return {
    text: `SELECT strftime(min(${week}), '%Y-%m-%d') AS first, strftime(max(${week}), '%Y-%m-%d') AS last, count(*)::DOUBLE AS rows,
  (SELECT count(*) FROM ${col(EXPLORE_TABLES.doses)})::DOUBLE AS ${col('cubeRows')}
FROM ${col(EXPLORE_EXTRACT_TABLES.weekly)}`,
    params: [],
  };
}
