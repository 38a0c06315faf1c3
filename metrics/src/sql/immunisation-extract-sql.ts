import { childAreasCte } from './child-areas-sql.ts';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

/**
 * Aggregated extracts of the event data served as Parquet for DuckDB-WASM in the browser: the
 * practice-level detail (`immunisation-weekly`, `immunisation-population`, see
 * `immunisationExtractSql`) and the borough cubes Explore opens with (see `boroughCubeSql`).
 */
export const IMMUNISATION_EXTRACTS = [
  'immunisation-weekly', 'immunisation-population',
  'immunisation-borough-monthly', 'immunisation-borough-monthly-cross', 'immunisation-borough-population',
] as const;
export type ImmunisationExtract = (typeof IMMUNISATION_EXTRACTS)[number];
export type BoroughCubeExtract = Extract<ImmunisationExtract, `immunisation-borough-${string}`>;

/** Whether an extract is a borough cube (cut from the release's borough cube source), not practice-level detail. */
export const isBoroughCube = (name: ImmunisationExtract): name is BoroughCubeExtract => name.startsWith('immunisation-borough-');

/**
 * Whose extract: `all` (every practice, exact counts), `icb` (that ICB's practices, exact counts),
 * or `public` (boroughs only, coarser periods, disclosure-controlled counts).
 */
export type ExtractScope = { readonly kind: 'all' } | { readonly kind: 'icb'; readonly icb: string } | { readonly kind: 'public' };
/** A scope with exact counts: its extracts are one query each (the public's are built by `publicExtractSql`). */
export type ExactExtractScope = Exclude<ExtractScope, { readonly kind: 'public' }>;

/** Breakdowns of borough rows, each with the dimension columns its rows keep (the others are null). */
export const EXTRACT_BREAKDOWNS = Object.freeze({
  total: [],
  deprivation: ['deprivation_quintile'],
  ethnicity: ['ethnic_group'],
  sex: ['sex'],
  'deprivation-ethnicity': ['deprivation_quintile', 'ethnic_group'],
} as const satisfies Record<string, readonly string[]>);
export type ExtractBreakdown = keyof typeof EXTRACT_BREAKDOWNS;

export const EXTRACT_DIMENSIONS = ['deprivation_quintile', 'ethnic_group', 'sex'] as const;

/** What narrows an extract beyond its scope. */
export interface ExtractFilter {
  /** Only this borough's rows (ONS code); the caller's scope must include it. */
  readonly borough?: string | null;
}

/**
 * The query behind a practice-level extract, for a scope with exact counts (the public's borough
 * rows are built by `publicExtractSql`).
 *
 * `immunisation-weekly`: doses given per week (ISO date of its Monday): practice_code, pcn_code
 * (null when the practice has no PCN), borough_code, icb_code, week, vaccine, dose,
 * deprivation_quintile, ethnic_group, sex, doses: every combination that had a dose, exact counts.
 *
 * `immunisation-population`: children (the denominators) by year of birth, per practice ×
 * birth_year × deprivation_quintile × ethnic_group × sex.
 *
 * `filter.borough` keeps one borough's rows, the same rows as in the whole extract. Rows are
 * ordered by practice then period, so a reader filtering on an area skips most row groups.
 * @example immunisationExtractSql('immunisation-weekly', { kind: 'icb', icb: 'E54000029' }, 'E12000007', { borough: 'E09000012' })
 */
export function immunisationExtractSql(name: 'immunisation-weekly' | 'immunisation-population', scope: ExactExtractScope, regionCode: string, filter: ExtractFilter = {}): SqlQuery {
  const p = new SqlParams();
  const areas = childAreasCte(p, regionCode);
  const weekly = name === 'immunisation-weekly';
  const where = areaConditions(p, scope, filter, 'ca.');
  const from = weekly ? 'doses d JOIN child_areas ca USING (child_id)' : 'child_areas ca';
  const count = weekly ? 'doses' : 'children';
  const period = weekly ? `date_trunc('week', d.event_date)::DATE AS week, d.vaccine, d.dose` : 'year(ca.birth_date)::INTEGER AS birth_year';
  return {
    text: `WITH ${areas}
SELECT ca.practice_code, ca.pcn_code, ca.borough_code, ca.icb_code, ${period},
  ca.deprivation_quintile, ca.ethnic_group, ca.sex, count(*)::INTEGER AS ${count}
FROM ${from}
${where}
GROUP BY ALL
ORDER BY ca.practice_code, ${weekly ? 'week' : 'birth_year'}`,
    params: p.values,
  };
}

