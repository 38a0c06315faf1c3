import { wilsonInterval } from '@pathfinder/metrics';
import { positiveFlag } from './compute-flags.ts';
import { INTERVAL_COLUMNS, type ComputeMethod } from './compute-method.ts';

/** `compute proportion`: value and Wilson score limits (95 %, 99.8 %) of numerator / denominator on each row. */
export const proportionMethod: ComputeMethod<'numerator' | 'denominator'> = {
  usage: `proportion [--multiplier 100]
      numerator,denominator → + ${INTERVAL_COLUMNS.join(',')}  (Wilson score; empty count → empty results)`,
  columns: ['numerator', 'denominator'],
  flags: ['multiplier'],
  prepare(flags) {
    const multiplier = positiveFlag(flags.multiplier, 'multiplier', 100);
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
        const ci95 = wilsonInterval(numerator, denominator, 0.95);
        const ci998 = wilsonInterval(numerator, denominator, 0.998);
        const m = multiplier;
        await output.write([...row.fields, (numerator / denominator) * m, ci95.lower * m, ci95.upper * m, ci998.lower * m, ci998.upper * m]);
      }
    };
  },
};
