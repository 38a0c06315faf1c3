import type { CsvRecord } from '@pathfinder/fixtures';
import { ITS_MIN_SEGMENT, interruptedTimeSeries, itsDefaultMaxlags, parsePeriod } from '@pathfinder/metrics';
import { integerFlag } from './compute-flags.ts';
import { computeMethod } from './compute-method.ts';
import { InputError } from './input-csv.ts';

interface Series {
  readonly rows: CsvRecord[];
  readonly periods: string[];
  readonly values: number[];
  /** The intervention column's value and the row that gave it first, when the file has the column. */
  intervention: { readonly period: string; readonly row: CsvRecord } | null;
}

const COEFFICIENTS = [
  ['baseline', 'baseline'],
  ['pre_slope', 'preSlope'],
  ['level_change', 'levelChange'],
  ['slope_change', 'slopeChange'],
] as const;

const OUTPUT = ['series', 'n', 'intervention', 'maxlags', ...COEFFICIENTS.flatMap(([name]) => [name, `${name}_lower95`, `${name}_upper95`])];

/** `compute its`: interrupted time series (segmented regression, Newey–West errors) of each series, one row per series. */
export const itsMethod = computeMethod({
  summary: 'interrupted time series (segmented regression with Newey–West errors) of each series, one row per series',
  description:
    'Segmented regression of each series, y = b0 + b1·t + b2·D + b3·(t − t0)·D, with t = 0…n−1 in period order and D = 1 from the intervention period t0 on, fitted by OLS with Newey–West (HAC) standard errors: Bartlett kernel, no small-sample correction, 95% limits from the normal distribution (statsmodels OLS with cov_type HAC, use_correction False, use_t False). baseline is b0, pre_slope b1 (per period), level_change b2 and slope_change b3. The intervention is the first period of the post-intervention segment: --intervention for every series, or an intervention column (the same on every row of a series). Rows are in period order within a series and every row needs a value; each segment needs at least 3 periods.',
  columns: ['series', 'period', 'value'],
  optionalColumns: ['intervention'],
  output: OUTPUT.join(','),
  options: {
    intervention: { type: 'string', arg: 'PERIOD', defaultText: 'the intervention column', description: 'first period after the intervention, for every series (overrides the column)' },
    maxlags: { type: 'string', arg: 'L', defaultText: 'floor(4·(n/100)^(2/9)) for each series', description: 'Newey–West lag truncation' },
  },
  examples: ['--in monthly.csv --out its.csv --intervention 2022-08', '--in series.csv --out its.csv --maxlags 2'],
  prepare(options) {
    const maxlags = options.maxlags === undefined ? undefined : integerFlag(options.maxlags, 'maxlags', 0);
    const given = options.intervention;
    return async (input, output) => {
      if (given === undefined && !input.has('intervention')) throw new InputError(`${input.file} line 1: needs --intervention or an "intervention" column (the first period after the intervention)`);
      const bySeries = new Map<string, Series>();
      for await (const row of input.rows()) {
        const name = input.text(row, 'series');
        const series: Series = bySeries.get(name) ?? { rows: [], periods: [], values: [], intervention: null };
        bySeries.set(name, series);
        const period = input.text(row, 'period');
        const seen = series.periods.indexOf(period);
        if (seen >= 0) throw input.error(row, 'period', `"${period}" appears twice in series "${name}" (first on line ${series.rows[seen]!.line})`);
        const previous = series.periods.at(-1);
        if (previous !== undefined && outOfOrder(previous, period)) throw input.error(row, 'period', `"${period}" comes before "${previous}": rows must be in period order within a series`);
        series.rows.push(row);
        series.periods.push(period);
        series.values.push(input.required(row, 'value', input.number(row, 'value'), 'the regression needs a value for every period; leave the period out instead'));
        if (given === undefined) {
          const intervention = input.text(row, 'intervention').trim();
          if (intervention === '') throw input.error(row, 'intervention', 'is empty (give the first period after the intervention on every row, or --intervention)');
          if (series.intervention === null) series.intervention = { period: intervention, row };
          else if (series.intervention.period !== intervention) throw input.error(row, 'intervention', `"${intervention}" differs from "${series.intervention.period}" on line ${series.intervention.row.line}: one intervention per series`);
        }
      }
      await output.write(OUTPUT);
      for (const [name, series] of bySeries) {
        const period = given ?? series.intervention!.period;
        const where = given === undefined ? `line ${series.intervention!.row.line}, column "intervention"` : `line ${series.rows[0]!.line} (series "${name}"), --intervention`;
        const t0 = series.periods.indexOf(period);
        if (t0 < 0) throw new InputError(`${input.file} ${where}: "${period}" is not a period of series "${name}" (${series.periods[0]} to ${series.periods.at(-1)})`);
        const before = t0, after = series.periods.length - t0;
        if (before < ITS_MIN_SEGMENT || after < ITS_MIN_SEGMENT) {
          throw new InputError(`${input.file} ${where}: series "${name}" has ${before} period(s) before "${period}" and ${after} from it; each segment needs at least ${ITS_MIN_SEGMENT}`);
        }
        const lags = maxlags ?? itsDefaultMaxlags(series.values.length);
        if (lags >= series.values.length) throw new InputError(`${input.file} line ${series.rows[0]!.line}: --maxlags ${lags} needs more than ${lags} periods in series "${name}" (it has ${series.values.length})`);
        const fit = interruptedTimeSeries(series.values, t0, lags);
        await output.write([name, fit.n, period, fit.maxlags, ...COEFFICIENTS.flatMap(([, key]) => [fit[key].estimate, fit[key].lower95, fit[key].upper95])]);
      }
    };
  },
});

/** Whether `next` is an earlier period than `previous`, when both are period labels the dashboard knows (otherwise file order is trusted). */
function outOfOrder(previous: string, next: string): boolean {
  try {
    return parsePeriod(next).start < parsePeriod(previous).start;
  } catch {
    return false;
  }
}
