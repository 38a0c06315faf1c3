import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../../test/cli-io.ts';
import { runCli } from '../run-cli.ts';
import { runCompute } from './compute-test-helpers.ts';

const METHODS = [
  { method: 'proportion', input: ['numerator', 'denominator'], output: ['numerator', 'denominator', 'value', 'lower95', 'upper95', 'lower998', 'upper998'] },
  { method: 'rate', input: ['numerator', 'denominator'], output: ['numerator', 'denominator', 'value', 'lower95', 'upper95', 'lower998', 'upper998'] },
  { method: 'dsr', input: ['group', 'ageband', 'numerator', 'denominator', 'standard_population'], output: ['group', 'total_count', 'value', 'lower95', 'upper95', 'lower998', 'upper998'] },
  { method: 'spc', input: ['series', 'period', 'value'], output: ['series', 'period', 'value', 'mean', 'lpl', 'upl', 'point_type'] },
  { method: 'funnel', input: ['group', 'numerator', 'denominator'], output: ['group', 'numerator', 'denominator', 'funnel_significance'] },
  { method: 'trend', input: ['series', 'period', 'numerator', 'denominator'], output: ['series', 'trend'] },
  { method: 'sii', input: ['group', 'quantile', 'population', 'value'], output: ['group', 'sii', 'rii', 'sii_lower95', 'sii_upper95', 'rii_lower95', 'rii_upper95'] },
];

const COUNTS = ['numerator', 'denominator'];

describe('pathfinder compute: input and output files', () => {
  it.each(METHODS)('$method: a header-only input gives a header-only output with the output columns', async ({ method, input, output }) => {
    const run = await runCompute(method, { header: input, rows: [] });
    expect(run.code, run.stderr).toBe(0);
    expect(run.text).toBe(`${output.join(',')}\n`);
  });

  it('writes numbers as their shortest round-trip text, empty results as empty fields, and quotes passed-through fields only when needed', async () => {
    const run = await runCompute('proportion', { header: ['name', ...COUNTS], rows: [['Barking, "east"', 1, 3], ['none', '', 3]] }, ['--multiplier', '1']);
    expect(run.code, run.stderr).toBe(0);
    const [first, second] = run.text!.trimEnd().split('\n').slice(1);
    expect(first).toMatch(new RegExp(`^"Barking, ""east""",1,3,${String(1 / 3).replace('.', '\\.')},0\\.\\d{12,},`));
    expect(second).toBe('none,,3,,,,,');
  });

  it('allows a count above its denominator for a rate but not for a proportion or a funnel', async () => {
    expect((await runCompute('rate', { header: COUNTS, rows: [[250, 220]] })).code).toBe(0);
    for (const method of ['proportion', 'funnel']) {
      const run = await runCompute(method, { header: ['group', ...COUNTS], rows: [['a', 1, 2], ['b', 7, 5]] });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('line 3, column "numerator": must be ≤ denominator for a proportion (got 7 > 5)');
    }
  });
});

describe('pathfinder compute: invalid input exits with code 2 and writes nothing', () => {
  it('names line 4 and the column of a non-numeric numerator', async () => {
    const run = await runCompute('proportion', { header: COUNTS, rows: [[1, 2], [3, 4], ['abc', 5], [1, 6]] });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.csv line 4, column "numerator": expected a number \(got "abc"\)/);
    expect(run.output).toBeNull();
    expect(run.leftovers).toEqual([]);
  });

  it.each([
    { case: 'a negative numerator', method: 'rate', header: COUNTS, row: [-1, 10], message: 'line 2, column "numerator": must be ≥ 0 (got -1)' },
    { case: 'a zero denominator', method: 'proportion', header: COUNTS, row: [0, 0], message: 'line 2, column "denominator": must be > 0 (got 0)' },
    { case: 'a number with a thousands separator', method: 'rate', header: COUNTS, row: [1, '1,000'], message: 'line 2, column "denominator": expected a number (got "1,000")' },
    { case: 'NA', method: 'funnel', header: ['group', ...COUNTS], row: ['a', 'NA', 10], message: 'line 2, column "numerator": expected a number (got "NA")' },
    { case: 'an empty DSR population', method: 'dsr', header: METHODS[2]!.input, row: ['a', '0-4', 3, '', 5000], message: 'line 2, column "denominator": is empty (every age band needs one)' },
    { case: 'an empty SPC value', method: 'spc', header: ['series', 'period', 'value'], row: ['a', 'p1', ''], message: 'line 2, column "value": is empty' },
    { case: 'a missing column', method: 'trend', header: ['series', 'period', 'numerator'], row: ['a', 'p1', 1], message: 'line 1: missing column "denominator"' },
    { case: 'an output column already in the input', method: 'proportion', header: [...COUNTS, 'value'], row: [1, 2, 3], message: 'the input already has a column "value"' },
    { case: 'a row with too few fields', method: 'rate', header: [...COUNTS, 'note'], row: [1, 2], message: 'line 2: 2 fields, but the header has 3 columns' },
  ])('$case', async ({ method, header, row, message }) => {
    const run = await runCompute(method, { header, rows: [row] });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.output).toBeNull();
  });

  it.each([
    { case: 'an age band twice in a DSR group', method: 'dsr', rows: [['a', '0-4', 1, 10, 5000], ['a', '0-4', 1, 10, 5000]], message: 'line 3, column "ageband": "0-4" appears twice in group "a" (first on line 2)' },
    { case: 'a period twice in an SPC series', method: 'spc', rows: [['s', 'p1', 1], ['s', 'p2', 2], ['s', 'p1', 3]], message: 'line 4, column "period": "p1" appears twice in series "s" (first on line 2)' },
    { case: 'an SPC series of one value', method: 'spc', rows: [['s', 'p1', 1], ['t', 'p1', 1], ['s', 'p2', 2]], message: 'line 3: series "t" has 1 value; SPC needs at least 2' },
  ])('$case', async ({ method, rows, message }) => {
    const header = METHODS.find((m) => m.method === method)!.input;
    const run = await runCompute(method, { header, rows });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.output).toBeNull();
  });
});

