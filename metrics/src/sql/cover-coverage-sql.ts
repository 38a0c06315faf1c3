import { BOROUGHS } from '../geography/london-geography.ts';
import { COVER_MEASURES, ROUTINE_DOSES } from '../immunisation/vaccine-schedule.ts';
import { COVER_CELL } from './cover-cell-sql.ts';
import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/**
 * COVER coverage for all 14 measures × borough × financial-year quarter straight from event data:
 * children reaching the measure's age in the quarter (denominator) and those given the dose before
 * that birthday (numerator).
 *
 * COVER ages are whole years (12, 24, 60 months), so a child's quarter depends only on its birth
 * year and month. Each dose in the release carries its COVER cell (`cover-cell-sql.ts`: dose,
 * borough, birth month and COVER age band packed in one integer), so one pass over `doses` groups by
 * that one column; only a few hundred thousand cells are then decoded and meet the measures, with
 * no date arithmetic and no join per event.
 * @example coverCoverageSql({ from: '2018-04-01', to: '2025-03-31' })
 */
export function coverCoverageSql(range: { from: string; to: string }): SqlQuery {
  const { boroughSlots, birthMonthSlots, firstBirthYear, ageBands, ageBandSlots } = COVER_CELL;
  const p = new SqlParams();
  const measures = COVER_MEASURES.map((m) => {
    const doseIndex = ROUTINE_DOSES.findIndex((x) => x.key === m.doseKey);
    return `(${p.add(m.measure)}, ${p.add(doseIndex)}::INTEGER, ${p.add(m.ageMonths / 12)}::INTEGER, ${p.add(ageBands.indexOf(m.ageMonths) + 1)}::INTEGER)`;
  }).join(', ');
  const boroughs = BOROUGHS.map((b, i) => `(${p.add(i)}::INTEGER, ${p.add(b.code)})`).join(', ');
  const fy = `(birth_year + m.years - CASE WHEN birth_month < 4 THEN 1 ELSE 0 END)`;
  const quarter = `((birth_month + 8) % 12) // 3 + 1`;
  const inRange = `make_date(birth_year + m.years, birth_month, 1) BETWEEN date_trunc('month', ${p.add(range.from)}::DATE) AND ${p.add(range.to)}::DATE`;
  return {
    text: `WITH measures(measure, dose_index, years, bands_before) AS (VALUES ${measures}),
boroughs(borough_index, borough_code) AS (VALUES ${boroughs}),
cells AS (SELECT cover_cell, count(*) AS doses FROM doses GROUP BY cover_cell),
given AS (
  SELECT cover_cell // ${ageBandSlots * birthMonthSlots * boroughSlots} AS dose_index, (cover_cell // ${ageBandSlots * birthMonthSlots}) % ${boroughSlots} AS borough_index,
    ${firstBirthYear} + (cover_cell // ${ageBandSlots}) % ${birthMonthSlots} // 12 AS birth_year, (cover_cell // ${ageBandSlots}) % ${birthMonthSlots} % 12 + 1 AS birth_month,
    cover_cell % ${ageBandSlots} AS band, doses
  FROM cells WHERE cover_cell IS NOT NULL
),
births AS (SELECT borough_code, year(birth_date) AS birth_year, month(birth_date) AS birth_month, count(*) AS children FROM children GROUP BY ALL),
denominators AS (
  SELECT m.measure, b.borough_code, ${fy} AS fy, ${quarter} AS q, sum(b.children) AS denominator
  FROM births b CROSS JOIN measures m WHERE ${inRange} GROUP BY ALL
),
numerators AS (
  SELECT m.measure, b.borough_code, ${fy} AS fy, ${quarter} AS q, sum(g.doses) AS numerator
  FROM given g JOIN measures m ON m.dose_index = g.dose_index AND g.band < m.bands_before JOIN boroughs b USING (borough_index)
  WHERE ${inRange} GROUP BY ALL
)
SELECT d.measure, d.borough_code, d.fy::VARCHAR || '/' || lpad(((d.fy + 1) % 100)::VARCHAR, 2, '0') || ' Q' || d.q::VARCHAR AS period,
  coalesce(n.numerator, 0)::BIGINT AS numerator, d.denominator::BIGINT AS denominator
FROM denominators d LEFT JOIN numerators n USING (measure, borough_code, fy, q)
ORDER BY d.measure, d.borough_code, d.fy, d.q`,
    params: p.values,
  };
}
