import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spcXmr, type SpcOptions, type SpcPointType } from './spc-xmr.ts';
import type { SpcRule } from './spc-special-causes.ts';
import { num, readReferenceCsv, sharedDir, type CsvRow } from '../../../test/reference.ts';

const SPC_DIR = 'reference/peer_package_outputs';

// Settings each file was produced with (reference README §3); all use improvement_direction "increase".
const OPTIONS_BY_FILE: Record<string, SpcOptions> = {
  'spc_S1_screen_true.csv': {},
  'spc_S1_screen_false.csv': { screenOutliers: false },
  'spc_S2_rnorm123.csv': {},
  'spc_S3_outside_low.csv': {},
  'spc_S3_shift.csv': {},
  'spc_S3_six_only_no_shift.csv': {},
  'spc_S3_trend_up.csv': {},
  'spc_S3_two_in_three_high.csv': {},
  'spc_S3_two_in_three_not_same_side.csv': {},
};

const RULE_BY_SPECIAL_CAUSE_TYPE: Record<string, SpcRule | null> = {
  'Common Cause': null,
  'Above UCL': 'above-upper-limit',
  'Below LCL': 'below-lower-limit',
  '7 Point Trend (Increasing)': 'trend-increasing',
  '7 Point Trend (Decreasing)': 'trend-decreasing',
  '2 in 3 Above CL': 'two-in-three-above',
  '2 in 3 Below CL': 'two-in-three-below',
  '7 Points Above CL': 'run-above',
  '7 Points Below CL': 'run-below',
};

const referenceFiles = readdirSync(path.join(sharedDir, SPC_DIR)).filter((f) => /^spc_.*\.csv$/.test(f)).sort();
const reference = referenceFiles.map((file) => ({ file, rows: readReferenceCsv(`${SPC_DIR}/${file}`) }));

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

function expectedRule(row: CsvRow): SpcRule | null {
  const label = row.special_cause_type ?? '';
  if (!(label in RULE_BY_SPECIAL_CAUSE_TYPE)) throw new Error(`unmapped special_cause_type "${label}"`);
  return RULE_BY_SPECIAL_CAUSE_TYPE[label]!;
}

