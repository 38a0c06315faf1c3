import { crudeRate } from '@pathfinder/metrics';
import { positiveFlag } from './compute-flags.ts';
import { INTERVAL_COLUMNS, type ComputeMethod } from './compute-method.ts';

/** `compute rate`: crude rate and Poisson limits (exact below 10 events, Byar's from 10) on each row. */
export const rateMethod: ComputeMethod<'numerator' | 'denominator'> = {
  usage: `rate [--multiplier 100000]
      numerator,denominator → + ${INTERVAL_COLUMNS.join(',')}  (exact Poisson < 10 events, Byar's ≥ 10)`,
  columns: ['numerator', 'denominator'],
  flags: ['multiplier'],
  prepare(flags) {
    const multiplier = positiveFlag(flags.multiplier, 'multiplier', 100_000);
    return async (input, output) => {
      await output.write(input.headerWith(INTERVAL_COLUMNS));
      for await (const row of input.rows()) {
        const count = input.count(row, 'numerator');
        const denominator = input.positive(row, 'denominator');
        const ci95 = crudeRate(count, denominator, { multiplier, level: 0.95 });
        const ci998 = crudeRate(count, denominator, { multiplier, level: 0.998 });
        await output.write([...row.fields, ci95.value, ci95.lower, ci95.upper, ci998.lower, ci998.upper]);
      }
    };
  },
};
