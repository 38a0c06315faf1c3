import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, type SqlQuery } from './sql-query.ts';

/** One period of a series in `TotalSeriesRow.points`: its counts as every observation aggregate gives them (none where disclosure control hid one). */
export interface TotalSeriesPoint {
  period: string;
  /** ISO date the period starts, for ordering. */
  start: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  value_note: string | null;
}

/**
 * One area × indicator's total-breakdown series. `points` is a JSON array of `TotalSeriesPoint`, in
 * no particular order: DuckDB's ordered list aggregate and its lists turned into JavaScript arrays are
 * each ten times slower, at a release's million points, than an unordered list, JSON.parse and a sort.
 */
export interface TotalSeriesRow extends Record<string, unknown> {
  indicator_id: string;
  area_code: string;
  area_type: string;
  points: string;
}

export interface TotalSeriesFilter {
  /** The table to read: `observations`, an ICB's view of them or the public table. */
  readonly source: string;
  /** Only these indicators. */
  readonly indicatorIds: readonly string[];
  /** Only these areas; null for every area of the table. */
  readonly areaCodes: readonly string[] | null;
}

/**
 * The total-breakdown series of every area × indicator of one table in one query, for the attention
 * status table: a row per series (its points as one JSON array) rather than per point, so a
 * release's million points reach JavaScript as some fifty thousand rows.
 * @example totalSeriesSql({ source: 'observations', indicatorIds: ['imm-mmr1-24m'], areaCodes: null })
 */
export function totalSeriesSql(f: TotalSeriesFilter): SqlQuery {
  const p = new SqlParams();
  const areaFilter = f.areaCodes ? `AND o.area_code IN (${p.list(f.areaCodes)})` : '';
  return {
    // A release holds one row per indicator × area × period × breakdown (the importers and the generator refuse a
    // repeated key), so each point is one row, and its counts are those `seriesSql`'s sums give for one row.
    text: `SELECT o.indicator_id, o.area_code, o.area_type,
  to_json(list({
    period: o.period,
    start: strftime(o.period_start, '%Y-%m-%d'),
    numerator: CASE WHEN o.numerator_hidden THEN NULL ELSE o.numerator END::DOUBLE,
    denominator: CASE WHEN o.denominator_hidden THEN NULL ELSE o.denominator END::DOUBLE,
    suppressed: coalesce(o.numerator_hidden OR o.denominator_hidden, false),
    value_note: CASE WHEN o.numerator IS NULL THEN coalesce(o.value_note, 'some periods have no data') ELSE o.value_note END
  }))::VARCHAR AS points
FROM ${quoteIdentifier(f.source)} o
WHERE o.breakdown = 'total' AND o.indicator_id IN (${p.list(f.indicatorIds)}) ${areaFilter}
GROUP BY o.indicator_id, o.area_code, o.area_type
ORDER BY indicator_id, area_code`,
    params: p.values,
  };
}