describe('pathfinder compute: usage', () => {
  let dir: string;
  let io: { stdout: string; stderr: string; out(s: string): void; err(s: string): void };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pf-compute-usage-'));
    io = captureIo();
    await writeFile(path.join(dir, 'in.csv'), 'numerator,denominator\n1,2\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const inFile = () => path.join(dir, 'in.csv');
  const outFile = () => path.join(dir, 'out.csv');

  it('rejects an unknown method with exit code 2, pointing to compute --help', async () => {
    expect(await runCli(['compute', 'frobnicate', '--in', inFile(), '--out', outFile()], io)).toBe(2);
    expect(io.stderr).toContain('unknown compute method "frobnicate"');
    expect(io.stderr).toContain("See 'pnpm pathfinder compute --help'.");
    expect(existsSync(outFile())).toBe(false);
  });

  it.each([
    { case: 'no method', args: [], message: 'compute needs a method' },
    { case: 'missing --in', args: ['rate', '--out', 'OUT'], message: 'compute rate needs --in IN.csv' },
    { case: 'missing --out', args: ['rate', '--in', 'IN'], message: 'compute rate needs --out OUT.csv' },
    { case: 'an input file that does not exist', args: ['rate', '--in', 'NOPE', '--out', 'OUT'], message: 'no such file' },
    { case: 'the same file for --in and --out', args: ['rate', '--in', 'IN', '--out', 'IN'], message: '--out must be a different file from --in' },
    { case: 'a flag of another method', args: ['proportion', '--in', 'IN', '--out', 'OUT', '--polarity', 'higher-better'], message: "Unknown option '--polarity'" },
    { case: 'a positional after the method', args: ['rate', 'extra', '--in', 'IN', '--out', 'OUT'], message: 'extra' },
    { case: 'a zero multiplier', args: ['rate', '--in', 'IN', '--out', 'OUT', '--multiplier', '0'], message: '--multiplier must be a number > 0 (got "0")' },
    { case: 'an unknown improvement', args: ['spc', '--in', 'IN', '--out', 'OUT', '--improvement', 'up'], message: '--improvement must be increase, decrease or neutral (got "up")' },
    { case: 'a screen-outliers other than true or false', args: ['spc', '--in', 'IN', '--out', 'OUT', '--screen-outliers', 'yes'], message: '--screen-outliers must be true or false (got "yes")' },
    { case: 'a non-numeric target', args: ['spc', '--in', 'IN', '--out', 'OUT', '--target', 'high'], message: '--target must be a number (got "high")' },
    { case: 'an unknown polarity', args: ['trend', '--in', 'IN', '--out', 'OUT', '--polarity', 'up'], message: '--polarity must be higher-better, lower-better or no-judgement (got "up")' },
  ])('exits 2 pointing to --help for $case', async ({ args, message }) => {
    const resolved = args.map((a) => (a === 'IN' ? inFile() : a === 'OUT' ? outFile() : a === 'NOPE' ? path.join(dir, 'nope.csv') : a));
    expect(await runCli(['compute', ...resolved], io)).toBe(2);
    expect(io.stderr).toContain(message);
    expect(io.stderr).toMatch(/See 'pnpm pathfinder compute( [a-z]+)? --help'\.\n$/);
    expect(existsSync(outFile())).toBe(false);
  });

  it('prints the usage with every method for --help and exits 0', async () => {
    expect(await runCli(['compute', '--help'], io)).toBe(0);
    for (const { method } of METHODS) expect(io.stdout).toMatch(new RegExp(`^  ${method}\\b`, 'm'));
  });

  it('leaves an existing output file untouched when the input is invalid', async () => {
    await writeFile(inFile(), 'numerator,denominator\n1,2\n-3,4\n');
    await writeFile(outFile(), 'previous results\n');
    expect(await runCli(['compute', 'proportion', '--in', inFile(), '--out', outFile()], io)).toBe(2);
    expect(await readFile(outFile(), 'utf8')).toBe('previous results\n');
    expect((await readdir(dir)).sort()).toEqual(['in.csv', 'out.csv']);
  });

  it('rejects an input that is not UTF-8 text with exit code 2', async () => {
    await writeFile(inFile(), Buffer.from([...Buffer.from('numerator,denominator\n1,2\n'), 0xff, 0x0a]));
    expect(await runCli(['compute', 'rate', '--in', inFile(), '--out', outFile()], io)).toBe(2);
    expect(io.stderr).toContain('not valid UTF-8');
    expect(existsSync(outFile())).toBe(false);
  });

  it('is registered as `pathfinder compute`', async () => {
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/^ {2}compute\b/m);
    expect(await runCli(['compute', 'rate', '--in', inFile(), '--out', outFile()], io)).toBe(0);
    expect(await readFile(outFile(), 'utf8')).toMatch(/^numerator,denominator,value,lower95,upper95,lower998,upper998\n1,2,50000,/);
  });
});
