import { describe, expect, it } from 'vitest';
import { slopeIndexOfInequality, type DeprivationGroup } from './slope-index-of-inequality.ts';
import { wilsonInterval } from '../wilson-interval.ts';

const quintilesOf = (numerators: number[], denominators: number[]): DeprivationGroup[] =>
  numerators.map((numerator, i) => ({ quantile: i + 1, numerator, denominator: denominators[i]! }));

describe('slopeIndexOfInequality, hand-computed cases', () => {
  it('gives SII 50 for equal quintiles at 10, 20, 30, 40, 50 (most deprived first)', () => {
    // shares a = 0.2 each; mid-point ranks x = 0.1, 0.3, 0.5, 0.7, 0.9; values rise 10 per 0.2 of rank
    // → slope 10 / 0.2 = 50; mean = 0.2 × (10+20+30+40+50) = 30; RII = 50/30; fitted ends 30 ∓ 25 = 5, 55
    const r = slopeIndexOfInequality(quintilesOf([10, 20, 30, 40, 50], [100, 100, 100, 100, 100]), { multiplier: 100 });
    expect(r.sii).toBeCloseTo(50, 10);
    expect(r.mean).toBeCloseTo(30, 10);
    expect(r.rii).toBeCloseTo(5 / 3, 10);
    expect(r.fittedMostDeprived).toBeCloseTo(5, 10);
    expect(r.fittedLeastDeprived).toBeCloseTo(55, 10);
    expect(r.confidence).toBeNull();
  });

  it('gives a negative SII when values fall towards the least deprived', () => {
    // mirror image of the case above: slope −50, mean 30
    const r = slopeIndexOfInequality(quintilesOf([50, 40, 30, 20, 10], [100, 100, 100, 100, 100]), { multiplier: 100 });
    expect(r.sii).toBeCloseTo(-50, 10);
    expect(r.rii).toBeCloseTo(-5 / 3, 10);
  });

  it('recovers the slope of values lying exactly on a line, whatever the population shares', () => {
    // denominators 100, 300, 100, 300, 200 → shares 0.1, 0.3, 0.1, 0.3, 0.2; cumulative 0.1, 0.4, 0.5, 0.8, 1.0
    // mid-points 0.05, 0.25, 0.45, 0.65, 0.9; values 10 + 20x = 11, 15, 19, 23, 28 (%)
    // numerators = value × denominator / 100 = 11, 45, 19, 69, 56
    // SII = 20; mean = 1.1 + 4.5 + 1.9 + 6.9 + 5.6 = 20; RII = 1; fitted ends 10 and 30
    const r = slopeIndexOfInequality(quintilesOf([11, 45, 19, 69, 56], [100, 300, 100, 300, 200]), { multiplier: 100 });
    expect(r.sii).toBeCloseTo(20, 10);
    expect(r.mean).toBeCloseTo(20, 10);
    expect(r.rii).toBeCloseTo(1, 10);
    expect(r.fittedMostDeprived).toBeCloseTo(10, 10);
    expect(r.fittedLeastDeprived).toBeCloseTo(30, 10);
  });

  it('fits a curved pattern with equal quintiles by weighted least squares', () => {
    // values 10, 10, 10, 10, 60; x̄ = 0.5, ȳ = 20
    // Sxy = 0.2 × [(−0.4)(−10) + (−0.2)(−10) + 0 + (0.2)(−10) + (0.4)(40)] = 0.2 × 20 = 4
    // Sxx = 0.2 × [0.16 + 0.04 + 0 + 0.04 + 0.16] = 0.08 → SII = 4 / 0.08 = 50; RII = 50 / 20 = 2.5
    const r = slopeIndexOfInequality(quintilesOf([10, 10, 10, 10, 60], [100, 100, 100, 100, 100]), { multiplier: 100 });
    expect(r.sii).toBeCloseTo(50, 10);
    expect(r.rii).toBeCloseTo(2.5, 10);
  });

  it('fits a curved pattern with unequal quintiles by weighted least squares', () => {
    // shares 0.1, 0.3, 0.1, 0.3, 0.2; mid-points 0.05, 0.25, 0.45, 0.65, 0.9; values 0, 0, 0, 0, 10 (20 of 200)
    // ȳ = 0.2 × 10 = 2
    // Sxx = 0.1(0.45²) + 0.3(0.25²) + 0.1(0.05²) + 0.3(0.15²) + 0.2(0.4²) = 0.02025 + 0.01875 + 0.00025 + 0.00675 + 0.032 = 0.078
    // Sxy = 0.1(−0.45)(−2) + 0.3(−0.25)(−2) + 0.1(−0.05)(−2) + 0.3(0.15)(−2) + 0.2(0.4)(8) = 0.09 + 0.15 + 0.01 − 0.09 + 0.64 = 0.8
    // SII = 0.8 / 0.078 = 400/39; RII = (400/39) / 2 = 200/39
    const r = slopeIndexOfInequality(quintilesOf([0, 0, 0, 0, 20], [100, 300, 100, 300, 200]), { multiplier: 100 });
    expect(r.sii).toBeCloseTo(400 / 39, 10);
    expect(r.mean).toBeCloseTo(2, 10);
    expect(r.rii).toBeCloseTo(200 / 39, 10);
  });

  it('weights quantiles by population when given, instead of the denominator', () => {
    // same shares and values as the straight-line case, from populations given as shares; denominators all 100
    const groups = [11, 15, 19, 23, 28].map((numerator, i) => ({ quantile: i + 1, numerator, denominator: 100, population: [0.1, 0.3, 0.1, 0.3, 0.2][i] }));
    expect(slopeIndexOfInequality(groups, { multiplier: 100 }).sii).toBeCloseTo(20, 10);
  });

  it('gives SII 10 for ten equal deciles at 1, 2, …, 10', () => {
    // mid-points 0.05, 0.15, …, 0.95: values rise 1 per 0.1 of rank → slope 10
    const groups = Array.from({ length: 10 }, (_, i) => ({ quantile: i + 1, numerator: i + 1, denominator: 1 }));
    expect(slopeIndexOfInequality(groups).sii).toBeCloseTo(10, 10);
  });

  it('does not depend on the order the quantiles are given in', () => {
    const groups = quintilesOf([0, 0, 0, 0, 20], [100, 300, 100, 300, 200]);
    const shuffled = [groups[3]!, groups[0]!, groups[4]!, groups[2]!, groups[1]!];
    expect(slopeIndexOfInequality(shuffled, { multiplier: 100 }).sii).toBeCloseTo(400 / 39, 10);
  });

  it('gives no RII when every value is 0', () => {
    const r = slopeIndexOfInequality(quintilesOf([0, 0, 0, 0, 0], [10, 10, 10, 10, 10]));
    expect(r.sii).toBe(0);
    expect(r.rii).toBeNull();
  });
});

