import { recentTrend, type TrendPoint } from '@pathfinder/metrics';
import { computeMethod } from './compute-method.ts';

interface Series {
  readonly points: TrendPoint[];
  readonly periods: Map<string, number>;
}

/** `compute trend`: the recent-trend label (χ² test for trend over the last 5 periods) of each series. */
export const trendMethod = computeMethod({
  summary: 'recent-trend label of each series (χ² test for trend over the last 5 periods), one row per series',
  description:
    'The recent trend of each series: a χ² test for trend of the proportions over its last 5 periods at 99.8 %, labelled by polarity (increasing or decreasing for no-judgement, getting better or worse otherwise), no-significant-change, or cannot-be-calculated with fewer than 5 periods or a missing count among the last 5. Rows are in period order within a series.',
  columns: ['series', 'period', 'numerator', 'denominator'],
  output: 'series,trend',
  options: {
    polarity: { type: 'string', choices: ['higher-better', 'lower-better', 'no-judgement'], default: 'no-judgement', description: 'whether a higher proportion is better, worse, or neither' },
  },
  examples: ['--in quarterly.csv --out trends.csv --polarity higher-better'],
  prepare(options) {
    const polarity = options.polarity;
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
});
