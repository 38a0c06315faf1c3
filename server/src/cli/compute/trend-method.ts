import { recentTrend, type Polarity, type TrendPoint } from '@pathfinder/metrics';
import { choiceFlag } from './compute-flags.ts';
import type { ComputeMethod } from './compute-method.ts';

interface Series {
  readonly points: TrendPoint[];
  readonly periods: Map<string, number>;
}

/** `compute trend`: the recent-trend label (χ² test for trend over the last 5 periods) of each series. */
export const trendMethod: ComputeMethod<'series' | 'period' | 'numerator' | 'denominator'> = {
  usage: `trend [--polarity higher-better|lower-better|no-judgement]
      series,period,numerator,denominator (rows in period order within a series)
      → series,trend  (one row per series; last 5 periods, 99.8 %)`,
  columns: ['series', 'period', 'numerator', 'denominator'],
  flags: ['polarity'],
  prepare(flags) {
    const polarity = choiceFlag<Polarity>(flags.polarity, 'polarity', ['higher-better', 'lower-better', 'no-judgement'], 'no-judgement');
    return async (input, output) => {
      const bySeries = new Map<string, Series>();
      for await (const row of input.rows()) {
        const name = input.text(row, 'series');
        const series: Series = bySeries.get(name) ?? { points: [], periods: new Map() };
        bySeries.set(name, series);
        const period = input.text(row, 'period');
        const seen = series.periods.get(period);
        if (seen !== undefined) throw input.error(row, 'period', `"${period}" appears twice in series "${name}" (first on line ${seen})`);
        series.periods.set(period, row.line);
        const numerator = input.count(row, 'numerator');
        const denominator = input.count(row, 'denominator');
        if (numerator !== null && denominator !== null && numerator > denominator) {
          throw input.error(row, 'numerator', `must be ≤ denominator for a proportion (got ${numerator} > ${denominator})`);
        }
        series.points.push({ numerator, denominator });
      }
      await output.write(['series', 'trend']);
      for (const [name, { points }] of bySeries) await output.write([name, recentTrend(points, polarity).label]);
    };
  },
};
