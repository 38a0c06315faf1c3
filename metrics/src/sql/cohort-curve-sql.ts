import { childAreasCte, EVENT_AREA_COLUMN, type EventAreaLevel } from './child-areas-sql.ts';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

/**
 * Whole months from date `a` to date `b` as an SQL expression: the largest k with a + k months ≤ b,
 * adding months as DuckDB does (31 January + 1 month = 28 or 29 February), as the COVER rule does.
 */
const wholeMonths = (a: string, b: string) =>
  `(date_diff('month', ${a}, ${b}) - CASE WHEN (${a} + to_months(date_diff('month', ${a}, ${b})))::DATE > ${b} THEN 1 ELSE 0 END)`;

export interface CohortCurveFilter {
  /** The dose counted: `doses.vaccine` and `doses.dose`. */
  readonly vaccine: string;
  readonly dose: number;
  readonly areaLevel: EventAreaLevel;
  /** One area of the level; null for every area of it (one curve per area and cohort). */
  readonly areaCode: string | null;
  readonly regionCode: string;
  /** Calendar years of birth. */
  readonly cohorts: readonly number[];
  /** The data's as-at date (ISO): a cohort's curve runs to the age its youngest child has reached. */
  readonly asAt: string;
  /** Last age on the curve, in months (60). */
  readonly maxAgeMonths: number;
}

/** One point of a cohort's curve: children of the cohort vaccinated before reaching `age_months`. */
export interface CohortCurveRow extends Record<string, unknown> {
  area_code: string;
  cohort: number;
  age_months: number;
  children: number;
  vaccinated: number;
}

/** What fixes a dose's cohort cube: the dose and the region; nothing a request chooses. */
export type CohortCubeFilter = Pick<CohortCurveFilter, 'vaccine' | 'dose' | 'regionCode'>;

/**
 * A dose's cohort cube: children counted by practice (with its PCN, borough, ICB and region), year
 * of birth and the age in months from which their first dose counts (the COVER rule: the dose was
 * given before the child reached that age; null: no dose). One pass over the events per dose and
 * release; every curve (any level, area, cohorts or as-at date) is then a sum over it.
 * @example cohortCubeSql({ vaccine: 'mmr', dose: 1, regionCode: 'E12000007' })
 */
export function cohortCubeSql(f: CohortCubeFilter): SqlQuery {
  const p = new SqlParams();
  return { text: cubeSelect(p, f), params: p.values };
}

function cubeSelect(p: SqlParams, f: CohortCubeFilter): string {
  return `WITH ${childAreasCte(p, f.regionCode)},
first_doses AS (
  SELECT d.child_id, min(d.event_date) AS first_date
  FROM doses d
  WHERE d.vaccine = ${p.add(f.vaccine)} AND d.dose = ${p.add(f.dose)}
  GROUP BY d.child_id
)
SELECT ca.practice_code, ca.pcn_code, ca.borough_code, ca.icb_code, ca.region_code, year(ca.birth_date)::INTEGER AS cohort,
  CASE WHEN f.first_date IS NOT NULL THEN greatest(0, ${wholeMonths('ca.birth_date', 'f.first_date')} + 1)::INTEGER END AS age_months,
  count(*)::INTEGER AS children
FROM child_areas ca LEFT JOIN first_doses f USING (child_id)
GROUP BY ALL`;
}

/**
 * Cumulative coverage by age of birth cohorts in an area, from event data. A child counts as
 * vaccinated at age m months when the dose was given before the child reached m months, the COVER
 * rule, so the point at 24 months of a cohort equals COVER's 24-month figure for those children.
 * Every child of the cohort is in every point: each curve stops at the age the cohort's youngest
 * child (born 31 December) had reached by `asAt`, or at `maxAgeMonths`. With `areaCode` null, one
 * curve per area of the level and cohort (column `area_code`). Read from the dose's cube: the table
 * `cubeTable` made with `cohortCubeSql` for the same dose and region, or, without one, the cube
 * built inside the query.
 * @example cohortCurveSql({ vaccine: 'mmr', dose: 1, areaLevel: 'borough', areaCode: 'E09000012', regionCode: 'E12000007', cohorts: [2020, 2021, 2022], asAt: '2025-03-31', maxAgeMonths: 60 })
 */
export function cohortCurveSql(f: CohortCurveFilter, cubeTable?: string): SqlQuery {
  const p = new SqlParams();
  const cube = cubeTable === undefined ? `(${cubeSelect(p, f)})` : quoteIdentifier(cubeTable);
  const asAt = `${p.add(f.asAt)}::DATE`;
  const level = quoteIdentifier(EVENT_AREA_COLUMN[f.areaLevel]);
  const area = f.areaCode === null ? `${level} IS NOT NULL` : `${level} = ${p.add(f.areaCode)}`;
  return {
    text: `WITH cohort AS (
  SELECT ${level} AS area_code, cohort, age_months, children
  FROM ${cube} AS cube
  WHERE ${area} AND cohort IN (${p.list(f.cohorts)})
),
sizes AS (SELECT area_code, cohort, sum(children) AS children FROM cohort GROUP BY ALL),
ages AS (
  SELECT area_code, cohort, children, unnest(range(0, least(${p.add(f.maxAgeMonths)}::INTEGER, ${wholeMonths('make_date(cohort::INTEGER, 12, 31)', asAt)}) + 1)) AS age_months
  FROM sizes
),
reached AS (SELECT area_code, cohort, age_months, sum(children) AS n FROM cohort WHERE age_months IS NOT NULL GROUP BY ALL)
SELECT a.area_code, a.cohort::INTEGER AS cohort, a.age_months::INTEGER AS age_months, a.children::INTEGER AS children,
  (sum(coalesce(r.n, 0)) OVER (PARTITION BY a.area_code, a.cohort ORDER BY a.age_months))::INTEGER AS vaccinated
FROM ages a LEFT JOIN reached r USING (area_code, cohort, age_months)
ORDER BY a.area_code, a.cohort, a.age_months`,
    params: p.values,
  };
}

export interface BirthYearRangeRow extends Record<string, unknown> {
  first: number | null;
  last: number | null;
}

/** First and last calendar year of birth in the event data. */
export function birthYearRangeSql(): SqlQuery {
  return { text: 'SELECT min(year(birth_date))::INTEGER AS first, max(year(birth_date))::INTEGER AS last FROM children', params: [] };
}
