import type { FREQUENCIES, Polarity, Unit } from '../catalogue/indicator-spec.ts';
import type { AreaType } from '../geography/london-geography.ts';
import type { BenchmarkComparison } from '../stats/benchmark/compare-with-benchmark.ts';
import type { Rag } from '../stats/benchmark/target-rag.ts';
import type { RecentTrendLabel } from '../stats/recent-trend.ts';
import type { SpcAssurance } from '../stats/spc/spc-assurance.ts';
import type { SpcRule } from '../stats/spc/spc-special-causes.ts';
import type { SpcVariation } from '../stats/spc/spc-variation.ts';

/** What the SPC chart says about the latest period (see `spcStatus`, which reads it off `spcXmr`'s output). */
export interface SpcStatus {
  readonly variation: SpcVariation;
  /** Rules that flagged the latest stretch of special cause, the latest point's first; empty for common cause. */
  readonly rules: readonly SpcRule[];
  /** Periods the pattern spans, up to the latest: the points of a trend, or the stretch of special cause. */
  readonly periods: number;
  /** The special cause appeared this period: the chart one period earlier showed another variation. */
  readonly newThisPeriod: boolean;
}

/**
 * Everything the attention status of one area × indicator × period is derived from: the outputs of
 * the existing statistics, never raw series. Values are in the indicator's unit.
 */
export interface StatusInputs {
  readonly indicator: {
    readonly id: string;
    readonly shortName: string;
    readonly unit: Unit;
    readonly polarity: Polarity;
    readonly frequency: (typeof FREQUENCIES)[number];
  };
  readonly area: { readonly code: string; readonly name: string; readonly type: AreaType };
  /** Period label, e.g. "2024/25 Q4". */
  readonly period: string;
  readonly value: number | null;
  /** People the indicator is about in this area and period (its denominator): who is affected. */
  readonly denominator: number | null;
  /** Comparison by `compareWithBenchmark` with `levels: 2`, so `much-` means outside the 99.8% interval. */
  readonly benchmark: { readonly label: string; readonly value: number | null; readonly comparison: BenchmarkComparison } | null;
  readonly recentTrend: RecentTrendLabel;
  /** Null when the series is too short for a chart. */
  readonly spc: SpcStatus | null;
  /** `spcAssurance` against `target`; null without a target. */
  readonly assurance: SpcAssurance | null;
  /** The target in force for the period (the stricter one when there are two), or null. */
  readonly target: number | null;
  readonly targetRag: Rag | null;
  readonly valueNote: string | null;
  /** Campaign indicators only: `campaignMeasures`' trajectory fields. */
  readonly campaign: { readonly behindTrajectory: boolean | null; readonly behindBy: number | null } | null;
}