/** `WHERE` on the scope's ICB and the filter's borough (empty when neither narrows). */
function areaConditions(p: SqlParams, scope: ExtractScope, filter: ExtractFilter, prefix: string): string {
  const conditions = [
    ...(scope.kind === 'icb' ? [`${prefix}icb_code = ${p.add(scope.icb)}`] : []),
    ...(filter.borough ? [`${prefix}borough_code = ${p.add(filter.borough)}`] : []),
  ];
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Borough rows of events grouped one breakdown at a time, exact counts. */
function boroughRowsSql(p: SqlParams, areas: string, measure: 'doses' | 'population', breakdowns: readonly ExtractBreakdown[]): SqlQuery {
  const weekly = measure === 'doses';
  const dimensions = EXTRACT_DIMENSIONS.filter((d) => breakdowns.some((b) => (EXTRACT_BREAKDOWNS[b] as readonly string[]).includes(d)));
  const keys = weekly ? ['borough_code', 'icb_code', 'month', 'vaccine', 'dose'] : ['borough_code', 'icb_code', 'birth_year'];
  const period = weekly ? `date_trunc('month', d.event_date)::DATE AS month, d.vaccine, d.dose` : 'year(ca.birth_date)::INTEGER AS birth_year';
  return {
    text: `WITH ${areas},
base AS (
  SELECT ca.borough_code, ca.icb_code, ${period}, ${dimensions.map((d) => `ca.${quoteIdentifier(d)}`).join(', ')}
  FROM ${weekly ? 'doses d JOIN child_areas ca USING (child_id)' : 'child_areas ca'}
)
SELECT ${keys.join(', ')}, ${breakdownLabel(p, breakdowns)} AS breakdown, ${dimensions.map(quoteIdentifier).join(', ')}, count(*)::INTEGER AS ${weekly ? 'doses' : 'children'}
FROM base
GROUP BY GROUPING SETS (${breakdowns.map((b) => `(${[...keys, ...EXTRACT_BREAKDOWNS[b].map(quoteIdentifier)].join(', ')})`).join(', ')})
ORDER BY borough_code, ${weekly ? 'month' : 'birth_year'}, breakdown`,
    params: p.values,
  };
}

/** The breakdown a grouping-set row belongs to, from which of its dimension columns are grouped; the finest set is tested first. */
function breakdownLabel(p: SqlParams, breakdowns: readonly ExtractBreakdown[]): string {
  const tests = [...breakdowns]
    .filter((b) => EXTRACT_BREAKDOWNS[b].length > 0)
    .sort((a, b) => EXTRACT_BREAKDOWNS[b].length - EXTRACT_BREAKDOWNS[a].length)
    .map((b) => `WHEN ${EXTRACT_BREAKDOWNS[b].map((d) => `grouping(${quoteIdentifier(d)}) = 0`).join(' AND ')} THEN ${p.add(b)}`);
  return `CASE ${tests.join(' ')} ELSE 'total' END`;
}

/**
 * The view a borough cube extract is cut from (`boroughCubeSql`): for scoped callers the release's
 * borough cube source (`boroughCubeSourceSql`, exact), for the public the public extract of the
 * cube's measure (`publicExtractSql`, disclosure-controlled already).
 */
export const BOROUGH_CUBE_SOURCE_VIEW = 'borough_cube_source';
/** Breakdowns of the borough cubes for scoped callers. */
const CUBE_BREAKDOWNS: readonly ExtractBreakdown[] = ['total', 'deprivation', 'ethnicity', 'deprivation-ethnicity'];
/** Breakdowns of the public extracts (the public cubes are theirs less sex). */
export const PUBLIC_EXTRACT_BREAKDOWNS: readonly ExtractBreakdown[] = ['total', 'deprivation', 'ethnicity', 'sex'];

/**
 * The exact counts every borough cube and public extract of a release are cut from, made once per
 * release: doses per borough × month (of the dose's date) × vaccine × dose, or children per
 * borough × year of birth, for all of London, one breakdown at a time (total, deprivation,
 * ethnicity, sex, and quintile × ethnic group as `deprivation-ethnicity`). Columns as the public
 * extract's: borough_code, icb_code, month, vaccine, dose (or birth_year), breakdown,
 * deprivation_quintile, ethnic_group, sex, doses (or children).
 * @example boroughCubeSourceSql('doses', 'E12000007')
 */
export function boroughCubeSourceSql(measure: 'doses' | 'population', regionCode: string): SqlQuery {
  const p = new SqlParams();
  return boroughRowsSql(p, childAreasCte(p, regionCode), measure, [...CUBE_BREAKDOWNS, 'sex']);
}

/** The breakdowns of a cube extract for a scope; null when the scope may not have it. */
export function boroughCubeBreakdowns(name: BoroughCubeExtract, scope: ExtractScope): readonly ExtractBreakdown[] | null {
  const scoped = scope.kind !== 'public';
  if (name === 'immunisation-borough-monthly') return ['total', 'deprivation', 'ethnicity'];
  // Quintile × ethnic group beside its margins would link every cell to two more sums, and at
  // borough × month its cells are mostly 1–7: for the public it would be nearly all hidden, and would
  // cost the margins their detail. Scoped callers get it exact.
  if (name === 'immunisation-borough-monthly-cross') return scoped ? ['deprivation-ethnicity'] : null;
  return scoped ? CUBE_BREAKDOWNS : ['total', 'deprivation', 'ethnicity'];
}

/**
 * A borough cube extract cut from the release's cube source (the view `BOROUGH_CUBE_SOURCE_VIEW`
 * over `boroughCubeSourceSql`'s rows of the matching measure):
 *
 * - `immunisation-borough-monthly`: borough_code, icb_code, month (ISO date of the 1st), vaccine,
 *   dose, breakdown ('total', 'deprivation', 'ethnicity'), deprivation_quintile, ethnic_group (the
 *   breakdown's columns, the others null), doses: what Explore's first view needs.
 * - `immunisation-borough-monthly-cross`: the same columns, breakdown 'deprivation-ethnicity'
 *   (both columns set); scoped callers only.
 * - `immunisation-borough-population`: borough_code, icb_code, birth_year, breakdown,
 *   deprivation_quintile, ethnic_group, children; every breakdown for scoped callers.
 *
 * Scoped (`all`, `icb`): exact counts of the scope's boroughs, from the cube source. Public: cut
 * from the public `immunisation-weekly` or `immunisation-population` extract (the view then holds
 * it), its rows less the sex ones, so a cube publishes no number those do not and adds no sum to
 * subtract. `filter.borough` keeps one borough's rows. Rows are ordered by breakdown, then
 * vaccine, dose and period, the order the views filter in.
 * @example boroughCubeSql('immunisation-borough-monthly', { kind: 'public' })
 */
export function boroughCubeSql(name: BoroughCubeExtract, scope: ExtractScope, filter: ExtractFilter = {}): SqlQuery {
  const breakdowns = boroughCubeBreakdowns(name, scope);
  if (!breakdowns) throw new Error(`the ${name} extract is not published to the ${scope.kind} scope`);
  const p = new SqlParams();
  const doses = name !== 'immunisation-borough-population';
  const count = doses ? 'doses' : 'children';
  const where = areaConditions(p, scope, filter, '');
  const kept = `breakdown IN (${p.list(breakdowns)})`;
  const columns = doses ? 'borough_code, icb_code, month, vaccine, dose, breakdown, deprivation_quintile, ethnic_group' : 'borough_code, icb_code, birth_year, breakdown, deprivation_quintile, ethnic_group';
  return {
    text: `SELECT ${columns}, ${count}
FROM ${quoteIdentifier(BOROUGH_CUBE_SOURCE_VIEW)}
${where ? `${where} AND ${kept}` : `WHERE ${kept}`}
ORDER BY breakdown, ${doses ? 'vaccine, dose, month' : 'birth_year'}, borough_code`,
    params: p.values,
  };
}

/**
 * Writes a query's rows to a Parquet file (zstd) with DuckDB's COPY; the path travels as a parameter.
 * With `partitionBy`, `path` is a folder that gets a Hive-style subfolder per value of that column
 * (`borough_code=E09000012/data_0.parquet`), each file keeping every column in the query's order.
 * @example copyToParquetSql(immunisationExtractSql('immunisation-weekly', { kind: 'all' }, 'E12000007'), '/tmp/extract.parquet')
 */
export function copyToParquetSql(query: SqlQuery, path: string, options: { partitionBy?: 'borough_code' } = {}): SqlQuery {
  const p = new SqlParams(query.params);
  const partition = options.partitionBy ? `, PARTITION_BY (${quoteIdentifier(options.partitionBy)}), WRITE_PARTITION_COLUMNS true` : '';
  return { text: `COPY (${query.text}) TO ${p.add(path)} (FORMAT parquet, COMPRESSION zstd${partition})`, params: p.values };
}
