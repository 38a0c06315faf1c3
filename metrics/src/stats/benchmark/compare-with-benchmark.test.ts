import { describe, expect, it } from 'vitest';
import type { Polarity } from '../../catalogue/indicator-spec.ts';
import { BENCHMARK_COMPARISONS, BENCHMARK_COMPARISON_LABELS, compareWithBenchmark } from './compare-with-benchmark.ts';

// 820 of 1000 as a Wilson percentage: 95% CI 79.4978–84.2573, 99.8% CI 77.9485–85.4461 (wilsonInterval,
// checked against the PHEindicatormethods reference sheet), rounded to one decimal here.
const area = { value: 82, lower95: 79.5, upper95: 84.3, lower998: 77.9, upper998: 85.4 };

describe('compareWithBenchmark', () => {
  it.each<{ case: string; benchmark: number; polarity: Polarity; one: string; two: string }>([
    { case: 'benchmark above both intervals, higher is better', benchmark: 88.9, polarity: 'higher-better', one: 'worse', two: 'much-worse' },
    { case: 'benchmark above the 95% but inside the 99.8% interval', benchmark: 85, polarity: 'higher-better', one: 'worse', two: 'worse' },
    { case: 'benchmark below the 95% but inside the 99.8% interval', benchmark: 78.5, polarity: 'higher-better', one: 'better', two: 'better' },
    { case: 'benchmark below both intervals, higher is better', benchmark: 70, polarity: 'higher-better', one: 'better', two: 'much-better' },
    { case: 'benchmark above both intervals, lower is better', benchmark: 88.9, polarity: 'lower-better', one: 'better', two: 'much-better' },
    { case: 'benchmark below both intervals, lower is better', benchmark: 70, polarity: 'lower-better', one: 'worse', two: 'much-worse' },
    { case: 'benchmark above, lower is better, inside 99.8%', benchmark: 85, polarity: 'lower-better', one: 'better', two: 'better' },
    { case: 'benchmark above both intervals, no judgement', benchmark: 88.9, polarity: 'no-judgement', one: 'lower', two: 'much-lower' },
    { case: 'benchmark below both intervals, no judgement', benchmark: 70, polarity: 'no-judgement', one: 'higher', two: 'much-higher' },
    { case: 'benchmark below the 95% interval only, no judgement', benchmark: 78.5, polarity: 'no-judgement', one: 'higher', two: 'higher' },
    { case: 'benchmark inside the 95% interval', benchmark: 82.2, polarity: 'higher-better', one: 'similar', two: 'similar' },
    { case: 'benchmark exactly on the upper 95% limit', benchmark: 84.3, polarity: 'higher-better', one: 'similar', two: 'similar' },
    { case: 'benchmark exactly on the lower 95% limit', benchmark: 79.5, polarity: 'lower-better', one: 'similar', two: 'similar' },
  ])('$case: $one at one level, $two at two', ({ benchmark, polarity, one, two }) => {
    expect(compareWithBenchmark(area, benchmark, polarity, { levels: 1 })).toBe(one);
    expect(compareWithBenchmark(area, benchmark, polarity, { levels: 2 })).toBe(two);
  });

  it('uses one level (95%) by default', () => {
    expect(compareWithBenchmark(area, 70, 'higher-better')).toBe('better');
  });

  it('treats a benchmark just outside a 99.8% limit as beyond it', () => {
    expect(compareWithBenchmark(area, 85.400001, 'higher-better', { levels: 2 })).toBe('much-worse');
    expect(compareWithBenchmark(area, 85.4, 'higher-better', { levels: 2 })).toBe('worse');
  });

  it.each([
    { case: 'the benchmark is missing', a: area, benchmark: null },
    { case: 'the lower 95% limit is missing', a: { ...area, lower95: null }, benchmark: 88.9 },
    { case: 'the upper 95% limit is missing', a: { ...area, upper95: null }, benchmark: 88.9 },
    { case: 'the value is missing', a: { ...area, value: null }, benchmark: 88.9 },
  ])('does not compare when $case', ({ a, benchmark }) => {
    expect(compareWithBenchmark(a, benchmark, 'higher-better', { levels: 1 })).toBe('not-compared');
    expect(compareWithBenchmark(a, benchmark, 'higher-better', { levels: 2 })).toBe('not-compared');
  });

  it('does not compare at two levels when the 99.8% interval is missing, but does at one', () => {
    const only95 = { value: 82, lower95: 79.5, upper95: 84.3 };
    expect(compareWithBenchmark(only95, 88.9, 'higher-better', { levels: 2 })).toBe('not-compared');
    expect(compareWithBenchmark({ ...area, upper998: null }, 88.9, 'higher-better', { levels: 2 })).toBe('not-compared');
    expect(compareWithBenchmark(only95, 88.9, 'higher-better', { levels: 1 })).toBe('worse');
  });

  it('rejects a 95% interval whose lower limit is above its upper limit, naming both', () => {
    expect(() => compareWithBenchmark({ value: 5, lower95: 6, upper95: 4 }, 5, 'higher-better')).toThrow(
      'lower 95% limit must be ≤ upper 95% limit (got 6 > 4)',
    );
  });

  it('rejects a 99.8% interval narrower than the 95% interval', () => {
    expect(() => compareWithBenchmark({ ...area, lower998: 80 }, 70, 'higher-better', { levels: 2 })).toThrow(
      /99\.8% interval must contain the 95% interval/,
    );
  });

  it('rejects a benchmark that is not a finite number', () => {
    expect(() => compareWithBenchmark(area, Number.NaN, 'higher-better')).toThrow('benchmark value must be a finite number or null (got NaN)');
  });

  it('rejects an unknown number of levels', () => {
    expect(() => compareWithBenchmark(area, 70, 'higher-better', { levels: 3 as 1 })).toThrow('levels must be 1 or 2 (got 3)');
  });

  it('rejects an unknown polarity', () => {
    expect(() => compareWithBenchmark(area, 70, 'up' as Polarity)).toThrow(/polarity must be one of .* \(got up\)/);
  });

  it('has a label for every comparison, with the confidence level of significant ones', () => {
    expect(Object.keys(BENCHMARK_COMPARISON_LABELS).sort()).toEqual([...BENCHMARK_COMPARISONS].sort());
    expect(BENCHMARK_COMPARISON_LABELS.better).toBe('Better (95%)');
    expect(BENCHMARK_COMPARISON_LABELS['much-worse']).toBe('Worse (99.8%)');
    expect(BENCHMARK_COMPARISON_LABELS.similar).toBe('Similar');
    expect(BENCHMARK_COMPARISON_LABELS['not-compared']).toBe('Not compared');
  });
});
