import { describe, expect, it } from 'vitest';
import { byarsInterval } from './byars-interval.ts';
import { exactPoissonInterval } from './exact-poisson-interval.ts';
import { poissonCountInterval } from './poisson-count-interval.ts';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('poissonCountInterval', () => {
  it.each([0, 1, 9, 9.5])('uses exact limits below 10 events (%s)', (x) => {
    const ci = poissonCountInterval(x, 0.998);
    expect(ci.method).toBe('exact');
    expect(ci).toEqual({ ...exactPoissonInterval(x, 0.998), method: 'exact' });
  });
  it.each([10, 65, 1e6])("uses Byar's limits from 10 events (%s)", (x) => {
    const ci = poissonCountInterval(x, 0.998);
    expect(ci).toEqual({ ...byarsInterval(x, 0.998), method: 'byars' });
  });
  // PHEindicatormethods testdata_B_W (reference/phe_excel_fixtures/wilson_byars_limits.csv): count 10 at 99.8%
  it('matches the Byars reference at count 10, 99.8%', () => {
    const ci = poissonCountInterval(10, 0.998);
    close(ci.lower, 2.916318374695686);
    close(ci.upper, 24.193724927880535);
  });
  it('rejects a negative count', () => expect(() => poissonCountInterval(-3)).toThrow('count must be a finite number ≥ 0 (got -3)'));
});
