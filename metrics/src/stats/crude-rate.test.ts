import { describe, expect, it } from 'vitest';
import { crudeRate } from './crude-rate.ts';
import { num, readReferenceCsv, type CsvRow } from '../../test/reference.ts';

const close = (actual: number | null, expected: number | null) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};
const methodOf = (text: string) => ({ Exact: 'exact', Byars: 'byars', '': null })[text];

describe('crudeRate against PHEindicatormethods testdata_Rate (reference/phe_excel_fixtures/rate_byars.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/rate_byars.csv');
  it('has the reference cases', () => expect(rows.length).toBe(20));
  it.each(rows.map((r) => ({ case: `${r.area} ${r.numerator || 'NA'}/${r.denominator || 'NA'} per ${r.multiplier}`, r })))('$case', ({ r }) => {
    const x = num(r.numerator), n = num(r.denominator), multiplier = num(r.multiplier)!;
    const ci95 = crudeRate(x, n, { multiplier, level: 0.95 });
    const ci998 = crudeRate(x, n, { multiplier, level: 0.998 });
    close(ci95.value, num(r.value));
    close(ci95.lower, num(r.lower95));
    close(ci95.upper, num(r.upper95));
    close(ci998.lower, num(r.lower998));
    close(ci998.upper, num(r.upper998));
    expect(ci95.method).toBe(methodOf(r.method!));
  });
});

describe('crudeRate on grouped inputs against testdata_Rate_g (reference/phe_excel_fixtures/rate_byars_grouped.csv)', () => {
  const sumOrNull = (values: (number | null)[]) => (values.includes(null) ? null : values.reduce<number>((s, v) => s + v!, 0));
  const byArea = new Map<string, CsvRow[]>();
  for (const r of readReferenceCsv('reference/phe_excel_fixtures/rate_byars.csv')) byArea.set(r.area!, [...(byArea.get(r.area!) ?? []), r]);
  const expected = readReferenceCsv('reference/phe_excel_fixtures/rate_byars_grouped.csv');
  it('has the reference cases', () => expect(expected.length).toBe(12));
  it.each(expected.map((e) => ({ case: e.area, e })))('$case, summed within the area, per 100 000, 95%', ({ e }) => {
    const group = byArea.get(e.area!)!;
    const x = sumOrNull(group.map((r) => num(r.numerator)));
    const n = sumOrNull(group.map((r) => num(r.denominator)));
    expect([x, n]).toEqual([num(e.numerator), num(e.denominator)]);
    const rate = crudeRate(x, n);
    close(rate.value, num(e.value));
    close(rate.lower, num(e.lowercl));
    close(rate.upper, num(e.uppercl));
    expect(rate.method).toBe(methodOf(e.method!));
  });
});

describe('crudeRate edge cases', () => {
  it('gives 0 and a zero lower limit for 0 events', () => {
    const rate = crudeRate(0, 1000);
    expect(rate.value).toBe(0);
    expect(rate.lower).toBe(0);
    expect(rate.upper).toBeCloseTo((-Math.log(0.025) / 1000) * 100_000, 9);
    expect(rate.method).toBe('exact');
  });
  it('switches from exact to Byars at 10 events', () => {
    expect(crudeRate(9, 100).method).toBe('exact');
    expect(crudeRate(10, 100).method).toBe('byars');
  });
  it('allows a count above the denominator', () => expect(crudeRate(250, 220).value).toBeCloseTo(113636.36363636365, 6));
  it('gives nulls for a missing count or denominator', () => {
    expect(crudeRate(null, 100)).toEqual({ value: null, lower: null, upper: null, method: null });
    expect(crudeRate(10, null)).toEqual({ value: null, lower: null, upper: null, method: 'byars' });
  });
  it('rejects a negative count', () => expect(() => crudeRate(-1, 100)).toThrow('count must be a finite number ≥ 0 (got -1)'));
  it('rejects a zero denominator', () => expect(() => crudeRate(5, 0)).toThrow('denominator must be a finite number > 0 (got 0)'));
  it('rejects a non-positive multiplier', () => expect(() => crudeRate(5, 10, { multiplier: 0 })).toThrow('multiplier must be a finite number > 0 (got 0)'));
  it('rejects a percentage level', () => expect(() => crudeRate(5, 10, { level: 95 })).toThrow('confidence level must be between 0 and 1 (got 95)'));
});
