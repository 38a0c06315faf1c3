import { describe, expect, it } from 'vitest';
import { funnelProportionLimits, funnelProportionLimitsAt } from './funnel-proportion-limits.ts';
import { num, readReferenceCsv, type CsvRow } from '../../test/reference.ts';

const inputs = readReferenceCsv('reference/phe_excel_fixtures/funnel_proportion_inputs.csv').map((r) => ({ numerator: num(r.numerator)!, denominator: num(r.denominator)! }));

const checkTable = (expected: CsvRow[], actual: ReturnType<typeof funnelProportionLimits>, close: (a: number, e: number) => void, population = 'population') => {
  expect(actual.rows.map((r) => r.population)).toEqual(expected.map((e) => num(e[population])));
  actual.rows.forEach((row, i) => {
    const e = expected[i]!;
    close(row.lower95, num(e.lower_2s_limit)!);
    close(row.upper95, num(e.upper_2s_limit)!);
    close(row.lower998, num(e.lower_3s_limit)!);
    close(row.upper998, num(e.upper_3s_limit)!);
    close(actual.baseline, num(e.baseline)!);
  });
};

describe('funnelProportionLimits against testdata_funnel_prop_outputs (reference/phe_excel_fixtures/funnel_proportion_limits.csv)', () => {
  const expected = readReferenceCsv('reference/phe_excel_fixtures/funnel_proportion_limits.csv');
  it('matches all 100 rows for the 303 inputs, × 100, to the fixture’s 6 decimals', () => {
    expect(inputs.length).toBe(303);
    expect(expected.length).toBe(100);
    checkTable(expected, funnelProportionLimits(inputs, { multiplier: 100 }), (a, e) => expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-6));
  });
});

describe('funnelProportionLimits against testdata_funnel_prop_outputs_with_axis_variation (reference/phe_excel_fixtures/funnel_proportion_limits_axis_variation.csv)', () => {
  const expected = readReferenceCsv('reference/phe_excel_fixtures/funnel_proportion_limits_axis_variation.csv');
  it('matches all 100 rows for the inputs with denominator < 31000, axis starting at 10000, to 8 decimals', () => {
    const subset = inputs.filter((p) => p.denominator < 31000);
    const table = funnelProportionLimits(subset);
    expect(table.rows[0]!.population).toBe(10000);
    checkTable(expected, table, (a, e) => expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-8));
  });
});

describe('funnelProportionLimits against calculate_funnel_limits at full precision (reference/peer_package_outputs/funnel_prop_limits_fixture.csv)', () => {
  const expected = readReferenceCsv('reference/peer_package_outputs/funnel_prop_limits_fixture.csv');
  it('matches all 100 rows to 1e-9 relative', () => {
    checkTable(expected, funnelProportionLimits(inputs, { multiplier: 100 }), (a, e) => expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e))), 'Population');
  });
});