describe('slopeIndexOfInequality, simulated confidence limits', () => {
  // Quintiles of 5000 children with 80%, 84%, 86%, 88%, 90% vaccinated.
  const groups = quintilesOf([4000, 4200, 4300, 4400, 4500], [5000, 5000, 5000, 5000, 5000]);
  const confidence = { repetitions: 100_000, seed: 7 };

  it('is deterministic for a seed', () => {
    const a = slopeIndexOfInequality(groups, { multiplier: 100, confidence: { repetitions: 2000, seed: 3 } });
    const b = slopeIndexOfInequality(groups, { multiplier: 100, confidence: { repetitions: 2000, seed: 3 } });
    const c = slopeIndexOfInequality(groups, { multiplier: 100, confidence: { repetitions: 2000, seed: 4 } });
    expect(a.confidence).toEqual(b.confidence);
    expect(a.confidence).not.toEqual(c.confidence);
  });

  it('agrees with the delta-method normal approximation for large quintiles', () => {
    // Reference computed independently of the simulation: with equal shares the SII is Σ cᵢ yᵢ with
    // cᵢ = 0.2(xᵢ − 0.5)/0.08 = −1, −0.5, 0, 0.5, 1, so SII = 100 × (−0.80 − 0.42 + 0.44 + 0.90) = 12.
    // Var(yᵢ) ≈ (100 pᵢ(1 − pᵢ) seᵢ)², seᵢ = (logit U − logit L)/(2 × 1.959964) from the Wilson limits;
    // limits ≈ SII ± 1.959964 √Σ cᵢ² Var(yᵢ).
    const c = [-1, -0.5, 0, 0.5, 1];
    const variance = groups.reduce((s, g, i) => {
      const p = g.numerator / g.denominator;
      const ci = wilsonInterval(g.numerator, g.denominator);
      const logit = (q: number) => Math.log(q / (1 - q));
      const se = (logit(ci.upper) - logit(ci.lower)) / (2 * 1.959963984540054);
      return s + c[i]! ** 2 * (100 * p * (1 - p) * se) ** 2;
    }, 0);
    const sd = Math.sqrt(variance);
    const r = slopeIndexOfInequality(groups, { multiplier: 100, confidence });
    expect(r.sii).toBeCloseTo(12, 10);
    expect(r.confidence!.level).toBe(0.95);
    expect(Math.abs(r.confidence!.siiLower - (12 - 1.959963984540054 * sd))).toBeLessThan(0.05 * sd);
    expect(Math.abs(r.confidence!.siiUpper - (12 + 1.959963984540054 * sd))).toBeLessThan(0.05 * sd);
    // RII = 12 / 85.6; its limits bracket it and scale with the SII's
    expect(r.rii).toBeCloseTo(12 / 85.6, 10);
    expect(r.confidence!.riiLower).toBeLessThan(r.rii!);
    expect(r.confidence!.riiUpper).toBeGreaterThan(r.rii!);
    expect(r.confidence!.riiLower).toBeCloseTo(r.confidence!.siiLower / 85.6, 2);
  });

  it('widens at 99.8%', () => {
    const at95 = slopeIndexOfInequality(groups, { multiplier: 100, confidence: { ...confidence, repetitions: 20_000 } }).confidence!;
    const at998 = slopeIndexOfInequality(groups, { multiplier: 100, confidence: { ...confidence, repetitions: 20_000, level: 0.998 } }).confidence!;
    expect(at998.siiLower).toBeLessThan(at95.siiLower);
    expect(at998.siiUpper).toBeGreaterThan(at95.siiUpper);
  });

  it('refuses to simulate a quantile with no events, naming it', () => {
    expect(() => slopeIndexOfInequality(quintilesOf([0, 1, 2, 3, 4], [10, 10, 10, 10, 10]), { confidence: {} })).toThrow(
      'confidence limits by simulation need 0 < numerator < denominator in every quantile (quantile 1: 0 of 10)',
    );
  });

  it('rejects fewer than 1,000 repetitions', () => {
    expect(() => slopeIndexOfInequality(groups, { confidence: { repetitions: 999 } })).toThrow('repetitions must be an integer ≥ 1000 (got 999)');
  });

  it('rejects a confidence level outside (0, 1)', () => {
    expect(() => slopeIndexOfInequality(groups, { confidence: { level: 95 } })).toThrow('confidence level must be between 0 and 1 (got 95)');
  });
});

