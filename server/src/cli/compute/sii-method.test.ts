import { describe, expect, it } from 'vitest';
import { referenceRows, type Row } from '../../../../metrics/test/phe-sii-testdata.ts';
import { expectNumber, runCompute } from './compute-test-helpers.ts';

// Input data and expected values from PHEindicatormethods, tests/testthat/testdata_SII.xlsx (the data its testSII.R
// checks phe_sii against), by record number; the rows are typed once, in metrics/test/phe-sii-testdata.ts.
// records 61–70: "default - testing quintiles" (value_type 0), the first five quantiles of records 1–20
const QUINTILES = referenceRows('LIFE_EXPECTANCY', { quintiles: true });
// records 131–140: "proportion - testing multiplier (x -100)" (value_type 2, limits given), area1 of records 91–110
const PROPORTIONS = referenceRows('PROPORTION', { area: 'area1' });

const HEADER = ['group', 'quantile', 'population', 'value'];
const OUTPUT = ['group', 'sii', 'rii', 'sii_lower95', 'sii_upper95', 'rii_lower95', 'rii_upper95'];
const INTERVALS = ['sii_lower95', 'sii_upper95', 'rii_lower95', 'rii_upper95'] as const;

const withSe = (rows: readonly Row[]) => ({ header: [...HEADER, 'se'], rows: rows.map(([g, q, p, v, , , se]) => [g, q, p, v, se]) });
const withLimits = (rows: readonly Row[]) => ({ header: [...HEADER, 'lower95', 'upper95'], rows: rows.map(([g, q, p, v, l, u]) => [g, q, p, v, l, u]) });
const valuesOnly = (rows: readonly Row[]) => ({ header: HEADER, rows: rows.map(([g, q, p, v]) => [g, q, p, v]) });

