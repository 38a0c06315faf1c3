import { areaConditions, doseConditions, exploreBreakdown, where, type ExploreFilter } from './explore-filter.ts';
import { EXPLORE_BREAKDOWNS, EXPLORE_COLUMNS, EXPLORE_CUBE_EXTRACT_TABLES, EXPLORE_DETAIL_TABLES, EXPLORE_DIMENSION_COLUMN, EXPLORE_TABLES, exploreDosesTable, type ExploreDimension } from './explore-tables.ts';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, quoteLiteral, type SqlQuery } from './sql-query.ts';

const col = quoteIdentifier;

/** Columns of a breakdown's doses table (the cube's, but breakdown). */
const DOSE_COLUMNS = EXPLORE_COLUMNS.doses.filter((c) => c !== 'breakdown');

/**
 * Statements that build the Explore tables from the cube extract tables, then drop those (run in
 * order). Each breakdown's doses go to a table of their own, so a view's query reads only the rows
 * it needs; the deprivation-ethnicity table starts empty, for `exploreCrossSql` to fill, unless the
 * extract had those rows. The extracts come sorted by breakdown, vaccine, dose and month, the order
 * the views filter in, and the tables keep it. Codes stay text: DuckDB-WASM compares these short
 * strings faster than it casts ENUMs to compare them with a text parameter (measured: p95 47 against 59 ms).
 * @example for (const q of exploreCubeSql()) await runner.all(q)
 */
export function exploreCubeSql(): SqlQuery[] {
  const doses = col(EXPLORE_CUBE_EXTRACT_TABLES.doses);
  const population = col(EXPLORE_CUBE_EXTRACT_TABLES.population);
  const statement = (text: string, params: SqlQuery['params'] = []): SqlQuery => ({ text, params });
  return [
    statement(`DROP VIEW IF EXISTS ${col(EXPLORE_TABLES.doses)}`),
    ...[...EXPLORE_BREAKDOWNS.map(exploreDosesTable), EXPLORE_TABLES.population].map((table) => statement(`DROP TABLE IF EXISTS ${col(table)}`)),
    ...EXPLORE_BREAKDOWNS.map((b) => {
      const p = new SqlParams();
      return statement(`CREATE TABLE ${col(exploreDosesTable(b))} AS SELECT ${DOSE_COLUMNS.map(col).join(', ')} FROM ${doses} WHERE ${col('breakdown')} = ${p.add(b)}`, p.values);
    }),
    statement(`CREATE TABLE ${col(EXPLORE_TABLES.population)} AS SELECT ${EXPLORE_COLUMNS.population.map(col).join(', ')} FROM ${population}`),
    // A view's definition cannot take parameters: each breakdown's name is a quoted literal.
    statement(`CREATE VIEW ${col(EXPLORE_TABLES.doses)} AS ${EXPLORE_BREAKDOWNS.map((b) => `SELECT ${DOSE_COLUMNS.slice(0, 4).map(col).join(', ')}, ${quoteLiteral(b)} AS ${col('breakdown')}, ${DOSE_COLUMNS.slice(4).map(col).join(', ')} FROM ${col(exploreDosesTable(b))}`).join(' UNION ALL ')}`),
    statement(`DROP TABLE ${doses}`),
    statement(`DROP TABLE ${population}`),
  ];
}

/**
 * The statement that reads a cube extract's Parquet file into the table it lands in (with the
 * columns Explore keeps), where DuckDB reads Parquet itself (the server; the browser decodes it
 * with parquet-wasm): the same tables `exploreCubeSql` and `exploreCrossSql` start from.
 * @example exploreCubeExtractSql('doses', '/tmp/immunisation-borough-monthly.parquet')
 */
export function exploreCubeExtractSql(table: keyof typeof EXPLORE_CUBE_EXTRACT_TABLES, file: string): SqlQuery {
  const p = new SqlParams();
  const columns = table === 'population' ? EXPLORE_COLUMNS.population : EXPLORE_COLUMNS.doses;
  return { text: `CREATE TABLE ${col(EXPLORE_CUBE_EXTRACT_TABLES[table])} AS SELECT ${columns.map(col).join(', ')} FROM read_parquet(${p.add(file)})`, params: p.values };
}

