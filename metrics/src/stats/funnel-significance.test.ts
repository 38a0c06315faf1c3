import { describe, expect, it } from 'vitest';
import { FUNNEL_SIGNIFICANCES, FUNNEL_SIGNIFICANCE_PHE_LABELS, funnelComparison, funnelSignificance, type FunnelSignificance } from './funnel-significance.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

const NOT_APPLICABLE = 'Not applicable for events less than 10 for dsrs';
const pheLabel = (s: FunnelSignificance | null) => (s === null ? NOT_APPLICABLE : FUNNEL_SIGNIFICANCE_PHE_LABELS[s]);

describe('FUNNEL_SIGNIFICANCE_PHE_LABELS', () => {
  it('maps our five labels one to one onto the PHEindicatormethods labels', () => {
    expect(FUNNEL_SIGNIFICANCE_PHE_LABELS).toEqual({
      'high-99.8': 'High (0.001)',
      'high-95': 'High (0.025)',
      none: 'Not significant',
      'low-95': 'Low (0.025)',
      'low-99.8': 'Low (0.001)',
    });
    expect(new Set(Object.values(FUNNEL_SIGNIFICANCE_PHE_LABELS)).size).toBe(5);
  });
});

describe('funnelSignificance, proportions, against testdata_funnel_prop_inputs (reference/phe_excel_fixtures/funnel_proportion_inputs.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/funnel_proportion_inputs.csv');
  const labels = funnelSignificance({ statistic: 'proportion', points: rows.map((r) => ({ numerator: num(r.numerator)!, denominator: num(r.denominator)! })) });
  it('covers all five labels among the 303 areas', () => {
    expect(rows.length).toBe(303);
    expect(new Set(rows.map((r) => r.significance))).toEqual(new Set(Object.values(FUNNEL_SIGNIFICANCE_PHE_LABELS)));
  });
  it.each(rows.map((r, i) => ({ case: r.area, r, i })))('$case', ({ r, i }) => expect(pheLabel(labels[i]!)).toBe(r.significance));
});

describe('funnelSignificance, proportions, against assign_funnel_significance (reference/peer_package_outputs/funnel_prop_significance_fixture.csv)', () => {
  const rows = readReferenceCsv('reference/peer_package_outputs/funnel_prop_significance_fixture.csv');
  it('agrees with the package on all 303 areas', () => {
    const labels = funnelSignificance({ statistic: 'proportion', points: rows.map((r) => ({ numerator: num(r.numerator)!, denominator: num(r.denominator)! })) });
    expect(labels.map(pheLabel)).toEqual(rows.map((r) => r.package));
  });
});

describe('funnelSignificance, ratios, against testdata_funnel_ratio_inputs (reference/phe_excel_fixtures/funnel_ratio_inputs.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/funnel_ratio_inputs.csv');
  const labels = funnelSignificance({ statistic: 'ratio', points: rows.map((r) => ({ observed: num(r.observed)!, expected: num(r.expected)! })) });
  it('has the 300 reference cases, with observed counts below and above 10', () => {
    expect(rows.length).toBe(300);
    expect(rows.some((r) => num(r.observed)! < 10) && rows.some((r) => num(r.observed)! >= 10)).toBe(true);
  });
  it.each(rows.map((r, i) => ({ case: `observed ${r.observed}, expected ${r.expected}`, r, i })))('$case', ({ r, i }) => expect(pheLabel(labels[i]!)).toBe(r.significance));
});

describe('funnelSignificance, rates, against testdata_funnel_rate_dsr_inputs (reference/phe_excel_fixtures/funnel_rate_significance_inputs.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/funnel_rate_significance_inputs.csv');
  const settings = [
    { column: 'dsr_per_100000_with_0', rateType: 'dsr', rate: 'rate_dsr', multiplier: 1e5, withZero: true },
    { column: 'dsr_per_100_with_0', rateType: 'dsr', rate: 'rate_dsr', multiplier: 100, withZero: true },
    { column: 'dsr_per_100000_without_0', rateType: 'dsr', rate: 'rate_dsr', multiplier: 1e5, withZero: false },
    { column: 'dsr_per_100_without_0', rateType: 'dsr', rate: 'rate_dsr', multiplier: 100, withZero: false },
    { column: 'crude_per_100000_with_0', rateType: 'crude', rate: 'rate_crude_per_100000', multiplier: 1e5, withZero: true },
    { column: 'crude_per_100_with_0', rateType: 'crude', rate: 'rate_crude_per_100', multiplier: 100, withZero: true },
    { column: 'crude_per_100000_without_0', rateType: 'crude', rate: 'rate_crude_per_100000', multiplier: 1e5, withZero: false },
    { column: 'crude_per_100_without_0', rateType: 'crude', rate: 'rate_crude_per_100', multiplier: 100, withZero: false },
  ] as const;
  it('has 40 areas, the last with 0 events', () => {
    expect(rows.length).toBe(40);
    expect(num(rows[39]!.count)).toBe(0);
  });
  it.each(settings.map((s) => ({ case: s.column, s })))('$case', ({ s }) => {
    const used = rows.filter((r) => s.withZero || num(r.count) !== 0);
    const labels = funnelSignificance({
      statistic: 'rate',
      rateType: s.rateType,
      multiplier: s.multiplier,
      points: used.map((r) => ({ events: num(r.count)!, rate: num(r[s.rate]), denominator: num(r.pop) })),
    });
    expect(labels.map(pheLabel)).toEqual(used.map((r) => r[s.column]));
  });
});

