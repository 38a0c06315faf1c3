import { childAreasCte } from './child-areas-sql.ts';
import { disclosedCountSql } from './disclosed-count-sql.ts';
import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/** Aggregated extracts of the event data served as Parquet for DuckDB-WASM in the browser. */
export const IMMUNISATION_EXTRACTS = ['immunisation-weekly', 'immunisation-population'] as const;
export type ImmunisationExtract = (typeof IMMUNISATION_EXTRACTS)[number];

/**
 * Whose extract: `all` (every practice, exact counts), `icb` (that ICB's practices, exact counts),
 * or `public` (boroughs only, coarser periods, disclosure-controlled counts).
 */
export type ExtractScope = { readonly kind: 'all' } | { readonly kind: 'icb'; readonly icb: string } | { readonly kind: 'public' };

const DIMENSIONS = ['deprivation_quintile', 'ethnic_group', 'sex'] as const;
const BREAKDOWN = `CASE WHEN grouping(deprivation_quintile) = 0 THEN 'deprivation' WHEN grouping(ethnic_group) = 0 THEN 'ethnicity' WHEN grouping(sex) = 0 THEN 'sex' ELSE 'total' END`;

/** `GROUPING SETS` of the keys alone and of the keys with each breakdown dimension in turn. */
const breakdownSets = (keys: readonly string[]) =>
  `GROUPING SETS ((${keys.join(', ')}), ${DIMENSIONS.map((d) => `(${keys.join(', ')}, ${d})`).join(', ')})`;

/**
 * The query behind an extract, for one scope.
 *
 * `immunisation-weekly`: doses given per week (ISO date of its Monday). Scoped (`all`, `icb`):
 * practice_code, pcn_code (null when the practice has no PCN), borough_code, icb_code, week,
 * vaccine, dose, deprivation_quintile, ethnic_group, sex, doses: every combination that had a dose,
 * exact counts. Public: weekly practice counts would be mostly hidden, so borough × month (ISO date
 * of the 1st) with one breakdown at a time: borough_code, icb_code, month, vaccine, dose, breakdown
 * ('total', 'deprivation', 'ethnicity', 'sex'), deprivation_quintile, ethnic_group, sex (the
 * breakdown's column set, the others null), doses with primary disclosure control (1–7 null,
 * others rounded to 5).
 *
 * `immunisation-population`: children (the denominators) by year of birth: scoped per practice ×
 * birth_year × deprivation_quintile × ethnic_group × sex; public per borough × birth_year with the
 * same one-breakdown-at-a-time rows and controlled counts as the weekly public extract.
 *
 * Rows are ordered by practice (or borough) then period, so a reader filtering on an area skips
 * most row groups.
 * @example immunisationExtractSql('immunisation-weekly', { kind: 'icb', icb: 'E54000029' }, 'E12000007')
 */
export function immunisationExtractSql(name: ImmunisationExtract, scope: ExtractScope, regionCode: string): SqlQuery {
  const p = new SqlParams();
  const areas = childAreasCte(p, regionCode);
  const where = scope.kind === 'icb' ? `WHERE ca.icb_code = ${p.add(scope.icb)}` : '';
  const weekly = name === 'immunisation-weekly';
  const from = weekly ? 'doses d JOIN child_areas ca USING (child_id)' : 'child_areas ca';
  const count = weekly ? 'doses' : 'children';
  if (scope.kind !== 'public') {
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
  const keys = weekly ? ['borough_code', 'icb_code', 'month', 'vaccine', 'dose'] : ['borough_code', 'icb_code', 'birth_year'];
  const period = weekly ? `date_trunc('month', d.event_date)::DATE AS month, d.vaccine, d.dose` : 'year(ca.birth_date)::INTEGER AS birth_year';
  return {
    text: `WITH ${areas},
base AS (
  SELECT ca.borough_code, ca.icb_code, ${period}, ca.deprivation_quintile, ca.ethnic_group, ca.sex
  FROM ${from}
)
SELECT ${keys.join(', ')}, ${BREAKDOWN} AS breakdown, ${DIMENSIONS.join(', ')}, ${disclosedCountSql('count(*)')} AS ${count}
FROM base
GROUP BY ${breakdownSets(keys)}
ORDER BY borough_code, ${weekly ? 'month' : 'birth_year'}, breakdown`,
    params: p.values,
  };
}

/**
 * Writes a query's rows to a Parquet file (zstd) with DuckDB's COPY; the path travels as a parameter.
 * @example copyToParquetSql(immunisationExtractSql('immunisation-weekly', { kind: 'all' }, 'E12000007'), '/tmp/extract.parquet')
 */
export function copyToParquetSql(query: SqlQuery, path: string): SqlQuery {
  return { text: `COPY (${query.text}) TO $${query.params.length + 1} (FORMAT parquet, COMPRESSION zstd)`, params: [...query.params, path] };
}
