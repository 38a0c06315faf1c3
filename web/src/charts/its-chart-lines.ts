import type { ItsOverSeries } from '@pathfinder/metrics';

/** What the trend draws of an interrupted time series at one period (null where a line does not reach). */
interface ItsLinePoint {
  readonly fittedBefore: number | null;
  readonly fittedAfter: number | null;
  readonly counterfactual: number | null;
}

/** An interrupted time series as the trend chart takes it: the intervention period and the lines, by period. */
export interface TrendIts {
  readonly intervention: string;
  readonly lines: ReadonlyMap<string, ItsLinePoint>;
}

/**
 * The lines of a fitted series by period: the fitted values of each segment, and the counterfactual
 * (the pre-intervention line continued) over the post-intervention periods, starting at the last
 * pre-intervention period so it reads as the continuation of the line before.
 */
export function itsChartLines(its: Extract<ItsOverSeries, { fitted: true }>, intervention: string): TrendIts {
  const lines = new Map<string, ItsLinePoint>();
  its.periods.forEach((period, i) => {
    const after = i >= its.before;
    lines.set(period, {
      fittedBefore: after ? null : its.fit.fitted[i]!,
      fittedAfter: after ? its.fit.fitted[i]! : null,
      counterfactual: i >= its.before - 1 ? its.fit.counterfactual[i]! : null,
    });
  });
  return { intervention, lines };
}
