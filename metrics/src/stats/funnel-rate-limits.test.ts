import { describe, expect, it } from 'vitest';
import { funnelRateLimits, type FunnelRateLimitOptions } from './funnel-rate-limits.ts';
import type { FunnelRatePoint } from './funnel-rate-denominators.ts';
import { poissonCdf } from './poisson-cdf.ts';
import { num, readReferenceCsv, type CsvRow } from '../../test/reference.ts';

const rawInputs = readReferenceCsv('reference/phe_excel_fixtures/funnel_rate_limits_inputs.csv').map((r) => ({ events: num(r.ev)!, rate: num(r.rate)! }));
const maxEvents = Math.max(...rawInputs.map((p) => p.events));

/**
 * The package finds each limit's expected count μ by bisection on v = μ/(1 + O + μ) stopping at a step of
 * 2⁻²⁴ ≈ 6e-8, so its populations and limits are off by up to about 6e-8·(1 + O + μ)²/((1 + O)·μ)
 * relative; we compute μ exactly and allow two such steps plus the fixture's 10-digit rounding.
 */
const checkTable = (expected: CsvRow[], points: FunnelRatePoint[], options: FunnelRateLimitOptions) => {
  const table = funnelRateLimits(points, options);
  const { multiplier = 100_000, yearsOfData } = options;
  const perPerson = table.baseline / multiplier;
  expect(table.rows.map((r) => r.events)).toEqual(expected.map((e) => num(e.events)));
  table.rows.forEach((row, i) => {
    const e = expected[i]!;
    expect(Math.abs(table.baseline - num(e.baseline)!)).toBeLessThanOrEqual(1e-9 * num(e.baseline)!);
    const o = row.events;
    for (const [side, population, limit] of [
      ['lower_2s', row.lower95Population, row.lower95],
      ['upper_2s', row.upper95Population, row.upper95],
      ['lower_3s', row.lower998Population, row.lower998],
      ['upper_3s', row.upper998Population, row.upper998],
    ] as const) {
      const mu = population * yearsOfData * perPerson;
      const relative = (2 ** -23 * (1 + o + mu) ** 2) / ((1 + o) * mu) + 1e-9;
      const expectedPopulation = num(e[`${side}_population_1_year`])!;
      const expectedLimit = num(e[`${side}_limit`])!;
      expect(Math.abs(population - expectedPopulation), `events ${o} ${side} population`).toBeLessThanOrEqual(relative * expectedPopulation);
      expect(Math.abs(limit - expectedLimit), `events ${o} ${side} limit`).toBeLessThanOrEqual(relative * expectedLimit);
    }
  });
};

describe('funnelRateLimits, DSRs, against testdata_funnel_rate_outputs (reference/phe_excel_fixtures/funnel_rate_limits_dsr.csv)', () => {
  it('matches all 100 rows for the 50 inputs, per 100 000, 3 years of data', () => {
    checkTable(readReferenceCsv('reference/phe_excel_fixtures/funnel_rate_limits_dsr.csv'), rawInputs, { rateType: 'dsr', multiplier: 1e5, yearsOfData: 3 });
  });
});

describe('funnelRateLimits, crude rates with fewer than 10 events, against testdata_funnel_rate_outputs_2 (reference/phe_excel_fixtures/funnel_rate_limits_crude_lt10.csv)', () => {
  it('matches all 100 rows with the largest event count replaced by 5', () => {
    const points = rawInputs.map((p) => (p.events === maxEvents ? { ...p, events: 5 } : p));
    checkTable(readReferenceCsv('reference/phe_excel_fixtures/funnel_rate_limits_crude_lt10.csv'), points, { rateType: 'crude', multiplier: 1e5, yearsOfData: 3 });
  });
});

describe('funnelRateLimits, crude rates with a 0-event point and denominators, against testdata_funnel_rate_outputs_3 (reference/phe_excel_fixtures/funnel_rate_limits_crude_with_denominator.csv)', () => {
  it('matches all 100 rows (pop = 1e5·ev/rate, largest-ev row set to 0 events and rate 0, only pop > max/2 kept)', () => {
    const withPop = rawInputs.map((p) => ({ ...p, denominator: (1e5 * p.events) / p.rate }));
    const maxPop = Math.max(...withPop.map((p) => p.denominator));
    const points = withPop.map((p) => (p.events === maxEvents ? { ...p, events: 0, rate: 0 } : p)).filter((p) => p.denominator > maxPop / 2);
    expect(points.some((p) => p.events === 0)).toBe(true);
    checkTable(readReferenceCsv('reference/phe_excel_fixtures/funnel_rate_limits_crude_with_denominator.csv'), points, { rateType: 'crude', multiplier: 1e5, yearsOfData: 3 });
  });
});

describe('funnelRateLimits edge cases', () => {
  const points = [{ events: 20, rate: 100 }, { events: 200, rate: 50 }];
  it('reports the baseline per multiplier', () => expect(funnelRateLimits(points, { rateType: 'dsr', yearsOfData: 1 }).baseline).toBeCloseTo((220 / 420_000) * 1e5, 9));
  it('puts each event count exactly on its Poisson tail at population × years × baseline rate', () => {
    const table = funnelRateLimits(points, { rateType: 'dsr', yearsOfData: 3 });
    const perPerson = table.baseline / 1e5;
    for (const row of table.rows.filter((_, i) => i % 11 === 0)) {
      expect(poissonCdf(row.events, row.lower95Population * 3 * perPerson)).toBeCloseTo(0.025, 12);
      expect(1 - poissonCdf(row.events - 1, row.upper998Population * 3 * perPerson)).toBeCloseTo(0.001, 12);
      expect(row.lower95).toBeCloseTo(row.events / (row.lower95Population * 3) * 1e5, 9);
    }
  });
  it('rejects a crude 0-event point without a denominator', () => {
    expect(() => funnelRateLimits([{ events: 0, rate: 0 }, ...points], { rateType: 'crude', yearsOfData: 1 })).toThrow(
      'point 1: a crude rate with 0 events needs a denominator, a finite number > 0 (got null)',
    );
  });
  it('rejects points without any events', () => {
    expect(() => funnelRateLimits([{ events: 0, rate: null, denominator: 100 }], { rateType: 'crude', yearsOfData: 1 })).toThrow('the points must have at least one event between them');
    expect(() => funnelRateLimits([{ events: 0, rate: null }], { rateType: 'dsr', yearsOfData: 1 })).toThrow('at least one point must have events (or, for crude rates, a denominator)');
  });
  it('rejects non-positive years of data', () => expect(() => funnelRateLimits(points, { rateType: 'dsr', yearsOfData: 0 })).toThrow('years of data must be a finite number > 0 (got 0)'));
});