/** Statements that fill the deprivation-ethnicity doses table from the cross extract table and drop it, after `exploreCubeSql`. */
export function exploreCrossSql(): SqlQuery[] {
  const cross = col(EXPLORE_CUBE_EXTRACT_TABLES.cross);
  return [
    `INSERT INTO ${col(exploreDosesTable('deprivation-ethnicity'))} SELECT ${DOSE_COLUMNS.map(col).join(', ')} FROM ${cross}`,
    `DROP TABLE ${cross}`,
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
    text: `SELECT strftime(${col('month')}, '%Y-%m-%d') AS period, coalesce(sum(${col('doses')}), 0)::DOUBLE AS doses
FROM ${col(exploreDosesTable(exploreBreakdown(filter, null)))}
${where(doseConditions(p, filter, 'month'))}
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
    text: `SELECT ${col('vaccine')}::VARCHAR AS vaccine, ${col('dose')}::INTEGER AS dose, coalesce(sum(${col('doses')}), 0)::DOUBLE AS doses
FROM ${col(exploreDosesTable(exploreBreakdown(filter, null)))}
${where(doseConditions(p, filter, 'month'))}
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
  const p = new SqlParams();
  const breakdown = exploreBreakdown(filter, by);
  const key = by === null ? `'all'` : `${col(EXPLORE_DIMENSION_COLUMN[by])}::VARCHAR`;
  const text = periodUptakeSql(p, filter, dueDays, {
    key: `${key} AS key`,
    attributes: [],
    doses: { table: exploreDosesTable(breakdown), conditions: () => doseConditions(p, filter, 'month') },
    population: { table: EXPLORE_TABLES.population, conditions: [`${col('breakdown')} = ${p.add(breakdown)}`] },
  });
  return { text, params: p.values };
}

/** One row of `explorePracticeUptakeSql`. */
export interface ExplorePracticeRow extends Record<string, unknown> {
  practice_code: string;
  pcn_code: string | null;
  borough_code: string;
  doses: number;
  eligible: number;
}

/**
 * `exploreUptakeSql` per GP practice over the practice-level detail tables (`EXPLORE_DETAIL_TABLES`),
 * for the practices of the boroughs loaded there: a week counts in the period when its Monday does.
 * @example explorePracticeUptakeSql({ from: '2023-01-01', to: '2023-12-31', icbs: ['E54000029'], boroughs: [], quintiles: [], dose: { vaccine: 'mmr', dose: 1 } }, 365)
 */
export function explorePracticeUptakeSql(filter: ExploreFilter, dueDays: number): SqlQuery {
  const p = new SqlParams();
  const text = periodUptakeSql(p, filter, dueDays, {
    key: col('practice_code'),
    attributes: ['pcn_code', 'borough_code'],
    doses: { table: EXPLORE_DETAIL_TABLES.weekly, conditions: () => doseConditions(p, filter, 'week') },
    population: { table: EXPLORE_DETAIL_TABLES.population, conditions: [] },
  });
  return { text, params: p.values };
}

/**
 * Doses given in the period (from `doses`) and children reaching the due age in it (from
 * `population`, counted by year of birth) per `key` (an expression ending in its name), with
 * columns that depend on the key (`attributes`: a practice's PCN and borough), full-joined so groups
 * on one side only get 0.
 */
function periodUptakeSql(p: SqlParams, filter: ExploreFilter, dueDays: number, o: {
  key: string;
  attributes: readonly string[];
  doses: { table: string; conditions: () => string[] };
  population: { table: string; conditions: readonly string[] };
}): string {
  if (!filter.from || !filter.to) throw new Error('an uptake needs a period: from and to must be ISO dates');
  if (!filter.dose) throw new Error('an uptake needs one dose (filter.dose)');
  if (!(Number.isInteger(dueDays) && dueDays >= 0)) throw new RangeError(`dueDays must be an integer ≥ 0 (got ${dueDays})`);
  const given = where(o.doses.conditions());
  const due = `${p.add(dueDays)}::INTEGER`;
  const bornFrom = `(${p.add(filter.from)}::DATE - ${due})`;
  const bornTo = `(${p.add(filter.to)}::DATE - ${due})`;
  const year = col('birth_year');
  const yearStart = `make_date(${year}, 1, 1)`;
  const overlapDays = `greatest(0, date_diff('day', greatest(${yearStart}, ${bornFrom}), least(make_date(${year}, 12, 31), ${bornTo})) + 1)`;
  const daysInYear = `date_diff('day', ${yearStart}, make_date(${year} + 1, 1, 1))`;
  const born = where([...o.population.conditions, `${year} BETWEEN year(${bornFrom}) AND year(${bornTo})`, ...areaConditions(p, filter)]);
  const name = o.key.split(' AS ').at(-1)!;
  const attributes = o.attributes.map((a) => `, any_value(${col(a)}) AS ${col(a)}`).join('');
  return `WITH given AS (
  SELECT ${o.key}${attributes}, sum(${col('doses')})::DOUBLE AS doses
  FROM ${col(o.doses.table)}
  ${given}
  GROUP BY 1
),
eligible AS (
  SELECT ${o.key}${attributes}, sum(${col('children')} * ${overlapDays} / ${daysInYear})::DOUBLE AS eligible
  FROM ${col(o.population.table)}
  ${born}
  GROUP BY 1
)
SELECT ${name}${o.attributes.map((a) => `, coalesce(g.${col(a)}, e.${col(a)}) AS ${col(a)}`).join('')}, coalesce(g.doses, 0) AS doses, coalesce(e.eligible, 0) AS eligible
FROM given g FULL JOIN eligible e USING (${name})
WHERE ${name} IS NOT NULL
ORDER BY ${name}`;
}

/** One row of `exploreExtentSql`. */
export interface ExploreExtentRow extends Record<string, unknown> {
  first: string | null;
  last: string | null;
  cubeRows: number;
  /** Comma-separated codes of the boroughs in the cube (the caller's scope). */
  boroughs: string | null;
}

/** First and last month (ISO dates of the 1st) of the doses cube, its rows, and the boroughs it has. */
export function exploreExtentSql(): SqlQuery {
  const month = col('month');
  return {
    text: `SELECT strftime(min(${month}), '%Y-%m-%d') AS first, strftime(max(${month}), '%Y-%m-%d') AS last, count(*)::DOUBLE AS ${col('cubeRows')},
  string_agg(DISTINCT ${col('borough_code')}::VARCHAR, ',' ORDER BY ${col('borough_code')}::VARCHAR) AS boroughs
FROM ${col(EXPLORE_TABLES.doses)}`,
    params: [],
  };
}

/** One row of `exploreDetailRowsSql`. */
export interface ExploreDetailRowsRow extends Record<string, unknown> {
  rows: number;
}

/** Rows of the practice × week detail table (after some boroughs are loaded). */
export function exploreDetailRowsSql(): SqlQuery {
  return { text: `SELECT count(*)::DOUBLE AS ${col('rows')} FROM ${col(EXPLORE_DETAIL_TABLES.weekly)}`, params: [] };
}