describe('compute sii against PHEindicatormethods testdata_SII.xlsx', () => {
  it('reproduces records 61 and 66 (quintiles) to 1e-6 from the four required columns, limits empty', async () => {
    const run = await runCompute('sii', valuesOnly(QUINTILES));
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual(OUTPUT);
    const [area1, area2] = run.output!.rows;
    expect([area1?.group, area2?.group]).toEqual(['area1', 'area2']);
    expectNumber(area1?.sii, 7.9193341471008738, 1e-6, 'area1 sii');
    expectNumber(area1?.rii, 1.1037116952527257, 1e-6, 'area1 rii');
    expectNumber(area2?.sii, 3.6215563376545648, 1e-6, 'area2 sii');
    expectNumber(area2?.rii, 1.0513892712719326, 1e-6, 'area2 rii');
    for (const column of INTERVALS) expect(area1?.[column], column).toBe('');
  });

  it('reproduces record 131 with --multiplier=-100 --value-type proportion: SII negated and scaled, RII inverted, limits within simulation error', async () => {
    const run = await runCompute('sii', withLimits(PROPORTIONS), ['--multiplier=-100', '--value-type', 'proportion']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.output!.rows[0]!;
    expectNumber(out.sii, 10.720032333730494, 1e-6, 'sii');
    expectNumber(out.rii, 1.8747602744744141, 1e-6, 'rii');
    // The workbook's limits are simulated too (100,000 repetitions, R's generator): allow 2% of each interval's width.
    const sii = [10.217980621454609, 11.220857220984691];
    const rii = [1.8176733941416052, 1.9337597570831719];
    expectNumber(out.sii_lower95, sii[0]!, 0.02 * (sii[1]! - sii[0]!), 'sii_lower95');
    expectNumber(out.sii_upper95, sii[1]!, 0.02 * (sii[1]! - sii[0]!), 'sii_upper95');
    expectNumber(out.rii_lower95, rii[0]!, 0.02 * (rii[1]! - rii[0]!), 'rii_lower95');
    expectNumber(out.rii_upper95, rii[1]!, 0.02 * (rii[1]! - rii[0]!), 'rii_upper95');
  });
});

describe('compute sii: limits', () => {
  it('gives limits from se around the SII, the same file for the same seed and other limits for another seed', async () => {
    const first = await runCompute('sii', withSe(QUINTILES), ['--repetitions', '2000']);
    const second = await runCompute('sii', withSe(QUINTILES), ['--repetitions', '2000']);
    const reseeded = await runCompute('sii', withSe(QUINTILES), ['--repetitions', '2000', '--seed', '2']);
    expect(first.code, first.stderr).toBe(0);
    expect(second.text).toBe(first.text);
    expect(reseeded.output!.rows[0]!.sii).toBe(first.output!.rows[0]!.sii);
    expect(reseeded.output!.rows[0]!.sii_lower95).not.toBe(first.output!.rows[0]!.sii_lower95);
    for (const row of first.output!.rows) {
      expect(Number(row.sii_lower95)).toBeLessThan(Number(row.sii));
      expect(Number(row.sii_upper95)).toBeGreaterThan(Number(row.sii));
      expect(Number(row.rii_lower95)).toBeLessThan(Number(row.rii));
      expect(Number(row.rii_upper95)).toBeGreaterThan(Number(row.rii));
    }
  });

  it('derives the standard errors from lower95 and upper95 when there is no se column', async () => {
    const run = await runCompute('sii', withLimits(QUINTILES), ['--repetitions', '2000']);
    expect(run.code, run.stderr).toBe(0);
    for (const column of INTERVALS) expect(run.output!.rows[0]![column], column).not.toBe('');
  });

  it('leaves the limits of a group empty when one of its quantiles has no se, and everything empty for a group with an empty value', async () => {
    const input = withSe(QUINTILES);
    input.rows[1]![4] = '';
    input.rows[7]![3] = '';
    const run = await runCompute('sii', input, ['--repetitions', '1000']);
    expect(run.code, run.stderr).toBe(0);
    const [area1, area2] = run.output!.rows;
    expectNumber(area1?.sii, 7.9193341471008738, 1e-6, 'area1 sii');
    for (const column of INTERVALS) expect(area1?.[column], column).toBe('');
    expect(run.text!.split('\n')[2]).toBe('area2,,,,,,');
    expect(area2?.group).toBe('area2');
  });
});

describe('compute sii: invalid input exits with code 2 and writes nothing', () => {
  it.each([
    { case: 'a non-numeric population', set: { row: 2, column: 2, value: 'many' }, message: 'line 4, column "population": expected a number (got "many")' },
    { case: 'a quantile twice in a group', set: { row: 3, column: 1, value: 2 }, message: 'line 5, column "quantile": 2 appears twice in group "area1" (first on line 3)' },
    { case: 'a fractional quantile', set: { row: 0, column: 1, value: 1.5 }, message: 'line 2, column "quantile": must be a whole number (got 1.5)' },
    { case: 'a negative standard error', set: { row: 6, column: 4, value: -0.2 }, message: 'line 8, column "se": must be ≥ 0 (got -0.2)' },
    { case: 'quantiles not numbered 1 to k', set: { row: 9, column: 1, value: 6 }, message: 'line 7: group "area2": quantiles must be numbered 1 to 5, each once (got 1, 2, 3, 4, 6)' },
  ])('$case', async ({ set, message }) => {
    const input = withSe(QUINTILES);
    (input.rows[set.row] as (string | number)[])[set.column] = set.value;
    const run = await runCompute('sii', input);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.output).toBeNull();
    expect(run.leftovers).toEqual([]);
  });

  it('names the line and column of a proportion above 1 under --value-type proportion', async () => {
    const input = withLimits(PROPORTIONS);
    (input.rows[4] as (string | number)[])[3] = 17.5;
    const run = await runCompute('sii', input, ['--value-type', 'proportion']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 6, column "value": must be between 0 and 1 for a proportion (got 17.5)');
    expect(run.output).toBeNull();
  });

  it('names the line and column of limits the wrong way round', async () => {
    const input = withLimits(QUINTILES);
    (input.rows[2] as (string | number)[])[4] = 99;
    const run = await runCompute('sii', input);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 4, column "lower95": must be ≤ upper95 (got 99 > 86.8023966958549)');
  });

  it.each([
    { case: 'fewer than five quantiles', input: valuesOnly(QUINTILES.slice(0, 4)), message: 'line 2: group "area1": the SII needs between 5 and 100 quantiles (got 4)' },
    { case: 'a lower95 column without upper95', input: { header: [...HEADER, 'lower95'], rows: QUINTILES.map(([g, q, p, v, l]) => [g, q, p, v, l]) }, message: 'line 1: column "lower95" needs "upper95" too' },
    { case: 'a missing value column', input: { header: ['group', 'quantile', 'population'], rows: [['a', 1, 10]] }, message: 'line 1: missing column "value"' },
  ])('$case', async ({ input, message }) => {
    const run = await runCompute('sii', input);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.output).toBeNull();
  });

  it.each([
    { case: 'a zero multiplier', flags: ['--multiplier', '0'], message: '--multiplier must be a number other than 0 (got "0")' },
    { case: 'an unknown value type', flags: ['--value-type', 'percent'], message: '--value-type must be normal, rate or proportion (got "percent")' },
    { case: 'fewer than 1,000 repetitions', flags: ['--repetitions', '999'], message: '--repetitions must be a whole number ≥ 1000 (got "999")' },
    { case: 'a fractional seed', flags: ['--seed', '1.5'], message: '--seed must be a whole number (got "1.5")' },
  ])('exits 2 pointing to --help for $case', async ({ flags, message }) => {
    const run = await runCompute('sii', valuesOnly(QUINTILES), flags);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("See 'pnpm pathfinder compute sii --help'");
    expect(run.output).toBeNull();
  });
});
