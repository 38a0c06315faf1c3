import { quoteIdentifier, TABLES, type SqlQuery } from './sql-query.ts';

export interface IndicatorValuesFilter {
  readonly indicatorId: string;
  readonly areaType: string;
  /** A period label such as "2023/24 Q4"; null means the latest period the indicator has. */
  readonly period: string | null;
}

/** One row per area: summed numerator and denominator of the indicator's total (no breakdown) for one period. */
export interface IndicatorValuesRow extends Record<string, unknown> {
  area_code: string;
  period: string;
  numerator: number;
  denominator: number;
  value_note: string | null;
}

/**
 * Numerators and denominators per area for one indicator, area level and period.
 * @example indicatorValuesSql({ indicatorId: 'imm-mmr1-24m', areaType: 'borough', period: null })
 */
export function indicatorValuesSql(filter: IndicatorValuesFilter): SqlQuery {
  const obs = quoteIdentifier(TABLES.observations);
  return {
    text: `WITH chosen AS (
  SELECT coalesce($3, (SELECT arg_max(period, period_start) FROM ${obs} WHERE indicator_id = $1 AND area_type = $2)) AS period
)
SELECT o.area_code, o.period,
       sum(o.numerator)::DOUBLE AS numerator, sum(o.denominator)::DOUBLE AS denominator,
       string_agg(DISTINCT o.value_note, '; ') AS value_note
FROM ${obs} o JOIN chosen c ON o.period = c.period
WHERE o.indicator_id = $1 AND o.area_type = $2 AND o.breakdown = 'total'
GROUP BY o.area_code, o.period
ORDER BY o.area_code`,
    params: [filter.indicatorId, filter.areaType, filter.period],
  };
}
