import { COVER_MEASURES, ROUTINE_DOSES } from '../immunisation/vaccine-schedule.ts';
import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/**
 * COVER coverage for all 14 measures × borough × financial-year quarter straight from event data:
 * children reaching the measure's age in the quarter (denominator) and those given the dose before
 * that birthday (numerator).
 *
 * COVER ages are whole years (12, 24, 60 months), so a child's quarter depends only on its birth
 * year and month. Each dose in the release carries its child's borough, birth month and age in
 * completed months, so one pass over `doses` groups by dose × borough × birth month counting doses
 * given before 12, 24 and 60 months; only a few thousand rows then meet the measures — no date
 * arithmetic and no join per event. (`count_if` rather than `count(*) FILTER (…)`: the same counts,
 * measured 15% faster by `pnpm bench` over 18.5M doses.)
 * @example coverCoverageSql({ from: '2018-04-01', to: '2025-03-31' })
 */
export function coverCoverageSql(range: { from: string; to: string }): SqlQuery {
  const p = new SqlParams();
  const measures = COVER_MEASURES.map((m) => {
    const d = ROUTINE_DOSES.find((x) => x.key === m.doseKey)!;
    return `(${p.add(m.measure)}, ${p.add(d.vaccine)}, ${p.add(d.dose)}::INTEGER, ${p.add(m.ageMonths / 12)}::INTEGER)`;
  }).join(', ');
  const fy = `(birth_year + m.years - CASE WHEN birth_month < 4 THEN 1 ELSE 0 END)`;
  const quarter = `((birth_month + 8) % 12) // 3 + 1`;
  const inRange = `make_date(birth_year + m.years, birth_month, 1) BETWEEN date_trunc('month', ${p.add(range.from)}::DATE) AND ${p.add(range.to)}::DATE`;
  return {
    text: `WITH measures(measure, vaccine, dose, years) AS (VALUES ${measures}),
given AS (
  SELECT vaccine, dose, borough_code, birth_year_month // 100 AS birth_year, birth_year_month % 100 AS birth_month,
    count_if(age_months < 12) AS by1, count_if(age_months < 24) AS by2, count_if(age_months < 60) AS by5
  FROM doses GROUP BY vaccine, dose, borough_code, birth_year_month
),
births AS (SELECT borough_code, year(birth_date) AS birth_year, month(birth_date) AS birth_month, count(*) AS children FROM children GROUP BY ALL),
denominators AS (
  SELECT m.measure, b.borough_code, ${fy} AS fy, ${quarter} AS q, sum(b.children) AS denominator
  FROM births b CROSS JOIN measures m WHERE ${inRange} GROUP BY ALL
),
numerators AS (
  SELECT m.measure, g.borough_code, ${fy} AS fy, ${quarter} AS q,
    sum(CASE m.years WHEN 1 THEN by1 WHEN 2 THEN by2 ELSE by5 END) AS numerator
  FROM given g JOIN measures m USING (vaccine, dose) WHERE ${inRange} GROUP BY ALL
)
SELECT d.measure, d.borough_code, d.fy::VARCHAR || '/' || lpad(((d.fy + 1) % 100)::VARCHAR, 2, '0') || ' Q' || d.q::VARCHAR AS period,
  coalesce(n.numerator, 0)::BIGINT AS numerator, d.denominator::BIGINT AS denominator
FROM denominators d LEFT JOIN numerators n USING (measure, borough_code, fy, q)
ORDER BY d.measure, d.borough_code, d.fy, d.q`,
    params: p.values,
  };
}
