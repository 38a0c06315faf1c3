import { BOROUGHS, LONDON } from '../geography/london-geography.ts';
import type { SqlQuery } from './sql-query.ts';

const CITY_OF_LONDON = BOROUGHS.find((b) => b.name === 'City of London')!.code;

/**
 * Adds ICB and London rows to `observations` by summing its borough rows, for every indicator ×
 * period × breakdown that has no row of its own for that ICB or for London (an import of borough
 * figures such as UKHSA COVER). Needs a table `borough_geography` (borough_code, icb_code).
 *
 * A parent is summed only when every one of its boroughs has a row, so a file of a few boroughs
 * never poses as London. The City of London may be absent: COVER and other sources count it
 * within Hackney.
 *
 * A borough row is summed only when both its numerator and denominator are present: the others
 * were excluded at source (e.g. "[x] excluded by UKHSA: data quality"), and adding a denominator
 * without its numerator would bias the value. When any borough row was left out, `value_note`
 * says how many were summed and why the rest were not; with none left, the counts are NULL.
 * The `published_*` columns stay NULL: these are our sums, not a source's figures.
 * @example boroughRollupSql() // INSERT … SELECT over observations, params [London's code, the City of London's]
 */
export function boroughRollupSql(): SqlQuery {
  return {
    text: `INSERT INTO observations BY NAME
WITH required AS (
  SELECT icb_code AS parent_code, count(*) FILTER (WHERE borough_code <> $2) AS boroughs FROM borough_geography GROUP BY icb_code
  UNION ALL
  SELECT $1, count(*) FILTER (WHERE borough_code <> $2) FROM borough_geography
), boroughs AS (
  SELECT o.indicator_id, o.area_code AS borough_code, g.icb_code, o.period, o.period_start, o.breakdown, o.numerator, o.denominator,
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
    count(*) FILTER (WHERE borough_code <> $2) AS required_in,
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
FROM sums s JOIN required r USING (parent_code)
WHERE s.required_in = r.boroughs AND NOT EXISTS (
  SELECT 1 FROM observations o
  WHERE o.indicator_id = s.indicator_id AND o.area_code = s.parent_code AND o.period = s.period AND o.breakdown = s.breakdown
)`,
    params: [LONDON.code, CITY_OF_LONDON],
  };
}
