import type { SqlQuery } from './sql-query.ts';

/**
 * Rolls `practice_observations` (indicator_id, practice_code, period, period_start,
 * deprivation_quintile, ethnic_group, sex, numerator, denominator) up through `practice_geography`
 * (practice_code, pcn_code, borough_code, icb_code, region_code) into `observations` rows: totals
 * for every level from practice to region, and deprivation, ethnicity and sex breakdowns from
 * borough up (practice-level breakdowns would be mostly small, suppressed numbers).
 */
export function rollupObservationsSql(): SqlQuery {
  const levels = [
    { type: 'practice', code: 'practice_code', breakdowns: false },
    { type: 'pcn', code: 'pcn_code', breakdowns: false },
    { type: 'borough', code: 'borough_code', breakdowns: true },
    { type: 'icb', code: 'icb_code', breakdowns: true },
    { type: 'region', code: 'region_code', breakdowns: true },
  ];
  const breakdowns = [
    `'total'`,
    `'deprivation:' || deprivation_quintile::VARCHAR`,
    `'ethnicity:' || ethnic_group`,
    `'sex:' || sex`,
  ];
  const selects = levels.flatMap((level) =>
    (level.breakdowns ? breakdowns : breakdowns.slice(0, 1)).map(
      (b) => `SELECT indicator_id, ${level.code} AS area_code, '${level.type}' AS area_type, period, period_start, ${b} AS breakdown,
  sum(numerator)::BIGINT AS numerator, sum(denominator)::BIGINT AS denominator, NULL::VARCHAR AS value_note
FROM base GROUP BY ALL`,
    ),
  );
  return {
    text: `INSERT INTO observations BY NAME
WITH base AS (
  SELECT o.*, g.pcn_code, g.borough_code, g.icb_code, g.region_code
  FROM practice_observations o JOIN practice_geography g USING (practice_code)
)
${selects.join('\nUNION ALL\n')}`,
    params: [],
  };
}
