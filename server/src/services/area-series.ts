import { seriesSql, type Indicator, type SeriesRow } from '@pathfinder/metrics';
import { observationSource } from './observation-source.ts';
import type { ServiceContext } from './service-context.ts';
import { valueRows } from './value-rows.ts';

/** The observations of areas' series, period by period, from the table the caller may read (the public table for the public). */
export function seriesRows(ctx: ServiceContext, indicator: Indicator, filter: { areaCodes: readonly string[]; breakdown: string; from?: string | null; to?: string | null }): Promise<SeriesRow[]> {
  return ctx.release.runner.all<SeriesRow>(seriesSql({ indicatorIds: [indicator.id], ...filter, source: observationSource(ctx.caller) }));
}

/** One area's series as a trend gives it, from its rows of `seriesRows` (oldest first), with values and CIs. */
export function areaSeriesValues(ctx: ServiceContext, indicator: Indicator, rows: readonly SeriesRow[]) {
  return valueRows(ctx, indicator, rows.map(toCount));
}

export const toCount = (r: SeriesRow) => ({ areaCode: r.area_code, periodLabel: r.period, numerator: r.numerator, denominator: r.denominator, valueNote: r.value_note, suppressed: r.suppressed });
