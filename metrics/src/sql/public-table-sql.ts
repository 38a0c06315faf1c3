import { MERGED_AREA_NOTE, PUBLIC_MERGES } from '../disclosure/public-areas.ts';
import { OBSERVATION_COLUMNS } from './observations-schema.ts';
import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/** Columns of a release's public table (`public-observations.parquet`): the observation columns and which counts are hidden. */
export const PUBLIC_OBSERVATION_COLUMNS = { ...OBSERVATION_COLUMNS, numerator_hidden: 'BOOLEAN', denominator_hidden: 'BOOLEAN' } as const;

/**
 * The rows the public table is made from: England, region, ICB and borough rows of `observations`
 * (practices and PCNs are never public), with each merged area (the City of London) summed into
 * the area that publishes it. A merged sum with a missing count is missing, never a partial sum;
 * the publishing area's rows carry the merge note, and a source's own published value no longer
 * applies to them.
 * @param areaMerges the merges to make (default PUBLIC_MERGES); none for figures whose publisher
 *   already counts the merged area within another (COVER's City of London within Hackney)
 */
export function publicTableSourceSql(areaMerges: ReadonlyMap<string, string> = PUBLIC_MERGES): SqlQuery {
  const p = new SqlParams();
  const merges = [...areaMerges].map(([from, into]) => `WHEN ${p.add(from)} THEN ${p.add(into)}`).join(' ');
  const note = p.add(MERGED_AREA_NOTE);
  const targets = areaMerges.size > 0 ? p.list([...new Set(areaMerges.values())]) : '';
  const merged = merges ? `CASE area_code ${merges} ELSE area_code END` : 'area_code';
  // Every row of an area that publishes another's counts says so, whether or not the other had a row.
  const carries = targets ? `area_code IN (${targets})` : 'false';
  return {
    text: `SELECT indicator_id, area_code, area_type, period, strftime(min(period_start), '%Y-%m-%d') AS period_start, breakdown,
  CASE WHEN count(numerator) < count(*) THEN NULL ELSE sum(numerator) END::BIGINT AS numerator,
  CASE WHEN count(denominator) < count(*) THEN NULL ELSE sum(denominator) END::BIGINT AS denominator,
  CASE WHEN ${carries} THEN concat_ws('; ', string_agg(DISTINCT value_note, '; '), ${note}) ELSE any_value(value_note) END AS value_note,
  CASE WHEN NOT ${carries} THEN any_value(published_value) END AS published_value,
  CASE WHEN NOT ${carries} THEN any_value(published_lower95) END AS published_lower95,
  CASE WHEN NOT ${carries} THEN any_value(published_upper95) END AS published_upper95
FROM (SELECT * REPLACE (${merged} AS area_code) FROM observations WHERE area_type IN ('england', 'region', 'icb', 'borough'))
GROUP BY indicator_id, area_code, area_type, period, breakdown
ORDER BY indicator_id, area_type, area_code, period, breakdown`,
    params: p.values,
  };
}
