import { describe, expect, it } from 'vitest';
import { makeStatusInputs } from '../../test/make-status-inputs.ts';
import { compareWithBenchmark } from '../stats/benchmark/compare-with-benchmark.ts';
import { recentTrend } from '../stats/recent-trend.ts';
import { spcXmr, type SpcImprovement } from '../stats/spc/spc-xmr.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { attentionStatus } from './attention-status.ts';
import { spcStatus } from './spc-status.ts';

// Ten quarters of common-cause variation around 82.6%, then six falls: the 7-point trend is complete.
const BASELINE = [82, 84, 81, 83, 82, 84, 81, 83, 82, 83.6];
const FALLS = [83.2, 82.7, 82.1, 81.4, 80.6, 79.7];
const SEVEN_FALLING = [...BASELINE, ...FALLS];

const statusOf = (values: readonly number[], improvement: SpcImprovement = 'increase') =>
  spcStatus(spcXmr(values, { improvement }), values.length > 2 ? spcXmr(values.slice(0, -1), { improvement }) : null);

describe('spcStatus on real spcXmr charts', () => {
  it('the 7th point of a fall completes a trend: a new special cause of concern spanning 7 quarters', () => {
    expect(statusOf(SEVEN_FALLING)).toEqual({ variation: 'concern', rules: ['trend-decreasing'], periods: 7, newThisPeriod: true });
  });

  it('one fall fewer is still common cause', () => {
    expect(statusOf(SEVEN_FALLING.slice(0, -1))).toEqual({ variation: 'common-cause', rules: [], periods: 0, newThisPeriod: false });
  });

  it('a fall that goes on is no longer new, and counts every falling point', () => {
    // The 8th point also leaves the usual range, which takes precedence for that point.
    const values = [80, 81, 80, 81, 80, 81, 80, 79, 78, 77, 76, 75, 74];
    expect(spcXmr(values).points.at(-1)!.rule).toBe('below-lower-limit');
    expect(statusOf(values)).toEqual({ variation: 'concern', rules: ['below-lower-limit', 'trend-decreasing'], periods: 8, newThisPeriod: false });
  });

  it('a fall of a lower-better indicator is an improvement', () => {
    expect(statusOf(SEVEN_FALLING, 'decrease')).toEqual({ variation: 'improvement', rules: ['trend-decreasing'], periods: 7, newThisPeriod: true });
  });

  it('a shift below the mean is a run once it has 7 points', () => {
    const values = [80, 82, 79, 81, 80, 82, 79, 81, 80, 82, 78, 77, 78, 77.5, 78, 77.2, 78.1];
    expect(statusOf(values)).toEqual({ variation: 'concern', rules: ['run-below'], periods: 7, newThisPeriod: true });
  });

  it('one point above the upper limit of a no-judgement chart', () => {
    expect(statusOf([1, 2, 1, 2, 1, 2, 1, 2, 10], 'neutral')).toEqual({ variation: 'neutral-high', rules: ['above-upper-limit'], periods: 1, newThisPeriod: true });
  });

  it('a special cause without an earlier chart is new', () => {
    expect(spcStatus(spcXmr(SEVEN_FALLING), null).newThisPeriod).toBe(true);
  });
});

describe('attentionStatus from the real statistics of a 7-quarter fall', () => {
  // 3,000 children a quarter; London at 84.0%.
  const denominator = 3000;
  const counts = SEVEN_FALLING.map((v) => ({ numerator: Math.round((v / 100) * denominator), denominator }));
  const withLimits = ({ numerator }: { numerator: number }) => {
    const [ci95, ci998] = [wilsonInterval(numerator, denominator, 0.95), wilsonInterval(numerator, denominator, 0.998)];
    return { value: (100 * numerator) / denominator, lower95: 100 * ci95.lower, upper95: 100 * ci95.upper, lower998: 100 * ci998.lower, upper998: 100 * ci998.upper };
  };
  const comparisonAt = (n: number) => compareWithBenchmark(withLimits(counts[n - 1]!), 84, 'higher-better', { levels: 2 });
  const inputsAt = (n: number) => {
    const values = SEVEN_FALLING.slice(0, n);
    return makeStatusInputs({
      value: values.at(-1)!,
      benchmark: { label: 'London', value: 84, comparison: comparisonAt(n) },
      recentTrend: recentTrend(counts.slice(0, n), 'higher-better').label,
      spc: statusOf(values),
    });
  };

  it('the statistics say what the rules need', () => {
    expect(comparisonAt(SEVEN_FALLING.length)).toBe('much-worse');
    expect(recentTrend(counts, 'higher-better').label).toBe('decreasing-getting-worse');
  });

  it('is act, with the fall as its summary', () => {
    const status = attentionStatus(inputsAt(SEVEN_FALLING.length));
    expect(status.severity).toBe('act');
    expect(status.signals.map((s) => s.rule)).toEqual(['spc-concern-and-worse', 'worse-998', 'new-special-cause', 'spc-concern', 'trend-worsening']);
    expect(status.summary).toBe('MMR1 at 24 months in Hackney fell for 7 quarters in a row (special cause); 79.7% against London 84.0%.');
  });

  it('a quarter earlier, before the fall was a special cause or a significant trend, only the comparison with London counted', () => {
    const status = attentionStatus(inputsAt(SEVEN_FALLING.length - 1));
    expect(comparisonAt(SEVEN_FALLING.length - 1)).toBe('much-worse');
    expect(status.severity).toBe('act');
    expect(status.signals.map((s) => s.rule)).toEqual(['worse-998']);
    expect(status.summary).toBe('MMR1 at 24 months in Hackney is significantly worse than London; 80.6% against London 84.0%.');
  });
});