describe('slopeIndexOfInequality input checks', () => {
  it('rejects fewer than five quantiles', () => {
    expect(() => slopeIndexOfInequality(quintilesOf([1, 2, 3], [10, 10, 10]))).toThrow('the SII needs between 5 and 100 quantiles (got 3)');
  });

  it('rejects quantiles not numbered 1 to k', () => {
    const groups = quintilesOf([1, 2, 3, 4, 5], [10, 10, 10, 10, 10]).map((g, i) => ({ ...g, quantile: i === 4 ? 2 : g.quantile }));
    expect(() => slopeIndexOfInequality(groups)).toThrow('quantiles must be numbered 1 to 5, each once (got 1, 2, 3, 4, 2)');
  });

  it('rejects a zero denominator, naming the quantile', () => {
    expect(() => slopeIndexOfInequality(quintilesOf([1, 2, 3, 4, 5], [10, 0, 10, 10, 10]))).toThrow(
      'denominator of quantile 2 must be a finite number > 0 (got 0)',
    );
  });

  it('rejects a negative numerator, naming the quantile', () => {
    expect(() => slopeIndexOfInequality(quintilesOf([1, 2, -3, 4, 5], [10, 10, 10, 10, 10]))).toThrow(
      'numerator of quantile 3 must be a finite number ≥ 0 (got -3)',
    );
  });

  it('rejects a zero population', () => {
    const groups = quintilesOf([1, 2, 3, 4, 5], [10, 10, 10, 10, 10]).map((g) => ({ ...g, population: g.quantile === 5 ? 0 : 1 }));
    expect(() => slopeIndexOfInequality(groups)).toThrow('population of quantile 5 must be a finite number > 0 (got 0)');
  });

  it('rejects a non-positive multiplier', () => {
    expect(() => slopeIndexOfInequality(quintilesOf([1, 2, 3, 4, 5], [10, 10, 10, 10, 10]), { multiplier: -100 })).toThrow(
      'multiplier must be a finite number > 0 (got -100)',
    );
  });
});
