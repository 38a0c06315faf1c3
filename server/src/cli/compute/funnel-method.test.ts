import { describe, expect, it } from 'vitest';
import { readShared, runCompute } from './compute-test-helpers.ts';

const FIXTURE = 'reference/phe_excel_fixtures/funnel_proportion_inputs.csv';

const LABELS: Record<string, string> = {
  'High (0.001)': 'high-99.8',
  'High (0.025)': 'high-95',
  'Not significant': 'none',
  'Low (0.025)': 'low-95',
  'Low (0.001)': 'low-99.8',
};

// Expected labels of PHEindicatormethods 2.1.0 assign_funnel_significance(statistic = "proportion") (PHE Excel tool).
const reference = (await readShared(FIXTURE)).rows;
const input = { header: ['group', 'numerator', 'denominator'], rows: reference.map((r) => [r.area!, r.numerator!, r.denominator!]) };

describe(`compute funnel against ${FIXTURE}`, () => {
  it('gives the reference significance of all 303 areas', async () => {
    const run = await runCompute('funnel', input);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual(['group', 'numerator', 'denominator', 'funnel_significance']);
    expect(reference).toHaveLength(303);
    expect(run.output!.rows.map((r) => [r.group, r.numerator, r.funnel_significance])).toEqual(reference.map((r) => [r.area, r.numerator, LABELS[r.significance!]]));
    expect(new Set(run.output!.rows.map((r) => r.funnel_significance))).toEqual(new Set(Object.values(LABELS)));
  });

  it('leaves rows with an empty count out of the pooled proportion and gives them an empty label', async () => {
    const rows = [...input.rows.slice(0, 150), ['no numerator', '', '5000'], ['no denominator', '4000', ''], ...input.rows.slice(150)];
    const run = await runCompute('funnel', { header: input.header, rows });
    expect(run.code, run.stderr).toBe(0);
    const labels = run.output!.rows.map((r) => r.funnel_significance);
    expect(labels.slice(150, 152)).toEqual(['', '']);
    expect([...labels.slice(0, 150), ...labels.slice(152)]).toEqual(reference.map((r) => LABELS[r.significance!]));
  });
});
