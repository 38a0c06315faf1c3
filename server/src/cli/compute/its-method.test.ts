import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvText } from '@pathfinder/fixtures';
import { describe, expect, it } from 'vitest';
import { expectNumber, runCompute } from './compute-test-helpers.ts';

// statsmodels' fits of the same series (metrics/test/reference/its_statsmodels.py made them).
const referenceFile = path.resolve(fileURLToPath(import.meta.url), '../../../../../metrics/test/reference/its_statsmodels.csv');
const [head, ...records] = parseCsvText(readFileSync(referenceFile, 'utf8'));
const REFERENCE = records.map((r) => Object.fromEntries(head!.fields.map((h, i) => [h, r.fields[i]!])));

const quarters = (n: number) => Array.from({ length: n }, (_, i) => `${2018 + Math.floor(i / 4)}/${String((19 + Math.floor(i / 4)) % 100).padStart(2, '0')} Q${(i % 4) + 1}`);
const rowsOf = (series: string, values: readonly number[], intervention?: number) =>
  values.map((v, i) => [series, quarters(values.length)[i]!, v, ...(intervention === undefined ? [] : [quarters(values.length)[intervention]!])]);

describe('compute its against statsmodels', () => {
  const cases = REFERENCE.filter((c) => Number(c.maxlags) > 0);

  it('fits every series of a file with an intervention column, one row per series, to 1e-6', async () => {
    const rows = cases.flatMap((c) => rowsOf(c.case!, c.values!.split(' ').map(Number), Number(c.intervention)));
    const byLag = new Map<number, typeof cases>();
    for (const c of cases) byLag.set(Number(c.maxlags), [...(byLag.get(Number(c.maxlags)) ?? []), c]);
    for (const [maxlags, group] of byLag) {
      const run = await runCompute('its', { header: ['series', 'period', 'value', 'intervention'], rows: rows.filter((r) => group.some((c) => c.case === r[0])) }, ['--maxlags', String(maxlags)]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.output!.header).toEqual([
        'series', 'n', 'intervention', 'maxlags',
        'baseline', 'baseline_lower95', 'baseline_upper95', 'pre_slope', 'pre_slope_lower95', 'pre_slope_upper95',
        'level_change', 'level_change_lower95', 'level_change_upper95', 'slope_change', 'slope_change_lower95', 'slope_change_upper95',
      ]);
      expect(run.output!.rows.map((r) => r.series)).toEqual(group.map((c) => c.case));
      for (const [i, c] of group.entries()) {
        const out = run.output!.rows[i]!;
        expect(out.n).toBe(String(c.values!.split(' ').length));
        expect(out.maxlags).toBe(String(maxlags));
        expect(out.intervention).toBe(quarters(Number(out.n))[Number(c.intervention)]);
        for (const k of ['baseline', 'pre_slope', 'level_change', 'slope_change']) {
          for (const suffix of ['', '_lower95', '_upper95']) expectNumber(out[`${k}${suffix}`], Number(c[`${k}${suffix}`]), 1e-6, `${c.case} ${k}${suffix}`);
        }
      }
    }
  });

  it('takes --intervention for every series and the default lag truncation', async () => {
    const c = REFERENCE.find((r) => r.case === 'n28-t17-ar0.6-L3')!;
    const values = c.values!.split(' ').map(Number);
    const run = await runCompute('its', { header: ['series', 'period', 'value'], rows: rowsOf('mmr1', values) }, ['--intervention', quarters(28)[17]!]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.rows[0]!.maxlags).toBe('3');
    expectNumber(run.output!.rows[0]!.level_change_upper95, Number(c.level_change_upper95), 1e-6, 'level change upper');
  });
});

describe('compute its refuses bad input, naming the row, and writes nothing', () => {
  const values = [88, 87.5, 87.9, 87.2, 85, 85.3, 85.1, 84.9];

  it('an intervention that is not a period of the series', async () => {
    const run = await runCompute('its', { header: ['series', 'period', 'value'], rows: rowsOf('a', values) }, ['--intervention', '2030/31 Q1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 2 (series "a"), --intervention: "2030/31 Q1" is not a period of series "a" (2018/19 Q1 to 2019/20 Q4)');
    expect(run.output).toBeNull();
  });

  it('a segment of fewer than 3 periods', async () => {
    const run = await runCompute('its', { header: ['series', 'period', 'value', 'intervention'], rows: rowsOf('a', values, 6) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 2, column "intervention": series "a" has 6 period(s) before "2019/20 Q3" and 2 from it; each segment needs at least 3');
    expect(run.output).toBeNull();
  });

  it('two interventions in one series, periods out of order, a missing value, and no intervention at all', async () => {
    const mixed = rowsOf('a', values, 4).map((r, i) => (i === 5 ? [...r.slice(0, 3), quarters(8)[3]!] : r));
    expect((await runCompute('its', { header: ['series', 'period', 'value', 'intervention'], rows: mixed })).stderr).toContain('line 7, column "intervention": "2018/19 Q4" differs from "2019/20 Q1" on line 2');
    const swapped = rowsOf('a', values, 4);
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect((await runCompute('its', { header: ['series', 'period', 'value', 'intervention'], rows: swapped })).stderr).toContain('line 5, column "period": "2018/19 Q3" comes before "2018/19 Q4"');
    const gap = rowsOf('a', values, 4).map((r, i) => (i === 2 ? [r[0]!, r[1]!, '', r[3]!] : r));
    expect((await runCompute('its', { header: ['series', 'period', 'value', 'intervention'], rows: gap })).stderr).toContain('line 4, column "value": is empty');
    const none = await runCompute('its', { header: ['series', 'period', 'value'], rows: rowsOf('a', values) });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs --intervention or an "intervention" column');
  });

  it('a --maxlags that is not a whole number ≥ 0', async () => {
    const run = await runCompute('its', { header: ['series', 'period', 'value'], rows: rowsOf('a', values) }, ['--intervention', quarters(8)[4]!, '--maxlags=1.5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--maxlags must be a whole number ≥ 0');
  });
});
