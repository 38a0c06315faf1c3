import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNumber, num, readShared, runCompute, sharedDir, type Row } from './compute-test-helpers.ts';

const SPC_DIR = 'reference/peer_package_outputs';
const TOLERANCE = 1e-6;
const HEADER = ['series', 'period', 'value', 'mean', 'lpl', 'upl', 'point_type'];

// NHSRplotthedots 0.2.2 ptd_spc outputs, improvement_direction "increase"; only S1_screen_false was run with
// screen_outliers FALSE (reference README §3).
const files = readdirSync(path.join(sharedDir, SPC_DIR)).filter((f) => /^spc_.*\.csv$/.test(f)).sort();
const reference = await Promise.all(files.map(async (file) => ({ file, screen: !file.includes('screen_false'), rows: (await readShared(`${SPC_DIR}/${file}`)).rows })));

const input = (series: { file: string; rows: Row[] }[]) => ({
  header: ['series', 'period', 'value'],
  rows: series.flatMap(({ file, rows }) => rows.map((r) => [file, r.x!, r.y!])),
});

function expectChart(out: Row[], rows: Row[], file: string): void {
  expect(out).toHaveLength(rows.length);
  rows.forEach((r, i) => {
    const o = out[i]!;
    expect([o.series, o.period, o.value]).toEqual([file, r.x, r.y]);
    expectNumber(o.mean, num(r.mean_col), TOLERANCE, `${file} ${r.x} mean`);
    expectNumber(o.lpl, num(r.lpl), TOLERANCE, `${file} ${r.x} lpl`);
    expectNumber(o.upl, num(r.upl), TOLERANCE, `${file} ${r.x} upl`);
  });
  expect(out.map((o) => o.point_type)).toEqual(rows.map((r) => r.point_type));
}

const SWAPPED: Record<string, string> = {
  common_cause: 'common_cause',
  special_cause_improvement: 'special_cause_concern',
  special_cause_concern: 'special_cause_improvement',
};

describe(`compute spc against NHSRplotthedots 0.2.2 (${SPC_DIR}/spc_*.csv)`, () => {
  it('covers the nine reference files', () => expect(files).toHaveLength(9));

  it.each(reference)('$file (screen outliers $screen): mean, lpl, upl to 1e-6 and every point_type', async ({ file, screen, rows }) => {
    const run = await runCompute('spc', input([{ file, rows }]), ['--screen-outliers', String(screen)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual(HEADER);
    expectChart(run.output!.rows, rows, file);
  });

  it('computes each series of one file on its own (series interleaved row by row)', async () => {
    const screened = reference.filter((r) => r.screen);
    const interleaved = screened
      .flatMap(({ file, rows }, s) => rows.map((r, i) => ({ order: i * screened.length + s, row: [file, r.x!, r.y!] })))
      .sort((a, b) => a.order - b.order)
      .map((x) => x.row);
    const run = await runCompute('spc', { header: ['series', 'period', 'value'], rows: interleaved });
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.rows.map((o) => [o.series, o.period])).toEqual(interleaved.map((r) => [r[0], r[1]]));
    for (const { file, rows: expected } of screened) expectChart(run.output!.rows.filter((o) => o.series === file), expected, file);
  });

  it.each(reference)('$file with --improvement decrease swaps improvement and concern', async ({ file, screen, rows }) => {
    const run = await runCompute('spc', input([{ file, rows }]), ['--screen-outliers', String(screen), '--improvement', 'decrease']);
    expect(run.output!.rows.map((o) => o.point_type)).toEqual(rows.map((r) => SWAPPED[r.point_type!]));
  });

  it('labels special causes neutral_high / neutral_low with --improvement neutral', async () => {
    const { file, rows } = reference.find((r) => r.file === 'spc_S3_shift.csv')!;
    const run = await runCompute('spc', input([{ file, rows }]), ['--improvement', 'neutral']);
    const expected = rows.map((r) => ({ special_cause_improvement: 'special_cause_neutral_high', special_cause_concern: 'special_cause_neutral_low' })[r.point_type as string] ?? r.point_type);
    expect(run.output!.rows.map((o) => o.point_type)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(['special_cause_neutral_low', 'special_cause_neutral_high']));
  });

  // S1 screened limits are −0.7156 / 4.6044: a target below both passes (higher is better), above both fails.
  // A negative target needs the --target=-1 form (node:util parseArgs reads `-1` as a flag).
  it.each([
    { target: '-1', improvement: 'increase', assurance: 'pass' },
    { target: '2', improvement: 'increase', assurance: 'inconsistent' },
    { target: '5', improvement: 'increase', assurance: 'fail' },
    { target: '5', improvement: 'decrease', assurance: 'pass' },
    { target: '5', improvement: 'neutral', assurance: '' },
  ])('adds assurance $assurance on every row for --target $target, improvement $improvement', async ({ target, improvement, assurance }) => {
    const { file, rows } = reference.find((r) => r.file === 'spc_S1_screen_true.csv')!;
    const run = await runCompute('spc', input([{ file, rows }]), [`--target=${target}`, '--improvement', improvement]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual([...HEADER, 'assurance']);
    expect(run.output!.rows.map((o) => o.assurance)).toEqual(rows.map(() => assurance));
  });
});
