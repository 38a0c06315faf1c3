import { crudeRateValue } from '@pathfinder/metrics';
import { positiveFlag } from './compute-flags.ts';
import { INTERVAL_COLUMNS, computeMethod } from './compute-method.ts';

/** `compute rate`: crude rate and Poisson limits (exact below 10 events, Byar's from 10) on each row. */
export const rateMethod = computeMethod({
  summary: "crude rate with Poisson limits (exact below 10 events, Byar's from 10), on each row",
  description:
    "The crude rate numerator / denominator of each row, times the multiplier, with Poisson confidence limits at 95 % and 99.8 %: exact below 10 events, Byar's approximation from 10 (as PHEindicatormethods' phe_rate). A count may exceed its denominator; a row with an empty count or denominator gets empty results.",
  columns: ['numerator', 'denominator'],
  output: `+ ${INTERVAL_COLUMNS.join(',')}`,
  options: { multiplier: { type: 'string', arg: 'M', default: '100000', description: 'rate per M of the denominator, > 0' } },
  examples: ['--in deaths.csv --out rates.csv --multiplier 1000'],
  prepare(options) {
    const multiplier = positiveFlag(options.multiplier, 'multiplier');
    return async (input, output) => {
      await output.write(input.headerWith(INTERVAL_COLUMNS));
      for await (const row of input.rows()) {
        const count = input.count(row, 'numerator');
        const denominator = input.positive(row, 'denominator');
        const v = crudeRateValue(count, denominator, multiplier);
        await output.write([...row.fields, v.value, v.lower95, v.upper95, v.lower998, v.upper998]);
      }
    };
  },
});