describe('funnelProportionLimits edge cases', () => {
  const points = [{ numerator: 30, denominator: 100 }, { numerator: 10, denominator: 100 }];
  it('centres on the pooled proportion and narrows as the denominator grows', () => {
    const table = funnelProportionLimits(points, { multiplier: 1 });
    expect(table.baseline).toBeCloseTo(0.2, 15);
    const widths = table.rows.map((r) => r.upper95 - r.lower95);
    expect(widths.every((w, i) => i === 0 || w <= widths[i - 1]!)).toBe(true);
  });
  it('cuts the limits to 0–100 after the multiplier', () => {
    const first = funnelProportionLimits([{ numerator: 1, denominator: 10 }, { numerator: 30, denominator: 1000 }]).rows[0]!;
    expect(first.population).toBe(1);
    expect(first.lower998).toBe(0);
    expect(funnelProportionLimits([{ numerator: 99, denominator: 100 }]).rows[0]!.upper95).toBe(100);
  });
  it('handles every point at 0 (x = 0) and every point at n (x = n)', () => {
    const zero = funnelProportionLimits([{ numerator: 0, denominator: 50 }]);
    expect(zero.rows.every((r) => r.lower998 === 0 && r.upper998 === 0)).toBe(true);
    const all = funnelProportionLimits([{ numerator: 50, denominator: 50 }]);
    expect(all.rows.every((r) => r.lower95 === 100 && r.upper95 === 100)).toBe(true);
  });
  it('rejects no points', () => expect(() => funnelProportionLimits([])).toThrow('points must not be empty'));
  it('rejects a numerator above its denominator', () => {
    expect(() => funnelProportionLimits([{ numerator: 7, denominator: 5 }])).toThrow('point 1: numerator must be ≤ denominator (got 7 > 5)');
  });
  it('rejects a zero denominator (n = 0)', () => {
    expect(() => funnelProportionLimits([{ numerator: 0, denominator: 0 }])).toThrow('point 1: denominator must be a finite number > 0 (got 0)');
  });
  it('rejects a missing numerator', () => {
    expect(() => funnelProportionLimits([{ numerator: Number.NaN, denominator: 5 }])).toThrow('point 1: numerator must be a finite number ≥ 0 (got NaN)');
  });
  it('rejects a non-positive multiplier', () => expect(() => funnelProportionLimits(points, { multiplier: 0 })).toThrow('multiplier must be a finite number > 0 (got 0)'));
});

// PHEindicatormethods 2.1.0 draws proportion limits around a centre given to its limit function
// (`funnel_point(p, population, average_proportion)`): the proportion whose Wilson score interval
// out of the population just reaches the centre. So around a centre equal to an area's Wilson limit
// from PHE's proportion sheet, the funnel limit at that area's denominator is the area's own value.
describe('funnelProportionLimitsAt around a chosen centre, against testdata_Prop (reference/phe_excel_fixtures/proportion_wilson.csv)', () => {
  const areas = readReferenceCsv('reference/phe_excel_fixtures/proportion_wilson.csv').filter((r) => r.multiplier === '1' && r.numerator !== '' && r.denominator !== '');
  it('has the eight proportion-of-1 areas', () => expect(areas).toHaveLength(8));
  it.each(areas.map((r) => ({ case: `${r.area}, ${r.numerator} of ${r.denominator}`, r })))('$case: each limit around the Wilson limit on the other side is the value', ({ r }) => {
    const n = num(r.denominator)!, value = num(r.value)!;
    const close = (actual: number) => expect(Math.abs(actual - value)).toBeLessThanOrEqual(1e-6);
    close(funnelProportionLimitsAt(num(r.upper95)!, n).lower95);
    close(funnelProportionLimitsAt(num(r.lower95)!, n).upper95);
    close(funnelProportionLimitsAt(num(r.upper998)!, n).lower998);
    close(funnelProportionLimitsAt(num(r.lower998)!, n).upper998);
  });
});

describe('funnelProportionLimits with a chosen centre', () => {
  const expected = readReferenceCsv('reference/phe_excel_fixtures/funnel_proportion_limits.csv');
  it('centred on the inputs’ pooled proportion (0.806424478571496, the fixture’s baseline), gives the reference table', () => {
    checkTable(expected, funnelProportionLimits(inputs, { multiplier: 100, centre: 0.806424478571496 }), (a, e) => expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-6));
  });
  it('centred elsewhere, keeps the axis and reports the centre as the baseline', () => {
    const table = funnelProportionLimits(inputs, { multiplier: 100, centre: 0.95 });
    expect(table.rows.map((r) => r.population)).toEqual(expected.map((e) => num(e.population)));
    expect(table.baseline).toBeCloseTo(95, 12);
    expect(table.rows.every((r) => r.lower998 <= r.lower95 && r.lower95 < 95 && 95 < r.upper95 && r.upper95 <= r.upper998)).toBe(true);
  });
  it('rejects a centre outside 0–1', () => {
    expect(() => funnelProportionLimits(inputs, { centre: 95 })).toThrow('centre must be a proportion in 0–1 (got 95)');
    expect(() => funnelProportionLimitsAt(Number.NaN, 10)).toThrow('centre must be a proportion in 0–1 (got NaN)');
  });
});
