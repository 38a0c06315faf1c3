import { funnelSignificance, type FunnelSignificance } from '@pathfinder/metrics';
import type { CsvRecord } from '@pathfinder/fixtures';
import type { ComputeMethod } from './compute-method.ts';

/** `compute funnel`: significance of each proportion against the pooled proportion of all rows (one funnel). */
export const funnelMethod: ComputeMethod<'group' | 'numerator' | 'denominator'> = {
  usage: `funnel
      group,numerator,denominator (one comparison set) → + funnel_significance
      (high-99.8, high-95, none, low-95 or low-99.8 against the pooled proportion;
       rows with an empty count are left out of the pool and get an empty label)`,
  columns: ['group', 'numerator', 'denominator'],
  flags: [],
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
};