describe(`spcXmr against NHSRplotthedots 0.2.2 ptd_spc outputs (${SPC_DIR}/spc_*.csv)`, () => {
  it('has options for every SPC reference file', () => expect(referenceFiles).toEqual(Object.keys(OPTIONS_BY_FILE).sort()));

  it.each(reference)('$file: mean_col, lpl and upl to 1e-9 relative', ({ file, rows }) => {
    const { points } = spcXmr(rows.map((r) => num(r.y)!), OPTIONS_BY_FILE[file]);
    expect(points).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      const p = points[i]!;
      expect(relativeError(p.mean, num(r.mean_col)!), `${r.x} mean_col`).toBeLessThanOrEqual(1e-9);
      expect(relativeError(p.lpl, num(r.lpl)!), `${r.x} lpl`).toBeLessThanOrEqual(1e-9);
      expect(relativeError(p.upl, num(r.upl)!), `${r.x} upl`).toBeLessThanOrEqual(1e-9);
    });
  });

  it.each(reference)('$file: special_cause_type, point_type and the flags behind them', ({ file, rows }) => {
    const { points } = spcXmr(rows.map((r) => num(r.y)!), OPTIONS_BY_FILE[file]);
    const actual = rows.map((r, i) => {
      const p = points[i]!;
      return { x: r.x, rule: p.rule, pointType: p.pointType, outside: p.outsideLimits, near: p.nearLimit, side: p.relativeToMean };
    });
    const expected = rows.map((r) => ({
      x: r.x,
      rule: expectedRule(r),
      pointType: r.point_type,
      outside: r.outside_limits === 'TRUE',
      near: r.close_to_limits === 'TRUE',
      side: num(r.relative_to_mean),
    }));
    expect(actual).toEqual(expected);
  });

  const SWAPPED: Record<string, SpcPointType> = {
    common_cause: 'common_cause',
    special_cause_improvement: 'special_cause_concern',
    special_cause_concern: 'special_cause_improvement',
  };
  it.each(reference)('$file with improvement "decrease": improvement and concern swap', ({ file, rows }) => {
    const { points } = spcXmr(rows.map((r) => num(r.y)!), { ...OPTIONS_BY_FILE[file], improvement: 'decrease' });
    expect(points.map((p, i) => ({ x: rows[i]!.x, pointType: p.pointType, rule: p.rule }))).toEqual(
      rows.map((r) => ({ x: r.x, pointType: SWAPPED[r.point_type!], rule: expectedRule(r) })),
    );
  });

  it.each(reference)('$file with improvement "neutral": high and low instead of improvement and concern', ({ file, rows }) => {
    const { points } = spcXmr(rows.map((r) => num(r.y)!), { ...OPTIONS_BY_FILE[file], improvement: 'neutral' });
    const neutral = (r: CsvRow): SpcPointType =>
      r.special_cause_type === 'Common Cause' ? 'common_cause'
        : /Above|Increasing/.test(r.special_cause_type!) ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
    expect(points.map((p, i) => ({ x: rows[i]!.x, pointType: p.pointType }))).toEqual(rows.map((r) => ({ x: r.x, pointType: neutral(r) })));
  });

  it('shows every rule and point type it can among the reference files', () => {
    const labels = new Set(reference.flatMap(({ rows }) => rows.map((r) => r.special_cause_type)));
    expect([...labels].sort()).toEqual(['2 in 3 Above CL', '7 Point Trend (Increasing)', '7 Points Above CL', '7 Points Below CL', 'Above UCL', 'Below LCL', 'Common Cause']);
  });
});

describe('spcXmr limits', () => {
  it('computes mean, moving ranges and the near-limit band by hand', () => {
    // 10, 12, 11, 13: mean 11.5; moving ranges 2, 1, 2 → A = 5/3; limits 11.5 ∓ 2.66·5/3 = 7.0666…, 15.9333…;
    // near-limit edges 11.5 ∓ (2/3)·2.66·5/3 = 8.5444…, 14.4555…
    const [first, second] = spcXmr([10, 12, 11, 13]).points;
    expect(first).toMatchObject({ movingRange: null, phase: 0, inBaseline: true });
    expect(second!.movingRange).toBe(2);
    expect(first!.mean).toBeCloseTo(11.5, 12);
    expect(first!.averageMovingRange).toBeCloseTo(5 / 3, 12);
    expect(first!.lpl).toBeCloseTo(7.066666666666667, 12);
    expect(first!.upl).toBeCloseTo(15.933333333333334, 12);
    expect(first!.nearLower).toBeCloseTo(8.544444444444444, 12);
    expect(first!.nearUpper).toBeCloseTo(14.455555555555556, 12);
  });

  it('keeps moving ranges below 3.267 × the average and drops larger ones', () => {
    // 0, 0, 0, 3.267: moving ranges 0, 0, 3.267 → A = 1.089; 3.267 < 3.267·1.089 so nothing is dropped.
    expect(spcXmr([0, 0, 0, 3.267]).points[0]!.averageMovingRange).toBeCloseTo(1.089, 12);
    // 0 ×9 then 10: nine ranges, one of 10 → A = 10/9; 10 ≥ 3.267·10/9 = 3.63 → dropped, A = 0 (8 zero ranges).
    const screened = spcXmr([0, 0, 0, 0, 0, 0, 0, 0, 0, 10]).points;
    expect(screened[0]!.averageMovingRange).toBe(0);
    expect(screened[9]!.rule).toBe('above-upper-limit');
    expect(spcXmr([0, 0, 0, 0, 0, 0, 0, 0, 0, 10], { screenOutliers: false }).points[0]!.averageMovingRange).toBeCloseTo(10 / 9, 12);
  });

  it('gives limits equal to the mean and only common cause for a flat series (every moving range 0), screening or not', () => {
    for (const screenOutliers of [true, false]) {
      const { points } = spcXmr([4, 4, 4, 4, 4, 4, 4, 4], { screenOutliers });
      expect(points.map((p) => [p.mean, p.lpl, p.upl, p.averageMovingRange])).toEqual(points.map(() => [4, 4, 4, 0]));
      expect(points.every((p) => p.relativeToMean === 0 && p.rule === null && p.pointType === 'common_cause')).toBe(true);
    }
  });

  it('accepts exactly 2 values', () => {
    const { points } = spcXmr([1, 3]);
    expect(points.map((p) => p.upl)).toEqual([2 + 2.66 * 2, 2 + 2.66 * 2]);
  });
});

