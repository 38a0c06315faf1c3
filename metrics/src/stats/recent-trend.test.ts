import { describe, expect, it } from 'vitest';
import { RECENT_TREND_CRITICAL_CHI_SQUARE, recentTrend, type TrendPoint } from './recent-trend.ts';
import { zForLevel } from './normal-quantile.ts';

const per = (denominator: number, numerators: readonly (number | null)[]): TrendPoint[] =>
  numerators.map((numerator) => ({ numerator, denominator }));

describe('recentTrend chi-square, computed by hand', () => {
  it('10, 15, 20, 25, 30 of 100 each: χ² = 15.625, increasing', () => {
    // t = 1…5, N = 500, R = 100, Σrt = 10 + 30 + 60 + 100 + 150 = 350, Σnt = 1500, Σnt² = 5500.
    // N·Σrt − R·Σnt = 175 000 − 150 000 = 25 000
    // R(N − R)(N·Σnt² − (Σnt)²) = 100 · 400 · (2 750 000 − 2 250 000) = 2·10¹⁰
    // χ² = 500 · 25 000² / 2·10¹⁰ = 15.625.
    // Altman's form agrees: p̄ = 0.2, t̄ = 3, Σn(p − p̄)(t − t̄) = 100 · 0.5 = 50, p̄(1 − p̄)Σn(t − t̄)² = 0.16 · 1000,
    // 50² / 160 = 15.625 > 9.5495.
    const trend = recentTrend(per(100, [10, 15, 20, 25, 30]));
    expect(trend.label).toBe('increasing');
    expect(trend.chiSquare).toBeCloseTo(15.625, 12);
  });

  it('10, 12, 14, 16, 18 of 100 each: χ² = 1000/301 = 3.3223, no significant change', () => {
    // N·Σrt − R·Σnt = 500 · 230 − 70 · 1500 = 10 000; R(N − R) = 70 · 430 = 30 100; N·Σnt² − (Σnt)² = 500 000.
    // χ² = 500 · 10⁸ / (30 100 · 500 000) = 1000/301.
    expect(recentTrend(per(100, [10, 12, 14, 16, 18]))).toEqual({ label: 'no-significant-change', chiSquare: expect.closeTo(1000 / 301, 12) });
  });

  it('5/50, 8/60, 12/80, 20/100, 26/100 (unequal denominators): χ² = 7.6924, rising but not significant', () => {
    // N = 390, R = 71, Σrt = 5 + 16 + 36 + 80 + 130 = 267, Σnt = 50 + 120 + 240 + 400 + 500 = 1310,
    // Σnt² = 50 + 240 + 720 + 1600 + 2500 = 5110.
    // N·Σrt − R·Σnt = 104 130 − 93 010 = 11 120; N·Σnt² − (Σnt)² = 1 992 900 − 1 716 100 = 276 800;
    // χ² = 390 · 11 120² / (71 · 319 · 276 800) = 48 225 216 000 / 6 269 243 200 = 7.692350…
    const points = [[5, 50], [8, 60], [12, 80], [20, 100], [26, 100]].map(([numerator, denominator]) => ({ numerator, denominator }));
    expect(recentTrend(points)).toEqual({ label: 'no-significant-change', chiSquare: expect.closeTo(7.692350489768844, 12) });
  });

  it('100, 110, 120, 130, 140 of 1000 each: χ² = 625/66 = 9.4697, just short of 9.5495', () => {
    // Σn(p − p̄)(t − t̄) = 1000 · 0.1 = 100 with p̄ = 0.12; p̄(1 − p̄)Σn(t − t̄)² = 0.1056 · 10 000 = 1056; 100²/1056.
    expect(recentTrend(per(1000, [100, 110, 120, 130, 140]))).toEqual({ label: 'no-significant-change', chiSquare: expect.closeTo(625 / 66, 12) });
  });

  it('uses 9.5495 = χ²(1 df) at 99.8 % = Φ⁻¹(0.999)²', () => {
    expect(RECENT_TREND_CRITICAL_CHI_SQUARE).toBeCloseTo(zForLevel(0.998) ** 2, 12);
    expect(RECENT_TREND_CRITICAL_CHI_SQUARE).toBeCloseTo(9.5495, 4);
  });
});

