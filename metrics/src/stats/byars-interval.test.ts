import { describe, expect, it } from 'vitest';
import { byarsInterval } from './byars-interval.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
const levelOf = (confidence: string) => ({ '95%': 0.95, '99.8%': 0.998 })[confidence]!;

describe("byarsInterval against PHEindicatormethods testdata_B_W (reference/phe_excel_fixtures/wilson_byars_limits.csv)", () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/wilson_byars_limits.csv').filter((r) => r.method === 'Byars');
  it('has the reference cases', () => expect(rows.length).toBe(7));
  it.each(rows.map((r) => ({ case: `count ${r.numerator} at ${r.confidence}`, r })))('$case', ({ r }) => {
    const ci = byarsInterval(num(r.numerator)!, levelOf(r.confidence!));
    const lower = num(r.lowercl);
    if (lower === null) expect(ci.lower).toBeNull();
    else close(ci.lower!, lower);
    close(ci.upper, num(r.uppercl)!);
  });
});

describe('byarsInterval edge cases', () => {
  it('gives a missing lower limit where the formula is negative (count 1 at 99.8%)', () => expect(byarsInterval(1, 0.998).lower).toBeNull());
  it('gives a missing lower limit at count 0 (the formula tends to −∞) and a finite upper limit', () => {
    const ci = byarsInterval(0);
    expect(ci.lower).toBeNull();
    expect(ci.upper).toBeGreaterThan(3);
  });
  it('accepts a non-integer count', () => expect(byarsInterval(10.5).upper).toBeGreaterThan(10.5));
  it('rejects a negative count', () => expect(() => byarsInterval(-1)).toThrow('count must be a finite number ≥ 0 (got -1)'));
  it('rejects NaN', () => expect(() => byarsInterval(Number.NaN)).toThrow('count must be a finite number ≥ 0 (got NaN)'));
  it('rejects a level of 1', () => expect(() => byarsInterval(20, 1)).toThrow('confidence level must be between 0 and 1 (got 1)'));
});