describe('spcXmr rules and precedence', () => {
  it('does not count equal values as a trend', () => {
    expect(spcXmr([10, 11, 12, 13, 14, 15, 16, 17]).points.some((p) => p.rule === 'trend-increasing')).toBe(true);
    expect(spcXmr([10, 11, 12, 13, 14, 15, 15, 16]).points.some((p) => p.rule === 'trend-increasing' || p.rule === 'trend-decreasing')).toBe(false);
  });

  it('labels a falling trend trend-decreasing and, at a shared peak, uses the later trend', () => {
    // Background swinging 5/15 (moving range 10), then 7 … 13 rising and 13 … 7 falling, sharing the peak 13.
    // Mean 227/23 = 9.87, A = 108/22 = 4.91: limits −3.19, 22.93, near-limit edges 1.16, 18.57, so only the
    // trend rule applies (it outranks the run of 7 above the mean at 10 … 13 … 10).
    const values = [5, 15, 5, 15, 5, 15, 7, 8, 9, 10, 11, 12, 13, 12, 11, 10, 9, 8, 7, 15, 5, 15, 5];
    expect(spcXmr(values).points.map((p) => p.rule)).toEqual([
      ...Array(6).fill(null),
      ...Array(6).fill('trend-increasing'),
      ...Array(7).fill('trend-decreasing'),
      ...Array(4).fill(null),
    ]);
  });

  it('breaks a run of 7 on one side with a point exactly on the mean', () => {
    // Sum 70 over 14 points, mean exactly 5; the 5s at indices 3 and 10 sit on the mean, so each side has
    // only 3 + 3 points. Limits 5 ∓ 2.66·36/13 ≈ −2.37, 12.37; nothing near a limit, no trend.
    const broken = spcXmr([8.5, 5.5, 8.5, 5, 5.5, 8.5, 5.5, 1.5, 4.5, 1.5, 5, 4.5, 1.5, 4.5]).points;
    expect(broken[3]!.relativeToMean).toBe(0);
    expect(broken.map((p) => p.rule)).toEqual(Array(14).fill(null));
    // Same sum with 6 and 4 in their place: 7 above then 7 below (A = 34/13, no point near a limit).
    const runs = spcXmr([8.5, 5.5, 8.5, 6, 5.5, 8.5, 5.5, 1.5, 4.5, 1.5, 4, 4.5, 1.5, 4.5]).points;
    expect(runs.map((p) => p.rule)).toEqual([...Array<SpcRule>(7).fill('run-above'), ...Array<SpcRule>(7).fill('run-below')]);
    expect(runs.map((p) => p.pointType)).toEqual([...Array(7).fill('special_cause_improvement'), ...Array(7).fill('special_cause_concern')]);
  });

  it('ranks 2 in 3 near a limit above a run on the same side', () => {
    // 12 points alternating 10/11, then 11.5, 11.5, 13.5, 11.5, 13.5, 11.5, 11.5, then 10, 10, 10.
    // Mean 240.5/22 = 10.9318; moving ranges sum to 21 over 21 → A = 1 (none screened);
    // UPL 13.5918, near-limit edge 12.7052: both 13.5 are near, inside the limits, in windows all above the mean.
    // Indices 11 (an 11) to 18 are 8 points above the mean: a run.
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 11.5, 11.5, 13.5, 11.5, 13.5, 11.5, 11.5, 10, 10, 10];
    const rules = spcXmr(values).points.map((p) => p.rule);
    expect(rules).toEqual([
      ...Array(11).fill(null),
      'run-above', 'run-above', 'run-above', 'two-in-three-above', 'run-above', 'two-in-three-above', 'run-above', 'run-above',
      null, null, null,
    ]);
  });

  it('ranks outside the limits above a trend', () => {
    // Background swinging 5/15, then the rising 2, 4, …, 12, 40, then 15, 5, 15, 5. Mean 182/17 = 10.706;
    // moving ranges sum to 156 over 16 → A = 9.75 (none ≥ 3.267·A = 31.85); UPL = 10.706 + 25.935 = 36.64.
    // The 40 ends the 7-point trend but is outside the limits.
    const values = [5, 15, 5, 15, 5, 15, 2, 4, 6, 8, 10, 12, 40, 15, 5, 15, 5];
    expect(spcXmr(values).points.map((p) => p.rule)).toEqual([
      ...Array(6).fill(null),
      ...Array(6).fill('trend-increasing'),
      'above-upper-limit',
      ...Array(4).fill(null),
    ]);
  });

  it('ranks a trend above 2 in 3 near a limit (spc_S3_trend_up.csv: 8, 13 and 14 of its trend are near a limit)', () => {
    const rows = reference.find(({ file }) => file === 'spc_S3_trend_up.csv')!.rows;
    const { points } = spcXmr(rows.map((r) => num(r.y)!));
    const near = points.filter((p) => p.nearLimit);
    expect(near.map((p) => [p.value, p.rule])).toEqual([[8, 'trend-increasing'], [13, 'trend-increasing'], [14, 'trend-increasing']]);
  });

  it('needs 2 of the 3 near a limit, all 3 on one side (reference pattern mirrored below the mean)', () => {
    const high = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 13.5, 10.8, 13.5, 10, 11, 10, 11, 10];
    const low = high.map((v) => 21 - v);
    const rules = spcXmr(low).points.map((p) => p.rule);
    expect(rules.filter((r) => r !== null)).toEqual(['two-in-three-below', 'two-in-three-below']);
    expect(rules[12]).toBe('two-in-three-below');
    expect(rules[14]).toBe('two-in-three-below');
  });
});

