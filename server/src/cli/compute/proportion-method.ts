import { proportionValue } from '@pathfinder/metrics';
import { positiveFlag } from './compute-flags.ts';
import { INTERVAL_COLUMNS, computeMethod } from './compute-method.ts';

/** `compute proportion`: value and Wilson score limits (95 %, 99.8 %) of numerator / denominator on each row. */
export const proportionMethod = computeMethod({
  summary: 'numerator / denominator with Wilson score limits (95 %, 99.8 %), on each row',
  description:
    "The proportion numerator / denominator of each row, times the multiplier, with its Wilson score confidence limits at 95 % and 99.8 % (as PHEindicatormethods' phe_proportion). A row with an empty count gets empty results; a numerator above its denominator is an error.",
  columns: ['numerator', 'denominator'],
  output: `+ ${INTERVAL_COLUMNS.join(',')}`,
  options: { multiplier: { type: 'string', arg: 'M', default: '100', description: 'scale of value and limits, > 0: 100 for percentages, 1 for fractions' } },
  examples: ['--in cover.csv --out cover_pct.csv', '--in cover.csv --out cover_fraction.csv --multiplier 1'],
  prepare(options) {
    const multiplier = positiveFlag(options.multiplier, 'multiplier');
    return async (input, output) => {
      await output.write(input.headerWith(INTERVAL_COLUMNS));
      for await (const row of input.rows()) {
        const numerator = input.count(row, 'numerator');
        const denominator = input.positive(row, 'denominator');
        if (numerator === null || denominator === null) {
          await output.write([...row.fields, null, null, null, null, null]);
          continue;
        }
        if (numerator > denominator) throw input.error(row, 'numerator', `must be ≤ denominator for a proportion (got ${numerator} > ${denominator})`);
        const v = proportionValue(numerator, denominator, multiplier);
        await output.write([...row.fields, v.value, v.lower95, v.upper95, v.lower998, v.upper998]);
      }
    };
  },
});
