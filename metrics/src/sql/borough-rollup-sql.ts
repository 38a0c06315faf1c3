import { LONDON } from '../geography/london-geography.ts';
import type { SqlQuery } from './sql-query.ts';

/**
 * Adds ICB and London rows to `observations` by summing its borough rows, for every indicator ×
 * period × breakdown that has borough rows but no row of its own for that ICB or for London (an
 * import of borough figures such as UKHSA COVER). Needs a table `borough_geography`
 * (borough_code, icb_code).
 *
 * A borough row is summed only when both its numerator and denominator are present: the others
 * were excluded at source (e.g. "[x] excluded by UKHSA: data quality"), and adding a denominator
 * without its numerator would bias the value. When any borough row was left out, `value_note`
 * says how many were summed and why the rest were not; with none left, the counts are NULL.
 * The `published_*` columns stay NULL: these are our sums, not a source's figures.
 * @example boroughRollupSql() // INSERT … SELECT over observations, params [LONDON.code]
 */
export function boroughRollupSql(): SqlQuery {
  return {
    text: `INSERT INTO observations BY NAME
WITH boroughs AS (
  SELECT o.indicator_id, g.icb_code, o.period, o.period_start, o.breakdown, o.numerator, o.denominator,
    coalesce(o.value_note, 'no counts') AS reason,
    o.numerator IS NOT NULL AND o.denominator IS NOT NULL AS counted
  FROM observations o JOIN borough_geography g ON g.borough_code = o.area_code
  WHERE o.area_type = 'borough'
), parents AS (
  SELECT *, icb_code AS parent_code, 'icb' AS parent_type FROM boroughs
  UNION ALL
  SELECT *, $1 AS parent_code, 'region' AS parent_type FROM boroughs
), sums AS (
  SELECT indicator_id, parent_code, parent_type, period, period_start, breakdown,
    sum(numerator) FILTER (WHERE counted) AS numerator,
    sum(denominator) FILTER (WHERE counted) AS denominator,
    count(*) AS rows_in,
    count(*) FILTER (WHERE counted) AS rows_summed,
    string_agg(DISTINCT reason, '; ' ORDER BY reason) FILTER (WHERE NOT counted) AS reasons
  FROM parents
  GROUP BY indicator_id, parent_code, parent_type, period, period_start, breakdown
)
SELECT indicator_id, parent_code AS area_code, parent_type AS area_type, period, period_start, breakdown,
  numerator::BIGINT AS numerator, denominator::BIGINT AS denominator,
  CASE WHEN rows_summed < rows_in
    THEN 'sum of ' || rows_summed || ' of ' || rows_in || ' boroughs; ' || (rows_in - rows_summed) || ' left out: ' || reasons
  END AS value_note
FROM sums s
WHERE NOT EXISTS (
  SELECT 1 FROM observations o
  WHERE o.indicator_id = s.indicator_id AND o.area_code = s.parent_code AND o.period = s.period AND o.breakdown = s.breakdown
)`,
    params: [LONDON.code],
  };
}
