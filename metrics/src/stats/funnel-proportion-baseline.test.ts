import { describe, expect, it } from 'vitest';
import { funnelProportionBaseline } from './funnel-proportion-baseline.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

describe('funnelProportionBaseline', () => {
  it('gives the pooled baseline of the 303 funnel inputs, 0.806424478571496 (reference README, funnel_proportion_inputs.csv)', () => {
    const points = readReferenceCsv('reference/phe_excel_fixtures/funnel_proportion_inputs.csv').map((r) => ({ numerator: num(r.numerator)!, denominator: num(r.denominator)! }));
    expect(Math.abs(funnelProportionBaseline(points) - 0.806424478571496)).toBeLessThanOrEqual(1e-14);
  });
  it('weights by denominator, not by point', () => expect(funnelProportionBaseline([{ numerator: 1, denominator: 10 }, { numerator: 90, denominator: 90 }])).toBeCloseTo(0.91, 15));
  it('allows x = 0 and x = n', () => expect(funnelProportionBaseline([{ numerator: 0, denominator: 10 }, { numerator: 10, denominator: 10 }])).toBe(0.5));
  it('rejects no points', () => expect(() => funnelProportionBaseline([])).toThrow('points must not be empty'));
  it('rejects n = 0, naming the point', () => expect(() => funnelProportionBaseline([{ numerator: 1, denominator: 2 }, { numerator: 0, denominator: 0 }])).toThrow('point 2: denominator must be a finite number > 0 (got 0)'));
  it('rejects x > n', () => expect(() => funnelProportionBaseline([{ numerator: 3, denominator: 2 }])).toThrow('point 1: numerator must be ≤ denominator (got 3 > 2)'));
  it('rejects a negative numerator', () => expect(() => funnelProportionBaseline([{ numerator: -1, denominator: 2 }])).toThrow('point 1: numerator must be a finite number ≥ 0 (got -1)'));
});