describe('funnelSignificance edge cases', () => {
  it('labels a DSR with fewer than 10 events not applicable (null) but still uses its events in the baseline', () => {
    const labels = funnelSignificance({ statistic: 'rate', rateType: 'dsr', multiplier: 1e5, points: [{ events: 9, rate: 1000 }, { events: 500, rate: 100 }, { events: 500, rate: 100 }] });
    expect(labels).toEqual([null, 'none', 'none']);
  });
  it('labels a crude rate with 0 events against its denominator', () => {
    const labels = funnelSignificance({ statistic: 'rate', rateType: 'crude', multiplier: 1e5, points: [{ events: 0, rate: 0, denominator: 100_000 }, { events: 1000, rate: 100 }] });
    expect(labels[0]).toBe('low-99.8');
  });
  it('labels a ratio with 0 observed events by its exact upper limits −ln(0.025) = 3.69 and −ln(0.001) = 6.91 only', () => {
    const points = [3, 4, 8].map((expected) => ({ observed: 0, expected }));
    expect(funnelSignificance({ statistic: 'ratio', points })).toEqual(['none', 'low-95', 'low-99.8']);
  });
  it('labels proportions of 0 and 1 (x = 0, x = n)', () => {
    const labels = funnelSignificance({ statistic: 'proportion', points: [{ numerator: 0, denominator: 1000 }, { numerator: 1000, denominator: 1000 }, { numerator: 500, denominator: 1000 }] });
    expect(labels).toEqual(['low-99.8', 'high-99.8', 'none']);
  });
  it('rejects no points', () => expect(() => funnelSignificance({ statistic: 'ratio', points: [] })).toThrow('points must not be empty'));
  it('rejects x > n for proportions', () => {
    expect(() => funnelSignificance({ statistic: 'proportion', points: [{ numerator: 7, denominator: 5 }] })).toThrow('point 1: numerator must be ≤ denominator (got 7 > 5)');
  });
  it('rejects a zero expected count for ratios', () => {
    expect(() => funnelSignificance({ statistic: 'ratio', points: [{ observed: 1, expected: 0 }] })).toThrow('point 1: expected must be a finite number > 0 (got 0)');
  });
  it('rejects a missing rate where there are events', () => {
    expect(() => funnelSignificance({ statistic: 'rate', rateType: 'dsr', multiplier: 1e5, points: [{ events: 12, rate: null }] })).toThrow(
      'point 1: rate must be a finite number > 0 when there are events (got null)',
    );
  });
  it('rejects an unknown statistic', () => {
    expect(() => funnelSignificance({ statistic: 'mean', points: [{}] } as never)).toThrow("statistic must be 'proportion', 'ratio' or 'rate' (got mean)");
  });
});

describe('funnelComparison', () => {
  it('judges a position by the indicator’s polarity, in the comparison vocabulary', () => {
    expect(FUNNEL_SIGNIFICANCES.map((s) => funnelComparison(s, 'higher-better'))).toEqual(['much-better', 'better', 'similar', 'worse', 'much-worse']);
    expect(FUNNEL_SIGNIFICANCES.map((s) => funnelComparison(s, 'lower-better'))).toEqual(['much-worse', 'worse', 'similar', 'better', 'much-better']);
    expect(FUNNEL_SIGNIFICANCES.map((s) => funnelComparison(s, 'no-judgement'))).toEqual(['much-higher', 'higher', 'similar', 'lower', 'much-lower']);
  });
});

// Around a chosen centre, a point is outside a limit exactly when its Wilson interval (PHE's proportion
// sheet) does not reach the centre: just past the interval's end it is outside, just inside it is not.
describe('funnelSignificance, proportions, around a chosen centre, against testdata_Prop (reference/phe_excel_fixtures/proportion_wilson.csv)', () => {
  const areas = readReferenceCsv('reference/phe_excel_fixtures/proportion_wilson.csv').filter((r) => r.multiplier === '1' && r.numerator !== '' && r.denominator !== '');
  const at = (r: (typeof areas)[number], centre: number) => funnelSignificance({ statistic: 'proportion', points: [{ numerator: num(r.numerator)!, denominator: num(r.denominator)! }], centre })[0];
  const step = 1e-9;
  it.each(areas.map((r) => ({ case: `${r.area}, ${r.numerator} of ${r.denominator}`, r })))('$case', ({ r }) => {
    const [lower95, upper95, lower998, upper998] = [num(r.lower95)!, num(r.upper95)!, num(r.lower998)!, num(r.upper998)!];
    expect(at(r, upper998 + step)).toBe('low-99.8');
    expect(at(r, upper998 - step)).toBe('low-95');
    expect(at(r, upper95 + step)).toBe('low-95');
    expect(at(r, upper95 - step)).toBe('none');
    expect(at(r, lower95 + step)).toBe('none');
    expect(at(r, lower95 - step)).toBe('high-95');
    expect(at(r, lower998 + step)).toBe('high-95');
    expect(at(r, lower998 - step)).toBe('high-99.8');
  });
  it('without a centre, compares with the pooled proportion as before', () => {
    const points = [{ numerator: 30, denominator: 100 }, { numerator: 10, denominator: 100 }];
    expect(funnelSignificance({ statistic: 'proportion', points })).toEqual(funnelSignificance({ statistic: 'proportion', points, centre: 0.2 }));
  });
});