describe('spcXmr baseline and rebasing', () => {
  it('fixes mean and limits on the first baselineLength points and applies them to the later points', () => {
    // Baseline 10, 12, 11, 13, 10, 12: mean 68/6 = 11.3333; moving ranges 2, 1, 2, 3, 2 → A = 2;
    // limits 11.3333 ∓ 5.32 = 6.0133, 16.6533. The later 20s are above the fixed UPL.
    const { points } = spcXmr([10, 12, 11, 13, 10, 12, 20, 21, 20], { baselineLength: 6 });
    expect(points.map((p) => p.inBaseline)).toEqual([true, true, true, true, true, true, false, false, false]);
    for (const p of points) {
      expect(p.mean).toBeCloseTo(68 / 6, 12);
      expect(p.lpl).toBeCloseTo(68 / 6 - 5.32, 12);
      expect(p.upl).toBeCloseTo(68 / 6 + 5.32, 12);
    }
    expect(points.slice(6).map((p) => p.rule)).toEqual(['above-upper-limit', 'above-upper-limit', 'above-upper-limit']);
    expect(points[7]!.movingRange).toBe(1);
  });

  it('uses every point when baselineLength exceeds the series', () => {
    const values = [10, 12, 11, 13, 10];
    expect(spcXmr(values, { baselineLength: 50 }).points).toEqual(spcXmr(values).points);
  });

  it('gives each phase its own limits after a rebase', () => {
    // Phase 0: 1, 2, … mean 1.5, A = 1 → −1.16, 4.16. Phase 1: 10, 11, … mean 10.5, A = 1 → 7.84, 13.16.
    const values = [1, 2, 1, 2, 1, 2, 10, 11, 10, 11, 10, 11];
    const { points } = spcXmr(values, { rebaseAt: [6] });
    expect(points.map((p) => p.phase)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(points[0]!.lpl).toBeCloseTo(-1.16, 12);
    expect(points[5]!.upl).toBeCloseTo(4.16, 12);
    expect(points[6]!.lpl).toBeCloseTo(7.84, 12);
    expect(points[11]!.upl).toBeCloseTo(13.16, 12);
    expect(points[6]!.movingRange).toBeNull();
    expect(points.every((p) => p.rule === null)).toBe(true);
    // Without the rebase one mean of 6 (A = 1 once the jump of 8 is screened): every point is outside.
    expect(spcXmr(values).points.every((p) => p.outsideLimits)).toBe(true);
  });

  it('does not let a pattern span two phases', () => {
    expect(spcXmr([1, 2, 3, 4, 5, 6, 7, 8]).points.some((p) => p.rule === 'trend-increasing')).toBe(true);
    expect(spcXmr([1, 2, 3, 4, 5, 6, 7, 8], { rebaseAt: [4] }).points.every((p) => p.rule === null)).toBe(true);
  });

  it('applies baselineLength within each phase', () => {
    const { points } = spcXmr([1, 2, 1, 9, 9, 10, 11, 10, 30], { rebaseAt: [4], baselineLength: 3 });
    expect(points.map((p) => p.inBaseline)).toEqual([true, true, true, false, true, true, true, false, false]);
    expect(points[4]!.mean).toBeCloseTo(10, 12);
    expect(points[0]!.mean).toBeCloseTo(4 / 3, 12);
  });
});

describe('spcXmr input validation', () => {
  it.each([
    { case: 'no values', values: [], message: 'spcXmr needs at least 2 values (got 0)' },
    { case: 'one value', values: [3], message: 'spcXmr needs at least 2 values (got 1)' },
    { case: 'NaN', values: [1, 2, 3, Number.NaN, 5], message: 'values[3] must be a finite number (got NaN)' },
    { case: 'Infinity', values: [1, Number.POSITIVE_INFINITY], message: 'values[1] must be a finite number (got Infinity)' },
  ])('rejects $case', ({ values, message }) => expect(() => spcXmr(values)).toThrow(new RangeError(message)));

  it.each([
    { case: 'an unknown improvement', options: { improvement: 'up' as never }, message: "improvement must be 'increase', 'decrease' or 'neutral' (got 'up')" },
    { case: 'baselineLength 1', options: { baselineLength: 1 }, message: 'baselineLength must be an integer ≥ 2 (got 1)' },
    { case: 'a fractional baselineLength', options: { baselineLength: 2.5 }, message: 'baselineLength must be an integer ≥ 2 (got 2.5)' },
    { case: 'rebase at 0', options: { rebaseAt: [0] }, message: 'rebaseAt[0] must be an integer index from 1 to 5 (got 0)' },
    { case: 'rebase past the end', options: { rebaseAt: [2, 6] }, message: 'rebaseAt[1] must be an integer index from 1 to 5 (got 6)' },
    { case: 'unordered rebases', options: { rebaseAt: [4, 2] }, message: 'rebaseAt must be strictly increasing (got 2 after 4)' },
    { case: 'a one-point phase', options: { rebaseAt: [2, 3] }, message: 'each phase needs at least 2 values (the phase starting at index 2 has 1)' },
    { case: 'a one-point last phase', options: { rebaseAt: [5] }, message: 'each phase needs at least 2 values (the phase starting at index 5 has 1)' },
  ])('rejects $case', ({ options, message }) => expect(() => spcXmr([1, 2, 3, 4, 5, 6], options)).toThrow(new RangeError(message)));
});
