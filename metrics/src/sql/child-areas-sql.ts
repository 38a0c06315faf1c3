import type { SqlParams } from './sql-params.ts';

/** Area levels event data can be summed to: a child belongs to its GP practice and every area above it. */
export const EVENT_AREA_LEVELS = ['region', 'icb', 'borough', 'pcn', 'practice'] as const;
export type EventAreaLevel = (typeof EVENT_AREA_LEVELS)[number];

/** The `child_areas` column holding a child's area code at each level. */
export const EVENT_AREA_COLUMN: Readonly<Record<EventAreaLevel, string>> = Object.freeze({
  region: 'region_code',
  icb: 'icb_code',
  borough: 'borough_code',
  pcn: 'pcn_code',
  practice: 'practice_code',
});

/**
 * A `child_areas` common table expression: every child of `children` with its characteristics and
 * the codes of its practice, PCN (null when the practice has none), borough, ICB and region, taken
 * from the release's `areas` (a practice's parent is its PCN, or its borough when it has none).
 * Children whose practice the release does not know are left out, as in the published observations.
 * Columns: child_id, birth_date, deprivation_quintile, ethnic_group, sex, practice_code, pcn_code,
 * borough_code, icb_code, region_code.
 * @param params the query's parameters; the region code is added to them
 * @param regionCode code every child's region column carries (London, E12000007)
 * @example `WITH ${childAreasCte(params, LONDON.code)} SELECT borough_code, count(*) FROM child_areas GROUP BY 1`
 */
export function childAreasCte(params: SqlParams, regionCode: string): string {
  return `child_areas AS (
  SELECT c.child_id, c.birth_date, c.deprivation_quintile, c.ethnic_group, c.sex,
    a.area_code AS practice_code,
    CASE WHEN a.parent_code <> a.borough_code THEN a.parent_code END AS pcn_code,
    a.borough_code, a.icb_code, ${params.add(regionCode)}::VARCHAR AS region_code
  FROM children c JOIN areas a ON a.area_code = c.practice_code AND a.area_type = 'practice'
)`;
}
