import { SqlParams } from './sql-params.ts';
import { TABLES, quoteIdentifier, type SqlQuery } from './sql-query.ts';

/** The table a query reads: the exact `observations`, or the caller's view of them (the public table, or a mix). */
const table = (source: string | undefined) => quoteIdentifier(source ?? TABLES.observations);

/**
 * Columns every observation aggregate returns: summed counts, whether disclosure control hid one
 * (a sum with a hidden part is hidden too, never a partial sum), and a note when periods or rows
 * were excluded.
 */
const SUMS = `CASE WHEN bool_or(o.numerator_hidden) THEN NULL ELSE sum(o.numerator) END::DOUBLE AS numerator,
  CASE WHEN bool_or(o.denominator_hidden) THEN NULL ELSE sum(o.denominator) END::DOUBLE AS denominator,
  coalesce(bool_or(o.numerator_hidden OR o.denominator_hidden), false) AS suppressed,
  CASE WHEN count(o.numerator) < count(*) THEN coalesce(string_agg(DISTINCT o.value_note, '; '), 'some periods have no data')
       ELSE string_agg(DISTINCT o.value_note, '; ') END AS value_note`;

/** One summed row: counts over the chosen periods, with any value notes. */
export interface ObservationTotalRow extends Record<string, unknown> {
  area_code: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  value_note: string | null;
}

export interface ObservationTotalsFilter {
  readonly indicatorId: string;
  readonly areaType: string;
  /** Only these areas; null for every area of the type. */
  readonly areaCodes: readonly string[] | null;
  /** Periods to sum (one for the native frequency; several to make a coarser period). */
  readonly periods: readonly string[];
  readonly breakdown: string;
  /** The table to read (default `observations`). */
  readonly source?: string;
}

/**
 * Numerator and denominator per area, summed over periods (e.g. the four quarters of a financial year).
 * @example observationTotalsSql({ indicatorId: 'imm-mmr1-24m', areaType: 'borough', areaCodes: null, periods: ['2024/25 Q4'], breakdown: 'total' })
 */
export function observationTotalsSql(f: ObservationTotalsFilter): SqlQuery {
  const p = new SqlParams();
  const areaFilter = f.areaCodes ? `AND o.area_code IN (${p.list(f.areaCodes)})` : '';
  return {
    text: `SELECT o.area_code, ${SUMS}
FROM ${table(f.source)} o
WHERE o.indicator_id = ${p.add(f.indicatorId)} AND o.area_type = ${p.add(f.areaType)} AND o.breakdown = ${p.add(f.breakdown)} AND o.period IN (${p.list(f.periods)}) ${areaFilter}
GROUP BY o.area_code
ORDER BY o.area_code`,
    params: p.values,
  };
}

export interface IndicatorPeriodRow extends Record<string, unknown> {
  period: string;
  period_start: string;
}

/** Every period an indicator has data for, latest first. */
export function indicatorPeriodsSql(indicatorId: string): SqlQuery {
  const p = new SqlParams();
  return {
    text: `SELECT period, strftime(min(period_start), '%Y-%m-%d') AS period_start FROM ${table(undefined)} WHERE indicator_id = ${p.add(indicatorId)} GROUP BY period ORDER BY min(period_start) DESC, period DESC`,
    params: p.values,
  };
}

export interface SeriesRow extends Record<string, unknown> {
  indicator_id: string;
  area_code: string;
  period: string;
  period_start: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  value_note: string | null;
}

/**
 * The time series of some indicators for some areas (one breakdown), oldest first, optionally within
 * dates: several indicators in one query read the table once (an area profile's every indicator).
 * @example seriesSql({ indicatorIds: ['imm-mmr1-24m'], areaCodes: ['E09000012'], breakdown: 'total' })
 */
export function seriesSql(f: { indicatorIds: readonly string[]; areaCodes: readonly string[]; breakdown: string; from?: string | null; to?: string | null; source?: string }): SqlQuery {
  const p = new SqlParams();
  const [from, to] = [`${p.add(f.from ?? null)}::DATE`, `${p.add(f.to ?? null)}::DATE`];
  return {
    text: `SELECT o.indicator_id, o.area_code, o.period, strftime(min(o.period_start), '%Y-%m-%d') AS period_start, ${SUMS}
FROM ${table(f.source)} o
WHERE o.indicator_id IN (${p.list(f.indicatorIds)}) AND o.breakdown = ${p.add(f.breakdown)} AND o.area_code IN (${p.list(f.areaCodes)})
  AND (${from} IS NULL OR o.period_start >= ${from}) AND (${to} IS NULL OR o.period_start <= ${to})
GROUP BY o.indicator_id, o.area_code, o.period
ORDER BY min(o.period_start), o.area_code, o.indicator_id`,
    params: p.values,
  };
}

export interface LatestValueRow extends Record<string, unknown> {
  indicator_id: string;
  area_code: string;
  area_type: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  value_note: string | null;
}

/**
 * For several indicators at once, the rows of some area types at each indicator's latest period
 * (the latest period that has rows at the first area type given), totals only. Feeds the overview
 * matrix and area profiles.
 */
export function latestValuesSql(f: { indicatorIds: readonly string[]; areaTypes: readonly string[]; areaCodes?: readonly string[] | null; source?: string }): SqlQuery {
  const p = new SqlParams();
  const ids = p.list(f.indicatorIds);
  const types = p.list(f.areaTypes);
  const primaryType = p.add(f.areaTypes[0]!);
  const areaFilter = f.areaCodes ? `AND o.area_code IN (${p.list(f.areaCodes)})` : '';
  return {
    text: `WITH latest AS (
  SELECT indicator_id, arg_max(period, period_start) AS period FROM ${table(f.source)}
  WHERE indicator_id IN (${ids}) AND area_type = ${primaryType} AND breakdown = 'total'
  GROUP BY indicator_id
)
SELECT o.indicator_id, o.area_code, o.area_type, o.period, ${SUMS}
FROM ${table(f.source)} o JOIN latest l ON l.indicator_id = o.indicator_id AND l.period = o.period
WHERE o.area_type IN (${types}) AND o.breakdown = 'total' ${areaFilter}
GROUP BY o.indicator_id, o.area_code, o.area_type, o.period
ORDER BY o.indicator_id, o.area_code`,
    params: p.values,
  };
}

export interface BreakdownRow extends Record<string, unknown> {
  breakdown: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  value_note: string | null;
}

/** One area's rows for every value of a breakdown dimension (e.g. the five deprivation quintiles), summed over periods. */
export function breakdownSql(f: { indicatorId: string; areaCode: string; dimension: string; periods: readonly string[]; source?: string }): SqlQuery {
  const p = new SqlParams();
  return {
    text: `SELECT o.breakdown, ${SUMS}
FROM ${table(f.source)} o
WHERE o.indicator_id = ${p.add(f.indicatorId)} AND o.area_code = ${p.add(f.areaCode)} AND o.breakdown LIKE ${p.add(`${f.dimension}:%`)} AND o.period IN (${p.list(f.periods)})
GROUP BY o.breakdown ORDER BY o.breakdown`,
    params: p.values,
  };
}
