import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

/**
 * Rolls `practice_observations` (indicator_id, practice_code, period, period_start,
 * deprivation_quintile, ethnic_group, sex, numerator, denominator) up through `practice_geography`
 * (practice_code, pcn_code, borough_code, icb_code, region_code) into `observations` rows: totals
 * for every level from practice to region, and deprivation, ethnicity and sex breakdowns from
 * borough up (practice-level breakdowns would be mostly small, suppressed numbers).
 */
export function rollupObservationsSql(): SqlQuery[] {
  const place = 'indicator_id, period, period_start, g.borough_code, g.icb_code, g.region_code';
  // One pass over the detailed rows: practice totals, and borough rows for each breakdown dimension.
  const base = `CREATE OR REPLACE TEMP TABLE rollup_base AS
SELECT indicator_id, period, period_start, o.practice_code, g.pcn_code, g.borough_code, g.icb_code, g.region_code,
  CASE WHEN grouping(deprivation_quintile) = 0 THEN 'deprivation:' || deprivation_quintile::VARCHAR
       WHEN grouping(ethnic_group) = 0 THEN 'ethnicity:' || ethnic_group
       WHEN grouping(sex) = 0 THEN 'sex:' || sex
       ELSE 'total' END AS breakdown,
  sum(numerator)::BIGINT AS numerator, sum(denominator)::BIGINT AS denominator
FROM practice_observations o JOIN practice_geography g USING (practice_code)
GROUP BY GROUPING SETS (
  (${place}, o.practice_code, g.pcn_code),
  (${place}, deprivation_quintile),
  (${place}, ethnic_group),
  (${place}, sex)
)`;
  const p = new SqlParams();
  const level = (type: string, code: string, from: string) => `SELECT indicator_id, ${quoteIdentifier(code)} AS area_code, ${p.add(type)} AS area_type, period, period_start, breakdown,
  sum(numerator)::BIGINT AS numerator, sum(denominator)::BIGINT AS denominator, NULL::VARCHAR AS value_note
FROM rollup_base WHERE ${from} GROUP BY ALL`;
  const practiceRows = 'practice_code IS NOT NULL';
  const breakdownRows = `breakdown <> 'total'`;
  const insert = `INSERT INTO observations BY NAME
${[
  level('practice', 'practice_code', practiceRows),
  level('pcn', 'pcn_code', practiceRows),
  ...['borough', 'icb', 'region'].flatMap((t) => [level(t, `${t}_code`, practiceRows), level(t, `${t}_code`, breakdownRows)]),
].join('\nUNION ALL\n')}`;
  return [{ text: base, params: [] }, { text: insert, params: p.values }];
}
