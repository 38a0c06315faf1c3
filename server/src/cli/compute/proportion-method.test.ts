import { describe, expect, it } from 'vitest';
import { expectNumber, num, readShared, runCompute } from './compute-test-helpers.ts';

const FIXTURE = 'reference/phe_excel_fixtures/proportion_wilson.csv';
const OUTPUTS = ['value', 'lower95', 'upper95', 'lower998', 'upper998'] as const;
const TOLERANCE = 1e-6;

// PHEindicatormethods 2.1.0 phe_proportion expected values (PHE Excel tool), reference README §2.
const reference = (await readShared(FIXTURE)).rows;

describe(`compute proportion against ${FIXTURE}`, () => {
  it.each([
    { multiplier: '1', flags: ['--multiplier', '1'] },
    { multiplier: '100', flags: [] },
  ])('reproduces the rows with multiplier $multiplier (flags $flags) to 1e-6, missing inputs giving empty outputs', async ({ multiplier, flags }) => {
    // The missing-input rows (Area09–11) are listed with multiplier 1; they are run with both multipliers.
    const rows = reference.filter((r) => r.multiplier === multiplier || r.value === '');
    const run = await runCompute('proportion', { header: ['area', 'numerator', 'denominator'], rows: rows.map((r) => [r.area!, r.numerator!, r.denominator!]) }, flags);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual(['area', 'numerator', 'denominator', ...OUTPUTS]);
    expect(run.output!.rows.map((r) => [r.area, r.numerator, r.denominator])).toEqual(rows.map((r) => [r.area, r.numerator, r.denominator]));
    expect(rows.length).toBe(11);
    run.output!.rows.forEach((out, i) => {
      for (const column of OUTPUTS) expectNumber(out[column], num(rows[i]![column]), TOLERANCE, `${rows[i]!.area} ×${multiplier} ${column}`);
    });
  });
});
