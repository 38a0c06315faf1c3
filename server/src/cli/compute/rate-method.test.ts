import { describe, expect, it } from 'vitest';
import { expectNumber, num, readShared, runCompute } from './compute-test-helpers.ts';

const FIXTURE = 'reference/phe_excel_fixtures/rate_byars.csv';
const OUTPUTS = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;
const TOLERANCE = 1e-6;

// PHEindicatormethods 2.1.0 phe_rate expected values (PHE Excel tool), reference README §2: exact limits below
// 10 events, Byar's from 10; Area12 has a count above its denominator (allowed for rates).
const reference = (await readShared(FIXTURE)).rows;

describe(`compute rate against ${FIXTURE}`, () => {
  it.each([
    { multiplier: '100', flags: ['--multiplier', '100'], rows: 8 },
    { multiplier: '100000', flags: [], rows: 12 },
  ])('reproduces the $rows rows per $multiplier to 1e-6', async ({ multiplier, flags, rows: expectedRows }) => {
    const rows = reference.filter((r) => r.multiplier === multiplier);
    expect(rows.length).toBe(expectedRows);
    const run = await runCompute('rate', { header: ['area', 'numerator', 'denominator', 'method'], rows: rows.map((r) => [r.area!, r.numerator!, r.denominator!, r.method!]) }, flags);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual(['area', 'numerator', 'denominator', 'method', ...OUTPUTS]);
    run.output!.rows.forEach((out, i) => {
      const expected = rows[i]!;
      expect([out.area, out.numerator, out.denominator, out.method]).toEqual([expected.area, expected.numerator, expected.denominator, expected.method]);
      for (const column of OUTPUTS) expectNumber(out[column], num(expected[column]), TOLERANCE, `${expected.area} per ${multiplier} ${column}`);
    });
  });
});
