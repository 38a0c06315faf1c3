import { COVER_MEASURES, ROUTINE_DOSES } from '../immunisation/vaccine-schedule.ts';
import type { SqlQuery } from './sql-query.ts';

const fyStart = (d: string) => `(year(${d}) - CASE WHEN month(${d}) < 4 THEN 1 ELSE 0 END)`;
const fyQuarter = (d: string) => `(((month(${d}) + 8) % 12) // 3 + 1)`;

/**
 * COVER coverage for all 14 measures × borough × financial-year quarter straight from event data:
 * children reaching the measure's age in the quarter (denominator) and those given the dose before
 * that birthday (numerator). Uses the denormalised `doses` table (each dose carries the child's
 * birth date and borough), so the numerator is one pass over doses and the denominator one pass over
 * children grouped by birth date — no join of events to children.
 * @example coverCoverageSql({ from: '2018-04-01', to: '2025-03-31' })
 */
export function coverCoverageSql(range: { from: string; to: string }): SqlQuery {
  const measures = COVER_MEASURES.map((m) => {
    const d = ROUTINE_DOSES.find((x) => x.key === m.doseKey)!;
    return `('${m.measure}', '${d.vaccine}', ${d.dose}, ${m.ageMonths})`;
  }).join(', ');
  const onDate = `(b.birth_date + to_months(m.age_months))::DATE`;
  return {
    text: `WITH measures(measure, vaccine, dose, age_months) AS (VALUES ${measures}),
births AS (SELECT borough_code, birth_date, count(*) AS children FROM children GROUP BY ALL),
denominators AS (
  SELECT m.measure, b.borough_code, ${fyStart(onDate)} AS fy, ${fyQuarter(onDate)} AS q, sum(b.children) AS denominator
  FROM births b CROSS JOIN measures m
  WHERE ${onDate} BETWEEN $1::DATE AND $2::DATE
  GROUP BY ALL
),
numerators AS (
  SELECT m.measure, b.borough_code, ${fyStart(onDate)} AS fy, ${fyQuarter(onDate)} AS q, count(*) AS numerator
  FROM doses b JOIN measures m ON m.vaccine = b.vaccine AND m.dose = b.dose
  WHERE b.event_date < b.birth_date + to_months(m.age_months) AND ${onDate} BETWEEN $1::DATE AND $2::DATE
  GROUP BY ALL
)
SELECT d.measure, d.borough_code, d.fy::VARCHAR || '/' || lpad(((d.fy + 1) % 100)::VARCHAR, 2, '0') || ' Q' || d.q::VARCHAR AS period,
  coalesce(n.numerator, 0) AS numerator, d.denominator
FROM denominators d LEFT JOIN numerators n USING (measure, borough_code, fy, q)
ORDER BY d.measure, d.borough_code, d.fy, d.q`,
    params: [range.from, range.to],
  };
}
