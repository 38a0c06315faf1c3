import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../catalogue/indicator-catalogue.ts';
import { indicatorValue } from '../indicator-value.ts';
import { indicatorSii } from './indicator-sii.ts';
import { quantilesOf } from '../../../test/phe-sii-testdata.ts';

describe('indicatorSii', () => {
  const mmr1 = findIndicator('imm-mmr1-24m')!;
  const admissions = findIndicator('ast-admissions-u19')!;
  const withValue = (quantile: number, numerator: number, denominator: number) => {
    const { value, lower95, upper95 } = indicatorValue(mmr1, numerator, denominator);
    return { quantile, denominator, value: value!, lower95, upper95 };
  };

  it('gives the SII of the documented example: quintiles at 80% to 90% in steps of 2.5 points', () => {
    // slope 2.5 points per 0.2 of rank = 12.5; fitted ends 85 ∓ 6.25 → RII 91.25 / 78.75
    const quintiles = [800, 825, 850, 875, 900].map((x, i) => ({ quantile: i + 1, denominator: 1000, value: x / 10, lower95: null, upper95: null }));
    const r = indicatorSii(mmr1, quintiles, { repetitions: 1000 });
    expect(r.sii).toBeCloseTo(12.5, 10);
    expect(r.rii).toBeCloseTo(91.25 / 78.75, 10);
    expect(r.intercept).toBeCloseTo(0.7875, 12);
    expect(r.confidence).toBeNull();
    const withLimits = indicatorSii(mmr1, [800, 825, 850, 875, 900].map((x, i) => withValue(i + 1, x, 1000)), { repetitions: 1000 });
    expect(withLimits.sii).toBeCloseTo(12.5, 10);
    expect(withLimits.confidence!.siiLower).toBeLessThan(12.5);
    expect(withLimits.confidence!.siiUpper).toBeGreaterThan(12.5);
  });

  it('treats a percentage as phe_sii a proportion with multiplier 100 (testdata_SII.xlsx record 111, to 1e-6 and simulation error)', () => {
    const groups = quantilesOf('PROPORTION', 'area1', 'limits').map((q) => ({ quantile: q.quantile, denominator: q.population, value: q.value * 100, lower95: q.lower95! * 100, upper95: q.upper95! * 100 }));
    const r = indicatorSii(mmr1, groups);
    expect(Math.abs(r.sii - -10.720032333730494)).toBeLessThan(1e-6);
    expect(Math.abs(r.rii! - 0.53340153064655071)).toBeLessThan(1e-6);
    const width = -10.217980621454609 - -11.220857220984691;
    expect(Math.abs(r.confidence!.siiLower - -11.220857220984691) / width).toBeLessThan(0.02);
    expect(Math.abs(r.confidence!.siiUpper - -10.217980621454609) / width).toBeLessThan(0.02);
    const riiWidth = 0.55015384129130041 - 0.51712731963580183;
    expect(Math.abs(r.confidence!.riiLower! - 0.51712731963580183) / riiWidth).toBeLessThan(0.02);
    expect(Math.abs(r.confidence!.riiUpper! - 0.55015384129130041) / riiWidth).toBeLessThan(0.02);
  });

  it('treats a crude rate as phe_sii a rate, whatever its multiplier (record 71 per 100,000)', () => {
    const groups = quantilesOf('RATE', 'area1', 'limits').map((q) => ({ quantile: q.quantile, denominator: q.population, value: q.value * 1e5, lower95: q.lower95! * 1e5, upper95: q.upper95! * 1e5 }));
    const r = indicatorSii(admissions, groups, { repetitions: 20_000 });
    expect(Math.abs(r.sii - -3.2752012326471758 * 1e5)).toBeLessThan(1e-6 * 1e5);
    expect(Math.abs(r.rii! - 0.40600068953980034)).toBeLessThan(1e-6);
    const width = -2.9653170017272723 - -3.5868233016744155;
    expect(Math.abs(r.confidence!.siiLower / 1e5 - -3.5868233016744155) / width).toBeLessThan(0.03);
    expect(Math.abs(r.confidence!.siiUpper / 1e5 - -2.9653170017272723) / width).toBeLessThan(0.03);
  });

  it('gives the SII without limits when a quintile has no vaccinated children (logit of 0)', () => {
    const groups = [[0, 40], [30, 50], [40, 50], [45, 50], [48, 50]].map(([x, n], i) => withValue(i + 1, x!, n!));
    const r = indicatorSii(mmr1, groups);
    expect(r.sii).toBeGreaterThan(0);
    expect(r.confidence).toBeNull();
  });
});
