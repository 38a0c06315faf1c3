import type { CsvRecord } from '@pathfinder/fixtures';
import { spcAssurance, spcXmr } from '@pathfinder/metrics';
import { numberFlag } from './compute-flags.ts';
import { computeMethod } from './compute-method.ts';
import { InputError } from './input-csv.ts';

interface Series {
  readonly rows: CsvRecord[];
  readonly values: number[];
  readonly periods: Map<string, number>;
}

/** `compute spc`: XmR chart of each series (Making Data Count rules), per row; assurance per series with --target. */
export const spcMethod = computeMethod({
  summary: 'XmR chart of each series (Making Data Count rules), on each row',
  description:
    'An XmR chart of each series: mean, lower and upper process limits and the point type of every row, by the NHSRplotthedots rules of Making Data Count. Rows are in period order within a series, each series has at least 2 values, and every row needs a value (leave a period out instead). With --target, the assurance of each series against it.',
  columns: ['series', 'period', 'value'],
  output: '+ mean,lpl,upl,point_type, and assurance with --target',
  options: {
    improvement: { type: 'string', choices: ['increase', 'decrease', 'neutral'], default: 'increase', description: 'which direction is an improvement' },
    'screen-outliers': { type: 'string', choices: ['true', 'false'], default: 'true', description: 'drop moving ranges ≥ 3.267 × their average before setting the limits' },
    target: { type: 'string', arg: 'T', defaultText: 'none, and no assurance column', description: 'target for the assurance column; write a negative one as --target=-5' },
  },
  examples: ['--in monthly.csv --out spc.csv --improvement increase --screen-outliers true --target 95'],
  prepare(options) {
    const improvement = options.improvement;
    const screenOutliers = options['screen-outliers'] === 'true';
    const target = numberFlag(options.target, 'target');
    const added = ['mean', 'lpl', 'upl', 'point_type', ...(target === undefined ? [] : ['assurance'])];
    return async (input, output) => {
      const header = input.headerWith(added);
      const bySeries = new Map<string, Series>();
      const order: CsvRecord[] = [];
      for await (const row of input.rows()) {
        const name = input.text(row, 'series');
        const series: Series = bySeries.get(name) ?? { rows: [], values: [], periods: new Map() };
        bySeries.set(name, series);
        const period = input.text(row, 'period');
        const seen = series.periods.get(period);
        if (seen !== undefined) throw input.error(row, 'period', `"${period}" appears twice in series "${name}" (first on line ${seen})`);
        series.periods.set(period, row.line);
        series.rows.push(row);
        series.values.push(input.required(row, 'value', input.number(row, 'value'), 'SPC needs a value for every period; leave the period out instead'));
        order.push(row);
      }
      const results = new Map<CsvRecord, (string | number | null)[]>();
      for (const [name, series] of bySeries) {
        if (series.values.length < 2) {
          throw new InputError(`${input.file} line ${series.rows[0]!.line}: series "${name}" has ${series.values.length} value; SPC needs at least 2`);
        }
        const chart = spcXmr(series.values, { improvement, screenOutliers });
        const assurance = target === undefined ? [] : [spcAssurance(chart, target)];
        for (const [i, p] of chart.points.entries()) results.set(series.rows[i]!, [p.mean, p.lpl, p.upl, p.pointType, ...assurance]);
      }
      await output.write(header);
      for (const row of order) await output.write([...row.fields, ...results.get(row)!]);
    };
  },
});