describe('recentTrend series', () => {
  it('finds a strongly increasing series (10 % → 30 % of 1000 each; χ² = 500² / (0.16 · 10 000) = 156.25)', () => {
    expect(recentTrend(per(1000, [100, 150, 200, 250, 300]))).toEqual({ label: 'increasing', chiSquare: expect.closeTo(156.25, 9) });
  });

  it('finds no change in a flat series (χ² = 0)', () => {
    expect(recentTrend(per(100, [20, 20, 20, 20, 20]))).toEqual({ label: 'no-significant-change', chiSquare: 0 });
  });

  it('is symmetric: the reversed series has the same χ² and decreases', () => {
    expect(recentTrend(per(100, [30, 25, 20, 15, 10]))).toEqual({ label: 'decreasing', chiSquare: expect.closeTo(15.625, 12) });
  });

  it('uses only the last 5 periods', () => {
    expect(recentTrend([{ numerator: null, denominator: null }, { numerator: 90, denominator: 100 }, ...per(100, [10, 15, 20, 25, 30])]))
      .toEqual({ label: 'increasing', chiSquare: expect.closeTo(15.625, 12) });
  });

  it('accepts non-integer counts (aggregated data)', () => {
    expect(recentTrend(per(100, [10.5, 15.5, 20.5, 25.5, 30.5])).label).toBe('increasing');
  });
});

describe('recentTrend labels', () => {
  const up = per(100, [10, 15, 20, 25, 30]);
  const down = per(100, [30, 25, 20, 15, 10]);
  it.each([
    { label: 'increasing', points: up, polarity: 'no-judgement' },
    { label: 'decreasing', points: down, polarity: 'no-judgement' },
    { label: 'increasing-getting-better', points: up, polarity: 'higher-better' },
    { label: 'increasing-getting-worse', points: up, polarity: 'lower-better' },
    { label: 'decreasing-getting-better', points: down, polarity: 'lower-better' },
    { label: 'decreasing-getting-worse', points: down, polarity: 'higher-better' },
    { label: 'no-significant-change', points: per(100, [10, 12, 14, 16, 18]), polarity: 'higher-better' },
    { label: 'cannot-be-calculated', points: per(100, [10, 15, 20, 25]), polarity: 'higher-better' },
  ] as const)('$label ($polarity)', ({ label, points, polarity }) => {
    expect(recentTrend(points, polarity).label).toBe(label);
  });

  it('defaults to no-judgement polarity', () => expect(recentTrend(up).label).toBe('increasing'));
});

describe('recentTrend cannot be calculated', () => {
  it.each([
    { case: 'no periods', points: [] },
    { case: 'fewer than 5 periods', points: per(100, [10, 15, 20, 25]) },
    { case: 'a missing numerator among the last 5', points: per(100, [10, 15, null, 25, 30]) },
    { case: 'a missing denominator among the last 5', points: [...per(100, [10, 15, 20, 25]), { numerator: 30, denominator: null }] },
    { case: 'an undefined value', points: [...per(100, [10, 15, 20, 25]), { numerator: undefined, denominator: 100 }] },
    { case: 'a zero denominator', points: [...per(100, [10, 15, 20, 25]), { numerator: 0, denominator: 0 }] },
    { case: 'all counts zero', points: per(100, [0, 0, 0, 0, 0]) },
    { case: 'every count equal to its denominator', points: per(100, [100, 100, 100, 100, 100]) },
  ])('$case', ({ points }) => {
    expect(recentTrend(points, 'higher-better')).toEqual({ label: 'cannot-be-calculated', chiSquare: null });
  });
});

describe('recentTrend input validation', () => {
  it.each([
    { case: 'a count above its denominator', points: [...per(100, [10, 15]), { numerator: 7, denominator: 5 }], message: 'points[2]: numerator must be ≤ denominator (got 7 > 5)' },
    { case: 'a negative count', points: per(100, [10, -1]), message: 'points[1]: numerator must be a finite number ≥ 0 (got -1)' },
    { case: 'a NaN count', points: per(100, [Number.NaN]), message: 'points[0]: numerator must be a finite number ≥ 0 (got NaN)' },
    { case: 'a negative denominator', points: [{ numerator: 0, denominator: -5 }], message: 'points[0]: denominator must be a finite number ≥ 0 (got -5)' },
    { case: 'an infinite denominator', points: [{ numerator: 1, denominator: Number.POSITIVE_INFINITY }], message: 'points[0]: denominator must be a finite number ≥ 0 (got Infinity)' },
  ])('rejects $case', ({ points, message }) => expect(() => recentTrend(points)).toThrow(new RangeError(message)));

  it('rejects an unknown polarity', () => {
    expect(() => recentTrend([], 'up' as never)).toThrow(new RangeError("polarity must be 'higher-better', 'lower-better' or 'no-judgement' (got 'up')"));
  });
});
