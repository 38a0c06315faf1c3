import { describe, expect, it } from 'vitest';
import { describeUptake, uptakeDatum } from './uptake-datum.ts';

describe('uptakeDatum', () => {
  it('gives the percentage with the Wilson 95% interval', () => {
    // 65 of 100: Wilson 95% CI 0.552544–0.736358 (PHEindicatormethods reference sheet, as in wilson-interval.test.ts).
    const d = uptakeDatum({ key: '1', doses: 65, eligible: 100 }, 'Quintile 1');
    expect(d.value).toBeCloseTo(65, 9);
    expect(d.lower95).toBeCloseTo(55.2544, 3);
    expect(d.upper95).toBeCloseTo(73.6358, 3);
    expect(describeUptake(d)).toBe('65.0% (95% CI 55.3 to 73.6)');
  });

  it('gives no value, with the reason, when nobody was eligible or more doses were given than children were eligible', () => {
    expect(uptakeDatum({ key: 'x', doses: 3, eligible: 0 }, 'X')).toMatchObject({ value: null, lower95: null, note: 'no eligible children' });
    const over = uptakeDatum({ key: 'x', doses: 12, eligible: 10.5 }, 'X');
    expect(over).toMatchObject({ value: null, note: 'more doses than eligible children' });
    expect(describeUptake(over)).toBe('more doses than eligible children');
  });
});
