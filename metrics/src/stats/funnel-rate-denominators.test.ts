import { describe, expect, it } from 'vitest';
import { funnelRateDenominators } from './funnel-rate-denominators.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

const close = (actual: number | null, expected: number) => expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * expected);

// The workbook's working columns are per year of data: calculate_funnel_points divides these denominators by years_of_data.
describe('funnelRateDenominators against the working columns of testdata_funnel_rate_input_funnels (reference/phe_excel_fixtures/funnel_rate_limits_inputs.csv)', () => {
  const rows = readReferenceCsv('reference/phe_excel_fixtures/funnel_rate_limits_inputs.csv');
  const maxEvents = Math.max(...rows.map((r) => num(r.ev)!));
  it.each(rows.map((r) => ({ case: `ev ${r.ev}, rate ${r.rate}`, r })))('$case', ({ r }) => {
    const ev = num(r.ev)!, rate = num(r.rate)!, pop = num(r.pop)!;
    const [crude] = funnelRateDenominators([{ events: ev, rate }], { rateType: 'crude', multiplier: 1e5 });
    close(crude! / 3, num(r.denominator_derived_crude)!);
    // years_of_data 5, largest event count set to 0 and the population used instead
    const events = ev === maxEvents ? 0 : ev;
    const [withDenominator] = funnelRateDenominators([{ events, rate, denominator: pop }], { rateType: 'crude', multiplier: 1e5 });
    close(withDenominator! / 5, num(r.denominator_derived_crude_with_denom)!);
  });
});

describe('funnelRateDenominators edge cases', () => {
  it('leaves out DSRs with 0 events (null), whatever their rate', () => {
    expect(funnelRateDenominators([{ events: 0, rate: null }, { events: 10, rate: 5 }], { rateType: 'dsr', multiplier: 100 })).toEqual([null, 200]);
  });
  it('derives crude denominators from the rate when there are events, even if a denominator is given', () => {
    expect(funnelRateDenominators([{ events: 10, rate: 5, denominator: 999 }], { rateType: 'crude', multiplier: 100 })).toEqual([200]);
  });
  it('rejects a missing rate where there are events', () => {
    expect(() => funnelRateDenominators([{ events: 3, rate: null }], { rateType: 'dsr', multiplier: 100 })).toThrow('point 1: rate must be a finite number > 0 when there are events (got null)');
  });
  it('rejects a crude 0-event point with a zero denominator', () => {
    expect(() => funnelRateDenominators([{ events: 0, rate: 0, denominator: 0 }], { rateType: 'crude', multiplier: 100 })).toThrow(
      'point 1: a crude rate with 0 events needs a denominator, a finite number > 0 (got 0)',
    );
  });
  it('rejects negative events', () => expect(() => funnelRateDenominators([{ events: -1, rate: 1 }], { rateType: 'dsr', multiplier: 1 })).toThrow('point 1: events must be a finite number ≥ 0 (got -1)'));
  it('rejects an unknown rate type', () => expect(() => funnelRateDenominators([], { rateType: 'isr' as 'dsr', multiplier: 1 })).toThrow("rate type must be 'crude' or 'dsr' (got isr)"));
  it('rejects no points', () => expect(() => funnelRateDenominators([], { rateType: 'dsr', multiplier: 1 })).toThrow('points must not be empty'));
});
