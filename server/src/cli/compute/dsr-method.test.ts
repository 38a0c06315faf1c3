import { describe, expect, it } from 'vitest';
import { expectNumber, num, readShared, runCompute, type Row } from './compute-test-helpers.ts';

const INPUT = 'reference/phe_excel_fixtures/dsr_multiarea_input.csv';
const EXPECTED = 'reference/phe_excel_fixtures/dsr_expected_results.csv';
const PEER = 'reference/peer_package_outputs/dsr_fixture_output.csv';
const HEADER = ['group', 'total_count', 'value', 'lower95', 'upper95', 'lower998', 'upper998'];
const TOLERANCE = 1e-6;

const multiarea = (await readShared(INPUT)).rows;
const esp1976 = (await readShared('reference/phe_excel_fixtures/dsr_esp1976_input.csv')).rows;
const expected = (await readShared(EXPECTED)).rows;
const peer = (await readShared(PEER)).rows;

const multiareaInput = {
  header: ['group', 'ageband', 'numerator', 'denominator', 'standard_population'],
  rows: multiarea.map((r) => [r.area!, r.ageband!, r.count!, r.pop!, r.esp2013!]),
};

function expectRow(out: Row | undefined, reference: Row, columns: Record<string, string>, what: string): void {
  expect(out?.group).toBe(reference.area);
  expect(out?.total_count).toBe(reference.total_count);
  for (const [column, referenceColumn] of Object.entries(columns)) expectNumber(out?.[column], num(reference[referenceColumn]), TOLERANCE, `${what} ${reference.area} ${column}`);
}

const SAME_NAMES = { value: 'value', lower95: 'lower95', upper95: 'upper95', lower998: 'lower998', upper998: 'upper998' };

describe(`compute dsr on ${INPUT}`, () => {
  it(`reproduces the multiarea_per100000 rows of ${EXPECTED} (PHE Excel tool) to 1e-6, testdata_tiny (9 events) empty`, async () => {
    const run = await runCompute('dsr', multiareaInput);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual(HEADER);
    const rows = expected.filter((r) => r.case === 'multiarea_per100000');
    expect(run.output!.rows).toHaveLength(rows.length);
    for (const [i, r] of rows.entries()) expectRow(run.output!.rows[i], r, SAME_NAMES, 'Excel');
  });

  it(`reproduces PHEindicatormethods 2.1.0 calculate_dsr output ${PEER} to 1e-6`, async () => {
    const run = await runCompute('dsr', multiareaInput);
    const columns = { value: 'value', lower95: 'lower95_0cl', upper95: 'upper95_0cl', lower998: 'lower99_8cl', upper998: 'upper99_8cl' };
    expect(run.output!.rows).toHaveLength(peer.length);
    for (const [i, r] of peer.entries()) expectRow(run.output!.rows[i], r, columns, 'peer');
  });

  it('reproduces the multiarea_per10000 rows with --multiplier 10000', async () => {
    const run = await runCompute('dsr', multiareaInput, ['--multiplier', '10000']);
    for (const [i, r] of expected.filter((r) => r.case === 'multiarea_per10000').entries()) expectRow(run.output!.rows[i], r, SAME_NAMES, 'per 10 000');
  });

  it('reproduces the esp1976_per100000 value and 95 % limits (its 99.8 % columns are wrong in the workbook, README §2)', async () => {
    const rows = esp1976.map((r) => ['testdata_1976', r.ageband!, r.count!, r.pop!, r.esp1976!]);
    const run = await runCompute('dsr', { header: multiareaInput.header, rows });
    const reference = expected.find((r) => r.case === 'esp1976_per100000')!;
    expectRow(run.output!.rows[0], reference, { value: 'value', lower95: 'lower95', upper95: 'upper95' }, 'esp1976');
  });

  it('writes one row per group in order of first appearance, wherever the group’s bands are', async () => {
    const shuffled = [...multiareaInput.rows.filter((_, i) => i % 2 === 1), ...multiareaInput.rows.filter((_, i) => i % 2 === 0)].reverse();
    const run = await runCompute('dsr', { header: multiareaInput.header, rows: shuffled });
    const firstGroups = [...new Set(shuffled.map((r) => r[0]))];
    expect(run.output!.rows.map((r) => r.group)).toEqual(firstGroups);
    const peerByArea = new Map(peer.map((r) => [r.area, r]));
    for (const out of run.output!.rows) expectNumber(out.value, num(peerByArea.get(out.group!)!.value), TOLERANCE, `${out.group} value`);
  });
});
