import { describe, expect, it } from 'vitest';
import { funnelAxis } from './funnel-axis.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

const column = (file: string, name: string) => readReferenceCsv(`reference/phe_excel_fixtures/${file}`).map((r) => num(r[name]));
const proportionDenominators = readReferenceCsv('reference/phe_excel_fixtures/funnel_proportion_inputs.csv').map((r) => num(r.denominator)!);
const range = (values: number[]) => ({ minDenominator: Math.min(...values), maxDenominator: Math.max(...values) });

describe('funnelAxis against the x axes of the PHEindicatormethods funnel fixtures (reference/phe_excel_fixtures/funnel_*.csv)', () => {
  it('proportions, largest denominator more than twice the smallest: starts at 1 (funnel_proportion_limits.csv)', () => {
    expect(funnelAxis({ statistic: 'proportion', ...range(proportionDenominators) })).toEqual(column('funnel_proportion_limits.csv', 'population'));
  });
  it('proportions, denominators < 31000: starts at 95% of the smallest rounded down (funnel_proportion_limits_axis_variation.csv)', () => {
    const axis = funnelAxis({ statistic: 'proportion', ...range(proportionDenominators.filter((d) => d < 31000)) });
    expect(axis).toEqual(column('funnel_proportion_limits_axis_variation.csv', 'population'));
    expect(axis[0]).toBe(10000);
  });
  it('ratios: spread over the expected counts (funnel_ratio_limits.csv)', () => {
    const expected = readReferenceCsv('reference/phe_excel_fixtures/funnel_ratio_inputs.csv').map((r) => num(r.expected)!);
    expect(funnelAxis({ statistic: 'ratio', ...range(expected) })).toEqual(column('funnel_ratio_limits.csv', 'observed_events'));
  });
  it('rates: per year of data, converted to events with the baseline (funnel_rate_limits_dsr.csv)', () => {
    const inputs = readReferenceCsv('reference/phe_excel_fixtures/funnel_rate_limits_inputs.csv').map((r) => ({ ev: num(r.ev)!, rate: num(r.rate)! }));
    const denominators = inputs.map((p) => (1e5 * p.ev) / p.rate);
    const baseline = inputs.reduce((s, p) => s + p.ev, 0) / denominators.reduce((s, d) => s + d, 0);
    expect(funnelAxis({ statistic: 'rate', ...range(denominators), yearsOfData: 3, baseline })).toEqual(column('funnel_rate_limits_dsr.csv', 'events'));
  });
});

describe('funnelAxis behaviour', () => {
  it('gives 100 increasing integers ending at the rounded-up maximum for proportions', () => {
    const axis = funnelAxis({ statistic: 'proportion', minDenominator: 50, maxDenominator: 4321 });
    expect(axis).toHaveLength(100);
    expect(axis.every((x, i) => Number.isInteger(x) && (i === 0 || x > axis[i - 1]!))).toBe(true);
    expect(axis[0]).toBe(1);
    expect(axis[99]).toBe(4600);
  });
  it('steps by at least one where geometric spacing would repeat a value', () => {
    expect(funnelAxis({ statistic: 'proportion', minDenominator: 1, maxDenominator: 50 }).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  it('sizes its rounding by the width of the number as R writes it: 95% of 129 473 685 is "1.23e+08", floored to 1.2e8', () => {
    expect(funnelAxis({ statistic: 'proportion', minDenominator: 129_473_685, maxDenominator: 200_000_000 })[0]).toBe(120_000_000);
    expect(funnelAxis({ statistic: 'proportion', minDenominator: 130_000_000, maxDenominator: 200_000_000 })[0]).toBe(100_000_000);
  });
  it('rejects a zero denominator', () => expect(() => funnelAxis({ statistic: 'ratio', minDenominator: 0, maxDenominator: 5 })).toThrow('smallest denominator must be a finite number > 0 (got 0)'));
  it('rejects a maximum below the minimum', () => expect(() => funnelAxis({ statistic: 'ratio', minDenominator: 5, maxDenominator: 4 })).toThrow('largest denominator must be a finite number ≥ the smallest (got 4 < 5)'));
  it('rejects a rate axis without a positive baseline', () => {
    expect(() => funnelAxis({ statistic: 'rate', minDenominator: 5, maxDenominator: 8, yearsOfData: 1, baseline: 0 })).toThrow('baseline rate must be a finite number > 0 (got 0)');
  });
});
