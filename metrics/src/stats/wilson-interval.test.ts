import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval.ts';
import { zForLevel } from './normal-quantile.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('zForLevel', () => {
  it.each([
    { level: 0.95, z: 1.959963984540054 }, // INDICATORS.md / reference README §1
    { level: 0.998, z: 3.090232306167813 },
  ])('z at $level', ({ level, z }) => close(zForLevel(level), z));
});

describe('wilsonInterval against PHEindicatormethods testdata_Prop (reference/phe_excel_fixtures/proportion_wilson.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/proportion_wilson.csv').filter((r) => r.numerator !== '' && r.denominator !== '');
  it('has the reference cases', () => expect(rows.length).toBe(16));
  it.each(rows.map((r) => ({ case: `${r.area} ${r.numerator}/${r.denominator} ×${r.multiplier}`, r })))('$case', ({ r }) => {
    const x = num(r.numerator)!, n = num(r.denominator)!, m = num(r.multiplier)!;
    const ci95 = wilsonInterval(x, n, 0.95);
    const ci998 = wilsonInterval(x, n, 0.998);
    close(ci95.lower * m, num(r.lower95)!);
    close(ci95.upper * m, num(r.upper95)!);
    close(ci998.lower * m, num(r.lower998)!);
    close(ci998.upper * m, num(r.upper998)!);
  });
});

describe('wilsonInterval against the stand-alone Wilson helper (reference/phe_excel_fixtures/wilson_byars_limits.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/wilson_byars_limits.csv').filter((r) => r.method === 'Wilson');
  it.each(rows.map((r) => ({ case: `${r.numerator}/${r.denominator} at ${r.confidence}`, r })))('$case', ({ r }) => {
    const level = r.confidence === '95%' ? 0.95 : 0.998;
    const ci = wilsonInterval(num(r.numerator)!, num(r.denominator)!, level);
    close(ci.lower, num(r.lowercl)!);
    close(ci.upper, num(r.uppercl)!);
  });
});

describe('wilsonInterval edge cases', () => {
  it('gives a lower limit of 0 when x = 0', () => expect(wilsonInterval(0, 50).lower).toBeCloseTo(0, 12));
  it('gives an upper limit of 1 (unclamped) when x = n', () => expect(wilsonInterval(50, 50).upper).toBeCloseTo(1, 12));
  it('rejects a numerator above the denominator, naming both', () => expect(() => wilsonInterval(7, 5)).toThrow('numerator must be ≤ denominator (got 7 > 5)'));
  it('rejects a zero denominator', () => expect(() => wilsonInterval(0, 0)).toThrow(/denominator must be/));
  it('rejects NaN', () => expect(() => wilsonInterval(Number.NaN, 5)).toThrow(/numerator/));
});

describe('wilsonInterval at the edges', () => {
  it('gives exactly 1 as the upper limit of x = n and 0 as the lower limit of x = 0, so the 95% interval lies inside the 99.8% one', () => {
    for (const n of [1, 7, 49, 137, 1024, 5203]) {
      expect(wilsonInterval(n, n, 0.95).upper).toBe(1);
      expect(wilsonInterval(n, n, 0.998).upper).toBe(1);
      expect(wilsonInterval(0, n, 0.95).lower).toBe(0);
      expect(wilsonInterval(0, n, 0.998).lower).toBe(0);
    }
  });
});
