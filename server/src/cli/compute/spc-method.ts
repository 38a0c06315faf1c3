import type { CsvRecord } from '@pathfinder/fixtures';
import { spcAssurance, spcXmr, type SpcImprovement } from '@pathfinder/metrics';
import { booleanFlag, choiceFlag, numberFlag } from './compute-flags.ts';
import type { ComputeMethod } from './compute-method.ts';
import { InputError } from './input-csv.ts';

interface Series {
  readonly rows: CsvRecord[];
  readonly values: number[];
  readonly periods: Map<string, number>;
}

/** `compute spc`: XmR chart of each series (Making Data Count rules), per row; assurance per series with --target. */
export const spcMethod: ComputeMethod<'series' | 'period' | 'value'> = {
  usage: `spc [--improvement increase|decrease|neutral] [--screen-outliers true|false] [--target N]
      series,period,value (rows in period order within a series)
      → + mean,lpl,upl,point_type[,assurance]  (XmR, NHSRplotthedots rules; assurance only with
        --target; write a negative target as --target=-5)`,
  columns: ['series', 'period', 'value'],
  flags: ['improvement', 'screen-outliers', 'target'],
  prepare(flags) {
    const improvement = choiceFlag<SpcImprovement>(flags.improvement, 'improvement', ['increase', 'decrease', 'neutral'], 'increase');
    const screenOutliers = booleanFlag(flags['screen-outliers'], 'screen-outliers', true);
    const target = numberFlag(flags.target, 'target');
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
        chart.points.forEach((p, i) => results.set(series.rows[i]!, [p.mean, p.lpl, p.upl, p.pointType, ...assurance]));
      }
      await output.write(header);
      for (const row of order) await output.write([...row.fields, ...results.get(row)!]);
    };
  },
};
