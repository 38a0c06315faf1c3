import { funnelSignificance, type FunnelSignificance } from '@pathfinder/metrics';
import type { CsvRecord } from '@pathfinder/fixtures';
import { computeMethod } from './compute-method.ts';

/** `compute funnel`: significance of each proportion against the pooled proportion of all rows (one funnel). */
export const funnelMethod = computeMethod({
  summary: 'significance of each proportion against the pooled proportion of all rows',
  description:
    'Compares the proportion of each row with the pooled proportion of all rows (one comparison set, one funnel) at 95 % and 99.8 %: high-99.8, high-95, none, low-95 or low-99.8. Rows with an empty count are left out of the pool and get an empty label; a numerator above its denominator is an error.',
  columns: ['group', 'numerator', 'denominator'],
  output: '+ funnel_significance',
  options: {},
  examples: ['--in boroughs.csv --out funnel.csv'],
  prepare() {
    return async (input, output) => {
      const header = input.headerWith(['funnel_significance']);
      const rows: { row: CsvRecord; point: { numerator: number; denominator: number } | null }[] = [];
      for await (const row of input.rows()) {
        const numerator = input.count(row, 'numerator');
        const denominator = input.positive(row, 'denominator');
        if (numerator !== null && denominator !== null && numerator > denominator) {
          throw input.error(row, 'numerator', `must be ≤ denominator for a proportion (got ${numerator} > ${denominator})`);
        }
        rows.push({ row, point: numerator === null || denominator === null ? null : { numerator, denominator } });
      }
      const points = rows.flatMap((r) => (r.point ? [r.point] : []));
      const labels = points.length === 0 ? [] : funnelSignificance({ statistic: 'proportion', points });
      let next = 0;
      await output.write(header);
      for (const { row, point } of rows) {
        const label: FunnelSignificance | null = point ? labels[next++]! : null;
        await output.write([...row.fields, label]);
      }
    };
  },
});
