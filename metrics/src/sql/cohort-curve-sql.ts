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

/**
 * Cumulative coverage by age of birth cohorts in an area, from event data. A child counts as
 * vaccinated at age m months when the dose was given before the child reached m months, the COVER
 * rule, so the point at 24 months of a cohort equals COVER's 24-month figure for those children.
 * Every child of the cohort is in every point: each curve stops at the age the cohort's youngest
 * child (born 31 December) had reached by `asAt`, or at `maxAgeMonths`. With `areaCode` null, one
 * curve per area of the level and cohort (column `area_code`).
 * @example cohortCurveSql({ vaccine: 'mmr', dose: 1, areaLevel: 'borough', areaCode: 'E09000012', regionCode: 'E12000007', cohorts: [2020, 2021, 2022], asAt: '2025-03-31', maxAgeMonths: 60 })
 */
export function cohortCurveSql(f: CohortCurveFilter): SqlQuery {
  const p = new SqlParams();
  const areas = childAreasCte(p, f.regionCode);
  const asAt = `${p.add(f.asAt)}::DATE`;
  const level = `ca.${quoteIdentifier(EVENT_AREA_COLUMN[f.areaLevel])}`;
  const area = f.areaCode === null ? `${level} IS NOT NULL` : `${level} = ${p.add(f.areaCode)}`;
  return {
    text: `WITH ${areas},
cohort AS (
  SELECT ca.child_id, ca.birth_date, year(ca.birth_date) AS cohort, ${level} AS area_code
  FROM child_areas ca
  WHERE ${area} AND year(ca.birth_date) IN (${p.list(f.cohorts)})
),
dosed AS (
  SELECT c.area_code, c.cohort, greatest(0, ${wholeMonths('c.birth_date', 'min(d.event_date)')} + 1) AS age_months
  FROM cohort c JOIN doses d USING (child_id)
  WHERE d.vaccine = ${p.add(f.vaccine)} AND d.dose = ${p.add(f.dose)}
  GROUP BY c.child_id, c.area_code, c.cohort, c.birth_date
),
sizes AS (SELECT area_code, cohort, count(*) AS children FROM cohort GROUP BY ALL),
ages AS (
  SELECT area_code, cohort, children, unnest(range(0, least(${p.add(f.maxAgeMonths)}::INTEGER, ${wholeMonths('make_date(cohort::INTEGER, 12, 31)', asAt)}) + 1)) AS age_months
  FROM sizes
),
reached AS (SELECT area_code, cohort, age_months, count(*) AS n FROM dosed GROUP BY ALL)
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
